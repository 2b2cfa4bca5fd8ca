import { defineModule } from '../../kernel/manifest.ts';
import { residentRoutes } from './routes.ts';

export default defineModule({
  name: 'residents',
  routes: residentRoutes,
  isolationPart: null,
});
