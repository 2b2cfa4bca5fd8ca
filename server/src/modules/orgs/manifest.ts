import { fileURLToPath } from 'node:url';
import { defineModule } from '../../kernel/manifest.ts';
import { orgRoutes } from './routes.ts';
import { statisticsFigures } from './service.ts';

export default defineModule({
  name: 'orgs',
  routes: orgRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  isolationPart: () => import('../../../../test/isolation/parts/orgs.ts').then((m) => m.orgsPart),
  statistics: statisticsFigures(),
});
