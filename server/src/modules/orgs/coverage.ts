import type { Queryable } from '../../kernel/db.ts';
import { inLang, say, type Lang, type Said } from '../../kernel/errors.ts';
import { GAPS } from './errors.ts';
import type { CoverageGaps } from '../../kernel/manifest.ts';
import { GAP_KINDS, ORG_KINDS, ORG_KIND_GROUPS, UNIT_KINDS, type Gap, type GapKind, type OrgKind, type UnitKind } from './schema.ts';
import { place } from './service.ts';

// Coverage (纵向到底，横向到边): the places in a subtree where the network
// does not reach yet. Each gap names the organization or unit to act on.
// Orgs finds the gaps in its own tables; the modules above it find theirs
// (grids: grids and buildings; people: members without a party organization)
// through the finders their manifests register.

/** Organizations expected to have a secretary: committees and branches, not groups or households. */
const LED_KINDS: OrgKind[] = ([...ORG_KINDS.values] as OrgKind[]).filter(
  (k) => !['building_group', 'activity_group', 'caring_group', 'member_household'].includes(k),
);

export const GAPS_SHOWN = 200;

/** The gaps under an organization, their kinds and details in the reader's language. */
export async function coverage(q: Queryable, orgId: number, finders: readonly CoverageGaps[], lang: Lang): Promise<{ orgId: number; counts: Record<string, number>; gaps: Gap[]; truncated: boolean }> {
  const org = await place(q, orgId);
  const gaps: Gap[] = [];
  const add = (kind: GapKind, g: Omit<Gap, 'kind' | 'label' | 'gridId' | 'buildingId' | 'detail'> & Partial<Pick<Gap, 'gridId' | 'buildingId'>> & { detail: Said }) =>
    gaps.push({ kind, label: inLang(GAP_KINDS.term(kind), lang), gridId: null, buildingId: null, ...g, detail: say(g.detail, lang) });

  // A path is the ids of its ancestors, so the communities that have a grid
  // branch are read straight off the grid branches' paths: one pass, not a
  // search under every community.
  const noGrid = await q.query<{ id: number; name: string }>(
    `WITH covered AS (
       SELECT DISTINCT unnest(string_to_array(path::text, '.'))::bigint AS id
         FROM organizations WHERE path <@ $1::ltree AND kind = ANY ($3::text[]) AND status = 'active')
     SELECT o.id, o.name FROM organizations o
      WHERE o.path <@ $1::ltree AND o.status = 'active' AND o.kind = ANY ($2::text[])
        AND o.id NOT IN (SELECT id FROM covered)
      ORDER BY o.path`,
    [org.path, ORG_KIND_GROUPS.community, ORG_KIND_GROUPS.grid],
  );
  for (const o of noGrid) add('community_without_grid', { orgId: o.id, unitId: null, name: o.name, detail: GAPS.gap_without_grid() });

  const noSecretary = await q.query<{ id: number; name: string; kind: OrgKind }>(
    `SELECT o.id, o.name, o.kind FROM organizations o
      WHERE o.path <@ $1::ltree AND o.status = 'active' AND o.kind = ANY ($2::text[])
        AND NOT EXISTS (SELECT 1 FROM committee_seats s WHERE s.org_id = o.id AND s.role = 'secretary' AND s.ended_on IS NULL)
      ORDER BY o.path`,
    [org.path, LED_KINDS],
  );
  for (const o of noSecretary) add('org_without_secretary', { orgId: o.id, unitId: null, name: o.name, detail: GAPS.gap_without_secretary({ kind: ORG_KINDS.term(o.kind) }) });

  const units = await q.query<{ id: number; name: string; kind: UnitKind; has_party_org: boolean; org_id: number; tied: boolean }>(
    `SELECT u.id, u.name, u.kind, u.party_org_id IS NOT NULL OR u.party_org_outside IS NOT NULL AS has_party_org, u.org_id,
            EXISTS (SELECT 1 FROM org_ties t WHERE t.to_unit_id = u.id AND t.ended_on IS NULL) AS tied
       FROM units u WHERE u.org_id IN (SELECT id FROM organizations WHERE path <@ $1::ltree) ORDER BY u.id`,
    [org.path],
  );
  const at = { path: org.path, units: units.map((u) => ({ id: u.id, orgId: u.org_id, name: u.name, hasPartyOrg: u.has_party_org })) };
  for (const find of finders) for (const g of await find(q, at)) add(g.kind as GapKind, g);
  for (const u of units) {
    if (!u.tied && u.kind !== 'department') {
      add('unit_without_tie', { orgId: u.org_id, unitId: u.id, name: u.name, detail: GAPS.gap_without_tie({ kind: UNIT_KINDS.term(u.kind) }) });
    }
  }

  // A province has tens of thousands of gaps: every one is counted, the first
  // GAPS_SHOWN of each kind are listed (the rest are a click into a smaller subtree away).
  const counts: Record<string, number> = Object.fromEntries([...GAP_KINDS.values].map((k) => [k, 0]));
  const shown = gaps.filter((g) => (counts[g.kind]! += 1) <= GAPS_SHOWN);
  return { orgId, counts, gaps: shown, truncated: shown.length < gaps.length };
}
