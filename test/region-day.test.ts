// The region's day, not the server's: at 01:30 on New Year's Day in Beijing
// a server in UTC is still on December 31, in last year's fourth quarter.
// The clock is set in-process, which PGlite (running in this process) shares;
// a PostgreSQL server keeps its own clock, so there the test has nothing to set.
process.env.TZ = 'UTC';

import assert from 'node:assert/strict';
import { after, before, mock, test } from 'node:test';
import { addDays, regionInstant, regionToday, regionYear } from '../server/src/kernel/time.ts';
import { testApp, type TestApp } from './support/app.ts';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
let t: TestApp;
let wangge: string;
let guangming: string;
let g1: number;
let year: number;

before(async () => {
  if (onPostgres) return;
  t = await testApp({ demo: true });
  year = regionYear() + 1;
  mock.timers.enable({ apis: ['Date'], now: regionInstant(`${year}-01-01T01:30`) });
  assert.equal(new Date().toISOString().slice(0, 10), `${year - 1}-12-31`, 'the server process is still on December 31');
  // Signed in at the new clock: a session from weeks before has expired.
  wangge = await t.login('wangge');
  guangming = await t.login('guangming');
});
after(async () => {
  mock.timers.reset();
  await t?.close();
});

test('the two calendars differ: the region is on New Year’s Day', { skip: onPostgres && 'the clock is set in-process, for PGlite' }, async () => {
  assert.equal(regionToday(), `${year}-01-01`);
  const [db] = await t.kernel.db.system((q) => q.query<{ today: string }>(`SELECT current_date::text AS today`));
  assert.equal(db!.today, `${year}-01-01`, 'the database session is in the region’s zone');
});

test('a visit dated today in the region is taken, and counts for this quarter', { skip: onPostgres && 'the clock is set in-process, for PGlite' }, async () => {
  const ids = (await t.request('GET', '/api/grids', { cookie: wangge })).body.items as { id: number; name: string }[];
  g1 = ids.find((g) => g.name === '光明社区第一网格')!.id;
  const household = (await t.request('GET', `/api/households?gridId=${g1}`, { cookie: wangge })).body.items[0].id;
  const visit = await t.request('POST', '/api/visits', { cookie: wangge, body: { householdId: household, visitedOn: regionToday(), learned: '新年第一访' } });
  assert.equal(visit.status, 200, visit.text);
  const tomorrow = await t.request('POST', '/api/visits', { cookie: wangge, body: { householdId: household, visitedOn: addDays(regionToday(), 1), learned: '明天的走访' } });
  assert.equal(tomorrow.status, 400);
  assert.equal(tomorrow.body.error.fieldCodes.visitedOn, 'grid.visit_future');

  const visits = (await t.request('GET', `/api/visits?gridId=${g1}`, { cookie: guangming })).body.items as { visitedOn: string }[];
  const community = (await t.request('GET', `/api/grids/${g1}`, { cookie: guangming })).body.communityId;
  const map = await t.request('GET', `/api/grids/map?orgId=${community}&indicator=visits_quarter`, { cookie: guangming });
  const quarter = map.body.grids.find((g: { id: number }) => g.id === g1).value;
  assert.equal(quarter, visits.filter((v) => v.visitedOn >= `${year}-01-01`).length, 'this quarter is the region’s first quarter');
  assert.ok(visits.some((v) => v.visitedOn < `${year}-01-01`), 'last quarter’s visits exist and are left out');
});

test('overdue is measured against the region’s day', { skip: onPostgres && 'the clock is set in-process, for PGlite' }, async () => {
  const community = (await t.request('GET', `/api/grids/${g1}`, { cookie: guangming })).body.communityId;
  const yesterday = addDays(regionToday(), -1);
  // A household never visited and under no other plan is due from the new plan's first day.
  const [h] = await t.kernel.db.system((q) =>
    q.query<{ id: number }>(
      `UPDATE households SET tags = '{floating}' WHERE id = (SELECT id FROM households h WHERE grid_id = $1
          AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.household_id = h.id) ORDER BY id LIMIT 1) RETURNING id`,
      [g1],
    ),
  );
  const plan = await t.request('POST', '/api/visit-plans', { cookie: guangming, body: { communityId: community, name: '流动人口户每年走访', tag: 'floating', everyDays: 365, startsOn: yesterday } });
  assert.equal(plan.status, 200, plan.text);
  const due = (await t.request('GET', '/api/visits/due?within=0', { cookie: wangge })).body.items as { householdId: number; dueOn: string; overdue: boolean }[];
  assert.ok(due.some((d) => d.householdId === h!.id && d.dueOn === yesterday), 'the household is due since yesterday');
  for (const d of due) assert.equal(d.overdue, d.dueOn < regionToday(), `due ${d.dueOn}`);
});

test('a report-in accepted after midnight is issued and receipted on the region’s day and year', { skip: onPostgres && 'the clock is set in-process, for PGlite' }, async () => {
  const [row] = await t.kernel.db.system((q) =>
    q.query<{ person: number }>(
      `UPDATE people SET unit_id = (SELECT id FROM units WHERE name = '梅河口市税务局')
        WHERE user_id = (SELECT id FROM users WHERE username = 'dangyuan') RETURNING id AS person`,
    ),
  );
  const liaison = await t.login('liaison');
  const orgId = (await t.request('GET', `/api/report-ins/communities?q=${encodeURIComponent('光明社区党委')}`, { cookie: liaison })).body.items[0].id;
  const issued = await t.request('POST', '/api/report-ins', { cookie: liaison, body: { personId: row!.person, orgId } });
  assert.equal(issued.status, 200, issued.text);
  assert.equal(issued.body.issuedOn, regionToday());
  const accepted = await t.request('POST', `/api/report-ins/${issued.body.id}/accept`, { cookie: guangming });
  assert.equal(accepted.status, 200, accepted.text);
  assert.equal(accepted.body.decidedOn, regionToday());
  assert.ok(accepted.body.receiptNo.startsWith(`BD${year}`), accepted.body.receiptNo);
});
