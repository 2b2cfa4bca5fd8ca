import type { Database, Queryable } from '../server/src/kernel/db.ts';
import type { Scope } from '../server/src/kernel/scope.ts';
import * as needs from '../server/src/modules/needs/service.ts';
import { lists } from '../server/src/modules/projects/lists.ts';
import type { GeneratedRegion } from './generate.ts';

/**
 * The needs benchmarks (bench/README.md, "Needs"):
 *   lists   — the four-lists page of one community (GET /api/lists?orgId=…)
 *             as the street admin: needs counted by kind, open and overdue;
 *   overdue — the overdue scan of the whole region (a province's worth of
 *             needs): GET /api/needs?overdue=true&orgId=<region>, counted and
 *             the first page, as the district admin.
 * Each against the raw SQL of the same answer on the system connection.
 */

export interface NeedsBench {
  db: Database;
  region: GeneratedRegion;
  get: (url: string, token: string) => Promise<unknown>;
  street: { token: string; scope: Scope };
  district: { token: string; scope: Scope };
  measure: (variants: Record<'api' | 'scoped' | 'raw', () => Promise<unknown>>, baseline: 'raw') => Promise<{ answer: unknown; timings: Record<string, unknown> }>;
}

const OPEN = `status NOT IN ('rejected', 'cancelled', 'closed', 'rated')`;
const OVERDUE = `(status = 'overdue' OR (deadline < now() AND status IN ('dispatched', 'in_progress', 'returned')))`;
const PAGE_SIZE = 50;

/**
 * Needs spread over the region's grid branches, set-based: most closed, a
 * fifth dispatched with deadlines from a month ago to a month ahead (so about
 * half are overdue, and swept as such), the rest in the other states. Bulk rows are
 * not steps anybody took, so the audit, region and event triggers are off.
 */
export async function generateNeeds(db: Database, region: GeneratedRegion, count: number): Promise<{ needs: number; seconds: number }> {
  const t = performance.now();
  await db.system(async (q) => {
    await q.exec(`ALTER TABLE needs DISABLE TRIGGER gj_audit; ALTER TABLE needs DISABLE TRIGGER gj_region; ALTER TABLE needs DISABLE TRIGGER gj_need_event;`);
    await q.query(
      `WITH grids AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS i FROM organizations WHERE path <@ $1::ltree AND kind = 'grid_branch'),
            n AS (SELECT count(*) AS c FROM grids),
            unit AS (SELECT min(id) AS id FROM units WHERE region_id = $2)
       INSERT INTO needs (region_id, org_id, kind, source, category, title, requester_name, status, result_note, resident_rating, handler_unit_id, claimer_name, deadline)
       SELECT $2, g.id, (ARRAY['micro_wish', 'livelihood', 'request'])[1 + s % 3], 'visit', 'living', '需求' || s, '居民' || s,
              st.status, CASE WHEN st.status IN ('closed', 'rated') THEN '已办结' END, CASE WHEN st.status = 'rated' THEN 5 END,
              CASE WHEN st.status IN ('dispatched', 'in_progress') THEN (SELECT id FROM unit) END,
              CASE WHEN st.status IN ('dispatched', 'in_progress') THEN '承办单位' END,
              CASE WHEN st.status IN ('dispatched', 'in_progress') THEN now() + make_interval(days => (s % 61) - 30) END
         FROM generate_series(0, $3 - 1) s
         CROSS JOIN n
         JOIN grids g ON g.i = (s::bigint * 7919) % n.c
         CROSS JOIN LATERAL (SELECT (ARRAY['closed', 'rated', 'closed', 'dispatched', 'in_progress', 'submitted', 'accepted', 'closed', 'rated', 'cancelled'])[1 + (s / 3) % 10] AS status) st`,
      [region.rootPath, region.rootId, count],
    );
    await q.exec(`ALTER TABLE needs ENABLE TRIGGER gj_audit; ALTER TABLE needs ENABLE TRIGGER gj_region; ALTER TABLE needs ENABLE TRIGGER gj_need_event;`);
  });
  // The app's timer sweeps within a minute of starting and marks the late ones overdue (a tenth of all needs);
  // sweeping before the statistics are taken measures the region as it stands in use, not a plan made for
  // statistics the first sweep has already made stale.
  await db.system((q) => q.query(`SELECT gj_sweep_overdue_needs(NULL)`));
  await db.maintenance('VACUUM (ANALYZE) needs');
  return { needs: count, seconds: (performance.now() - t) / 1000 };
}

/** The first community of the admin's street. */
async function community(db: Database, street: GeneratedRegion['street']): Promise<{ id: number; name: string; path: string }> {
  const [c] = await db.system((q) =>
    q.query<{ id: number; name: string; path: string }>(
      `SELECT id, name, path::text AS path FROM organizations WHERE path <@ $1::ltree AND kind = 'community_committee' ORDER BY id LIMIT 1`,
      [street.path],
    ),
  );
  return c!;
}

interface ListsAnswer {
  total: number;
  open: number;
  overdue: number;
  byKind: number[];
}

const rawLists = (q: Queryable, path: string): Promise<ListsAnswer> =>
  q
    .query<{ total: number; open: number; overdue: number; wish: number; livelihood: number; request: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE ${OPEN})::int AS open,
              count(*) FILTER (WHERE ${OVERDUE})::int AS overdue,
              count(*) FILTER (WHERE kind = 'micro_wish')::int AS wish, count(*) FILTER (WHERE kind = 'livelihood')::int AS livelihood,
              count(*) FILTER (WHERE kind = 'request')::int AS request
         FROM needs WHERE org_id IN (SELECT id FROM organizations WHERE path <@ $1::ltree)`,
      [path],
    )
    .then(([r]) => ({ total: r!.total, open: r!.open, overdue: r!.overdue, byKind: [r!.wish, r!.livelihood, r!.request] }));

const fromLists = (l: { needs: { total: number; open: number; overdue: number; byKind: { count: number }[] } }): ListsAnswer => ({
  total: l.needs.total, open: l.needs.open, overdue: l.needs.overdue, byKind: l.needs.byKind.map((k) => k.count),
});

export async function listsSuite(b: NeedsBench) {
  const c = await community(b.db, b.region.street);
  const url = `/api/lists?orgId=${c.id}`;
  console.log(`\n  [lists] GET ${url} (street admin, community "${c.name}")`);
  const result = await b.measure(
    {
      api: async () => fromLists((await b.get(url, b.street.token)) as Parameters<typeof fromLists>[0]),
      scoped: async () => fromLists(await b.db.scoped(b.street.scope, (q) => lists(q, b.street.scope, c.id))),
      raw: () => b.db.system((q) => rawLists(q, c.path)),
    },
    'raw',
  );
  return { target: { ...c, kind: 'community_committee' }, request: url, ...result };
}

interface ScanAnswer {
  total: number;
  ids: number[];
}

const rawScan = (q: Queryable, path: string): Promise<ScanAnswer> =>
  Promise.all([
    q.query<{ n: number }>(`SELECT count(*)::int AS n FROM needs WHERE ${OVERDUE} AND org_id IN (SELECT id FROM organizations WHERE path <@ $1::ltree)`, [path]),
    q.query<{ id: number }>(
      `SELECT id FROM needs WHERE ${OVERDUE} AND org_id IN (SELECT id FROM organizations WHERE path <@ $1::ltree) ORDER BY id DESC LIMIT ${PAGE_SIZE}`,
      [path],
    ),
  ]).then(([[c], rows]) => ({ total: c!.n, ids: rows.map((r) => r.id) }));

export async function overdueSuite(b: NeedsBench) {
  const url = `/api/needs?orgId=${b.region.rootId}&overdue=true&page=1&pageSize=${PAGE_SIZE}`;
  console.log(`\n  [overdue] GET ${url} (district admin, the whole region)`);
  const scan = (r: { total: number; items: { id: number }[] }): ScanAnswer => ({ total: r.total, ids: r.items.map((i) => i.id) });
  const result = await b.measure(
    {
      api: async () => scan((await b.get(url, b.district.token)) as Parameters<typeof scan>[0]),
      scoped: async () => scan(await b.db.scoped(b.district.scope, (q) => needs.list(q, { orgId: b.region.rootId, overdue: true, page: 1, pageSize: PAGE_SIZE }))),
      raw: () => b.db.system((q) => rawScan(q, b.region.rootPath)),
    },
    'raw',
  );
  return { target: { id: b.region.rootId, kind: 'district_committee', name: 'region', path: b.region.rootPath }, request: url, ...result };
}
