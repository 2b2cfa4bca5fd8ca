import { fileURLToPath } from 'node:url';
import { postsDemo } from '../../demo/posts.ts';
import { defineModule } from '../../kernel/manifest.ts';
import { postRoutes } from './routes.ts';
import * as posts from './service.ts';

export default defineModule({
  name: 'posts',
  routes: postRoutes,
  todo: posts.todo,
  commendations: [{ key: 'serving_holders', label: { zh: '履职的岗位党员', en: 'Duty-post holders who served' }, list: posts.servingHolders }],
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: postsDemo,
  isolationPart: () => import('../../../../test/isolation/parts/posts.ts').then((m) => m.postsPart),
  // A grid's posts follow their grid (grids' holding); a community's own posts are moved here.
  orgHoldings: [{ noun: { zh: '岗位', en: 'duty posts' }, measure: { zh: '个', en: 'duty post' }, count: posts.countHeld, move: posts.moveHeld }],
});
