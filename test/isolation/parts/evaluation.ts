import type { IsolationPart } from './types.ts';

export const evaluationPart: IsolationPart = {
  // An open round of the target community: what a caller elsewhere might try to confirm or close.
  plant: async (q, b) => {
    const [r] = await q.query<{ id: number }>(
      `INSERT INTO evaluation_rounds (org_id, year, opened_by) VALUES ($1, 2026, $2) RETURNING id`,
      [b.communityId, `${b.tag}民主评议`],
    );
    return { roundId: r!.id };
  },
  writes: {
    'POST /api/evaluation-rounds': (t) => [{ body: { orgId: t.orgId, year: 2027 } }],
    'POST /api/evaluation-rounds/:roundId/grades/:personId': () => [{ body: { grade: 'unqualified', reason: '越权' } }],
    'POST /api/evaluation-rounds/:roundId/close': () => [{}],
    'POST /api/evaluation/units/:unitId/report-back': (t) => [{ body: { orgId: t.orgId, year: 2026, body: '越权' } }],
  },
  digest: [
    'SELECT t::text FROM evaluation_rounds t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM evaluation_grades t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM evaluation_unit_reports t WHERE org_id IN (SELECT id FROM o)',
  ],
};
