import type { IsolationPart } from './types.ts';

/**
 * The target community keeps a page with nothing public (pages are off
 * until turned on): its settings are its own, and the public page of it
 * answers 404 to everyone, signed in or not, so no marker may show.
 */
export const alliancePart: IsolationPart = {
  plant: async (q, b) => {
    await q.query(`INSERT INTO alliance_pages (org_id, slug, sections) VALUES ($1, $2, '{}')`, [b.communityId, `iso-${b.communityId}`]);
    return { allianceKey: b.communityId };
  },
  writes: {
    'PATCH /api/orgs/:orgId/alliance-page': (t) => [{ body: { sections: ['activities', 'projects'] } }, { body: { slug: `taken-${t.orgId}`, sections: [] } }],
  },
  digest: ['SELECT t::text FROM alliance_pages t WHERE org_id IN (SELECT id FROM o)'],
};
