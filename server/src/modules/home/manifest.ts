import { defineModule } from '../../kernel/manifest.ts';
import { homeRoutes } from './routes.ts';

// No data of its own: it lists what the other modules' `todo` sources find.
export default defineModule({
  name: 'home',
  routes: homeRoutes,
  isolationPart: null,
});
