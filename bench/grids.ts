import type { Database, Queryable } from '../server/src/kernel/db.ts';
import type { Scope } from '../server/src/kernel/scope.ts';
import { dueVisits } from '../server/src/modules/grids/service.ts';
import type { GeneratedRegion } from './generate.ts';

/**
 * The due-visit list (三必访) of grid workers across a whole generated
 * province: a grid for every grid branch, buildings, one household per
 * generated person, visit plans per community and visits already made; then
 * each sampled grid worker's due list through the API, the service under
 * row-level security, and the raw SQL of the same answer; and once, every
 * grid worker of the region in turn.
 */

const BUILDINGS_PER_GRID = 5;
const ENTRANCES = 2;
const DUE_WITHIN = 7;

export interface GridsGenerated {
  grids: number;
  households: number;
  visits: number;
  seconds: number;
}

const trigger = (state: 'DISABLE' | 'ENABLE', tables: string[]) =>
  tables.map((t) => `ALTER TABLE ${t} ${state} TRIGGER gj_audit; ALTER TABLE ${t} ${state} TRIGGER gj_region;`).join('\n');

/**
 * The grid structure of the region, once: a grid for every grid branch, one
 * unbranched grid in every residential committee (a new estate: its grid has
 * no branch yet) and BUILDINGS_PER_GRID buildings a grid, each covered by one
 * of its branch's building groups except one in seven. The coverage report's
 * "grid without branch" and "building without group" are these plants.
 */
export async function generateGridStructure(db: Database, region: GeneratedRegion): Promise<{ grids: number; buildings: number; seconds: number }> {
  const started = performance.now();
  const counts = await db.system(async (q) => {
    const [had] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM grids WHERE region_id = $1`, [region.rootId]);
    if (had!.n === 0) await insertGridStructure(q, region);
    const [c] = await q.query<{ grids: number; buildings: number }>(
      `SELECT (SELECT count(*)::int FROM grids WHERE region_id = $1) AS grids, (SELECT count(*)::int FROM buildings WHERE region_id = $1) AS buildings`,
      [region.rootId],
    );
    return c!;
  });
  await db.maintenance('VACUUM (ANALYZE) grids, buildings');
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}

async function insertGridStructure(q: Queryable, region: GeneratedRegion): Promise<void> {
  await q.exec(trigger('DISABLE', ['grids', 'buildings']));
  // Grids tile each community's plane 10 by 10 (a community has about ten grid branches).
  await q.query(
    `INSERT INTO grids (region_id, community_id, branch_id, org_id, name, boundary)
     SELECT $1, b.community_id, b.branch_id, coalesce(b.branch_id, b.community_id), b.name || '网格',
            jsonb_build_object('type', 'Polygon', 'coordinates', jsonb_build_array(jsonb_build_array(
              jsonb_build_array(x, y), jsonb_build_array(x + 90, y), jsonb_build_array(x + 90, y + 60), jsonb_build_array(x, y + 60), jsonb_build_array(x, y))))
       FROM (SELECT o.community_id, o.branch_id, o.name, ((row_number() OVER (PARTITION BY o.community_id ORDER BY o.id) - 1) % 10) * 95 + 5 AS x,
                    (((row_number() OVER (PARTITION BY o.community_id ORDER BY o.id) - 1) / 10) % 10) * 65 + 5 AS y
               FROM (SELECT id, parent_id AS community_id, id AS branch_id, name FROM organizations WHERE path <@ $2::ltree AND kind = 'grid_branch'
                     UNION ALL
                     SELECT id, id, NULL, name || '第一' FROM organizations WHERE path <@ $2::ltree AND kind = 'residential_committee') o) b`,
    [region.rootId, region.rootPath],
  );
  await q.query(
    `WITH bg AS (SELECT id, parent_id, row_number() OVER (PARTITION BY parent_id ORDER BY id) AS n
                  FROM organizations WHERE path <@ $4::ltree AND kind = 'building_group')
     INSERT INTO buildings (region_id, community_id, grid_id, org_id, name, entrances, group_id, x, y)
     SELECT g.region_id, g.community_id, g.id, g.org_id, g.id || '-' || k || '号楼', $2,
            CASE WHEN (g.id * $1 + k) % 7 <> 0 THEN bg.id END,
            (g.boundary #>> '{coordinates,0,0,0}')::numeric + k * 15, (g.boundary #>> '{coordinates,0,0,1}')::numeric + 30
       FROM grids g CROSS JOIN generate_series(1, $1) k
       LEFT JOIN bg ON bg.parent_id = g.branch_id AND bg.n = k
      WHERE g.region_id = $3`,
    [BUILDINGS_PER_GRID, ENTRANCES, region.rootId, region.rootPath],
  );
  await q.exec(trigger('ENABLE', ['grids', 'buildings']));
}

/** Households (one per generated person), visit plans per community and visits already made, on the grid structure. */
export async function generateGrids(db: Database, region: GeneratedRegion, households: number): Promise<GridsGenerated> {
  const started = performance.now();
  await generateGridStructure(db, region);
  const HOUSEHOLD_TABLES = ['households', 'visit_plans', 'visits'];
  const counts = await db.system(async (q) => {
    await q.exec(trigger('DISABLE', HOUSEHOLD_TABLES));
    // Household k goes to grid k mod (number of grids), so every grid holds the same number (±1).
    await q.query(
      `WITH gs AS (SELECT row_number() OVER (ORDER BY id) - 1 AS j, id, community_id, org_id FROM grids WHERE region_id = $2),
            n AS (SELECT count(*) AS c FROM gs),
            bs AS (SELECT grid_id, row_number() OVER (PARTITION BY grid_id ORDER BY id) - 1 AS j, id FROM buildings WHERE region_id = $2)
       INSERT INTO households (region_id, community_id, grid_id, org_id, building_id, entrance, room, head_name, size,
                               address_enc, address_mask, address_hash, tags)
       SELECT $2, gs.community_id, gs.id, gs.org_id, bs.id, 1 + (k / n.c) % $3, (k / n.c)::text, '住户' || k, 1 + k % 4,
              'v1:bench', '****', md5(k::text),
              array_remove(ARRAY[CASE WHEN k % 9 = 0 THEN 'empty_nest' END, CASE WHEN k % 31 = 3 THEN 'low_income' END,
                                 CASE WHEN k % 47 = 5 THEN 'disabled' END, CASE WHEN k % 11 = 1 THEN 'party_member' END], NULL)
         FROM generate_series(0, $1::bigint - 1) k CROSS JOIN n
         JOIN gs ON gs.j = k % n.c
         JOIN bs ON bs.grid_id = gs.id AND bs.j = (k / n.c) % $4`,
      [households, region.rootId, ENTRANCES, BUILDINGS_PER_GRID],
    );
    await q.query(
      `INSERT INTO visit_plans (region_id, org_id, name, tag, every_days, starts_on)
       SELECT $1, c.id, p.name, p.tag, p.every_days, current_date - 60
         FROM (SELECT DISTINCT community_id AS id FROM grids WHERE region_id = $1) c,
              (VALUES ('空巢老人户每月走访', 'empty_nest', 30), ('低保困难户每月走访', 'low_income', 30), ('残疾人户每季度走访', 'disabled', 90)) p (name, tag, every_days)`,
      [region.rootId],
    );
    // Two in three of the households under a plan were visited in the last two months.
    await q.query(
      `INSERT INTO visits (region_id, grid_id, org_id, household_id, visitor_name, visited_on, learned)
       SELECT region_id, grid_id, org_id, id, '网格员', current_date - (id % 60)::int, '走访'
         FROM households WHERE region_id = $1 AND tags && ARRAY['empty_nest', 'low_income', 'disabled'] AND id % 3 <> 0`,
      [region.rootId],
    );
    await q.exec(trigger('ENABLE', HOUSEHOLD_TABLES));
    const [c] = await q.query<{ grids: number; households: number; visits: number }>(
      `SELECT (SELECT count(*) FROM grids WHERE region_id = $1) AS grids, (SELECT count(*) FROM households WHERE region_id = $1) AS households,
              (SELECT count(*) FROM visits WHERE region_id = $1) AS visits`,
      [region.rootId],
    );
    return c!;
  });
  await db.maintenance(`VACUUM (ANALYZE) ${HOUSEHOLD_TABLES.join(', ')}`);
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}

/** The raw SQL of one grid's due list: the same rules as dueVisits, without row-level security. */
const RAW_DUE = `
SELECT household_id, due_on::text AS due_on, due_on < current_date AS overdue FROM (
  SELECT DISTINCT ON (h.id) h.id AS household_id, coalesce(lv.last + p.every_days, p.starts_on) AS due_on
    FROM households h
    JOIN visit_plans p ON p.org_id = h.community_id AND p.tag = ANY (h.tags)
    LEFT JOIN LATERAL (SELECT max(v.visited_on) AS last FROM visits v WHERE v.household_id = h.id) lv ON true
   WHERE h.grid_id = $1
   ORDER BY h.id, due_on) d
 WHERE due_on <= current_date + $2::int
 ORDER BY due_on, household_id`;

export type DueAnswer = [number, string, boolean][];
export const dueAnswer = (items: { householdId: number; dueOn: string; overdue: boolean }[]): DueAnswer => items.map((d) => [d.householdId, d.dueOn, d.overdue]);

export async function rawDue(q: Queryable, gridId: number): Promise<DueAnswer> {
  const rows = await q.query<{ household_id: number; due_on: string; overdue: boolean }>(RAW_DUE, [gridId, DUE_WITHIN]);
  return rows.map((r) => [Number(r.household_id), r.due_on, r.overdue]);
}

export interface Worker {
  gridId: number;
  branchId: number;
  username: string;
}

/**
 * Grid workers for some grids spread over the region: accounts with a
 * grid_worker grant on the grid's branch, sharing the street admin's password
 * hash (hashing one per worker would only slow the set-up).
 */
export async function gridWorkers(db: Database, region: GeneratedRegion, count: number): Promise<Worker[]> {
  return db.system(async (q) => {
    const grids = await q.query<{ id: number; branch_id: number }>(
      `SELECT id, branch_id FROM (SELECT id, branch_id, row_number() OVER (ORDER BY id) AS r, count(*) OVER () AS n FROM grids WHERE region_id = $1 AND branch_id IS NOT NULL) g
        WHERE r % greatest(n / $2, 1) = 0 ORDER BY id LIMIT $2`,
      [region.rootId, count],
    );
    const workers: Worker[] = [];
    for (const g of grids) {
      const username = `bench.grid${g.id}`;
      const [u] = await q.query<{ id: number }>(
        `INSERT INTO users (org_id, username, display_name, password_hash)
         SELECT $1, $2, '网格员' || $3, password_hash FROM users WHERE username = $4 RETURNING id`,
        [g.branch_id, username, g.id, region.user.username],
      );
      await q.query(`INSERT INTO user_grants (user_id, role, org_id) VALUES ($1, 'grid_worker', $2)`, [u!.id, g.branch_id]);
      workers.push({ gridId: g.id, branchId: g.branch_id, username });
    }
    return workers;
  });
}

/** Every grid of the region with the scope its worker would have: the sweep "every grid worker of a province". */
export async function everyGrid(db: Database, region: GeneratedRegion): Promise<{ gridId: number; scope: Scope }[]> {
  const rows = await db.system((q) =>
    q.query<{ id: number; branch_id: number; path: string; name: string }>(
      `SELECT g.id, g.branch_id, o.path::text AS path, o.name FROM grids g JOIN organizations o ON o.id = g.branch_id WHERE g.region_id = $1 ORDER BY g.id`,
      [region.rootId],
    ),
  );
  return rows.map((r) => ({
    gridId: r.id,
    scope: {
      userId: null,
      userName: null,
      grants: [{ id: 0, role: 'grid_worker', orgId: r.branch_id, orgPath: r.path, orgName: r.name, unitId: null, unitName: null, regionId: region.rootId }],
    },
  }));
}

export const scopedDue = (db: Database, scope: Scope) => db.scoped(scope, (q) => dueVisits(q, { within: DUE_WITHIN })).then(dueAnswer);

export const DUE_URL = `/api/visits/due?within=${DUE_WITHIN}`;
