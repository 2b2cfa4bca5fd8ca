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
  user: { username: string; password: string };
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
async function insertLevel(q: Queryable, rootPath: string, parentKind: OrgKind, kind: (typeof LEVELS)[number], count: number): Promise<void> {
  // Child g goes to parent ⌊g·P/N⌋: parents get N/P children each (±1), and
  // ids run parent by parent as they would after entering the tree top down.
  // gj_org_place (BEFORE INSERT) computes path and region_id from the parent.
  await q.query(
    `WITH parents AS (
       SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn
         FROM organizations WHERE path <@ $1::ltree AND kind = $2),
     np AS (SELECT count(*) AS n FROM parents)
     INSERT INTO organizations (parent_id, name, kind)
     SELECT p.id, format($3, g + 1), $4
       FROM generate_series(0::bigint, $5::bigint - 1) g
       CROSS JOIN np
       JOIN parents p ON p.rn = (g * np.n) / $5
      ORDER BY g`,
    [rootPath, parentKind, LEVEL_NAMES[kind], kind, count],
  );
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂玉兰华红建国志文斌辉鹏宇浩欣怡晨';
const CATEGORIES = ['employed', 'employed', 'employed', 'retired', 'retired', 'retired', 'mobile', 'veteran', 'student', 'laid_off'];

const sqlChars = (s: string) => `ARRAY[${[...s].map((c) => `'${c}'`).join(',')}]`;

/**
 * Generates one region into the database. Runs in a single system
 * transaction: on failure nothing is left behind, and the triggers it turns
 * off for the load are back on either way.
 */
export async function generateRegion(db: Database, opts: GenerateOptions): Promise<GeneratedRegion> {
  const log = opts.log ?? (() => undefined);
  const levels = planLevels(opts.orgs);
  const username = opts.username ?? 'bench.street';
  const password = opts.password ?? 'Bench-2024-street';
  const passwordHash = await hashPassword(password);
  const started = performance.now();

  const result = await db.system(async (q) => {
    // Bulk rows are not edits anybody made: the audit log would only double
    // the load's size and time. gj_region on people just copies the region of
    // the organization, which we know; people inserts set region_id directly.
    // Organizations keep gj_org_place: their path and region come from it.
    await q.exec(`ALTER TABLE organizations DISABLE TRIGGER gj_audit;
                  ALTER TABLE people DISABLE TRIGGER gj_audit;
                  ALTER TABLE people DISABLE TRIGGER gj_region`);
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
      await insertLevel(q, rootPath, levels[i - 1]!.kind, kind, count);
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
    await q.query(
      `INSERT INTO people (region_id, org_id, name, gender, phone_enc, phone_mask, is_member, category)
       SELECT $1, s.id,
              (${sqlChars(SURNAMES)})[1 + g % ${[...SURNAMES].length}]
                || (${sqlChars(GIVEN)})[1 + (g / 7) % ${[...GIVEN].length}]
                || CASE WHEN g % 3 = 0 THEN '' ELSE (${sqlChars(GIVEN)})[1 + (g / 11) % ${[...GIVEN].length}] END,
              CASE WHEN g % 2 = 0 THEN 'male' ELSE 'female' END,
              -- The shape of a sealed value (v1:base64), for a realistic row width.
              CASE WHEN g % 5 <> 0 THEN 'v1:' || md5(g::text) || left(md5((g + 1)::text), 20) END,
              CASE WHEN g % 5 <> 0 THEN format('1%s****%s', 30 + g % 60, lpad(((g * 7919) % 10000)::text, 4, '0')) END,
              g % 3 = 2,
              CASE WHEN g % 3 = 2 THEN ($6::text[])[1 + (g / 3) % ${CATEGORIES.length}] END
         FROM generate_series(0::bigint, $2::bigint - 1) g
         JOIN bench_slots s ON s.k = CASE WHEN g % 3 = 2 THEN $3::bigint + ((g / 3) * $4) % $5
                                          ELSE ((g - g / 3) * $7) % $3 END
        ORDER BY g`,
      [root!.id, opts.people, nResidentOrgs, scatter(nMemberOrgs), nMemberOrgs, CATEGORIES, scatter(nResidentOrgs)],
    );
    log(`  ${'people'.padEnd(20)} ${String(opts.people).padStart(9)}  ${((performance.now() - t) / 1000).toFixed(1)} s`);

    await q.exec(`ALTER TABLE organizations ENABLE TRIGGER gj_audit;
                  ALTER TABLE people ENABLE TRIGGER gj_audit;
                  ALTER TABLE people ENABLE TRIGGER gj_region`);

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

    const [counts] = await q.query<{ orgs: number; people: number; members: number; street_orgs: number; street_people: number }>(
      `SELECT (SELECT count(*) FROM organizations WHERE path <@ $1::ltree) AS orgs,
              (SELECT count(*) FROM people WHERE region_id = $2) AS people,
              (SELECT count(*) FROM people WHERE region_id = $2 AND is_member) AS members,
              (SELECT count(*) FROM organizations WHERE path <@ $3::ltree) AS street_orgs,
              (SELECT count(*) FROM people WHERE org_id IN (SELECT id FROM organizations WHERE path <@ $3::ltree)) AS street_people`,
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
    user: { username, password },
    seconds: (performance.now() - started) / 1000,
  };
}
