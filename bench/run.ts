import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../server/src/app.ts';
import { FieldCipher } from '../server/src/kernel/crypto.ts';
import { openDatabase, type Database, type DatabaseKind, type Queryable } from '../server/src/kernel/db.ts';
import { migrate } from '../server/src/kernel/migrate.ts';
import type { Scope } from '../server/src/kernel/scope.ts';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../server/src/kernel/security.ts';
import { SESSION_COOKIE, resolveSession } from '../server/src/modules/users/auth.ts';
import * as people from '../server/src/modules/people/service.ts';
import { GAPS_SHOWN, coverage } from '../server/src/modules/orgs/coverage.ts';
import { MODULES } from '../server/src/modules/index.ts';
import * as network from '../server/src/modules/orgs/network.ts';
import { GAP_KINDS, ORG_KINDS, type OrgKind } from '../server/src/modules/orgs/schema.ts';
import { censusBench, type CensusTimings } from './census.ts';
import { LEVELS, generateRegion, type GeneratedRegion } from './generate.ts';
import { DUE_URL, dueAnswer, everyGrid, generateGridStructure, generateGrids, gridWorkers, rawDue, scopedDue } from './grids.ts';
import { generateNeeds, listsSuite, overdueSuite, type NeedsBench } from './needs.ts';
import { BENCH_YEAR, PAGE, RAW_POINTS, fromApi, fromRaw, generatePoints } from './points.ts';
import * as fundsBench from './funds.ts';
import { RAW_TASKS, RAW_TASK_REPORTS, TASK_PAGE, generateMeetingTasks, tasksFromApi, tasksFromRaw } from './meetingtasks.ts';
import { RAW_EVALUATION, evaluationDigest, evaluationFromApi, evaluationFromRaw, generateEvaluation } from './evaluation.ts';
import { RAW_NAME_COUNT, RAW_NAME_PAGE, fillNameKeys, nameQueries, nameUrl } from './names.ts';

/** The gap finders the modules register, as the app hands them to the coverage report. */
const COVERAGE_FINDERS = MODULES.flatMap((m) => m.coverageGaps ?? []);

/**
 * "Count and list everything under one street", three ways, on the same
 * database in the same run:
 *   api    — GET /api/people?orgId=<street>&page=1&pageSize=50 as the street
 *            admin, through app.inject: session lookup, validation, the
 *            row-level-security transaction, serialization;
 *   scoped — the people service alone in a scoped transaction (RLS, no HTTP),
 *            which splits the API's cost into "HTTP stack" and "RLS SQL";
 *   raw    — the same answer in plain SQL on the system connection (no RLS),
 *            the baseline.
 * The figure is api/raw: both are timed on the same machine in the same
 * minute, so machine speed and noise mostly cancel out.
 */

const DATA_DIR = path.resolve(import.meta.dirname, 'data');
const PAGE_SIZE = 50;
const SUITES = ['list', 'coverage', 'chart', 'due', 'census', 'lists', 'overdue', 'points', 'names', 'funds', 'evaluation', 'tasks'] as const;
type Suite = (typeof SUITES)[number];
const CHART_DEPTH = 3;

const { values: args } = parseArgs({
  options: {
    small: { type: 'boolean', default: false },
    orgs: { type: 'string' },
    people: { type: 'string' },
    needs: { type: 'string' },
    'fund-entries': { type: 'string' },
    runs: { type: 'string' },
    warmup: { type: 'string' },
    only: { type: 'string' },
    'pglite-dir': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    under: { type: 'string', default: 'street_committee' },
    'census-rows': { type: 'string' },
    suite: { type: 'string', default: SUITES.join(',') },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  console.log(`npm run bench -- [options]
  --small            10^4 organizations, 10^5 people (default 10^5 / 10^6)
  --orgs N           organizations in the region          (env BENCH_ORGS)
  --people N         people in the region                  (env BENCH_PEOPLE)
  --needs N          needs in the region, default 10^6 (10^5 with --small)   (env BENCH_NEEDS)
  --fund-entries N   funds suite: ledger entries, default 10^6 (10^5 with --small)   (env BENCH_FUND_ENTRIES)
  --runs N           timed runs per variant, default 20    (env BENCH_RUNS)
  --warmup N         untimed runs first, default 3
  --only KIND        pglite or postgresql
  --pglite-dir       PGlite on disk under bench/data/ instead of in memory
  --keep             keep the database (PGlite folder / PostgreSQL database) for inspection
  --explain          print EXPLAIN ANALYZE of every SELECT the service and the raw SQL run
  --suite S[,S…]     which benchmarks to run, default all: list (people under a street),
                     coverage (GET /api/orgs/<region>/coverage as a district admin),
                     chart (GET /api/orgs/<street>/chart?depth=${CHART_DEPTH} as the street admin),
                     due (GET /api/visits/due as grid workers across the region, bench/grids.ts)
                     census (import of --census-rows people from Excel into the street, against COPY)
  --census-rows N    census suite: rows in the file, default 10^5
                     lists (GET /api/lists?orgId=<community>), overdue (GET /api/needs?overdue=true over the region)
                     names (GET /api/people?q= over the region: Chinese, Traditional, pinyin, initials; bench/names.ts)
                     points (year-end points ranking of the whole region as a district admin,
                     over ten ledger entries per person: 10^7 at the default size)
                     funds (GET /api/funds/balances of the region, a street and a community over
                     --fund-entries ledger entries; the district by source, organization and month in raw SQL; bench/funds.ts)
                     evaluation (a street's year-end evaluation table as its admin: every member,
                     their points and duty-post work, the proposed grade; bench/evaluation.ts)
                     tasks (GET /api/meeting-tasks?orgId=<region>: every committee's meeting tasks with
                     status as a district admin, bench/meetingtasks.ts)
  --under KIND[,…]   list suite: list under the first organization of this kind in the admin's
                     street instead of the street itself (community_committee, grid_branch,
                     building_group, member_household): how the cost follows subtree size;
                     several kinds run one after the other on the same data
PostgreSQL runs too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server;
a fresh database is created on it and dropped afterwards.`);
  process.exit(0);
}

const int = (v: string | undefined, fallback: number, name: string): number => {
  if (v === undefined || v === '') return fallback;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${v}`);
  return n;
};

const config = {
  orgs: int(args.orgs ?? process.env.BENCH_ORGS, args.small ? 10_000 : 100_000, 'orgs'),
  people: int(args.people ?? process.env.BENCH_PEOPLE, args.small ? 100_000 : 1_000_000, 'people'),
  needs: int(args.needs ?? process.env.BENCH_NEEDS, args.small ? 100_000 : 1_000_000, 'needs'),
  fundEntries: int(args['fund-entries'] ?? process.env.BENCH_FUND_ENTRIES, args.small ? 100_000 : 1_000_000, 'fund-entries'),
  runs: int(args.runs ?? process.env.BENCH_RUNS, 20, 'runs'),
  warmup: int(args.warmup, 3, 'warmup'),
  censusRows: int(args['census-rows'], 100_000, 'census-rows'),
};
const underKinds = args.under.split(',').map((k) => k.trim()) as (typeof LEVELS)[number][];
for (const k of underKinds) if (!LEVELS.includes(k)) throw new Error(`--under must be one of ${LEVELS.join(', ')}, got ${k}`);
const suites = args.suite.split(',').map((k) => k.trim()) as Suite[];
for (const k of suites) if (!SUITES.includes(k)) throw new Error(`--suite must be one of ${SUITES.join(', ')}, got ${k}`);
const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;

interface Stats {
  median: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
  samples: number[];
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  const mid = s.length / 2;
  const median = s.length % 2 ? s[Math.floor(mid)]! : (s[mid - 1]! + s[mid]!) / 2;
  return {
    median: round(median),
    p95: round(at(0.95)),
    min: round(s[0]!),
    max: round(s.at(-1)!),
    mean: round(s.reduce((a, b) => a + b, 0) / s.length),
    samples: samples.map(round),
  };
}

interface Target {
  kind: DatabaseKind;
  label: string;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

function pgliteTarget(): Target {
  const dir = args['pglite-dir'] ? path.join(DATA_DIR, `pglite-${process.pid}-${randomBytes(3).toString('hex')}`) : undefined;
  return {
    kind: 'pglite',
    label: dir ? `PGlite (${path.relative(process.cwd(), dir)})` : 'PGlite (in memory)',
    open: async () => {
      if (dir) mkdirSync(dir, { recursive: true });
      return openDatabase({ dataDir: dir });
    },
    cleanup: async () => {
      if (dir && !args.keep) rmSync(dir, { recursive: true, force: true });
      if (dir && args.keep) console.log(`  kept PGlite data folder ${dir}`);
    },
  };
}

function postgresTarget(url: string): Target {
  const name = `gj_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const admin = async (sql: string, connectTo = url) => {
    const c = new pg.Client({ connectionString: connectTo });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  let created = false;
  return {
    kind: 'postgresql',
    label: `PostgreSQL (${dbUrl.host}, database ${name})`,
    open: async () => {
      await admin(`CREATE DATABASE ${name}`);
      created = true;
      return openDatabase({ url: dbUrl.toString(), poolSize: 4 });
    },
    cleanup: async () => {
      if (!created) return;
      if (args.keep) console.log(`  kept database ${dbUrl.toString()}`);
      else await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

const RAW_COUNT = `SELECT count(*) AS n FROM people p
  WHERE p.org_id IN (SELECT id FROM organizations WHERE path <@ $1::ltree)`;
const RAW_LIST = `SELECT p.id, p.name, p.gender, p.phone_mask, p.org_id, o.name AS org_name, p.unit_id, p.is_member, p.category
  FROM people p LEFT JOIN organizations o ON o.id = p.org_id
  WHERE p.org_id IN (SELECT id FROM organizations WHERE path <@ $1::ltree)
  ORDER BY p.id LIMIT ${PAGE_SIZE}`;

const COMMUNITY_KINDS: OrgKind[] = ['community_committee', 'comprehensive_committee', 'residential_committee'];
const UNLED_KINDS: OrgKind[] = ['building_group', 'activity_group', 'caring_group', 'member_household'];
const LED_KINDS = (Object.keys(ORG_KINDS) as OrgKind[]).filter((k) => !UNLED_KINDS.includes(k));
const GAP_ORDER = Object.keys(GAP_KINDS).sort();

/**
 * The coverage report in one statement: for each of the six gap kinds the
 * count and the ids of the first GAPS_SHOWN (in the order the service lists
 * them), with the definitions of server/src/modules/orgs/coverage.ts.
 */
const RAW_COVERAGE = `
WITH sub AS (SELECT id, path, kind, status FROM organizations WHERE path <@ $1::ltree),
no_grid AS (
  SELECT o.id, o.path FROM sub o
   WHERE o.status = 'active' AND o.kind = ANY ($2::text[])
     AND NOT EXISTS (SELECT 1 FROM organizations g WHERE g.path <@ o.path AND g.kind = 'grid_branch' AND g.status = 'active')),
no_secretary AS (
  SELECT o.id, o.path FROM sub o
   WHERE o.status = 'active' AND o.kind = ANY ($3::text[])
     AND NOT EXISTS (SELECT 1 FROM committee_seats s WHERE s.org_id = o.id AND s.role = 'secretary' AND s.ended_on IS NULL)),
u AS (SELECT u.id, u.kind, u.party_org_id, u.party_org_outside FROM units u JOIN sub ON sub.id = u.org_id),
hidden AS (
  SELECT u.id FROM u
   WHERE u.party_org_id IS NULL AND u.party_org_outside IS NULL AND EXISTS (SELECT 1 FROM people p WHERE p.unit_id = u.id AND p.is_member)),
untied AS (
  SELECT u.id FROM u
   WHERE u.kind <> 'department' AND NOT EXISTS (SELECT 1 FROM org_ties t WHERE t.to_unit_id = u.id AND t.ended_on IS NULL)),
unbranched AS (
  SELECT g.id, c.path FROM grids g JOIN sub c ON c.id = g.community_id WHERE g.branch_id IS NULL),
ungrouped AS (
  SELECT b.id, c.path, b.grid_id FROM buildings b JOIN grids g ON g.id = b.grid_id JOIN sub c ON c.id = g.community_id WHERE b.group_id IS NULL)
SELECT 'community_without_grid' AS kind, count(*)::int AS n, (array_agg(id ORDER BY path))[1:$4] AS ids FROM no_grid
UNION ALL SELECT 'org_without_secretary', count(*)::int, (array_agg(id ORDER BY path))[1:$4] FROM no_secretary
UNION ALL SELECT 'hidden_members', count(*)::int, (array_agg(id ORDER BY id))[1:$4] FROM hidden
UNION ALL SELECT 'unit_without_tie', count(*)::int, (array_agg(id ORDER BY id))[1:$4] FROM untied
UNION ALL SELECT 'grid_without_branch', count(*)::int, (array_agg(id ORDER BY path, id))[1:$4] FROM unbranched
UNION ALL SELECT 'building_without_group', count(*)::int, (array_agg(id ORDER BY path, grid_id, id))[1:$4] FROM ungrouped`;

const RAW_CHART_NODES = `SELECT id, parent_id, name, kind, status FROM organizations
  WHERE path <@ $1::ltree AND nlevel(path) < nlevel($1::ltree) + $2 AND status = 'active' ORDER BY path LIMIT 2001`;
const RAW_CHART_UNITS = `SELECT u.id, u.name, u.kind, u.org_id FROM units u
  WHERE u.org_id IN (SELECT id FROM organizations WHERE path <@ $1::ltree AND nlevel(path) < nlevel($1::ltree) + $2 AND status = 'active')
  ORDER BY u.id`;
const RAW_CHART_TIES = `SELECT t.id, t.kind, t.org_id, t.to_org_id, t.to_unit_id FROM org_ties t
  WHERE t.ended_on IS NULL AND (t.org_id = ANY ($1::bigint[]) OR t.to_org_id = ANY ($1::bigint[]) OR t.to_unit_id = ANY ($2::bigint[]))`;
/** The far ends of those ties outside the chart, by name and place. */
const RAW_CHART_OUTSIDE = `SELECT 'org' AS type, o.id, o.name, p.name AS place FROM organizations o LEFT JOIN organizations p ON p.id = o.parent_id
   WHERE o.id = ANY ($1::bigint[]) AND o.status = 'active'
  UNION ALL
  SELECT 'unit', u.id, u.name, o.name FROM units u JOIN organizations o ON o.id = u.org_id WHERE u.id = ANY ($2::bigint[])`;

type Json = unknown;

interface Answer {
  total: number;
  ids: number[];
  /** Fields per item: the raw SQL must read as many columns as the API returns. */
  width: number;
}

interface SuiteResult {
  suite: Suite;
  /** What the request is about: the street (or smaller organization) listed, the region covered, the street charted. */
  target: { id: number; kind: string; name: string; path: string; [k: string]: unknown };
  request: string;
  answer: Json;
  timingsMs: Record<string, Stats>;
  ratio: { apiToRawMedian: number; apiToRawP95: number; scopedToRawMedian?: number };
}

interface Result {
  database: string;
  kind: DatabaseKind;
  version: string;
  region: Omit<GeneratedRegion, 'user' | 'districtUser'>;
  seconds: { open: number; migrate: number; generate: number; vacuumAnalyze: number };
  suites: SuiteResult[];
  census?: CensusTimings;
}

/** A connection that prints the plan of each SELECT before running it, so the plans shown are of the SQL the code really sends. */
function explaining(q: Queryable, label: string): Queryable {
  return {
    exec: (sql) => q.exec(sql),
    query: async <T>(sql: string, params?: unknown[]) => {
      if (/^\s*SELECT/i.test(sql)) {
        const plan = await q.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        const oneLine = sql.replace(/\s+/g, ' ').trim();
        console.log(`\n  -- ${label}: ${oneLine.length > 160 ? oneLine.slice(0, 157) + '…' : oneLine}`);
        console.log(plan.map((r) => `  ${r['QUERY PLAN']}`).join('\n'));
      }
      return q.query<T>(sql, params);
    },
  };
}

const answer = (total: number, items: { id: number }[]): Answer => ({
  total,
  ids: items.map((p) => p.id),
  width: items[0] ? Object.keys(items[0]).length : 0,
});

async function rawAnswer(q: Queryable, orgPath: string): Promise<Answer> {
  const [c] = await q.query<{ n: number }>(RAW_COUNT, [orgPath]);
  const rows = await q.query<{ id: number }>(RAW_LIST, [orgPath]);
  return answer(c!.n, rows);
}


/**
 * Runs the variants (the last one is the raw SQL baseline): checks they give
 * the same answer, warms up, then times them interleaved, so a slow patch of
 * the machine hits every variant alike.
 */
async function measure<V extends string>(variants: Record<V, () => Promise<Json>>, baseline: NoInfer<V>): Promise<{ answer: Json; timings: Record<V, Stats> }> {
  const names = Object.keys(variants) as V[];
  const expected = JSON.stringify(await variants[baseline]());
  for (const n of names) {
    const got = JSON.stringify(await variants[n]());
    if (got !== expected) throw new Error(`${n} answered ${got.slice(0, 2000)}\n  raw SQL ${expected.slice(0, 2000)}`);
  }
  for (let i = 0; i < config.warmup; i++) for (const n of names) await variants[n]();
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<V, number[]>;
  for (let i = 0; i < config.runs; i++) {
    for (const n of names) {
      const start = performance.now();
      await variants[n]();
      samples[n].push(performance.now() - start);
    }
  }
  const timings = Object.fromEntries(names.map((n) => [n, stats(samples[n])])) as Record<V, Stats>;
  return { answer: JSON.parse(expected) as Json, timings };
}

const ratios = (t: Record<string, Stats>) => ({
  apiToRawMedian: round(t.api!.median / t.raw!.median),
  apiToRawP95: round(t.api!.p95 / t.raw!.p95),
  ...(t.scoped ? { scopedToRawMedian: round(t.scoped.median / t.raw!.median) } : {}),
});

async function bench(target: Target): Promise<Result> {
  console.log(`\n=== ${target.label}`);
  const sec = (t: number) => (performance.now() - t) / 1000;
  let t = performance.now();
  const db = await target.open();
  const open = sec(t);
  let app: FastifyInstance | undefined;
  try {
    t = performance.now();
    await migrate(db);
    const migrated = sec(t);
    const [{ version } = { version: '?' }] = await db.system((q) => q.query<{ version: string }>(`SELECT version()`));
    console.log(`  ${version.split(' on ')[0]}; open ${open.toFixed(1)} s, migrate ${migrated.toFixed(1)} s`);
    console.log(`  generating ${config.orgs.toLocaleString('en')} organizations, ${config.people.toLocaleString('en')} people …`);
    const region = await generateRegion(db, { ...config, log: console.log });
    t = performance.now();
    // Settled statistics and visibility map, as a production table has after
    // autovacuum; without it the first runs would set hint bits and the
    // planner would guess.
    await db.maintenance('VACUUM (ANALYZE) organizations, people, units, committee_seats, org_ties, users, user_grants');
    const vacuumAnalyze = sec(t);
    console.log(
      `  generated in ${region.seconds.toFixed(1)} s, VACUUM ANALYZE ${vacuumAnalyze.toFixed(1)} s; ` +
        `street "${region.street.name}" (id ${region.street.id}): ${region.street.orgs.toLocaleString('en')} organizations, ` +
        `${region.street.people.toLocaleString('en')} people`,
    );
    const nw = region.network;
    console.log(`  network: ${nw.units} units, ${nw.unitMembers.toLocaleString('en')} members working in units, ${nw.seats} committee seats, ${nw.ties} ties`);

    const cipher = new FieldCipher(randomBytes(32));
    app = await buildApp({ db, cipher }, { webDir: null });
    await app.ready();
    const server = app;
    const signIn = async (user: { username: string; password: string }) => {
      const login = await server.inject({ method: 'POST', url: '/api/auth/login', headers: { [CLIENT_HEADER]: CLIENT_HEADER_VALUE }, payload: user });
      if (login.statusCode !== 200) throw new Error(`sign-in of ${user.username} failed: ${login.statusCode} ${login.body}`);
      const token = login.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
      return { token, scope: (await resolveSession(db, token))! };
    };
    const get = async (url: string, token: string): Promise<unknown> => {
      const res = await server.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${token}` } });
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 500)}`);
      return res.json();
    };
    const streetAdmin = await signIn(region.user);

    const results: SuiteResult[] = [];
    if (suites.includes('list')) for (const k of underKinds) results.push(await listSuite(db, region, k, streetAdmin, get));
    if (suites.includes('coverage')) results.push(await coverageSuite(db, region, await signIn(region.districtUser), get));
    if (suites.includes('chart')) results.push(await chartSuite(db, region, streetAdmin, get));
    if (suites.includes('due')) results.push(await dueSuite(db, region, signIn, get));
    const census = suites.includes('census')
      ? await censusBench({ db, app: server, cipher, token: streetAdmin.token, orgId: region.street.id }, config.censusRows)
      : undefined;
    if (suites.includes('lists') || suites.includes('overdue')) results.push(...(await needsSuites({ db, region, get, street: streetAdmin, district: await signIn(region.districtUser), measure })));
    if (suites.includes('points')) results.push(await pointsSuite(db, region, await signIn(region.districtUser), get));
    if (suites.includes('names')) results.push(...(await namesSuite(db, await signIn(region.districtUser), get)));
    if (suites.includes('funds')) results.push(...(await fundsSuite(db, region, await signIn(region.districtUser), get)));
    if (suites.includes('evaluation')) results.push(await evaluationSuite(db, region, streetAdmin, server, get));
    if (suites.includes('tasks')) results.push(await tasksSuite(db, region, await signIn(region.districtUser), get));

    const { user: _user, districtUser: _district, ...regionInfo } = region;
    return {
      database: target.label,
      kind: target.kind,
      version,
      region: regionInfo,
      seconds: { open: round(open), migrate: round(migrated), generate: round(region.seconds), vacuumAnalyze: round(vacuumAnalyze) },
      suites: results,
      census,
    };
  } finally {
    await app?.close();
    await db.close();
    await target.cleanup();
  }
}

type Get = (url: string, token: string) => Promise<unknown>;
interface Session {
  token: string;
  scope: Scope;
}

/** "Count and list everything under one street" (or a smaller organization in it). */
async function listSuite(db: Database, region: GeneratedRegion, underKind: (typeof LEVELS)[number], admin: Session, get: Get): Promise<SuiteResult> {
  const listed =
    underKind === 'street_committee'
      ? { ...region.street, kind: underKind }
      : await db.system(async (q) => {
          const [o] = await q.query<{ id: number; kind: string; name: string; path: string }>(
            `SELECT id, kind, name, path::text AS path FROM organizations WHERE path <@ $1::ltree AND kind = $2 ORDER BY id LIMIT 1`,
            [region.street.path, underKind],
          );
          if (!o) throw new Error(`no ${underKind} in the street at this size`);
          const [n] = await q.query<{ orgs: number; people: number }>(
            `SELECT (SELECT count(*) FROM organizations WHERE path <@ $1::ltree) AS orgs,
                    (SELECT count(*) FROM people WHERE org_id IN (SELECT id FROM organizations WHERE path <@ $1::ltree)) AS people`,
            [o.path],
          );
          return { ...o, ...n! };
        });
  console.log(`\n  [list] GET /api/people under ${listed.kind} "${listed.name}" (id ${listed.id}): ${listed.orgs.toLocaleString('en')} organizations, ${listed.people.toLocaleString('en')} people`);
  const url = `/api/people?orgId=${listed.id}&page=1&pageSize=${PAGE_SIZE}`;
  const { answer: a, timings } = await measure(
    {
      api: async () => {
        const body = (await get(url, admin.token)) as { total: number; items: { id: number }[] };
        return answer(body.total, body.items);
      },
      scoped: async () => {
        const r = await db.scoped(admin.scope, (q) => people.list(q, { orgId: listed.id, page: 1, pageSize: PAGE_SIZE }));
        return answer(r.total, r.items);
      },
      raw: () => db.system((q) => rawAnswer(q, listed.path)),
    },
    'raw',
  );
  const got = a as Answer;
  if (got.total !== listed.people || got.ids.length !== Math.min(PAGE_SIZE, listed.people)) {
    throw new Error(`expected ${listed.people} people under ${listed.name}, got ${got.total}`);
  }
  if (args.explain) {
    await db.scoped(admin.scope, (q) => people.list(explaining(q, 'scoped'), { orgId: listed.id, page: 1, pageSize: PAGE_SIZE }));
    await db.system((q) => rawAnswer(explaining(q, 'raw'), listed.path));
    console.log();
  }
  const r: SuiteResult = {
    suite: 'list',
    target: listed,
    request: url,
    answer: { total: got.total, firstIds: got.ids.slice(0, 5) },
    timingsMs: timings,
    ratio: ratios(timings),
  };
  printResult(r, [
    ['api', 'API  GET /api/people (street admin)'],
    ['scoped', '     people service, scoped (RLS)'],
    ['raw', 'raw  SQL, system connection'],
  ]);
  return r;
}

interface CoverageAnswer {
  counts: Record<string, number>;
  shown: Record<string, number[]>;
}

/** The coverage report of the whole region as its district admin: every gap counted, the first GAPS_SHOWN of each kind listed. */
async function coverageSuite(db: Database, region: GeneratedRegion, admin: Session, get: Get): Promise<SuiteResult> {
  const url = `/api/orgs/${region.rootId}/coverage`;
  console.log(`\n  [coverage] GET ${url} (district admin, the whole region)`);
  const made = await generateGridStructure(db, region);
  console.log(`  grid structure: ${made.grids.toLocaleString('en')} grids, ${made.buildings.toLocaleString('en')} buildings (${made.seconds.toFixed(1)} s)`);
  type ApiGap = { kind: string; orgId: number | null; unitId: number | null; gridId: number | null; buildingId: number | null };
  const fromApi = (body: { counts: Record<string, number>; gaps: ApiGap[] }): CoverageAnswer => ({
    counts: Object.fromEntries(GAP_ORDER.map((k) => [k, body.counts[k] ?? 0])),
    // The gap's subject: the building, else the grid, else the unit, else the organization.
    shown: Object.fromEntries(GAP_ORDER.map((k) => [k, body.gaps.filter((g) => g.kind === k).map((g) => g.buildingId ?? g.gridId ?? g.unitId ?? g.orgId!)])),
  });
  const raw = (q: Queryable): Promise<CoverageAnswer> =>
    q.query<{ kind: string; n: number; ids: number[] | null }>(RAW_COVERAGE, [region.rootPath, COMMUNITY_KINDS, LED_KINDS, GAPS_SHOWN]).then((rows) => ({
      counts: Object.fromEntries(GAP_ORDER.map((k) => [k, rows.find((r) => r.kind === k)?.n ?? 0])),
      shown: Object.fromEntries(GAP_ORDER.map((k) => [k, (rows.find((r) => r.kind === k)?.ids ?? []).map(Number)])),
    }));
  // Plans first: a slow report shows its plan before the timed runs start.
  if (args.explain) {
    await db.scoped(admin.scope, (q) => coverage(explaining(q, 'scoped'), region.rootId, COVERAGE_FINDERS, 'zh-CN'));
    await db.system((q) => raw(explaining(q, 'raw')));
    console.log();
  }
  const { answer: a, timings } = await measure(
    {
      api: async () => fromApi((await get(url, admin.token)) as Parameters<typeof fromApi>[0]),
      scoped: async () => fromApi(await db.scoped(admin.scope, (q) => coverage(q, region.rootId, COVERAGE_FINDERS, 'zh-CN'))),
      raw: () => db.system(raw),
    },
    'raw',
  );
  const counts = (a as CoverageAnswer).counts;
  console.log(`  gaps: ${GAP_ORDER.map((k) => `${k} ${counts[k]}`).join(', ')}`);
  const r: SuiteResult = {
    suite: 'coverage',
    target: { id: region.rootId, kind: 'district_committee', name: 'region', path: region.rootPath },
    request: url,
    answer: { counts },
    timingsMs: timings,
    ratio: ratios(timings),
  };
  printResult(r, [
    ['api', 'API  GET /api/orgs/:id/coverage'],
    ['scoped', '     coverage(), scoped (RLS)'],
    ['raw', 'raw  SQL, one statement'],
  ]);
  return r;
}

interface ChartAnswer {
  nodes: [number, number | null][];
  units: number[];
  ties: number[];
  /** Far ends of ties outside the chart, as "type id:name@place". */
  outside: string[];
}

/** The organization chart of the street, depth 3 (street, communities, grid branches), as the street admin. */
async function chartSuite(db: Database, region: GeneratedRegion, admin: Session, get: Get): Promise<SuiteResult> {
  const street = region.street;
  const url = `/api/orgs/${street.id}/chart?depth=${CHART_DEPTH}`;
  console.log(`\n  [chart] GET ${url} (street admin)`);
  type Body = { nodes: { id: number; parentId: number | null }[]; units: { id: number }[]; ties: { id: number }[]; outside: { type: string; id: number; name: string; place: string | null }[] };
  const sortedOutside = (rows: { type: string; id: number; name: string; place: string | null }[]) =>
    rows.map((o) => `${o.type}${o.id}:${o.name}@${o.place ?? ''}`).sort();
  const fromApi = (body: Body): ChartAnswer => ({
    nodes: body.nodes.map((n) => [n.id, n.parentId]),
    units: body.units.map((u) => u.id),
    // The service does not order ties; compare them as a set.
    ties: body.ties.map((t) => t.id).sort((x, y) => x - y),
    outside: sortedOutside(body.outside),
  });
  const raw = async (q: Queryable): Promise<ChartAnswer> => {
    const nodes = await q.query<{ id: number; parent_id: number | null }>(RAW_CHART_NODES, [street.path, CHART_DEPTH]);
    const units = await q.query<{ id: number }>(RAW_CHART_UNITS, [street.path, CHART_DEPTH]);
    const ties = await q.query<{ id: number; org_id: number; to_org_id: number | null; to_unit_id: number | null }>(RAW_CHART_TIES, [
      nodes.map((n) => n.id),
      units.map((u) => u.id),
    ]);
    const nodeIds = new Set(nodes.map((n) => n.id));
    const unitIds = new Set(units.map((u) => u.id));
    const farOrgs = ties.flatMap((t) => [t.org_id, t.to_org_id]).filter((id) => id !== null && !nodeIds.has(id));
    const farUnits = ties.map((t) => t.to_unit_id).filter((id) => id !== null && !unitIds.has(id));
    const outside = await q.query<{ type: string; id: number; name: string; place: string | null }>(RAW_CHART_OUTSIDE, [farOrgs, farUnits]);
    return {
      nodes: nodes.map((n) => [n.id, n.id === street.id ? null : n.parent_id]),
      units: units.map((u) => u.id),
      ties: ties.map((t) => t.id).sort((x, y) => x - y),
      outside: sortedOutside(outside),
    };
  };
  const { answer: a, timings } = await measure(
    {
      api: async () => fromApi((await get(url, admin.token)) as Body),
      scoped: async () => fromApi(await db.scoped(admin.scope, (q) => network.chart(q, street.id, CHART_DEPTH))),
      raw: () => db.system(raw),
    },
    'raw',
  );
  const c = a as ChartAnswer;
  console.log(`  chart: ${c.nodes.length} nodes, ${c.units.length} units, ${c.ties.length} ties`);
  if (args.explain) {
    await db.scoped(admin.scope, (q) => network.chart(explaining(q, 'scoped'), street.id, CHART_DEPTH));
    await db.system((q) => raw(explaining(q, 'raw')));
    console.log();
  }
  const r: SuiteResult = {
    suite: 'chart',
    target: { ...street, kind: 'street_committee' },
    request: url,
    answer: { nodes: c.nodes.length, units: c.units.length, ties: c.ties.length },
    timingsMs: timings,
    ratio: ratios(timings),
  };
  printResult(r, [
    ['api', 'API  GET /api/orgs/:id/chart'],
    ['scoped', '     chart(), scoped (RLS)'],
    ['raw', 'raw  SQL, system connection'],
  ]);
  return r;
}

/** Grid workers whose due lists one timed run fetches, spread over the region. */
const DUE_WORKERS = 20;
const DUE_ROWS: [string, string][] = [
  ['api', `API  GET /api/visits/due × ${DUE_WORKERS} workers`],
  ['scoped', '     dueVisits(), scoped (RLS)'],
  ['raw', 'raw  SQL, system connection'],
];

/** 三必访: the due-visit lists of grid workers across the region (grids, households and visits from bench/grids.ts). */
async function dueSuite(db: Database, region: GeneratedRegion, signIn: (u: { username: string; password: string }) => Promise<Session>, get: Get): Promise<SuiteResult> {
  const made = await generateGrids(db, region, config.people);
  console.log(`\n  [due] ${made.grids.toLocaleString('en')} grids, ${made.households.toLocaleString('en')} households, ${made.visits.toLocaleString('en')} visits generated in ${made.seconds.toFixed(1)} s`);
  const workers = await gridWorkers(db, region, DUE_WORKERS);
  const sessions: Session[] = [];
  for (const w of workers) sessions.push(await signIn({ username: w.username, password: region.user.password }));
  console.log(`  GET ${DUE_URL} as ${workers.length} grid workers, one after the other, per timed run`);
  const { answer: a, timings } = await measure(
    {
      api: async () => {
        const out = [];
        for (const s of sessions) out.push(dueAnswer(((await get(DUE_URL, s.token)) as { items: Parameters<typeof dueAnswer>[0] }).items));
        return out;
      },
      scoped: async () => {
        const out = [];
        for (const s of sessions) out.push(await scopedDue(db, s.scope));
        return out;
      },
      raw: () => db.system(async (q) => {
        const out = [];
        for (const w of workers) out.push(await rawDue(q, w.gridId));
        return out;
      }),
    },
    'raw',
  );
  const r: SuiteResult = {
    suite: 'due',
    target: { id: region.rootId, kind: 'district_committee', name: 'region', path: region.rootPath, ...made },
    request: DUE_URL,
    answer: { workers: workers.length, due: (a as unknown[][]).reduce((n, l) => n + l.length, 0) },
    timingsMs: timings,
    ratio: ratios(timings),
  };
  // Printed before the sweep: at a province's size the sweep takes long, and
  // the workers' figures should not wait for it.
  printResult(r, DUE_ROWS);
  // Every grid worker of the region once, each in their own scoped transaction, against the raw SQL grid by grid.
  const all = await everyGrid(db, region);
  let t = performance.now();
  let due = 0;
  for (const g of all) due += (await scopedDue(db, g.scope)).length;
  const sweepScoped = (performance.now() - t) / 1000;
  t = performance.now();
  const rawDueCount = await db.system(async (q) => {
    let n = 0;
    for (const g of all) n += (await rawDue(q, g.gridId)).length;
    return n;
  });
  const sweepRaw = (performance.now() - t) / 1000;
  if (due !== rawDueCount) throw new Error(`every worker's due lists: ${due} households scoped, ${rawDueCount} raw`);
  console.log(`  every grid worker of the region (${all.length.toLocaleString('en')}): ${due.toLocaleString('en')} households due; scoped ${sweepScoped.toFixed(1)} s, raw ${sweepRaw.toFixed(1)} s (${(sweepScoped / sweepRaw).toFixed(2)}×)`);
  r.target.sweep = { workers: all.length, due, scopedSeconds: round(sweepScoped), rawSeconds: round(sweepRaw) };
  return r;
}

const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)} ms`;

/** The needs benchmarks (bench/needs.ts), on needs generated into the same region. */
async function needsSuites(b: NeedsBench): Promise<SuiteResult[]> {
  const made = await generateNeeds(b.db, b.region, config.needs);
  console.log(`\n  generated ${made.needs.toLocaleString('en')} needs in ${made.seconds.toFixed(1)} s`);
  const out: SuiteResult[] = [];
  for (const [suite, run, label] of [['lists', listsSuite, 'API  GET /api/lists (street admin)'], ['overdue', overdueSuite, 'API  GET /api/needs?overdue=true']] as const) {
    if (!suites.includes(suite)) continue;
    const { target, request, answer, timings } = await run(b);
    const t = timings as Record<string, Stats>;
    const r: SuiteResult = { suite, target, request, answer, timingsMs: t, ratio: ratios(t) };
    printResult(r, [['api', label], ['scoped', '     service, scoped (RLS)'], ['raw', 'raw  SQL, system connection']]);
    out.push(r);
  }
  return out;
}

/** Year-end points of the whole region, ranked, as its district admin: the first page, the count below the threshold. */
async function pointsSuite(db: Database, region: GeneratedRegion, admin: Session, get: Get): Promise<SuiteResult> {
  const { entries } = await generatePoints(db, region, console.log);
  const url = `/api/points/totals?orgId=${region.rootId}&year=${BENCH_YEAR}&page=1&pageSize=${PAGE}`;
  console.log(`\n  [points] GET ${url} (district admin, ${region.members.toLocaleString('en')} members, ${entries.toLocaleString('en')} ledger entries)`);
  const raw = (q: Queryable) =>
    q.query<{ id: number; points: number; rank: number; total: number; below: number }>(RAW_POINTS, [region.rootPath, BENCH_YEAR, 24, PAGE]).then(fromRaw);
  if (args.explain) {
    await db.system((q) => raw(explaining(q, 'raw')));
    console.log();
  }
  const { answer: a, timings } = await measure(
    {
      api: async () => fromApi((await get(url, admin.token)) as Parameters<typeof fromApi>[0]),
      raw: () => db.system(raw),
    },
    'raw',
  );
  const got = a as ReturnType<typeof fromRaw>;
  const r: SuiteResult = {
    suite: 'points',
    target: { id: region.rootId, kind: 'district_committee', name: 'region', path: region.rootPath, entries },
    request: url,
    answer: { total: got.total, below: got.below, top: got.page.slice(0, 3) },
    timingsMs: timings,
    ratio: ratios(timings),
  };
  printResult(r, [
    ['api', 'API  GET /api/points/totals (district)'],
    ['raw', 'raw  SQL, system connection'],
  ]);
  return r;
}

/**
 * Balances by source and month (GET /api/funds/balances) of the region, its
 * first street and that street's first community, as the district admin,
 * over the generated fund ledger; and, timed once as raw SQL only, the whole
 * district rolled up by source, organization and month (bench/funds.ts).
 */
async function fundsSuite(db: Database, region: GeneratedRegion, admin: Session, get: Get): Promise<SuiteResult[]> {
  const funds = await fundsBench.generateFunds(db, region, config.fundEntries, console.log);
  const out: SuiteResult[] = [];
  const targets = [
    { id: region.rootId, kind: 'district_committee', name: 'region', path: region.rootPath },
    { id: region.street.id, kind: 'street_committee', name: region.street.name, path: region.street.path },
    { id: funds.community.id, kind: 'community_committee', name: funds.community.name, path: '' },
  ];
  for (const target of targets) {
    const url = `/api/funds/balances?orgId=${target.id}&year=${fundsBench.FUNDS_YEAR}`;
    console.log(`\n  [funds] GET ${url} (district admin, ${funds.entries.toLocaleString('en')} ledger entries)`);
    const raw = (q: Queryable) => q.query<Parameters<typeof fundsBench.fromRaw>[0][number]>(fundsBench.RAW_BALANCES, [target.id, fundsBench.FUNDS_YEAR]).then(fundsBench.fromRaw);
    if (args.explain) {
      await db.system((q) => raw(explaining(q, 'raw')));
      console.log();
    }
    const { answer, timings } = await measure(
      {
        api: async () => fundsBench.fromApi((await get(url, admin.token)) as Parameters<typeof fundsBench.fromApi>[0]),
        raw: () => db.system(raw),
      },
      'raw',
    );
    const r: SuiteResult = { suite: 'funds', target: { ...target, entries: funds.entries }, request: url, answer, timingsMs: timings, ratio: ratios(timings) };
    printResult(r, [['api', `API  GET /api/funds/balances (${target.kind})`], ['raw', 'raw  SQL, system connection']]);
    out.push(r);
  }
  const start = performance.now();
  const [rollup] = await db.system((q) => q.query<{ groups: number; spent: number }>(fundsBench.RAW_DISTRICT_ROLLUP, [region.rootId, fundsBench.FUNDS_YEAR]));
  console.log(`  [funds] the whole district by source × organization × month, raw SQL once: ${rollup!.groups.toLocaleString('en')} groups in ${(performance.now() - start).toFixed(0)} ms`);
  return out;
}

/** A street's year-end evaluation table as the street admin: every member's figures and proposed grade, against raw SQL. */
async function evaluationSuite(db: Database, region: GeneratedRegion, admin: Session, server: FastifyInstance, get: Get): Promise<SuiteResult> {
  const made = await generateEvaluation(db, region, console.log);
  const opened = await server.inject({
    method: 'POST', url: '/api/evaluation-rounds', headers: { cookie: `${SESSION_COOKIE}=${admin.token}`, [CLIENT_HEADER]: CLIENT_HEADER_VALUE },
    payload: { orgId: region.street.id, year: BENCH_YEAR },
  });
  if (opened.statusCode !== 200) throw new Error(`opening the round: ${opened.statusCode} ${opened.body.slice(0, 500)}`);
  const url = `/api/evaluation-rounds/${(opened.json() as { id: number }).id}`;
  console.log(`\n  [evaluation] GET ${url} (street admin, the street's members; ${made.holders.toLocaleString('en')} post holders, ${made.work.toLocaleString('en')} work records)`);
  const raw = (q: Queryable) =>
    q.query<{ id: number; points: number; work: number; proposed: string }>(RAW_EVALUATION, [region.street.path, BENCH_YEAR]).then(evaluationFromRaw);
  if (args.explain) {
    await db.system((q) => raw(explaining(q, 'raw')));
    console.log();
  }
  const { answer: a, timings } = await measure(
    {
      api: async () => evaluationFromApi((await get(url, admin.token)) as Parameters<typeof evaluationFromApi>[0]),
      raw: () => db.system(raw),
    },
    'raw',
  );
  const r: SuiteResult = {
    suite: 'evaluation',
    target: { id: region.street.id, kind: 'street', name: region.street.name, path: region.street.path, ...made },
    request: url,
    answer: evaluationDigest(a as ReturnType<typeof evaluationFromRaw>),
    timingsMs: timings,
    ratio: ratios(timings),
  };
  printResult(r, [
    ['api', 'API  GET /api/evaluation-rounds/:roundId (street)'],
    ['raw', 'raw  SQL, system connection'],
  ]);
  return r;
}

/** The open-tasks view of a whole district: every committee's meeting tasks with status, open first, as its district admin. */
async function tasksSuite(db: Database, region: GeneratedRegion, admin: Session, get: Get): Promise<SuiteResult> {
  const made = await generateMeetingTasks(db, region, console.log);
  const url = `/api/meeting-tasks?orgId=${region.rootId}`;
  console.log(`\n  [tasks] GET ${url} (district admin, ${made.tasks.toLocaleString('en')} tasks of ${made.committees} committees)`);
  const raw = async (q: Queryable) => {
    const rows = await q.query<{ id: number; status: string; overdue: boolean }>(RAW_TASKS, [region.rootId, TASK_PAGE]);
    await q.query(RAW_TASK_REPORTS, [rows.map((r) => r.id)]);
    return tasksFromRaw(rows);
  };
  if (args.explain) {
    await db.system((q) => raw(explaining(q, 'raw')));
    console.log();
  }
  const { answer: a, timings } = await measure(
    {
      api: async () => tasksFromApi((await get(url, admin.token)) as Parameters<typeof tasksFromApi>[0]),
      raw: () => db.system(raw),
    },
    'raw',
  );
  const got = a as ReturnType<typeof tasksFromRaw>;
  const r: SuiteResult = {
    suite: 'tasks',
    target: { id: region.rootId, kind: 'district_committee', name: 'region', path: region.rootPath, tasks: made.tasks, committees: made.committees },
    request: url,
    answer: { listed: got.length, open: got.filter(([, s]) => s !== 'done').length, overdue: got.filter(([, , o]) => o).length },
    timingsMs: timings,
    ratio: ratios(timings),
  };
  printResult(r, [
    ['api', 'API  GET /api/meeting-tasks (district)'],
    ['raw', 'raw  SQL, system connection'],
  ]);
  return r;
}

/** A person found by name across the region as its district admin: Chinese, Traditional, full pinyin, initials (bench/names.ts). */
async function namesSuite(db: Database, admin: Session, get: Get): Promise<SuiteResult[]> {
  const filled = await fillNameKeys(db);
  const { personId, name, queries } = await nameQueries(db);
  console.log(`\n  [names] search keys for ${filled.names.toLocaleString('en')} distinct names in ${filled.seconds.toFixed(1)} s; looking for ${name} (person ${personId})`);
  const out: SuiteResult[] = [];
  const answers: string[] = [];
  for (const { label, q } of queries) {
    // The raw SQL gets the query as the service reads it: Simplified, lower case.
    const rawQ = label === 'Traditional' ? name : q;
    const raw = (c: Queryable) =>
      Promise.all([c.query<{ n: number }>(RAW_NAME_COUNT, [rawQ]), c.query<{ id: number }>(RAW_NAME_PAGE, [rawQ])]).then(([[n], rows]) => ({ total: n!.n, ids: rows.map((r) => r.id) }));
    if (args.explain) await db.system((c) => raw(explaining(c, `raw ${label}`)));
    const { answer: a, timings } = await measure(
      {
        api: async () => {
          const body = (await get(nameUrl(q), admin.token)) as { total: number; items: { id: number }[] };
          return { total: body.total, ids: body.items.map((p) => p.id) };
        },
        raw: () => db.system(raw),
      },
      'raw',
    );
    const got = a as { total: number; ids: number[] };
    if (label !== 'initials' && !got.ids.includes(personId)) throw new Error(`names: ${label} "${q}" did not find person ${personId}`);
    if (label !== 'initials') answers.push(JSON.stringify(got));
    const r: SuiteResult = {
      suite: 'names',
      target: { id: personId, kind: 'person', name, path: '', query: q, label },
      request: nameUrl(q),
      answer: { total: got.total, first: got.ids.slice(0, 3) },
      timingsMs: timings,
      ratio: ratios(timings),
    };
    printResult(r, [
      ['api', `API  ${label} "${q}" (${got.total.toLocaleString('en')} found)`],
      ['raw', 'raw  SQL, system connection'],
    ]);
    out.push(r);
  }
  // Simplified and Traditional must find the very same people.
  if (answers[0] !== answers[1]) throw new Error(`names: Chinese and Traditional answers differ: ${answers[0]} / ${answers[1]}`);
  return out;
}

function printResult(r: SuiteResult, rows: [string, string][]): void {
  const w = 38;
  console.log(`\n  ${'runs: ' + config.runs}`.padEnd(w + 2) + ['median', 'p95', 'min', 'max'].map((h) => h.padStart(10)).join(''));
  for (const [key, label] of rows) {
    const s = r.timingsMs[key]!;
    console.log(`  ${label.padEnd(w)}${[s.median, s.p95, s.min, s.max].map((v) => ms(v).padStart(10)).join('')}`);
  }
  console.log(`  ${'ratio API / raw'.padEnd(w)}${`${r.ratio.apiToRawMedian.toFixed(2)}×`.padStart(10)}${`${r.ratio.apiToRawP95.toFixed(2)}×`.padStart(10)}`);
  if (r.ratio.scopedToRawMedian !== undefined) console.log(`  ${'ratio scoped / raw'.padEnd(w)}${`${r.ratio.scopedToRawMedian.toFixed(2)}×`.padStart(10)}`);
}

const targets: Target[] = [];
if (!args.only || args.only === 'pglite') targets.push(pgliteTarget());
if (serverUrl && (!args.only || args.only === 'postgresql')) targets.push(postgresTarget(serverUrl));
if (args.only === 'postgresql' && !serverUrl) throw new Error('--only postgresql needs BENCH_DATABASE_URL (or TEST_DATABASE_URL)');
if (!targets.length) throw new Error(`--only must be pglite or postgresql, got ${args.only}`);

console.log(
  `Gongjian benchmark: ${config.orgs.toLocaleString('en')} organizations, ${config.people.toLocaleString('en')} people; ` +
    `suites ${suites.join(', ')}; ${config.warmup} warm-up + ${config.runs} timed runs; ` +
    `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}`,
);
if (!serverUrl) console.log('(PostgreSQL skipped: set BENCH_DATABASE_URL=postgres://… to run it too)');

const results: Result[] = [];
for (const target of targets) results.push(await bench(target));

console.log('\nSummary (median ms; ratio = API / raw SQL on the same database)');
for (const r of results) {
  for (const s of r.suites) {
    const what = s.suite === 'list' ? `list ${s.target.kind}` : s.suite === 'names' ? `names ${String(s.target.label)}` : s.suite === 'funds' ? `funds ${s.target.kind}` : s.suite;
    // Suites without a scoped variant (points, names) show a dash there.
    const scoped = s.timingsMs.scoped ? ms(s.timingsMs.scoped.median) : '—';
    console.log(
      `  ${r.kind.padEnd(11)} ${what.padEnd(28)} API ${ms(s.timingsMs.api!.median).padStart(9)}  scoped ${scoped.padStart(9)}  ` +
        `raw ${ms(s.timingsMs.raw!.median).padStart(9)}  ratio ${s.ratio.apiToRawMedian.toFixed(2)}× (p95 ${s.ratio.apiToRawP95.toFixed(2)}×)`,
    );
  }
  const c = r.census;
  if (c) console.log(`  ${r.kind.padEnd(11)} ${`census ${c.rows.toLocaleString('en')} rows`.padEnd(28)} API ${ms(c.apiMs).padStart(9)}  COPY ${ms(c.copyMs).padStart(9)}  ratio ${(c.apiMs / c.copyMs).toFixed(2)}×`);
}

mkdirSync(DATA_DIR, { recursive: true });
const out = path.join(DATA_DIR, 'latest.json');
writeFileSync(
  out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model.trim(), memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
      config: { ...config, pageSize: PAGE_SIZE, under: underKinds, suites, chartDepth: CHART_DEPTH },
      results,
    },
    null,
    2,
  ) + '\n',
);
console.log(`\nResults written to ${path.relative(process.cwd(), out)}`);
