import type { IsolationPart } from './types.ts';

export const recruitmentPart: IsolationPart = {
  plant: async (q, b) => {
    const [row] = await q.query<{ id: number }>(
      `INSERT INTO recruitments (org_id, person_id, applied_on) VALUES ($1, $2, '2024-01-01') RETURNING id`,
      [b.gridBranchId, b.personId],
    );
    return { recruitmentId: row!.id };
  },
  writes: {
    'POST /api/recruitments': (t) => [{ body: { personId: t.personId, orgId: t.orgId, appliedOn: '2024-01-01' } }],
    'POST /api/recruitments/:recruitmentId/advance': () => [{ body: { stage: 'activist', on: '2024-02-01' } }],
    'POST /api/recruitments/:recruitmentId/sponsors': (t) => [{ body: { sponsorIds: [t.personId, t.personId + 1] } }],
    'POST /api/recruitments/:recruitmentId/withdraw': () => [{ body: { on: '2024-02-01', reason: '测试' } }],
    'POST /api/recruitments/:recruitmentId/notice': () => [{ body: { startsOn: '2024-02-01', endsOn: '2024-02-10' } }],
  },
  digest: ['SELECT t::text FROM recruitments t WHERE org_id IN (SELECT id FROM o)'],
};
