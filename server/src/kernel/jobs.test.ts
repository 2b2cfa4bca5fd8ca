import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testCipher, testDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { enqueue, JobRunner, type Clock } from './jobs.ts';
import type { Queryable } from './db.ts';
import type { Task } from './manifest.ts';
import { ANONYMOUS } from './scope.ts';
import { MODULES } from '../modules/index.ts';

let t: TestDatabase;
before(async () => {
  t = await testDatabase({ demo: false });
});
after(() => t.close());

/** A clock the test moves by hand. */
function manualClock(start = new Date('2026-03-02T09:00:00+08:00')) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) } satisfies Clock & { advance(ms: number): void };
}

test('a periodic job runs in the empty scope once per interval, whichever of two servers ticks, and again after its interval', async () => {
  const clock = manualClock();
  const scopes: string[] = [];
  const job = {
    name: 'test.probe',
    everyMs: 60_000,
    run: async (q: Queryable) => {
      scopes.push((await q.query<{ s: string | null }>(`SELECT current_setting('gj.read_paths', true) AS s`))[0]!.s ?? '');
    },
  };
  const a = new JobRunner(t.db, testCipher, [job], [], { clock, workerId: 'a' });
  const b = new JobRunner(t.db, testCipher, [job], [], { clock, workerId: 'b' });
  await Promise.all([a.tick(), b.tick()]);
  assert.equal(scopes.length, 1, 'one run between two servers');
  assert.ok(scopes.every((s) => s === '' || s === '{}'), 'a job has no caller and sees no one’s rows');
  await Promise.all([a.tick(), b.tick()]);
  assert.equal(scopes.length, 1, 'not again before its interval');
  clock.advance(60_000);
  await Promise.all([b.tick(), a.tick()]);
  assert.equal(scopes.length, 2, 'again after its interval, once');
});

test('a failing task is retried with backoff and succeeds on the fourth try; past its attempts it is dead until an administrator retries it', async () => {
  const clock = manualClock();
  let calls = 0;
  let failUntil = 3;
  const flaky: Task = {
    name: 'test.flaky',
    run: async ({ attempt, payload }) => {
      calls++;
      assert.equal(payload.n, 1);
      if (attempt <= failUntil) return { retry: `try ${attempt} failed` };
    },
  };
  const runner = new JobRunner(t.db, testCipher, [], [flaky], { clock, workerId: 'r', backoffMs: (n) => n * 1000 });
  const id = await t.db.system((q) => enqueue(q, 'test.flaky', { n: 1 }, { regionId: 1, runAt: clock.now() }));
  assert.equal(await runner.tick(), 1);
  assert.equal(await runner.tick(), 0, 'waits for its backoff');
  for (const wait of [1000, 2000, 3000]) {
    clock.advance(wait - 1);
    assert.equal(await runner.tick(), 0, `not before ${wait} ms`);
    clock.advance(1);
    assert.equal(await runner.tick(), 1);
  }
  assert.equal(calls, 4);
  const [done] = (await runner.list([1], { status: 'done', page: 1, pageSize: 50 })).items.filter((j) => j.id === id);
  assert.equal(done?.attempts, 4, 'delivered on the fourth try');

  failUntil = 99;
  const dead = await t.db.system((q) => enqueue(q, 'test.flaky', { n: 1 }, { regionId: 1, runAt: clock.now(), maxAttempts: 2 }));
  await runner.tick();
  clock.advance(1000);
  await runner.tick();
  const listed = (await runner.list([1], { status: 'dead', page: 1, pageSize: 50 })).items.find((j) => j.id === dead);
  assert.equal(listed?.lastError, 'try 2 failed', 'the dead job shows why');
  const elsewhere = await runner.list([2], { status: 'dead', page: 1, pageSize: 50 });
  assert.equal(elsewhere.items.find((j) => j.id === dead), undefined, 'another region’s administrator does not see it');
  assert.equal(await runner.retry([2], dead), null, 'nor retries it');
  clock.advance(3_600_000);
  assert.equal(await runner.tick(), 0, 'a dead job rests');
  failUntil = 0;
  assert.equal((await runner.retry([1], dead))?.status, 'queued');
  assert.equal(await runner.retry([1], dead), null, 'only a dead job is retried');
  assert.equal(await runner.tick(), 1);
  assert.equal((await runner.list([1], { status: 'done', page: 1, pageSize: 50 })).items.some((j) => j.id === dead), true);
});

test('a job whose server died mid-run is taken over once its lease runs out', async () => {
  const clock = manualClock();
  let runs = 0;
  const task: Task = { name: 'test.lease', run: async () => void runs++ };
  const other = new JobRunner(t.db, testCipher, [], [task], { clock, workerId: 'other', leaseMs: 60_000 });
  await t.db.system((q) => enqueue(q, 'test.lease', {}, { regionId: 1, runAt: clock.now() }));
  // The dying server claims it and never finishes: claim without running.
  await t.db.system((q) => q.query(`UPDATE jobs SET status = 'running', locked_by = 'dying', locked_until = $1 WHERE name = 'test.lease'`, [new Date(clock.now().getTime() + 60_000)]));
  assert.equal(await other.tick(), 0, 'leased to the other server');
  clock.advance(60_000);
  assert.equal(await other.tick(), 1);
  assert.equal(runs, 1);
});

test("the modules' periodic jobs run on the runner in the empty scope without failing", async () => {
  const jobs = MODULES.flatMap((m) => m.jobs ?? []);
  assert.deepEqual(jobs.map((j) => j.name).sort(), ['activities.generate-occurrences', 'broadcast.digest', 'meetings.overdue-tasks', 'needs.overdue-sweep']);
  for (const job of jobs) await t.db.scoped(ANONYMOUS, (q) => job.run(q));
  const runner = new JobRunner(t.db, testCipher, jobs, [], { clock: manualClock(new Date('2030-01-01T00:00:00Z')), workerId: 'm' });
  await runner.tick();
  // Read as the system: the jobs page leaves a periodic job's error to the server log.
  const failing = await t.db.system((q) => q.query(`SELECT name, last_error FROM jobs WHERE key IS NOT NULL AND last_error IS NOT NULL`));
  assert.deepEqual(failing, []);
});

test('a started runner drains a backlog without waiting a poll between full batches, and a slow task holds up only its own lane', async () => {
  const done: number[] = [];
  let release: () => void = () => undefined;
  const slowHeld = new Promise<void>((r) => (release = r));
  const task: Task = {
    name: 'test.backlog',
    run: async ({ payload }) => {
      // The first task waits until the rest of its batch has run: with one job at a time this never ends.
      if (payload.n === 0) await slowHeld;
      done.push(Number(payload.n));
      if (done.length === 19) release();
    },
  };
  const clock = { now: () => new Date(Date.now() + 60_000) };
  await t.db.system(async (q) => {
    for (let n = 0; n < 45; n++) await enqueue(q, 'test.backlog', { n }, { regionId: 1 });
  });
  const runner = new JobRunner(t.db, testCipher, [], [task], { clock, workerId: 'started', batch: 20 });
  // An hour between polls: only going on after a full batch can run 45 jobs in the test's time.
  runner.start(3_600_000);
  try {
    const until = Date.now() + 60_000;
    while (done.length < 45 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    assert.equal(done.length, 45, `all 45 ran: ${done.length}`);
    assert.equal(done[19], 0, 'the slow one last of its batch, the others past it');
  } finally {
    release();
    await runner.stop();
  }
});
