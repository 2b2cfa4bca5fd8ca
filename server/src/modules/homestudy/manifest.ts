import { fileURLToPath } from 'node:url';
import { homestudyDemo } from '../../demo/homestudy.ts';
import { defineModule, rowsHeld } from '../../kernel/manifest.ts';
import { homestudyRoutes } from './routes.ts';

export default defineModule({
  name: 'homestudy',
  routes: homestudyRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: homestudyDemo,
  isolationPart: () => import('../../../../test/isolation/parts/homestudy.ts').then((m) => m.homestudyPart),
  // A merged branch's homebound members and their deliveries go with their files to the receiver.
  orgHoldings: [
    rowsHeld({ noun: { zh: '送学上门对象', en: 'homebound members' }, measure: { zh: '名', en: 'homebound member' } }, ['homebound_members', 'study_deliveries']),
  ],
});
