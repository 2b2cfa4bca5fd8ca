import { fileURLToPath } from 'node:url';
import { defineModule } from '../../kernel/manifest.ts';
import { auditRoutes } from './routes.ts';

export default defineModule({
  name: 'audit',
  routes: auditRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  isolationPart: null,
});
