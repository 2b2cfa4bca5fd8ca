import { fileURLToPath } from 'node:url';
import { pointsDemo } from '../../demo/points.ts';
import { defineModule } from '../../kernel/manifest.ts';
import { pointsRoutes } from './routes.ts';
import { reachedThreshold, statisticsFigures } from './service.ts';

// Its tables were created by activities' migrations (see owns.ts); its own migrations hold their functions.
// Entries and redemptions are history: they stay with the organization that recorded them.
export default defineModule({
  name: 'points',
  routes: pointsRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: pointsDemo,
  isolationPart: () => import('../../../../test/isolation/parts/points.ts').then((m) => m.pointsPart),
  statistics: statisticsFigures(),
  commendations: [{ key: 'points_threshold', label: { zh: '年度积分达标党员', en: 'Members who reached the yearly points threshold' }, list: reachedThreshold }],
});
