import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, type Database } from '../server/src/kernel/db.ts';
import { postJson } from '../server/src/modules/broadcast/channels.ts';
import { TEST_KEY, testCipher, testDatabase } from '../test/support/db.ts';

/**
 * The alliance broadcast end to end, with app servers as separate processes
 * on one PostgreSQL server (npm run bench:events):
 *   recorded  — events written by 8 concurrent writers, each in its own
 *               transaction, through gj_record_event (the outbox row, the
 *               fan-out trigger's delivery row and its job), against the
 *               baseline of the same rows inserted into a plain copy of the
 *               events table;
 *   delivered — from the first event written until a local robot has every
 *               message, sent by the servers' job runners, against the
 *               baseline of the same messages posted straight to the robot
 *               by as many senders as there are servers.
 * It also checks what the issue asks of two servers: every event reaches the
 * robot exactly once (exit 1 on a duplicate or a loss), so `.ci/run` runs a
 * small round of it as the two-process check.
 */

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '2000' },
    servers: { type: 'string', default: '2' },
    'poll-ms': { type: 'string', default: '1000' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(`npm run bench:events -- [options]   (PostgreSQL: TEST_DATABASE_URL, default postgres://root@127.0.0.1:5432/test)
  --events N    events recorded and delivered, default 2000
  --servers N   app server processes, default 2
  --poll-ms N   each runner's poll interval when idle, default 1000 (GONGJIAN_JOBS_POLL_MS)`);
  process.exit(0);
}
const EVENTS = Number(args.events);
const SERVERS = Number(args.servers);
const WRITERS = 8;
process.env.TEST_DATABASE_URL ??= 'postgres://root@127.0.0.1:5432/test';

/** A stand-in 企业微信 robot counting each event's message by the tag in its title. */
async function startRobot() {
  const seen = new Map<string, number>();
  let last = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const text = (JSON.parse(raw) as { text?: { content?: string } }).text?.content ?? '';
      const tag = /〔([a-z0-9]+)〕/.exec(text)?.[1];
      if (tag) seen.set(tag, (seen.get(tag) ?? 0) + 1);
      last = performance.now();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=bench`, seen, lastAt: () => last, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The tag of event n: letters and few digits, so the message's blotting of long numbers leaves it whole. */
const tag = (n: number) => `e${n.toString(36)}`;

function startServer(url: string, n: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../server/src/main.ts')], {
    env: {
      ...process.env, DATABASE_URL: url, PORT: '0', GONGJIAN_SECRET_KEY: TEST_KEY.toString('base64'), GONGJIAN_DEMO: 'off',
      GONGJIAN_WEBHOOKS_ANYWHERE: 'true', GONGJIAN_JOBS_POLL_MS: args['poll-ms'], LOG_LEVEL: 'silent', NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const started = /共建已启动：(\S+?)(?:（|\s|$)/.exec(out);
      if (started) resolve({ child, url: started[1]! });
    });
    child.once('exit', (code) => reject(new Error(`server ${n} exited (${code}) before it started: ${out}`)));
  });
}

async function inParallel(total: number, workers: number, one: (i: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: workers }, async () => {
    while (next < total) await one(next++);
  }));
  return performance.now() - start;
}

async function waitFor(done: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000))}/s`;

const database = await testDatabase({ demo: true });
const robot = await startRobot();
const servers: ChildProcess[] = [];
let db: Database | null = null;
let failed: boolean;
try {
  db = await openDatabase({ url: database.url!, poolSize: WRITERS });
  const [root] = await db.system((q) => q.query<{ id: number; regionId: number }>(`SELECT id, region_id AS "regionId" FROM organizations WHERE parent_id IS NULL ORDER BY id LIMIT 1`));
  await db.system((q) => q.query(
    `INSERT INTO broadcast_subscriptions (region_id, org_id, channel, name, target_enc, target_hint, kinds) VALUES ($1, $2, 'wecom', '基准测试群', $3, '127.0.0.1', '{need.claimed}')`,
    [root!.regionId, root!.id, testCipher.encrypt(robot.url)]));
  for (let n = 0; n < SERVERS; n++) servers.push((await startServer(database.url!, n)).child);

  // Baseline: the same rows into a plain copy of the events table (no row rules, no fan-out).
  await db.system((q) => q.query(`CREATE TABLE bench_events (LIKE events INCLUDING DEFAULTS INCLUDING IDENTITY)`));
  const plain = await inParallel(EVENTS, WRITERS, (i) => db!.system((q) => q.query(
    `INSERT INTO bench_events (region_id, org_id, kind, subject, subject_id, title) SELECT region_id, id, 'need.claimed', 'need', $2, $3 FROM organizations WHERE id = $1`,
    [root!.id, i, `基准事件〔${tag(i)}〕`])));

  const started = performance.now();
  const recorded = await inParallel(EVENTS, WRITERS, (i) => db!.system((q) => q.query(
    `SELECT gj_record_event('need.claimed', $1, NULL, NULL, 'need', $2, $3)`, [root!.id, i, `基准事件〔${tag(i)}〕`])));
  await waitFor(() => robot.seen.size >= EVENTS, Math.max(120_000, EVENTS * 200));
  // Anything sent twice arrives at about the same time as the first: a moment more to catch it.
  await new Promise((r) => setTimeout(r, 2000));
  const delivered = robot.lastAt() - started;

  const direct = await inParallel(EVENTS, SERVERS, (i) => postJson(robot.url, { msgtype: 'text', text: { content: `直接〔x${tag(i)}〕` } }));

  const twice = [...robot.seen].filter(([t, n]) => !t.startsWith('x') && n > 1);
  const missing = Array.from({ length: EVENTS }, (_, i) => tag(i)).filter((t) => !robot.seen.has(t));
  const [states] = await db.system((q) => q.query<{ sent: number; other: number }>(
    `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status <> 'sent')::int AS other FROM broadcast_deliveries`));

  console.log(`\nalliance broadcast: ${EVENTS} events, ${SERVERS} app server processes on PostgreSQL, one robot subscribed`);
  console.log(`  recorded   ${fmt(recorded).padStart(9)}  ${rate(EVENTS, recorded).padStart(7)}   baseline (plain insert) ${fmt(plain)}  ×${(recorded / plain).toFixed(2)}`);
  console.log(`  delivered  ${fmt(delivered).padStart(9)}  ${rate(EVENTS, delivered).padStart(7)}   baseline (posted straight, ${SERVERS} senders) ${fmt(direct)}  ×${(delivered / direct).toFixed(2)}`);
  console.log(`  exactly once: ${twice.length} sent twice, ${missing.length} missing; deliveries ${states!.sent} sent, ${states!.other} not`);
  failed = twice.length > 0 || missing.length > 0 || states!.other > 0;
} catch (err) {
  console.error(err);
  failed = true;
} finally {
  for (const child of servers) child.kill('SIGTERM');
  await Promise.all(servers.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
  await robot.close();
  await db?.close();
  await database.close();
}
process.exit(failed ? 1 : 0);
