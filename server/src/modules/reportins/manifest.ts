import { fileURLToPath } from 'node:url';
import { defineModule, rowsHeld } from '../../kernel/manifest.ts';
import { reportInRoutes } from './routes.ts';

export default defineModule({
  name: 'reportins',
  routes: reportInRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  isolationPart: () => import('../../../../test/isolation/parts/reportins.ts').then((m) => m.reportInsPart),
  orgHoldings: [rowsHeld({ noun: '报到记录', measure: '条' }, ['report_ins'])],
});
