import type { IsolationPart } from './types.ts';

/**
 * A homebound member of the target (its employed member, marked ill) and a
 * delivery of a study to them, taken by the target's own account holder: the
 * reason and the task stay the target's; no one else marks, schedules or
 * records.
 */
export const homestudyPart: IsolationPart = {
  plant: async (q, b) => {
    const one = async (sql: string, params: unknown[]) => (await q.query<{ id: number }>(`${sql} RETURNING id`, params))[0]!.id;
    const [person] = await q.query<{ org_id: number; name: string }>(`SELECT org_id, name FROM people WHERE id = $1`, [b.personId]);
    const homeboundId = await one(`INSERT INTO homebound_members (org_id, person_id, reason) VALUES ($1, $2, 'ill')`, [person!.org_id, b.personId]);
    const deliverer = await one(`INSERT INTO people (org_id, name, is_member) VALUES ($1, $2, true)`, [b.communityId, `${b.tag}送学人`]);
    const study = await one(
      `INSERT INTO activities (org_id, kind, title, place, starts_at, ends_at, capacity, audience)
       VALUES ($1, 'party_day', $2, $2, now() - interval '1 day', now() - interval '22 hours', 5, '{members}')`,
      [b.communityId, `${b.tag}主题党日`],
    );
    const deliveryId = await one(
      `INSERT INTO study_deliveries (org_id, homebound_id, person_id, person_name, activity_id, deliverer_person_id, deliverer_user_id, deliverer_name, due_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, current_date)`,
      [person!.org_id, homeboundId, b.personId, person!.name, study, deliverer, b.userId, `${b.tag}送学人`],
    );
    return { homeboundId, deliveryId };
  },
  writes: {
    'POST /api/homebound-members': (t) => [{ body: { personId: t.personId, reason: 'elderly' } }],
    'POST /api/homebound-members/:homeboundId/deliveries': (t, own) => [
      { body: { activityId: t.ids.activityId, delivererPersonId: t.personId, dueOn: '2026-01-01' } },
      { body: { activityId: t.ids.activityId, delivererPersonId: own.userId, dueOn: '2026-01-01' } },
    ],
    'POST /api/study-deliveries/:deliveryId/deliver': () => [{ body: { note: '越权' } }],
  },
  digest: [
    'SELECT t::text FROM homebound_members t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM study_deliveries t WHERE org_id IN (SELECT id FROM o)',
  ],
};
