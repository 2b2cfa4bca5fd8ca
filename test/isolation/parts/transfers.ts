import type { IsolationPart } from './types.ts';

export const transfersPart: IsolationPart = {
  plant: async (q, b) => {
    const [row] = await q.query<{ id: number }>(
      `INSERT INTO transfers (person_id, from_org_id, to_org_id, reason) VALUES ($1, $2, $3, $4) RETURNING id`,
      [b.personId, b.gridBranchId, b.communityId, `${b.tag}转接`],
    );
    return { transferId: row!.id };
  },
  writes: {
    'POST /api/transfers': (t, own) => [{ body: { personId: t.personId, toOrgId: own.orgId, reason: '越权转接' } }],
    'POST /api/transfers/:transferId/approve': () => [{}],
    'POST /api/transfers/:transferId/return': () => [{ body: { note: '越权退回' } }],
    'POST /api/transfers/:transferId/withdraw': () => [{}],
    'POST /api/transfers/:transferId/resubmit': () => [{ body: { toOutside: '越权', reason: '越权' } }],
    'POST /api/transfers/:transferId/receive': () => [{}],
  },
  digest: ['SELECT t::text FROM transfers t WHERE from_org_id IN (SELECT id FROM o)'],
};
