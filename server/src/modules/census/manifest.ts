import { fileURLToPath } from 'node:url';
import { censusDemo } from '../../demo/census.ts';
import { defineModule } from '../../kernel/manifest.ts';
import { censusRoutes } from './routes.ts';

export default defineModule({
  name: 'census',
  routes: censusRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: censusDemo,
  isolationPart: () => import('../../../../test/isolation/parts/census.ts').then((m) => m.censusPart),
});
