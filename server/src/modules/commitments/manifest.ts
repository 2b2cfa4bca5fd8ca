import { fileURLToPath } from 'node:url';
import { commitmentsDemo } from '../../demo/commitments.ts';
import { defineModule, rowsHeld } from '../../kernel/manifest.ts';
import { commitmentRoutes } from './routes.ts';
import { todo, wellRatedUnits } from './service.ts';

// A commitment's items, reports, questions and ratings follow it through
// their composite keys (ON UPDATE CASCADE); the community's report windows move beside it.
export default defineModule({
  name: 'commitments',
  routes: commitmentRoutes,
  todo,
  commendations: [{ key: 'well_rated_units', label: { zh: '双述双评满意的驻区单位', en: 'Units whose pledge was rated satisfying' }, list: wellRatedUnits }],
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: commitmentsDemo,
  isolationPart: () => import('../../../../test/isolation/parts/commitments.ts').then((m) => m.commitmentsPart),
  orgHoldings: [rowsHeld({ noun: { zh: '承诺', en: 'commitments' }, measure: { zh: '份', en: 'commitment' } }, ['commitments', 'commitment_windows'])],
});
