import { fileURLToPath } from 'node:url';
import { allianceDemo } from '../../demo/alliance.ts';
import { defineModule } from '../../kernel/manifest.ts';
import { allianceRoutes } from './routes.ts';
import * as alliance from './service.ts';

export default defineModule({
  name: 'alliance',
  routes: allianceRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: allianceDemo,
  isolationPart: () => import('../../../../test/isolation/parts/alliance.ts').then((m) => m.alliancePart),
  // A page that shows something moves to the receiving organization, unless
  // the receiver has settings of its own, which then stand.
  orgHoldings: [{ noun: { zh: '联盟公开页', en: 'alliance pages' }, measure: { zh: '个', en: 'alliance page' }, count: alliance.countHeld, move: alliance.moveHeld }],
});
