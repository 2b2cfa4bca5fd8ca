import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, mock, test } from 'node:test';
import Fastify from 'fastify';
import { testCipher, testDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { buildApp } from '../app.ts';
import { startJobs } from './jobs.ts';
import { ANONYMOUS } from './scope.ts';
import { MODULES } from '../modules/index.ts';

let t: TestDatabase;
before(async () => {
  t = await testDatabase({ demo: false });
});
after(() => t.close());

test('jobs run on their interval once the app is ready, in the empty scope, and stop when it closes', async () => {
  let started = 0;
  const scopes: string[] = [];
  const app = Fastify();
  startJobs(app, t.db, [
    {
      name: 'probe',
      everyMs: 20,
      run: async (q) => {
        started++;
        scopes.push((await q.query<{ s: string | null }>(`SELECT current_setting('gj.read_paths', true) AS s`))[0]!.s ?? '');
      },
    },
  ]);
  await sleep(60);
  assert.equal(started, 0, 'not before the app is ready');
  await app.ready();
  // A loaded machine may take a while per transaction: wait for two runs, not for a fixed time.
  for (let waited = 0; scopes.length < 2 && waited < 20_000; waited += 20) await sleep(20);
  assert.ok(scopes.length >= 2, `ran ${scopes.length} times`);
  assert.ok(scopes.every((s) => s === '' || s === '{}'), 'a job has no caller and sees no one’s rows');
  await app.close();
  // A run whose timer fired before the close may still be opening its transaction.
  await sleep(500);
  const done = started;
  await sleep(200);
  assert.equal(started, done, 'stopped with the app');
});

test("the modules' periodic jobs run in the empty scope without failing", async () => {
  const jobs = MODULES.flatMap((m) => m.jobs ?? []);
  assert.deepEqual(jobs.map((j) => j.name).sort(), ['activities.generate-occurrences', 'meetings.overdue-tasks', 'needs.overdue-sweep']);
  for (const job of jobs) await t.db.scoped(ANONYMOUS, (q) => job.run(q));
});

test('an app server starts a timer per job; an app told not to (as test apps are) starts none', async () => {
  const jobs = MODULES.flatMap((m) => m.jobs ?? []);
  const timers = mock.method(globalThis, 'setInterval');
  const started: number[] = [];
  try {
    for (const run of [true, false, undefined]) {
      const before = timers.mock.callCount();
      const app = await buildApp({ db: t.db, cipher: testCipher }, { webDir: null, ...(run === undefined ? {} : { jobs: run }) });
      await app.ready();
      started.push(timers.mock.calls.slice(before).filter((c) => jobs.some((j) => j.everyMs === c.arguments[1])).length);
      await app.close();
    }
  } finally {
    timers.mock.restore();
  }
  assert.deepEqual(started, [jobs.length, 0, jobs.length], 'asked, told not to, and by default');
});
