import { fileURLToPath } from 'node:url';
import { meetingsDemo } from '../../demo/meetings.ts';
import { defineModule } from '../../kernel/manifest.ts';
import { meetingRoutes } from './routes.ts';
import * as meetings from './service.ts';

export default defineModule({
  name: 'meetings',
  routes: meetingRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: meetingsDemo,
  isolationPart: () => import('../../../../test/isolation/parts/meetings.ts').then((m) => m.meetingsPart),
  statistics: meetings.statisticsFigures(),
  orgHoldings: [{ noun: { zh: '会议', en: 'meetings' }, measure: { zh: '项', en: 'meeting' }, count: meetings.countHeld, move: meetings.moveHeld }],
  // Marks tasks past their deadline for the chair; they read as overdue at once anyway.
  todo: meetings.todo,
  jobs: [{ name: 'meetings.overdue-tasks', everyMs: 60_000, run: (q) => meetings.markOverdue(q) }],
});
