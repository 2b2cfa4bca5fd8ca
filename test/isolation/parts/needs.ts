import type { IsolationPart } from './types.ts';

export const needsPart: IsolationPart = {
  plant: async (q, b) => {
    const [need] = await q.query<{ id: number }>(
      `INSERT INTO needs (org_id, kind, source, category, title, requester_name) VALUES ($1, 'micro_wish', 'staff', 'living', $2, $3) RETURNING id`,
      [b.gridBranchId, `${b.tag}心愿`, `${b.tag}居民`],
    );
    // Published: in the wish pool of its own community, and only there.
    await q.query(`UPDATE needs SET status = 'accepted' WHERE id = $1`, [need!.id]);
    const [photo] = await q.query<{ id: number }>(
      `INSERT INTO need_photos (org_id, need_id, purpose, mime, content) VALUES ($1, $2, 'need', 'image/png', '\\x89504e470d0a1a0a') RETURNING id`,
      [b.gridBranchId, need!.id],
    );
    return { needId: need!.id, photoId: photo!.id };
  },
  writes: {
    'POST /api/needs': (t) => [{ body: { kind: 'request', category: 'other', orgId: t.orgId, title: '越权', requesterName: '越权' } }],
    'POST /api/needs/:needId/photos': () => [{ body: { purpose: 'need', photos: ['data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='] } }],
    'POST /api/needs/:needId/reveal': () => [{ body: { field: 'phone' } }],
    'POST /api/needs/:needId/accept': () => [{}],
    'POST /api/needs/:needId/reject': () => [{ body: { reason: '越权' } }],
    'POST /api/needs/:needId/cancel': () => [{ body: { reason: '越权' } }],
    'POST /api/needs/:needId/dispatch': (t) => [{ body: { unitId: t.unitId, deadline: '2099-01-01T00:00:00+08:00' } }],
    'POST /api/needs/:needId/recall': () => [{ body: { reason: '越权' } }],
    'POST /api/needs/:needId/respond': () => [{ body: { note: '越权' } }],
    'POST /api/needs/:needId/start': () => [{}],
    'POST /api/needs/:needId/done': () => [{ body: { result: '越权' } }],
    'POST /api/needs/:needId/check': () => [{}],
    'POST /api/needs/:needId/return': () => [{ body: { reason: '越权' } }],
    'POST /api/needs/:needId/close': () => [{}],
    'POST /api/needs/:needId/confirm': () => [{}],
    'POST /api/needs/:needId/rate': () => [{ body: { rating: 1 } }],
    'POST /api/needs/:needId/rate-department': () => [{ body: { rating: 1 } }],
    'POST /api/needs/:needId/claim': (t) => [{}, { body: { unitId: t.unitId } }],
    'POST /api/needs/:needId/withdraw': () => [{ body: { reason: '越权' } }],
    'POST /api/needs/:needId/revoke': () => [{ body: { reason: '越权' } }],
    'POST /api/needs/sweep': (t) => [{ body: { orgId: t.orgId } }],
  },
  digest: [
    'SELECT t::text FROM needs t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM need_events t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM need_claims t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM need_dispatches t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t.id::text FROM need_photos t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM need_reveals t WHERE org_id IN (SELECT id FROM o)',
  ],
};
