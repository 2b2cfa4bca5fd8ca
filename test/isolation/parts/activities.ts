import type { IsolationPart } from './types.ts';

const year = new Date().getFullYear();
const day = `${year}-06-01`;
const activity = (orgId: number) => ({
  orgId, kind: 'volunteer', title: '越权活动', place: '越权地点', startsAt: `${day}T09:00:00+08:00`, endsAt: `${day}T11:00:00+08:00`, capacity: 5, audience: ['members'],
});

export const activitiesPart: IsolationPart = {
  plant: async (q, b) => {
    const one = async (sql: string, params: unknown[]) => (await q.query<{ id: number }>(`${sql} RETURNING id`, params))[0]!.id;
    const teamId = await one(`INSERT INTO volunteer_teams (org_id, name) VALUES ($1, $2)`, [b.communityId, `${b.tag}志愿队`]);
    const teamMemberId = await one(`INSERT INTO volunteer_team_members (org_id, team_id, person_id, role) VALUES ($1, $2, $3, 'leader')`, [b.communityId, teamId, b.personId]);
    const seriesId = await one(
      `INSERT INTO activity_series (org_id, title, kind, place, week_of_month, weekday, start_time, minutes, capacity, audience, starts_on, ends_on)
       VALUES ($1, $2, 'open_day', $2, 1, 5, '09:00', 120, 10, '{members}', $3, $4)`,
      [b.communityId, `${b.tag}开放日`, `${year}-01-01`, `${year}-12-31`],
    );
    const activityId = await one(
      `INSERT INTO activities (org_id, kind, title, place, starts_at, ends_at, capacity, audience)
       VALUES ($1, 'volunteer', $2, $2, now() - interval '1 hour', now() + interval '1 hour', 5, '{members,residents}')`,
      [b.communityId, `${b.tag}志愿服务`],
    );
    const signupId = await one(
      `INSERT INTO activity_signups (org_id, activity_id, person_id, user_id, unit_id) VALUES ($1, $2, $3, $4, $5)`,
      [b.communityId, activityId, b.personId, b.userId, b.unitId],
    );
    await q.query(`INSERT INTO service_logs (org_id, person_id, served_on, what, place, hours) VALUES ($1, $2, $3, $4, $4, 2)`, [b.communityId, b.personId, day, `${b.tag}服务`]);
    return { teamId, teamMemberId, seriesId, activityId, signupId };
  },
  writes: {
    'POST /api/activities': (t, own) => [
      { body: activity(t.orgId) },
      { body: { ...activity(own.orgId), organizerKind: 'unit', unitId: t.unitId } },
      // Another community's venue, needs and project are out of reach too.
      { body: { ...activity(own.orgId), place: null, venueId: t.ids.venueId } },
      { body: { ...activity(own.orgId), needIds: [t.ids.needId], projectId: t.ids.projectId } },
    ],
    'POST /api/activities/:activityId/cancel': () => [{}],
    'POST /api/activities/:activityId/reschedule': () => [{ body: { startsAt: `${year + 1}-06-01T09:00:00+08:00`, endsAt: `${year + 1}-06-01T10:00:00+08:00` } }],
    'POST /api/activities/:activityId/signup': () => [{}],
    'POST /api/activities/:activityId/cancel-signup': () => [{}],
    'POST /api/activities/:activityId/checkin': () => [{ body: { token: 'forged' } }],
    'POST /api/activities/:activityId/checkout': () => [{}],
    'POST /api/signups/:signupId/confirm': () => [{ body: { hours: 2 } }],
    'POST /api/signups/:signupId/mark': () => [{ body: { status: 'leave' } }],
    'POST /api/activity-kinds': (t) => [{ body: { orgId: t.orgId, name: '越权类型' } }],
    'POST /api/activity-series': (t, own) => [
      { body: { orgId: t.orgId, title: '越权周期', kind: 'open_day', place: '越权', weekOfMonth: 1, weekday: 5, startTime: '09:00', minutes: 60, capacity: 5, audience: ['members'], startsOn: day, endsOn: day } },
      { body: { orgId: own.orgId, title: '越权周期', kind: 'open_day', venueId: t.ids.venueId, weekOfMonth: 1, weekday: 5, startTime: '09:00', minutes: 60, capacity: 5, audience: ['members'], startsOn: day, endsOn: `${year + 1}-12-31` } },
    ],
    'POST /api/activity-series/:seriesId/generate': () => [{}],
    'POST /api/volunteer-teams': (t) => [{ body: { orgId: t.orgId, name: '越权队伍' } }],
    'POST /api/volunteer-teams/:teamId/members': (t) => [{ body: { personId: t.personId } }],
    'DELETE /api/volunteer-teams/:teamId/members/:teamMemberId': () => [{}],
    'POST /api/service-logs': (t, own) => [
      { body: { orgId: t.orgId, personId: t.personId, servedOn: day, what: '越权', place: '越权', hours: 1 } },
      { body: { orgId: own.orgId, personId: t.personId, servedOn: day, what: '越权', place: '越权', hours: 1 } },
    ],
    'POST /api/users/:userId/calendar-feed': () => [{}, { params: 'own' }],
    'POST /api/certificates': (t, own) => [
      { body: { orgId: t.orgId, personId: t.personId, year } },
      { body: { orgId: own.orgId, personId: t.personId, year } },
    ],
  },
  digest: [
    'SELECT t::text FROM activities t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM activity_series t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM activity_series_bookings t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM activity_signups t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM activity_kinds t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM volunteer_teams t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM volunteer_team_members t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM service_logs t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM service_certificates t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM calendar_feeds t WHERE org_id IN (SELECT id FROM o)',
  ],
};
