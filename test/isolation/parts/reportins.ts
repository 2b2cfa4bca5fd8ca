import type { IsolationPart } from './types.ts';

export const reportInsPart: IsolationPart = {
  plant: async (q, b) => {
    const [row] = await q.query<{ id: number }>(
      `INSERT INTO report_ins (org_id, unit_id, person_id) VALUES ($1, $2, $3) RETURNING id`,
      [b.communityId, b.unitId, b.personId],
    );
    return { reportInId: row!.id };
  },
  writes: {
    'POST /api/report-ins': (t) => [{ body: { personId: t.personId, orgId: t.orgId } }],
    'POST /api/report-ins/:reportInId/withdraw': () => [{}],
    'POST /api/report-ins/:reportInId/accept': () => [{}],
    'POST /api/report-ins/:reportInId/decline': () => [{ body: { reason: '越权退回' } }],
    'POST /api/report-ins/:reportInId/commitment': () => [{ body: { serviceItem: '越权', commitment: '越权' } }],
  },
  digest: ['SELECT t::text FROM report_ins t WHERE org_id IN (SELECT id FROM o)'],
};
