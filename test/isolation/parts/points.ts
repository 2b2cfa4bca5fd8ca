import type { IsolationPart } from './types.ts';

const year = new Date().getFullYear();
const day = `${year}-06-01`;

export const pointsPart: IsolationPart = {
  plant: async (q, b) => {
    const [rule] = await q.query<{ id: number }>(
      `INSERT INTO points_rules (org_id, kind, name, points, effective_from) VALUES ($1, 'bonus', $2, 2, $3) RETURNING id`,
      [b.communityId, `${b.tag}加分`, `${year}-01-01`],
    );
    return { ruleId: rule!.id };
  },
  writes: {
    'POST /api/points/rules': (t) => [{ body: { orgId: t.orgId, kind: 'attend', name: '越权规则', points: 5, effectiveFrom: day } }],
    'POST /api/points/rerun': (t) => [{ body: { orgId: t.orgId, year } }],
    'POST /api/points/entries': (t, own) => [
      { body: { personId: t.personId, orgId: t.orgId, ruleId: t.ids.ruleId, reason: '越权', on: day } },
      { body: { personId: t.personId, orgId: own.orgId, ruleId: t.ids.ruleId, reason: '越权', on: day } },
    ],
    'POST /api/points/redemptions': (t, own) => [
      { body: { personId: t.personId, orgId: t.orgId, points: 1, reason: '越权' } },
      { body: { personId: t.personId, orgId: own.orgId, points: 1, reason: '越权' } },
    ],
  },
  digest: [
    'SELECT t::text FROM points_rules t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM points_entries t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM points_spendable t WHERE org_id IN (SELECT id FROM o)',
  ],
};
