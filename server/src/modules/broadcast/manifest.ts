import { fileURLToPath } from 'node:url';
import { broadcastDemo } from '../../demo/broadcast.ts';
import { defineModule, rowsHeld } from '../../kernel/manifest.ts';
import { broadcastRoutes } from './routes.ts';
import * as broadcast from './service.ts';

export default defineModule({
  name: 'broadcast',
  routes: broadcastRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: broadcastDemo,
  isolationPart: () => import('../../../../test/isolation/parts/broadcast.ts').then((m) => m.broadcastPart),
  jobs: [{ name: 'broadcast.digest', everyMs: 15 * 60_000, run: (q) => broadcast.makeDigests(q) }],
  tasks: [{ name: 'broadcast.deliver', run: (t) => broadcast.deliver(t) }],
  // A dissolved community's group robot keeps speaking for the organization that takes its work; events and deliveries stay where they happened.
  orgHoldings: [rowsHeld({ noun: { zh: '推送订阅', en: 'broadcast subscriptions' }, measure: { zh: '个', en: 'broadcast subscription' } }, ['broadcast_subscriptions'], { named: 'name' })],
});
