import { fileURLToPath } from 'node:url';
import { defineModule } from '../../kernel/manifest.ts';
import { userRoutes } from './routes.ts';
import * as users from './service.ts';

export default defineModule({
  name: 'users',
  routes: userRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  isolationPart: () => import('../../../../test/isolation/parts/users.ts').then((m) => m.usersPart),
  orgHoldings: [{ noun: { zh: '账号', en: 'accounts' }, measure: { zh: '个', en: 'account' }, count: users.countManagedBy, move: (q, m) => users.transferManaged(q, m.from, m.to) }],
});
