import { fileURLToPath } from 'node:url';
import { projectsDemo } from '../../demo/projects.ts';
import { defineModule, rowsHeld } from '../../kernel/manifest.ts';
import { projectRoutes } from './routes.ts';

export default defineModule({
  name: 'projects',
  routes: projectRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: projectsDemo,
  isolationPart: () => import('../../../../test/isolation/parts/projects.ts').then((m) => m.projectsPart),
  orgHoldings: [rowsHeld({ noun: '项目', measure: '个' }, ['projects', 'project_parties', 'project_needs', 'project_updates'], { named: 'name' })],
});
