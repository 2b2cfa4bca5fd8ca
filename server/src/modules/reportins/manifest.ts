import { fileURLToPath } from 'node:url';
import { defineModule, rowsHeld } from '../../kernel/manifest.ts';
import { reportInRoutes } from './routes.ts';
import { statisticsFigures, todo } from './service.ts';

export default defineModule({
  name: 'reportins',
  routes: reportInRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  isolationPart: () => import('../../../../test/isolation/parts/reportins.ts').then((m) => m.reportInsPart),
  statistics: statisticsFigures(),
  todo,
  orgHoldings: [rowsHeld({ noun: { zh: '报到记录', en: 'report-ins' }, measure: { zh: '条', en: 'report-in' } }, ['report_ins'])],
});
