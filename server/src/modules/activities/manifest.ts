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
  statistics: activities.statisticsFigures(),
  // Future occurrences of recurring activities appear without anyone asking.
  orgHoldings: [
    rowsHeld({ noun: { zh: '活动', en: 'activities' }, measure: { zh: '场', en: 'activity' } }, ['activities', 'activity_signups']),
    rowsHeld({ noun: { zh: '周期活动', en: 'recurring activities' }, measure: { zh: '个', en: 'recurring activity' } }, ['activity_series', 'activity_series_bookings'], { named: 'title' }),
    rowsHeld({ noun: { zh: '志愿服务队', en: 'volunteer teams' }, measure: { zh: '支', en: 'volunteer team' } }, ['volunteer_teams', 'volunteer_team_members'], { named: 'name' }),
  ],
  todo: activities.todo,
  fundTargets: [{
    kind: 'activity',
    find: async (q, scope, id) => {
      const a = await activities.get(q, scope, id);
      return { label: a.title, orgIds: [a.orgId] };
    },
    // What is coming first, then the most recent: what was just held is what gets paid for.
    candidates: async (q, scope, orgId) =>
      [...(await activities.list(q, scope, { orgId, when: 'upcoming' })), ...(await activities.list(q, scope, { orgId, when: 'past' }))].map((a) => ({ id: a.id, label: a.title, orgId: a.orgId })),
  }],
  jobs: [{ name: 'activities.generate-occurrences', everyMs: 60 * 60_000, run: (q) => activities.generateDue(q) }],
});
