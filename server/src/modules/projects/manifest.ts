import { fileURLToPath } from 'node:url';
import { projectsDemo } from '../../demo/projects.ts';
import { defineModule, rowsHeld } from '../../kernel/manifest.ts';
import { projectRoutes } from './routes.ts';
import * as projects from './service.ts';

export default defineModule({
  name: 'projects',
  routes: projectRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: projectsDemo,
  isolationPart: () => import('../../../../test/isolation/parts/projects.ts').then((m) => m.projectsPart),
  fundTargets: [{
    kind: 'project',
    find: async (q, scope, id) => {
      const p = await projects.detail(q, scope, id);
      return { label: p.name, orgIds: [p.orgId] };
    },
    candidates: async (q, scope, orgId) => (await projects.list(q, scope, orgId)).map((p) => ({ id: p.id, label: p.name, orgId: p.orgId })),
  }],
  orgHoldings: [rowsHeld({ noun: { zh: '项目', en: 'projects' }, measure: { zh: '个', en: 'project' } }, ['projects', 'project_parties', 'project_needs', 'project_updates'], { named: 'name' })],
});
