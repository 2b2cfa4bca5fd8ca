import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../server/src/app.ts';
import { FieldCipher } from '../server/src/kernel/crypto.ts';
import { openDatabase, type Database, type DatabaseKind, type Queryable } from '../server/src/kernel/db.ts';
import { migrate } from '../server/src/kernel/migrate.ts';
import type { Scope } from '../server/src/kernel/scope.ts';
import { SESSION_COOKIE, resolveSession } from '../server/src/modules/users/auth.ts';
import * as people from '../server/src/modules/people/service.ts';
import { LEVELS, generateRegion, type GeneratedRegion } from './generate.ts';

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

const { values: args } = parseArgs({
  options: {
    small: { type: 'boolean', default: false },
    orgs: { type: 'string' },
    people: { type: 'string' },
    runs: { type: 'string' },
    warmup: { type: 'string' },
    only: { type: 'string' },
    'pglite-dir': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    under: { type: 'string', default: 'street_committee' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  console.log(`npm run bench -- [options]
  --small            10^4 organizations, 10^5 people (default 10^5 / 10^6)
  --orgs N           organizations in the region          (env BENCH_ORGS)
  --people N         people in the region                  (env BENCH_PEOPLE)
  --runs N           timed runs per variant, default 20    (env BENCH_RUNS)
  --warmup N         untimed runs first, default 3
  --only KIND        pglite or postgresql
  --pglite-dir       PGlite on disk under bench/data/ instead of in memory
  --keep             keep the database (PGlite folder / PostgreSQL database) for inspection
  --explain          print EXPLAIN ANALYZE of every SELECT the service and the raw SQL run
  --under KIND       list under the first organization of this kind in the admin's street
                     instead of the street itself (community_committee, grid_branch,
                     building_group, member_household): how the cost follows subtree size
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
  runs: int(args.runs ?? process.env.BENCH_RUNS, 20, 'runs'),
  warmup: int(args.warmup, 3, 'warmup'),
};
const underKind = args.under as (typeof LEVELS)[number];
if (!LEVELS.includes(underKind)) throw new Error(`--under must be one of ${LEVELS.join(', ')}, got ${args.under}`);
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
  /** VACUUM refuses to run inside a transaction, and Database only offers transactions. */
  outsideTransaction(sql: string): Promise<void>;
  cleanup(): Promise<void>;
}

function pgliteTarget(): Target {
  const dir = args['pglite-dir'] ? path.join(DATA_DIR, `pglite-${process.pid}-${randomBytes(3).toString('hex')}`) : undefined;
  let db: Database | undefined;
  return {
    kind: 'pglite',
    label: dir ? `PGlite (${path.relative(process.cwd(), dir)})` : 'PGlite (in memory)',
    open: async () => {
      if (dir) mkdirSync(dir, { recursive: true });
      db = await openDatabase({ dataDir: dir });
      return db;
    },
    // PGliteDatabase keeps its PGlite private (dumpPGlite reaches it the same way).
    outsideTransaction: async (sql) => {
      await (db as unknown as { db: PGlite }).db.exec(sql);
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
    outsideTransaction: (sql) => admin(sql, dbUrl.toString()),
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

interface Answer {
  total: number;
  ids: number[];
  /** Fields per item: the raw SQL must read as many columns as the API returns. */
  width: number;
}

interface Result {
  database: string;
  kind: DatabaseKind;
  version: string;
  region: Omit<GeneratedRegion, 'user'>;
  /** What was listed: the street, or with --under a smaller organization in it. */
  listed: { id: number; kind: string; name: string; path: string; orgs: number; people: number };
  seconds: { open: number; migrate: number; generate: number; vacuumAnalyze: number };
  answer: { total: number; firstIds: number[] };
  timingsMs: { api: Stats; scoped: Stats; raw: Stats };
  ratio: { apiToRawMedian: number; apiToRawP95: number; scopedToRawMedian: number };
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
    await target.outsideTransaction('VACUUM (ANALYZE) organizations, people, users, user_grants');
    const vacuumAnalyze = sec(t);
    console.log(
      `  generated in ${region.seconds.toFixed(1)} s, VACUUM ANALYZE ${vacuumAnalyze.toFixed(1)} s; ` +
        `street "${region.street.name}" (id ${region.street.id}): ${region.street.orgs.toLocaleString('en')} organizations, ` +
        `${region.street.people.toLocaleString('en')} people`,
    );

    app = await buildApp({ db, cipher: new FieldCipher(randomBytes(32)) }, { webDir: null });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: region.user });
    if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);
    const token = login.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    const scope: Scope = (await resolveSession(db, token))!;
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
    if (listed.id !== region.street.id) {
      console.log(`  listing under ${listed.kind} "${listed.name}" (id ${listed.id}): ${listed.orgs} organizations, ${listed.people} people`);
    }
    const url = `/api/people?orgId=${listed.id}&page=1&pageSize=${PAGE_SIZE}`;
    const server = app;

    const variants = {
      api: async (): Promise<Answer> => {
        const res = await server.inject({ method: 'GET', url, headers: { cookie: `${SESSION_COOKIE}=${token}` } });
        if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
        const body = res.json() as { total: number; items: { id: number }[] };
        return answer(body.total, body.items);
      },
      scoped: async (): Promise<Answer> => {
        const r = await db.scoped(scope, (q) => people.list(q, { orgId: listed.id, page: 1, pageSize: PAGE_SIZE }));
        return answer(r.total, r.items);
      },
      raw: () => db.system((q) => rawAnswer(q, listed.path)),
    };
    type Variant = keyof typeof variants;
    const names = Object.keys(variants) as Variant[];

    // All three must give the same answer, or the comparison means nothing.
    const answers: Answer[] = [];
    for (const n of names) answers.push(await variants[n]());
    const expected = JSON.stringify(answers[2]);
    for (const [i, a] of answers.entries()) {
      if (JSON.stringify(a) !== expected) throw new Error(`${names[i]} answered ${JSON.stringify(a)}, raw SQL ${expected}`);
    }
    if (answers[2]!.total !== listed.people || answers[2]!.ids.length !== Math.min(PAGE_SIZE, listed.people)) {
      throw new Error(`expected ${listed.people} people under ${listed.name}, got ${answers[2]!.total}`);
    }

    if (args.explain) {
      await db.scoped(scope, (q) => people.list(explaining(q, 'scoped'), { orgId: listed.id, page: 1, pageSize: PAGE_SIZE }));
      await db.system((q) => rawAnswer(explaining(q, 'raw'), listed.path));
      console.log();
    }

    for (let i = 0; i < config.warmup; i++) for (const n of names) await variants[n]();
    // Interleaved, so a slow patch of the machine hits every variant alike.
    const samples: Record<Variant, number[]> = { api: [], scoped: [], raw: [] };
    for (let i = 0; i < config.runs; i++) {
      for (const n of names) {
        const start = performance.now();
        await variants[n]();
        samples[n].push(performance.now() - start);
      }
    }
    const timings = { api: stats(samples.api), scoped: stats(samples.scoped), raw: stats(samples.raw) };
    const { user: _user, ...regionInfo } = region;
    const result: Result = {
      database: target.label,
      kind: target.kind,
      version,
      region: regionInfo,
      listed,
      seconds: { open: round(open), migrate: round(migrated), generate: round(region.seconds), vacuumAnalyze: round(vacuumAnalyze) },
      answer: { total: answers[2]!.total, firstIds: answers[2]!.ids.slice(0, 5) },
      timingsMs: timings,
      ratio: {
        apiToRawMedian: round(timings.api.median / timings.raw.median),
        apiToRawP95: round(timings.api.p95 / timings.raw.p95),
        scopedToRawMedian: round(timings.scoped.median / timings.raw.median),
      },
    };
    printResult(result);
    return result;
  } finally {
    await app?.close();
    await db.close();
    await target.cleanup();
  }
}

const ms = (v: number) => `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)} ms`;

function printResult(r: Result): void {
  const rows: [string, Stats][] = [
    ['API  GET /api/people (street admin)', r.timingsMs.api],
    ['     people service, scoped (RLS)', r.timingsMs.scoped],
    ['raw  SQL, system connection', r.timingsMs.raw],
  ];
  const w = 38;
  console.log(`\n  ${'runs: ' + config.runs + ', count + first ' + PAGE_SIZE}`.padEnd(w + 2) + ['median', 'p95', 'min', 'max'].map((h) => h.padStart(10)).join(''));
  for (const [label, s] of rows) {
    console.log(`  ${label.padEnd(w)}${[s.median, s.p95, s.min, s.max].map((v) => ms(v).padStart(10)).join('')}`);
  }
  console.log(`  ${'ratio API / raw'.padEnd(w)}${`${r.ratio.apiToRawMedian.toFixed(2)}×`.padStart(10)}${`${r.ratio.apiToRawP95.toFixed(2)}×`.padStart(10)}`);
  console.log(`  ${'ratio scoped / raw'.padEnd(w)}${`${r.ratio.scopedToRawMedian.toFixed(2)}×`.padStart(10)}`);
}

const targets: Target[] = [];
if (!args.only || args.only === 'pglite') targets.push(pgliteTarget());
if (serverUrl && (!args.only || args.only === 'postgresql')) targets.push(postgresTarget(serverUrl));
if (args.only === 'postgresql' && !serverUrl) throw new Error('--only postgresql needs BENCH_DATABASE_URL (or TEST_DATABASE_URL)');
if (!targets.length) throw new Error(`--only must be pglite or postgresql, got ${args.only}`);

console.log(
  `Gongjian benchmark: ${config.orgs.toLocaleString('en')} organizations, ${config.people.toLocaleString('en')} people; ` +
    `${config.warmup} warm-up + ${config.runs} timed runs; ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}`,
);
if (!serverUrl) console.log('(PostgreSQL skipped: set BENCH_DATABASE_URL=postgres://… to run it too)');

const results: Result[] = [];
for (const target of targets) results.push(await bench(target));

if (results.length > 1) {
  console.log('\nSummary (median ms; ratio = API / raw SQL on the same database)');
  for (const r of results) {
    console.log(
      `  ${r.kind.padEnd(11)} API ${ms(r.timingsMs.api.median).padStart(9)}  scoped ${ms(r.timingsMs.scoped.median).padStart(9)}  ` +
        `raw ${ms(r.timingsMs.raw.median).padStart(9)}  ratio ${r.ratio.apiToRawMedian.toFixed(2)}×`,
    );
  }
}

mkdirSync(DATA_DIR, { recursive: true });
const out = path.join(DATA_DIR, 'latest.json');
writeFileSync(
  out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model.trim(), memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
      config: { ...config, pageSize: PAGE_SIZE, under: underKind },
      results,
    },
    null,
    2,
  ) + '\n',
);
console.log(`\nResults written to ${path.relative(process.cwd(), out)}`);
