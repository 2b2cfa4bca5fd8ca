import { pointsDemo } from '../../demo/points.ts';
import { defineModule } from '../../kernel/manifest.ts';
import { pointsRoutes } from './routes.ts';

// Its tables were created by activities' migrations (see owns.ts), so it has no migrations folder.
// Entries and redemptions are history: they stay with the organization that recorded them.
export default defineModule({
  name: 'points',
  routes: pointsRoutes,
  demoStep: pointsDemo,
  isolationPart: () => import('../../../../test/isolation/parts/points.ts').then((m) => m.pointsPart),
});
