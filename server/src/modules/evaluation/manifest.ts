import { fileURLToPath } from 'node:url';
import { evaluationDemo } from '../../demo/evaluation.ts';
import { defineModule, rowsHeld } from '../../kernel/manifest.ts';
import { evaluationRoutes } from './routes.ts';
import { excellentMembers, statisticsFigures } from './service.ts';

// A round's grades follow it through their composite key (ON UPDATE CASCADE);
// a community's reports back to units move beside its rounds.
export default defineModule({
  name: 'evaluation',
  routes: evaluationRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: evaluationDemo,
  isolationPart: () => import('../../../../test/isolation/parts/evaluation.ts').then((m) => m.evaluationPart),
  statistics: statisticsFigures(),
  commendations: [{ key: 'excellent_members', label: { zh: '民主评议优秀党员', en: 'Members graded excellent' }, list: excellentMembers }],
  orgHoldings: [rowsHeld({ noun: { zh: '民主评议', en: 'evaluation rounds' }, measure: { zh: '轮', en: 'evaluation round' } }, ['evaluation_rounds', 'evaluation_unit_reports'])],
});
