import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import Fastify from 'fastify';
import { testDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { startJobs } from './jobs.ts';
import { ANONYMOUS } from './scope.ts';
import { MODULES } from '../modules/index.ts';

let t: TestDatabase;
before(async () => {
  t = await testDatabase({ demo: false });
});
after(() => t.close());

test('jobs run on their interval once the app is ready, in the empty scope, and stop when it closes', async () => {
  const runs: string[] = [];
  const app = Fastify();
  startJobs(app, t.db, [{ name: 'probe', everyMs: 20, run: async (q) => runs.push((await q.query<{ s: string }>(`SELECT current_setting('gj.read_paths', true) AS s`))[0]!.s ?? '') }]);
  await sleep(60);
  assert.equal(runs.length, 0, 'not before the app is ready');
  await app.ready();
  await sleep(150);
  assert.ok(runs.length >= 2, `ran ${runs.length} times`);
  assert.ok(runs.every((s) => s === '' || s === '{}'), 'a job has no caller and sees no one’s rows');
  await app.close();
  const done = runs.length;
  await sleep(80);
  assert.equal(runs.length, done, 'stopped with the app');
});

test("the modules' periodic jobs run in the empty scope without failing", async () => {
  const jobs = MODULES.flatMap((m) => m.jobs ?? []);
  assert.deepEqual(jobs.map((j) => j.name).sort(), ['activities.generate-occurrences', 'needs.overdue-sweep']);
  for (const job of jobs) await t.db.scoped(ANONYMOUS, (q) => job.run(q));
});
