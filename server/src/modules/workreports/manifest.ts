import { fileURLToPath } from 'node:url';
import { workReportsDemo } from '../../demo/workreports.ts';
import { defineModule } from '../../kernel/manifest.ts';
import { workReportRoutes } from './routes.ts';

export default defineModule({
  name: 'workreports',
  routes: workReportRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: workReportsDemo,
  isolationPart: () => import('../../../../test/isolation/parts/workreports.ts').then((m) => m.workReportsPart),
  // Reports and comments are history: they stay with the organization that filed or wrote them.
});
