import { fileURLToPath } from 'node:url';
import { fundsStep } from '../../demo/funds.ts';
import { defineModule, rowsHeld } from '../../kernel/manifest.ts';
import { fundRoutes } from './routes.ts';
import { statisticsFigures } from './service.ts';

export default defineModule({
  name: 'funds',
  routes: fundRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: fundsStep,
  isolationPart: () => import('../../../../test/isolation/parts/funds.ts').then((m) => m.fundsPart),
  statistics: statisticsFigures(),
  // Sources move with their budgets (ON UPDATE CASCADE); the ledger, the
  // guideline as applied and in-kind records are history and stay.
  orgHoldings: [rowsHeld({ noun: { zh: '经费来源', en: 'fund sources' }, measure: { zh: '项', en: 'fund source' } }, ['fund_sources'], { named: 'name' })],
});
