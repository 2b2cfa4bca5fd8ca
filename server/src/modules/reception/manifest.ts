import { fileURLToPath } from 'node:url';
import { receptionDemo } from '../../demo/reception.ts';
import { defineModule, rowsHeld } from '../../kernel/manifest.ts';
import { receptionRoutes } from './routes.ts';
import * as reception from './service.ts';

export default defineModule({
  name: 'reception',
  routes: receptionRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: receptionDemo,
  isolationPart: () => import('../../../../test/isolation/parts/reception.ts').then((m) => m.receptionPart),
  statistics: reception.statisticsFigures(),
  // The visits' needs move with needs' own holding.
  orgHoldings: [rowsHeld({ noun: { zh: '接待站代表', en: 'reception office representatives' }, measure: { zh: '名', en: 'reception office representative' } }, ['reception_representatives', 'reception_duty_slots', 'reception_visits'])],
});
