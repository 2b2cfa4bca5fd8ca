import type { IsolationPart } from './types.ts';

const slot = { startsAt: '2099-06-01T09:00', endsAt: '2099-06-01T10:00', purpose: '越权预约' };

export const resourcesPart: IsolationPart = {
  plant: async (q, b) => {
    const [resource] = await q.query<{ id: number }>(
      `INSERT INTO resources (org_id, unit_id, kind, category, name) VALUES ($1, $2, 'service', 'health', $3) RETURNING id`,
      [b.communityId, b.unitId, `${b.tag}义诊`],
    );
    const [room] = await q.query<{ id: number }>(
      `INSERT INTO resources (org_id, kind, category, name) VALUES ($1, 'venue', 'party', $2) RETURNING id`,
      [b.communityId, `${b.tag}活动室`],
    );
    const [venue] = await q.query<{ id: number }>(
      `INSERT INTO venues (resource_id, org_id, venue_type, opens_at, closes_at, needs_approval) VALUES ($1, $2, 'function_room', '08:00', '20:00', true) RETURNING id`,
      [room!.id, b.communityId],
    );
    const [booking] = await q.query<{ id: number }>(
      `INSERT INTO venue_bookings (venue_id, org_id, booked_by, booker_name, purpose, during, status)
       VALUES ($1, $2, $3, $4, $5, '[2099-05-01 09:00+08,2099-05-01 11:00+08)', 'pending') RETURNING id`,
      [venue!.id, b.communityId, b.userId, `${b.tag}书记`, `${b.tag}党日`],
    );
    return { resourceId: resource!.id, venueId: venue!.id, venueBookingId: booking!.id };
  },
  writes: {
    'POST /api/resources': (t) => [
      { body: { orgId: t.orgId, kind: 'fund', category: 'aid', name: '越权资金' } },
      { body: { unitId: t.unitId, kind: 'goods', category: 'aid', name: '越权物资' } },
    ],
    'PATCH /api/resources/:resourceId': () => [{ body: { status: 'withdrawn' } }],
    'POST /api/resources/import': (t) => [{ body: { orgId: t.orgId, file: 'UEsDBA==', mode: 'all' } }],
    'POST /api/resources/:resourceId/reveal-contact': () => [{}],
    'POST /api/venues': (t) => [
      { body: { orgId: t.orgId, name: '越权阵地', venueType: 'court', opensAt: '08:00', closesAt: '18:00' } },
      { body: { unitId: t.unitId, name: '越权阵地', venueType: 'court', opensAt: '08:00', closesAt: '18:00' } },
    ],
    'PATCH /api/venues/:venueId': () => [{ body: { needsApproval: false } }],
    'POST /api/venues/:venueId/bookings': () => [{ body: slot }],
    'POST /api/venue-bookings/:venueBookingId/approve': () => [{}],
    'POST /api/venue-bookings/:venueBookingId/reject': () => [{ body: { reason: '越权驳回' } }],
    'POST /api/venue-bookings/:venueBookingId/cancel': () => [{ body: { reason: '越权取消' } }],
  },
  digest: [
    'SELECT t::text FROM resources t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM resource_reveals t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM venues t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM venue_bookings t WHERE org_id IN (SELECT id FROM o)',
  ],
};
