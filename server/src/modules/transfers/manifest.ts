import { fileURLToPath } from 'node:url';
import { defineModule } from '../../kernel/manifest.ts';
import { transferRoutes } from './routes.ts';

export default defineModule({
  name: 'transfers',
  routes: transferRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  isolationPart: () => import('../../../../test/isolation/parts/transfers.ts').then((m) => m.transfersPart),
});
