import type { Database, Queryable } from '../server/src/kernel/db.ts';
import type { OrgKind } from '../server/src/modules/orgs/schema.ts';
import { hashPassword } from '../server/src/modules/users/auth.ts';

/**
 * A synthetic region for the benchmark, generated inside the database with
 * set-based SQL: one INSERT … SELECT per level of the tree and one for all
 * people. Rows never travel through JavaScript, so 10^6 people take seconds
 * rather than the hours that a row-by-row load through the services would.
 */

/** The levels under the region, top down, the way a district is organized. */
export const LEVELS = ['street_committee', 'community_committee', 'grid_branch', 'building_group', 'member_household'] as const satisfies readonly OrgKind[];

const LEVEL_NAMES: Record<(typeof LEVELS)[number], string> = {
  street_committee: '第%s街道党工委',
  community_committee: '第%s社区党委',
  grid_branch: '第%s网格党支部',
  building_group: '第%s号楼党小组',
  member_household: '第%s党员中心户',
};

export interface GenerateOptions {
  /** Organizations in total, the region itself included. */
  orgs: number;
  people: number;
  regionName?: string;
  /** The street admin account the benchmark signs in with. */
  username?: string;
  password?: string;
  /** The district admin account (granted the whole region), for the coverage report. */
  districtUsername?: string;
  log?: (message: string) => void;
}

export interface LevelCount {
  kind: 'district_committee' | (typeof LEVELS)[number];
  count: number;
}

export interface GeneratedRegion {
  rootId: number;
  rootPath: string;
  /** The street the street admin is granted, and that the benchmark lists. */
  street: { id: number; path: string; name: string; orgs: number; people: number };
  levels: LevelCount[];
  orgs: number;
  people: number;
  members: number;
  /** The organization network: units, members working in units, committee seats, sideways ties. */
  network: { units: number; unitMembers: number; seats: number; ties: number };
  user: { username: string; password: string };
  districtUser: { username: string; password: string };
  seconds: number;
}

/**
 * How many organizations each level gets. One branching factor b for every
 * level (b ≈ 10 at 10^5 organizations: 10 streets, 10 communities a street, 10
 * grids a community — the shape of a real district); member households take
 * whatever is left, so the total is exact.
 */
export function planLevels(total: number): LevelCount[] {
  if (!Number.isInteger(total) || total < 2) throw new Error(`organizations must be an integer ≥ 2, got ${total}`);
  const b = Math.max(2, Math.round(Math.pow(total, 1 / LEVELS.length)));
  const counts: LevelCount[] = [{ kind: 'district_committee', count: 1 }];
  let remaining = total - 1;
  let above = 1;
  for (const kind of LEVELS.slice(0, -1)) {
    const n = Math.min(above * b, remaining);
    counts.push({ kind, count: n });
    remaining -= n;
    above = n;
  }
  counts.push({ kind: 'member_household', count: remaining });
  return counts.filter((c) => c.count > 0);
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** A multiplier that permutes 0..n-1 (k ↦ k·m mod n), to scatter people over organizations. */
function scatter(n: number): number {
  for (const m of [7919, 104_729, 1_299_709, 15_485_863]) if (gcd(m, n) === 1) return m;
  return 1;
}

/** Insert the `count` organizations of one level, each level's children in contiguous id blocks under their parent. */
async function insertLevel(
  q: Queryable,
  rootPath: string,
  parentKind: OrgKind,
  kind: (typeof LEVELS)[number],
  count: number,
  odd?: { every: number; kind: OrgKind; name: string },
): Promise<void> {
  // Child g goes to parent ⌊g·P/N⌋: parents get N/P children each (±1), and
  // ids run parent by parent as they would after entering the tree top down.
  // gj_org_place (BEFORE INSERT) computes path and region_id from the parent.
  await q.query(
    `WITH parents AS (
       SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn
         FROM organizations WHERE path <@ $1::ltree AND kind = $2),
     np AS (SELECT count(*) AS n FROM parents)
     INSERT INTO organizations (parent_id, name, kind)
     SELECT p.id,
            format(CASE WHEN g % $6 = $6 - 1 THEN $8 ELSE $3 END, g + 1),
            CASE WHEN g % $6 = $6 - 1 THEN $7 ELSE $4 END
       FROM generate_series(0::bigint, $5::bigint - 1) g
       CROSS JOIN np
       JOIN parents p ON p.rn = (g * np.n) / $5
      ORDER BY g`,
    [rootPath, parentKind, LEVEL_NAMES[kind], kind, count, odd?.every ?? count + 1, odd?.kind ?? kind, odd?.name ?? LEVEL_NAMES[kind]],
  );
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂玉兰华红建国志文斌辉鹏宇浩欣怡晨';
const CATEGORIES = ['employed', 'employed', 'employed', 'retired', 'retired', 'retired', 'mobile', 'veteran', 'student', 'laid_off'];

const sqlChars = (s: string) => `ARRAY[${[...s].map((c) => `'${c}'`).join(',')}]`;

/** Tables of the organization network whose audit and region triggers are off during the load (region_id is set here). */
const NETWORK_TABLES = ['people', 'units', 'committee_seats', 'org_ties'] as const;
const COMMUNITY_KINDS: OrgKind[] = ['community_committee', 'comprehensive_committee', 'residential_committee'];
const UNLED_KINDS: OrgKind[] = ['building_group', 'activity_group', 'caring_group', 'member_household'];

/**
 * Units (驻区单位) located at each community: a co-building unit, two
 * enterprises, a social organization and a government department. Half of the
 * non-department units have a party organization (here: the community's
 * committee stands for it); departments always do.
 */
async function insertUnits(q: Queryable, rootPath: string, regionId: number): Promise<void> {
  await q.query(
    `WITH c AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM organizations
                 WHERE path <@ $1::ltree AND kind = ANY ($3::text[]))
     INSERT INTO units (region_id, org_id, kind, name, party_org_id)
     SELECT $2, c.id, k.kind, format('第%s社区%s', c.rn, k.label),
            CASE WHEN k.kind = 'department' OR (c.rn + k.i) % 2 = 0 THEN c.id END
       FROM c CROSS JOIN (VALUES (1, 'co_building', '共建单位'), (2, 'enterprise', '甲企业'), (3, 'enterprise', '乙企业'),
                                 (4, 'social_org', '社会组织'), (5, 'department', '机关部门')) AS k (i, kind, label)
      ORDER BY c.id, k.i`,
    [rootPath, regionId, COMMUNITY_KINDS],
  );
}

/**
 * Committee seats and sideways ties:
 * - nine in ten led organizations (committees and branches) have a sitting
 *   secretary, a member of the region; half have a deputy too; the others had
 *   a secretary whose term ended;
 * - each community co-builds (共建) with three of its four non-department
 *   units; for one community in three the fourth had a tie that ended;
 * - each street guides (指导) its communities.
 */
async function insertNetworkTies(q: Queryable, rootPath: string, regionId: number): Promise<void> {
  await q.query(
    `WITH led AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM organizations
                   WHERE path <@ $1::ltree AND NOT (kind = ANY ($3::text[]))),
          pp AS (SELECT min(id) AS p0, count(*) / 3 AS nm FROM people WHERE region_id = $2),
          seat AS (SELECT led.id, led.rn, r.role, r.i,
                          CASE WHEN r.role = 'secretary' AND led.rn % 10 = 0 THEN date '2021-01-01' + (led.rn % 500)::int + 730 END AS ended_on
                     FROM led CROSS JOIN (VALUES (0, 'secretary'), (1, 'deputy')) AS r (i, role)
                    WHERE r.role = 'secretary' OR led.rn % 2 = 0)
     INSERT INTO committee_seats (region_id, org_id, person_id, role, started_on, ended_on)
     SELECT $2, seat.id, pp.p0 + 3 * ((seat.rn * 7 + seat.i) % pp.nm) + 2, seat.role,
            date '2021-01-01' + (seat.rn % 500)::int, seat.ended_on
       FROM seat CROSS JOIN pp ORDER BY seat.id, seat.i`,
    [rootPath, regionId, UNLED_KINDS],
  );
  await q.query(
    `WITH u AS (SELECT id, org_id, row_number() OVER (PARTITION BY org_id ORDER BY id) AS j,
                       dense_rank() OVER (ORDER BY org_id) AS c
                  FROM units WHERE region_id = $1 AND kind <> 'department')
     INSERT INTO org_ties (region_id, org_id, kind, to_unit_id, started_on, ended_on)
     SELECT $1, u.org_id, 'co_builds', u.id, date '2022-01-01' + (u.c % 300)::int,
            CASE WHEN u.j = 4 THEN date '2023-06-30' END
       FROM u WHERE u.j < 4 OR u.c % 3 = 0 ORDER BY u.id`,
    [regionId],
  );
  await q.query(
    `INSERT INTO org_ties (region_id, org_id, kind, to_org_id, started_on)
     SELECT $2, o.parent_id, 'guides', o.id, date '2021-03-01'
       FROM organizations o JOIN organizations p ON p.id = o.parent_id AND p.kind = 'street_committee'
      WHERE o.path <@ $1::ltree AND o.kind = ANY ($3::text[]) ORDER BY o.id`,
    [rootPath, regionId, COMMUNITY_KINDS],
  );
}

/**
 * Generates one region into the database. Runs in a single system
 * transaction: on failure nothing is left behind, and the triggers it turns
 * off for the load are back on either way.
 */
export async function generateRegion(db: Database, opts: GenerateOptions): Promise<GeneratedRegion> {
  const log = opts.log ?? (() => undefined);
  const levels = planLevels(opts.orgs);
  const username = opts.username ?? 'bench.street';
  const districtUsername = opts.districtUsername ?? 'bench.district';
  const password = opts.password ?? 'Bench-2024-street';
  const passwordHash = await hashPassword(password);
  const started = performance.now();

  const result = await db.system(async (q) => {
    // Bulk rows are not edits anybody made: the audit log would only double
    // the load's size and time. gj_region on people just copies the region of
    // the organization, which we know; people inserts set region_id directly.
    // Organizations keep gj_org_place: their path and region come from it.
    await q.exec(NETWORK_TABLES.map((t) => `ALTER TABLE ${t} DISABLE TRIGGER gj_audit; ALTER TABLE ${t} DISABLE TRIGGER gj_region;`).join('\n') +
                 `ALTER TABLE organizations DISABLE TRIGGER gj_audit;`);
    await q.query(`SELECT set_config('gj.user_name', 'benchmark', true)`);

    const [root] = await q.query<{ id: number; path: string }>(
      `INSERT INTO organizations (parent_id, name, kind) VALUES (NULL, $1, 'district_committee') RETURNING id, path::text AS path`,
      [opts.regionName ?? `基准测试区 ${new Date().toISOString().slice(0, 19)}`],
    );
    const rootPath = root!.path;

    let t = performance.now();
    for (let i = 1; i < levels.length; i++) {
      const { kind, count } = levels[i]!;
      if (kind === 'district_committee') continue;
      // One community in 20 is a residential committee (居民区党委) of a new
      // estate: the next level goes only under community committees, so these
      // have no grid branch yet — the coverage report's first kind of gap.
      const odd = kind === 'community_committee' ? { every: 20, kind: 'residential_committee' as const, name: '第%s居民区党委' } : undefined;
      await insertLevel(q, rootPath, levels[i - 1]!.kind, kind, count, odd);
      log(`  ${kind.padEnd(20)} ${String(count).padStart(9)}  ${((performance.now() - t) / 1000).toFixed(1)} s`);
      t = performance.now();
    }

    // Residents are kept by grid branch (网格), members by the lowest level
    // there is (member household where the tree has them). A person's org is
    // a scattering permutation of their number, so consecutive ids belong to
    // different places, as when people register over the years, and every
    // organization of a level gets the same number of people (±1).
    const residentKind: OrgKind = levels.some((l) => l.kind === 'grid_branch') ? 'grid_branch' : levels.at(-1)!.kind;
    const memberKind = levels.at(-1)!.kind;
    const nResidentOrgs = levels.find((l) => l.kind === residentKind)!.count;
    const nMemberOrgs = levels.find((l) => l.kind === memberKind)!.count;
    await q.query(
      `CREATE TEMP TABLE bench_slots ON COMMIT DROP AS
         SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM organizations WHERE path <@ $1::ltree AND kind = $2
         UNION ALL
         SELECT $3::bigint + row_number() OVER (ORDER BY id) - 1, id FROM organizations WHERE path <@ $1::ltree AND kind = $4`,
      [rootPath, residentKind, nResidentOrgs, memberKind],
    );
    await q.exec(`CREATE UNIQUE INDEX ON bench_slots (k); ANALYZE bench_slots`);

    t = performance.now();
    await insertUnits(q, rootPath, root!.id);
    // Every fifth member works in one of the (non-department) units of their
    // community: bench_units numbers them 0..3 within the community.
    await q.query(
      `CREATE TEMP TABLE bench_units ON COMMIT DROP AS
         SELECT org_id AS community_id, row_number() OVER (PARTITION BY org_id ORDER BY id) - 1 AS j, id
           FROM units WHERE region_id = $1 AND kind <> 'department'`,
      [root!.id],
    );
    await q.exec(`CREATE UNIQUE INDEX ON bench_units (community_id, j); ANALYZE bench_units;
                  ALTER TABLE bench_slots ADD COLUMN community_id bigint`);
    await q.query(
      `UPDATE bench_slots s SET community_id = subpath(o.path, nlevel($1::ltree) + 1, 1)::text::bigint
         FROM organizations o WHERE o.id = s.id AND nlevel(o.path) > nlevel($1::ltree) + 1`,
      [rootPath],
    );
    log(`  ${'units'.padEnd(20)} ${''.padStart(9)}  ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    await q.query(
      `INSERT INTO people (region_id, org_id, name, gender, phone_enc, phone_mask, is_member, category, unit_id)
       SELECT $1, s.id,
              (${sqlChars(SURNAMES)})[1 + g % ${[...SURNAMES].length}]
                || (${sqlChars(GIVEN)})[1 + (g / 7) % ${[...GIVEN].length}]
                || CASE WHEN g % 3 = 0 THEN '' ELSE (${sqlChars(GIVEN)})[1 + (g / 11) % ${[...GIVEN].length}] END,
              CASE WHEN g % 2 = 0 THEN 'male' ELSE 'female' END,
              -- The shape of a sealed value (v1:base64), for a realistic row width.
              CASE WHEN g % 5 <> 0 THEN 'v1:' || md5(g::text) || left(md5((g + 1)::text), 20) END,
              CASE WHEN g % 5 <> 0 THEN format('1%s****%s', 30 + g % 60, lpad(((g * 7919) % 10000)::text, 4, '0')) END,
              g % 3 = 2,
              CASE WHEN g % 3 = 2 THEN ($6::text[])[1 + (g / 3) % ${CATEGORIES.length}] END,
              CASE WHEN g % 3 = 2 AND (g / 3) % 5 = 1 THEN u.id END
         FROM generate_series(0::bigint, $2::bigint - 1) g
         JOIN bench_slots s ON s.k = CASE WHEN g % 3 = 2 THEN $3::bigint + ((g / 3) * $4) % $5
                                          ELSE ((g - g / 3) * $7) % $3 END
         LEFT JOIN bench_units u ON u.community_id = s.community_id AND u.j = (g / 15) % 4
        ORDER BY g`,
      [root!.id, opts.people, nResidentOrgs, scatter(nMemberOrgs), nMemberOrgs, CATEGORIES, scatter(nResidentOrgs)],
    );
    log(`  ${'people'.padEnd(20)} ${String(opts.people).padStart(9)}  ${((performance.now() - t) / 1000).toFixed(1)} s`);

    t = performance.now();
    await insertNetworkTies(q, rootPath, root!.id);
    log(`  ${'seats, ties'.padEnd(20)} ${''.padStart(9)}  ${((performance.now() - t) / 1000).toFixed(1)} s`);

    await q.exec(NETWORK_TABLES.map((t) => `ALTER TABLE ${t} ENABLE TRIGGER gj_audit; ALTER TABLE ${t} ENABLE TRIGGER gj_region;`).join('\n') +
                 `ALTER TABLE organizations ENABLE TRIGGER gj_audit;`);

    // The street admin, created the way an admin would be (triggers on).
    const [street] = await q.query<{ id: number; path: string; name: string }>(
      `SELECT id, path::text AS path, name FROM organizations WHERE parent_id = $1 ORDER BY id LIMIT 1`,
      [root!.id],
    );
    const [user] = await q.query<{ id: number }>(
      `INSERT INTO users (org_id, username, display_name, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
      [street!.id, username, '基准测试街道管理员', passwordHash],
    );
    await q.query(`INSERT INTO user_grants (user_id, role, org_id) VALUES ($1, 'street_admin', $2)`, [user!.id, street!.id]);
    const [district] = await q.query<{ id: number }>(
      `INSERT INTO users (org_id, username, display_name, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
      [root!.id, districtUsername, '基准测试区委组织部管理员', passwordHash],
    );
    await q.query(`INSERT INTO user_grants (user_id, role, org_id) VALUES ($1, 'district_admin', $2)`, [district!.id, root!.id]);

    const [counts] = await q.query<{
      orgs: number; people: number; members: number; street_orgs: number; street_people: number;
      units: number; unit_members: number; seats: number; ties: number;
    }>(
      `SELECT (SELECT count(*) FROM organizations WHERE path <@ $1::ltree) AS orgs,
              (SELECT count(*) FROM people WHERE region_id = $2) AS people,
              (SELECT count(*) FROM people WHERE region_id = $2 AND is_member) AS members,
              (SELECT count(*) FROM organizations WHERE path <@ $3::ltree) AS street_orgs,
              (SELECT count(*) FROM people WHERE org_id IN (SELECT id FROM organizations WHERE path <@ $3::ltree)) AS street_people,
              (SELECT count(*) FROM units WHERE region_id = $2) AS units,
              (SELECT count(*) FROM people WHERE region_id = $2 AND unit_id IS NOT NULL) AS unit_members,
              (SELECT count(*) FROM committee_seats WHERE region_id = $2) AS seats,
              (SELECT count(*) FROM org_ties WHERE region_id = $2) AS ties`,
      [rootPath, root!.id, street!.path],
    );
    return { root: root!, street: street!, counts: counts! };
  });

  const { root, street, counts } = result;
  if (counts.orgs !== opts.orgs || counts.people !== opts.people) {
    throw new Error(`generated ${counts.orgs} organizations and ${counts.people} people, expected ${opts.orgs} and ${opts.people}`);
  }
  return {
    rootId: root.id,
    rootPath: root.path,
    street: { ...street, orgs: counts.street_orgs, people: counts.street_people },
    levels,
    orgs: counts.orgs,
    people: counts.people,
    members: counts.members,
    network: { units: counts.units, unitMembers: counts.unit_members, seats: counts.seats, ties: counts.ties },
    user: { username, password },
    districtUser: { username: districtUsername, password },
    seconds: (performance.now() - started) / 1000,
  };
}
