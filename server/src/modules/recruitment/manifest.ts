import { fileURLToPath } from 'node:url';
import { membersDemo } from '../../demo/members.ts';
import { defineModule, rowsHeld } from '../../kernel/manifest.ts';
import { recruitmentRoutes } from './routes.ts';

export default defineModule({
  name: 'recruitment',
  routes: recruitmentRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: membersDemo,
  isolationPart: () => import('../../../../test/isolation/parts/recruitment.ts').then((m) => m.recruitmentPart),
  orgHoldings: [rowsHeld({ noun: { zh: '发展党员记录', en: 'recruitment records' }, measure: { zh: '条', en: 'recruitment record' } }, ['recruitments'])],
});
