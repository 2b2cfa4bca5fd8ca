import { fileURLToPath } from 'node:url';
import { resourcesStep } from '../../demo/resources.ts';
import { defineModule, rowsHeld } from '../../kernel/manifest.ts';
import { resourceRoutes } from './routes.ts';
import { todo } from './service.ts';

export default defineModule({
  name: 'resources',
  routes: resourceRoutes,
  todo,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: resourcesStep,
  isolationPart: () => import('../../../../test/isolation/parts/resources.ts').then((m) => m.resourcesPart),
  // Venues and their bookings follow their resource (migration 0190).
  orgHoldings: [rowsHeld({ noun: { zh: '资源', en: 'resources' }, measure: { zh: '项', en: 'resource' } }, ['resources', 'resource_reveals'], { named: 'name' })],
});
