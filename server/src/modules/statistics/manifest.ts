import { defineModule } from '../../kernel/manifest.ts';
import { statisticsRoutes } from './routes.ts';

// Counts only: every figure is the module's own (its manifest's `statistics`),
// so statistics has no tables, no demo records and no part of the matrix.
export default defineModule({
  name: 'statistics',
  routes: statisticsRoutes,
  isolationPart: null,
});
