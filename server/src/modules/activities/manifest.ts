import { fileURLToPath } from 'node:url';
import { activitiesDemo } from '../../demo/activities.ts';
import { defineModule, rowsHeld } from '../../kernel/manifest.ts';
import { activityRoutes } from './routes.ts';
import * as activities from './service.ts';

export default defineModule({
  name: 'activities',
  routes: activityRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: activitiesDemo,
  isolationPart: () => import('../../../../test/isolation/parts/activities.ts').then((m) => m.activitiesPart),
  // Future occurrences of recurring activities appear without anyone asking.
  orgHoldings: [
    rowsHeld({ noun: '活动', measure: '场' }, ['activities', 'activity_signups']),
    rowsHeld({ noun: '周期活动', measure: '个' }, ['activity_series', 'activity_series_bookings'], { named: 'title' }),
    rowsHeld({ noun: '志愿服务队', measure: '支' }, ['volunteer_teams', 'volunteer_team_members'], { named: 'name' }),
  ],
  jobs: [{ name: 'activities.generate-occurrences', everyMs: 60 * 60_000, run: (q) => activities.generateDue(q) }],
});
