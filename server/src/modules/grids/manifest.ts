import { fileURLToPath } from 'node:url';
import { gridsDemo } from '../../demo/grids.ts';
import { defineModule } from '../../kernel/manifest.ts';
import { gridsHeld } from './holdings.ts';
import { gridRoutes } from './routes.ts';
import { GRID_INDICATORS, coverageGaps, statisticsFigures, todo } from './service.ts';

export default defineModule({
  name: 'grids',
  routes: gridRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: gridsDemo,
  indicators: GRID_INDICATORS,
  isolationPart: () => import('../../../../test/isolation/parts/grids.ts').then((m) => m.gridsPart),
  statistics: statisticsFigures(),
  orgHoldings: [gridsHeld],
  coverageGaps,
  todo,
});
