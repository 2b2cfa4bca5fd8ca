import type { IsolationPart } from './types.ts';

const items = [{ what: '越权', cadence: 'once', source: 'evidence' }];

export const commitmentsPart: IsolationPart = {
  // A signed pledge of the target's unit with a published report and a
  // question: everything a caller elsewhere might try to reach. Its rating
  // window has closed: a rating is once per person, so with it open a second
  // try would be refused for that reason alone, and the mixed-grant matrix
  // would compare a repeat with a first rating.
  plant: async (q, b) => {
    const [c] = await q.query<{ id: number }>(
      `INSERT INTO commitments (org_id, kind, unit_id, party_name, starts_on, ends_on, status, party_signer, party_signed_at, community_signer, community_signed_at)
       VALUES ($1, 'unit', $2, $3, '2026-01-01', '2026-12-31', 'in_force', $3, now(), $3, now()) RETURNING id`,
      [b.communityId, b.unitId, `${b.tag}共建单位`],
    );
    const [item] = await q.query<{ id: number }>(
      `INSERT INTO commitment_items (org_id, commitment_id, what, cadence, source) VALUES ($1, $2, $3, 'monthly', 'evidence') RETURNING id`,
      [b.communityId, c!.id, `${b.tag}承诺事项`],
    );
    const [w] = await q.query<{ id: number }>(
      `INSERT INTO commitment_windows (org_id, year, title, opens_at, closes_at, opened_by) VALUES ($1, 2026, $2, now() - interval '30 days', now() - interval '1 day', $2) RETURNING id`,
      [b.communityId, `${b.tag}述诺`],
    );
    const [r] = await q.query<{ id: number }>(
      `INSERT INTO commitment_reports (org_id, window_id, commitment_id, kind, party_name, unit_id, statement, findings, status, submitted_by, submitted_at, published_by, published_at)
       VALUES ($1, $2, $3, 'unit', $5, $4, $5, '[]', 'published', $5, now(), $5, now()) RETURNING id`,
      [b.communityId, w!.id, c!.id, b.unitId, `${b.tag}述诺陈述`],
    );
    const [question] = await q.query<{ id: number }>(
      `INSERT INTO commitment_questions (org_id, report_id, asker_user_id, asker_name, asker_role, body) VALUES ($1, $2, $3, $4, 'community', $4) RETURNING id`,
      [b.communityId, r!.id, b.userId, `${b.tag}问诺`],
    );
    return { commitmentId: c!.id, itemId: item!.id, reportId: r!.id, questionId: question!.id };
  },
  writes: {
    'POST /api/commitments': (t) => [
      { body: { kind: 'unit', orgId: t.orgId, unitId: t.unitId, startsOn: '2027-01-01', endsOn: '2027-12-31', items } },
      { body: { kind: 'member', orgId: t.orgId, personId: t.personId, startsOn: '2027-01-01', endsOn: '2027-12-31', items } },
    ],
    'PUT /api/commitments/:commitmentId/items': () => [{ body: { items } }],
    'POST /api/commitments/:commitmentId/sign': () => [{}],
    'POST /api/commitments/:commitmentId/end': () => [{}],
    'POST /api/commitments/:commitmentId/items/:itemId/fulfil': () => [{ body: { evidence: '越权' } }],
    'POST /api/commitment-windows': (t) => [{ body: { orgId: t.orgId, year: 2026, title: '越权', opensAt: '2026-01-01T00:00:00+08:00', closesAt: '2099-01-01T00:00:00+08:00' } }],
    'POST /api/commitment-reports/:reportId/submit': () => [{ body: { statement: '越权' } }],
    'POST /api/commitment-reports/:reportId/return': () => [{}],
    'POST /api/commitment-reports/:reportId/publish': () => [{}],
    'POST /api/commitment-reports/:reportId/questions': () => [{ body: { body: '越权' } }],
    'POST /api/commitment-reports/:reportId/questions/:questionId/answer': () => [{ body: { answer: '越权' } }],
    'POST /api/commitment-reports/:reportId/ratings': () => [{ body: { grade: 'dissatisfied' } }],
  },
  digest: [
    'SELECT t::text FROM commitments t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM commitment_items t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM commitment_windows t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM commitment_reports t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM commitment_questions t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM commitment_ratings t WHERE org_id IN (SELECT id FROM o)',
  ],
};
