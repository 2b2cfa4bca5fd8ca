import { fileURLToPath } from 'node:url';
import { peopleDemo } from '../../demo/people.ts';
import { defineModule, rowsHeld } from '../../kernel/manifest.ts';
import { peopleRoutes } from './routes.ts';
import { coverageGaps, figuresUnder, statisticsFigures } from './service.ts';

export default defineModule({
  name: 'people',
  routes: peopleRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: peopleDemo,
  isolationPart: () => import('../../../../test/isolation/parts/people.ts').then((m) => m.peoplePart),
  statistics: statisticsFigures(),
  orgHoldings: [rowsHeld({ noun: { zh: '人员', en: 'people' }, measure: { zh: '名', en: 'person' } }, ['people'])],
  orgFigures: figuresUnder,
  coverageGaps,
});
