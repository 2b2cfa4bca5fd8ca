import { createHash } from 'node:crypto';
import { allowed, ensureAllowed } from '../../kernel/actions.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { Scope } from '../../kernel/scope.ts';
import { ACTIVITY_KINDS } from '../activities/schema.ts';
import * as orgs from '../orgs/service.ts';
import { E } from './errors.ts';
import { pageVerdicts } from './policy.ts';
import { ALLIANCE_PAGE_ACTIONS, ALLIANCE_SECTIONS, type AllianceSection, type PublicAlliancePage } from './schema.ts';

// The public alliance page (联盟公开页). Its settings are a record of the
// street or community, read and written in the caller's scope; the page
// itself is read in the empty scope through gj_alliance_public (0555), which
// shows only the sections turned on and only what their owners publish for
// the public (gj_public_*). See docs/domain/glossary.md.

/** Requests one client address may make to public pages in a minute: a family sharing a connection, not a crawler of every id. */
export const PUBLIC_PER_MINUTE = 60;
/** How long browsers and proxies may keep a page before asking again (seconds). */
export const PUBLIC_MAX_AGE = 300;

interface PageRow {
  slug: string | null;
  sections: AllianceSection[];
  updated_at: Date | null;
  updated_by: string | null;
}

export async function getPage(q: Queryable, scope: Scope, orgId: number) {
  const org = await orgs.place(q, orgId);
  const [row] = await q.query<PageRow>(`SELECT slug, sections, updated_at, updated_by FROM alliance_pages WHERE org_id = $1`, [orgId]);
  return {
    orgId,
    orgName: org.name,
    slug: row?.slug ?? null,
    sections: ALLIANCE_SECTIONS.values.filter((s) => row?.sections.includes(s)),
    updatedAt: row?.updated_at?.toISOString() ?? null,
    updatedBy: row?.updated_by ?? null,
    actions: allowed(ALLIANCE_PAGE_ACTIONS, pageVerdicts(scope, org)),
  };
}

/** Sets what the page shows (an empty list takes it down) and, optionally, its address (null clears it). */
export async function updatePage(q: Queryable, scope: Scope, orgId: number, input: { slug?: string | null; sections: AllianceSection[] }) {
  const org = await orgs.place(q, orgId);
  ensureAllowed(pageVerdicts(scope, org), 'edit');
  const sections = ALLIANCE_SECTIONS.values.filter((s) => input.sections.includes(s));
  await q.query(
    `INSERT INTO alliance_pages (org_id, slug, sections, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (region_id, org_id) DO UPDATE
        SET slug = CASE WHEN $5 THEN EXCLUDED.slug ELSE alliance_pages.slug END, sections = EXCLUDED.sections,
            updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [orgId, input.slug ?? null, sections, scope.userName, input.slug !== undefined],
  );
  return getPage(q, scope, orgId);
}

/**
 * Counts a request to a public page from a client address (the one the
 * server saw: see app.ts, trustProxy); false past the limit.
 */
export async function admit(q: Queryable, client: string): Promise<boolean> {
  const [row] = await q.query<{ ok: boolean }>(`SELECT gj_alliance_hit($1, $2) AS ok`, [createHash('sha256').update(client).digest('hex'), PUBLIC_PER_MINUTE]);
  return row?.ok === true;
}

/** The refusal past the limit: the count is per minute, so a minute at most. */
export const tooMany = () => E.too_many({ seconds: 60 });

type RawPage = Omit<PublicAlliancePage, 'activities' | 'units'> & {
  activities: (Omit<NonNullable<PublicAlliancePage['activities']>[number], 'kindLabel'>)[] | null;
  units: Omit<NonNullable<PublicAlliancePage['units']>[number], 'pledges'>[] | null;
  pledges: { unitId: number; items: { what: string; cadence: NonNullable<PublicAlliancePage['units']>[number]['pledges'][number]['cadence'] }[] }[] | null;
};

/** The page by its organization's id or its address, as anyone may read it. */
export async function publicPage(q: Queryable, key: string): Promise<PublicAlliancePage> {
  const [row] = await q.query<{ page: RawPage | null }>(`SELECT gj_alliance_public($1) AS page`, [key]);
  if (!row?.page) throw E.no_page();
  const { pledges, ...page } = row.page;
  const kindLabels: Record<string, string> = ACTIVITY_KINDS.labels;
  return {
    ...page,
    activities: page.activities?.map((a) => ({ ...a, kindLabel: kindLabels[a.kind] ?? a.kind })) ?? null,
    units: page.units?.map((u) => ({ ...u, pledges: (pledges ?? []).filter((p) => p.unitId === u.id).flatMap((p) => p.items) })) ?? null,
  };
}

/** A page held for a retiring organization: one that shows something. */
export async function countHeld(q: Queryable, orgId: number): Promise<number> {
  const [row] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM alliance_pages WHERE org_id = $1 AND cardinality(sections) > 0`, [orgId]);
  return row!.n;
}

/** The receiving organization takes the page over unless it has one of its own, whose settings then stand. */
export async function moveHeld(q: Queryable, { from, to }: { from: number; to: number }): Promise<void> {
  await q.query(`UPDATE alliance_pages SET org_id = $2 WHERE org_id = $1 AND NOT EXISTS (SELECT 1 FROM alliance_pages WHERE org_id = $2)`, [from, to]);
  await q.query(`DELETE FROM alliance_pages WHERE org_id = $1`, [from]);
}
