import { fileURLToPath } from 'node:url';
import { defineModule } from '../../kernel/manifest.ts';
import { residentRoutes } from './routes.ts';

export default defineModule({
  name: 'residents',
  routes: residentRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  isolationPart: null,
});
