import assert from 'node:assert/strict';
import { after, before, mock, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { ANONYMOUS } from '../../kernel/scope.ts';
import { addDays, regionToday } from '../../kernel/time.ts';
import { HORIZON_MONTHS, generateDue } from './service.ts';

// A community plans its year: a series has its occurrences twelve months
// ahead (never past its end), and the timer rolls the horizon on as the
// days pass. Moving the clock needs the database in this process (PGlite).

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
let t: TestApp;
let secretary: string;
let guangmingId: number;

before(async () => {
  t = await testApp({ demo: true });
  secretary = await t.login('guangming');
  const [o] = await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT id FROM organizations WHERE name = '光明社区党委'`));
  guangmingId = o!.id;
});
after(async () => {
  mock.timers.reset();
  await t.close();
});

/** A month's date n months after a day (clamped to the month's end), as PostgreSQL counts months. */
const monthsAfter = async (day: string, n: number) =>
  (await t.kernel.db.system((q) => q.query<{ d: string }>(`SELECT ($1::date + make_interval(months => $2))::date::text AS d`, [day, n])))[0]!.d;

async function series(title: string, endsOn: string): Promise<number> {
  const [s] = await t.kernel.db.system((q) =>
    q.query<{ id: number }>(
      `INSERT INTO activity_series (org_id, title, kind, place, week_of_month, weekday, start_time, minutes, capacity, audience, services, starts_on, ends_on)
       VALUES ($1, $2, 'open_day', '党群服务中心', 2, 3, '09:00', 120, 60, '{members,residents}', '{}', $3, $4) RETURNING id`,
      [guangmingId, title, regionToday(), endsOn],
    ),
  );
  return s!.id;
}

const days = async (seriesId: number) =>
  (await t.kernel.db.system((q) => q.query<{ day: string }>(`SELECT occurrence_on::text AS day FROM activities WHERE series_id = $1 ORDER BY 1`, [seriesId]))).map((r) => r.day);

test('a series has its whole year ahead at once, and no more than its end', async () => {
  const yearLong = await series('年度开放日', addDays(regionToday(), 800));
  const made = await t.request('POST', `/api/activity-series/${yearLong}/generate`, { cookie: secretary });
  assert.equal(made.status, 200, made.text);
  const horizon = await monthsAfter(regionToday(), HORIZON_MONTHS);
  const all = await days(yearLong);
  assert.ok(all.length >= 11, `a second Wednesday in (nearly) every month of the year: ${all}`);
  assert.ok(all.at(-1)! <= horizon && all.at(-1)! > (await monthsAfter(regionToday(), HORIZON_MONTHS - 1)), `up to ${horizon}: ${all.at(-1)}`);

  const ends = await monthsAfter(regionToday(), 5);
  const short = await series('半年开放日', ends);
  await t.request('POST', `/api/activity-series/${short}/generate`, { cookie: secretary });
  const few = await days(short);
  assert.ok(few.length >= 4 && few.length <= 6 && few.at(-1)! <= ends, `bounded by its end ${ends}: ${few}`);
});

test('the timer rolls the horizon on as months pass, creating each occurrence once', { skip: onPostgres && 'the clock is set in-process, for PGlite' }, async () => {
  const rolling = await series('滚动开放日', addDays(regionToday(), 900));
  const timer = () => t.kernel.db.scoped(ANONYMOUS, (q) => generateDue(q));
  await t.request('POST', `/api/activity-series/${rolling}/generate`, { cookie: secretary });
  const before = await days(rolling);
  mock.timers.enable({ apis: ['Date'], now: Date.now() + 62 * 86_400_000 });
  const runs = await Promise.all([timer(), timer()]);
  assert.equal(runs.filter((r) => r === null).length, 1, `one server runs, the other leaves it: ${runs}`);
  const later = await days(rolling);
  const horizon = await monthsAfter(regionToday(), HORIZON_MONTHS);
  assert.ok(later.length > before.length, 'two months on, two more months are planned');
  assert.ok(later.at(-1)! <= horizon && later.at(-1)! > (await monthsAfter(regionToday(), HORIZON_MONTHS - 1)), `up to ${horizon}: ${later.at(-1)}`);
  assert.equal(new Set(later).size, later.length, 'each day once');
  assert.deepEqual(later.slice(0, before.length), before);
});
