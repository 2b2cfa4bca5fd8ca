import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { newMembers as makeMembers, publishActivity, when } from '../../../../test/support/activities.ts';
import { testCipher } from '../../../../test/support/db.ts';
import { ANONYMOUS } from '../../kernel/scope.ts';
import { CODE_SECONDS, HORIZON_MONTHS, codeFor, generateDue } from './service.ts';
import { regionInstant, regionToday } from '../../kernel/time.ts';

let t: TestApp;
let secretary: string;
let guangmingId: number;
before(async () => {
  t = await testApp({ demo: true });
  secretary = await t.login('guangming');
  guangmingId = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('光明社区党委')}`, { cookie: secretary })).body.items[0].id;
});
after(() => t.close());

const hour = 3_600_000;
const publish = (body: Record<string, unknown> = {}) => publishActivity(t, secretary, guangmingId, body);
const newMembers = (tag: string, n: number, gridName?: string) => makeMembers(t, tag, n, gridName);

test('concurrent sign-ups fill exactly the capacity; the rest wait, and a cancellation moves the first up', async () => {
  const a = await publish({ capacity: 2, startsAt: when(24), endsAt: when(26) });
  const crowd = await newMembers('cap', 5);
  const results = await Promise.all(crowd.map((m) => t.request('POST', `/api/activities/${a.id}/signup`, { cookie: m.cookie })));
  assert.deepEqual(results.map((r) => r.status), [200, 200, 200, 200, 200], results.map((r) => r.text).join('\n'));
  const statuses = results.map((r) => r.body.mySignup.status).sort();
  assert.deepEqual(statuses, ['signed_up', 'signed_up', 'waitlisted', 'waitlisted', 'waitlisted']);
  const again = await t.request('POST', `/api/activities/${a.id}/signup`, { cookie: crowd[0]!.cookie });
  assert.equal(again.status, 409);
  assert.equal(again.body.error.code, 'activity.already_signed_up');

  const roster = (await t.request('GET', `/api/activities/${a.id}/signups`, { cookie: secretary })).body.items;
  // The roster lists the waiting list in queue order. Sorting here by the
  // JSON times would not do: they drop the microseconds the queue is kept in.
  const firstWaiting = roster.find((s: { status: string }) => s.status === 'waitlisted');
  const leaver = crowd[results.findIndex((r) => r.body.mySignup.status === 'signed_up')]!;
  const cancelled = await t.request('POST', `/api/activities/${a.id}/cancel-signup`, { cookie: leaver.cookie });
  assert.equal(cancelled.body.mySignup.status, 'cancelled');
  assert.equal(cancelled.body.signedUp, 2, 'the place was taken by the first on the waiting list');
  const after = (await t.request('GET', `/api/activities/${a.id}/signups`, { cookie: secretary })).body.items;
  assert.equal(after.find((s: { id: number }) => s.id === firstWaiting.id).status, 'signed_up');
});

test('check-in takes only the current code, only within the time; check-out gives hours; attendance earns one point, once', async () => {
  const [m] = await newMembers('qr', 1);
  const a = await publish();
  const code = await t.request('GET', `/api/activities/${a.id}/checkin-code`, { cookie: secretary });
  assert.equal(code.status, 200, code.text);
  assert.equal(code.body.windowOpen, true);
  assert.ok(code.body.expiresInSeconds > 0 && code.body.expiresInSeconds <= CODE_SECONDS);
  assert.match(code.body.url, new RegExp(`checkin=${a.id}&token=${code.body.token}`));
  assert.equal((await t.request('GET', `/api/activities/${a.id}/checkin-code`, { cookie: m!.cookie })).status, 403, 'a member cannot show the code');

  const stale = codeFor(testCipher, a.id, Math.floor(Date.now() / 1000 / CODE_SECONDS) - 3);
  const old = await t.request('POST', `/api/activities/${a.id}/checkin`, { cookie: m!.cookie, body: { token: stale } });
  assert.equal(old.status, 400);
  assert.equal(old.body.error.fieldCodes.token, 'activity.code_expired');

  const ok = await t.request('POST', `/api/activities/${a.id}/checkin`, { cookie: m!.cookie, body: { token: code.body.token } });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.body.mySignup.status, 'attended', 'a walk-in is signed up and checked in');
  const twice = await t.request('POST', `/api/activities/${a.id}/checkin`, { cookie: m!.cookie, body: { token: code.body.token } });
  assert.equal(twice.status, 200);

  const later = await publish({ startsAt: when(5), endsAt: when(7) });
  const early = await t.request('POST', `/api/activities/${later.id}/checkin`, {
    cookie: m!.cookie, body: { token: codeFor(testCipher, later.id, Math.floor(Date.now() / 1000 / CODE_SECONDS)) },
  });
  assert.equal(early.status, 400);
  assert.equal(early.body.error.fieldCodes.token, 'activity.check_in_closed');

  // Two hours on site: move the check-in back, as if it were made at the start.
  await t.kernel.db.system((q) => q.query(`UPDATE activity_signups SET checked_in_at = now() - interval '2 hours' WHERE id = $1`, [ok.body.mySignup.id]));
  const out = await t.request('POST', `/api/activities/${a.id}/checkout`, { cookie: m!.cookie });
  assert.equal(out.status, 200, out.text);
  const mine = await t.request('GET', '/api/me/service', { cookie: m!.cookie });
  assert.equal(mine.body.points, 1, 'one point for the activity, not two for two scans');
  assert.equal(mine.body.threshold, 24);
  const log = mine.body.logs.find((l: { activityId: number }) => l.activityId === a.id);
  assert.deepEqual([log.hours, log.confirmed], [1, false], 'an hour since the start, awaiting the organizer');
  assert.equal(mine.body.hours, 0, 'unconfirmed hours do not count yet');

  const signup = ok.body.mySignup.id;
  const confirmed = await t.request('POST', `/api/signups/${signup}/confirm`, { cookie: secretary, body: { hours: 3, leading: true } });
  assert.equal(confirmed.status, 200, confirmed.text);
  const after = await t.request('GET', '/api/me/service', { cookie: m!.cookie });
  assert.deepEqual([after.body.hours, after.body.points], [3, 3], 'confirmed hours; leading earns two more');
});

/** The first Fridays from today to the generator's horizon, counted here by hand. */
function firstFridaysAhead(until: string): number {
  let n = 0;
  for (let d = new Date(`${regionToday()}T00:00:00Z`); d.toISOString().slice(0, 10) <= until; d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() === 5 && d.getUTCDate() <= 7) n++;
  }
  return n;
}

let seriesMade = 0;
async function openDaySeries(): Promise<{ id: number; horizon: string }> {
  const today = regionToday();
  const [series] = await t.kernel.db.system((q) =>
    q.query<{ id: number; horizon: string }>(
      `INSERT INTO activity_series (org_id, title, kind, place, week_of_month, weekday, start_time, minutes, capacity, audience, services, starts_on, ends_on)
       VALUES ($1, $4, 'open_day', '党群服务中心', 1, 5, '09:00', 180, 60, '{members,residents}', '{理发,法律咨询}', $2, $2::date + 700)
       RETURNING id, ($2::date + make_interval(months => $3))::date::text AS horizon`,
      [guangmingId, today, HORIZON_MONTHS, `便民服务开放日 ${++seriesMade}`],
    ),
  );
  return series!;
}

const occurrenceDays = async (seriesId: number) =>
  (await t.kernel.db.system((q) => q.query<{ day: string }>(`SELECT occurrence_on::text AS day FROM activities WHERE series_id = $1 ORDER BY 1`, [seriesId]))).map((r) => r.day);

test('the list shows today and after soonest first, or what is over most recent first, by the region’s day', async () => {
  const dayBegan = regionInstant(`${regionToday()}T00:00`).getTime();
  const at = (minutes: number) => new Date(dayBegan + minutes * 60_000).toISOString();
  // Across the region's midnight: running when the day began, so today's (a UTC calendar calls it yesterday's until 08:00 Beijing).
  const overnight = await publish({ title: '时段测试：跨夜巡逻', startsAt: at(-30), endsAt: at(30) });
  const lateYesterday = await publish({ title: '时段测试：昨晚的会', startsAt: at(-180), endsAt: at(-60) });
  const evening = await publish({ title: '时段测试：昨天傍晚', startsAt: at(-360), endsAt: at(-300) });
  const soon = await publish({ title: '时段测试：后天', startsAt: at(48 * 60 + 540), endsAt: at(48 * 60 + 600) });
  type Item = { id: number; startsAt: string; endsAt: string };
  const list = async (when: string) => {
    const res = await t.request('GET', `/api/activities?when=${when}&orgId=${guangmingId}`, { cookie: secretary });
    assert.equal(res.status, 200, res.text);
    return res.body.items as Item[];
  };
  const ids = (items: Item[]) => items.map((a) => a.id).filter((id) => [overnight.id, lateYesterday.id, evening.id, soon.id].includes(id));
  const starts = (items: Item[]) => items.map((a) => a.startsAt);

  const upcoming = await list('upcoming');
  assert.deepEqual(ids(upcoming), [overnight.id, soon.id]);
  assert.deepEqual(starts(upcoming), [...starts(upcoming)].sort(), 'soonest first');
  assert.ok(upcoming.every((a) => Date.parse(a.endsAt) >= dayBegan));

  const past = await list('past');
  assert.deepEqual(ids(past), [lateYesterday.id, evening.id]);
  assert.deepEqual(starts(past), [...starts(past)].sort().reverse(), 'most recent first');
  assert.ok(past.every((a) => Date.parse(a.endsAt) < dayBegan));

  const all = await list('all');
  assert.equal(all.length, upcoming.length + past.length, 'the two parts make the whole');
  assert.deepEqual(ids(all), [evening.id, lateYesterday.id, overnight.id, soon.id]);

  const bad = await t.request('GET', '/api/activities?when=soon', { cookie: secretary });
  assert.equal(bad.status, 400);
  assert.match(bad.text, /时间范围/);
});

test('two generators running at once create each occurrence of a series once, up to the horizon', async () => {
  const series = await openDaySeries();
  const runs = await Promise.all([1, 2].map(() => t.request('POST', `/api/activity-series/${series.id}/generate`, { cookie: secretary })));
  assert.deepEqual(runs.map((r) => r.status), [200, 200], runs.map((r) => r.text).join('\n'));
  const expected = firstFridaysAhead(series.horizon);
  assert.equal(runs[0]!.body.created + runs[1]!.body.created, expected);
  const days = await occurrenceDays(series.id);
  assert.equal(days.length, expected);
  assert.ok(days.every((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 5 && Number(d.slice(8)) <= 7), `first Fridays: ${days}`);
  const list = await t.request('GET', `/api/activities?orgId=${guangmingId}&from=${days[0]}&to=${days[0]}&kind=open_day`, { cookie: secretary });
  assert.deepEqual(list.body.items.find((a: { seriesId: number }) => a.seriesId === series.id).services, ['理发', '法律咨询']);
});

test('the scheduled run creates the occurrences without anyone asking; two servers at once do it once', async () => {
  const series = await openDaySeries();
  const timer = () => t.kernel.db.scoped(ANONYMOUS, (q) => generateDue(q));
  const runs = await Promise.all([timer(), timer()]);
  assert.equal(runs.filter((r) => r === null).length, 1, `one server leaves the run to the other: ${runs}`);
  assert.equal((await occurrenceDays(series.id)).length, firstFridaysAhead(series.horizon));
  assert.equal(await timer(), null, 'a run a moment ago makes another unnecessary');
  const member = await t.login('dangyuan');
  // A member does not see the series at all.
  assert.equal((await t.request('POST', `/api/activity-series/${series.id}/generate`, { cookie: member })).status, 404);
});

test('who may join: a resident cannot take a members-only place; leave and absence are recorded', async () => {
  const a = await publish({ audience: ['members'], startsAt: when(30), endsAt: when(32) });
  const resident = await t.login('jumin');
  const refused = await t.request('POST', `/api/activities/${a.id}/signup`, { cookie: resident });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.fieldCodes.activityId, 'activity.not_in_audience');
  assert.match(refused.body.error.fields.activityId, /党员/, 'names whom it is for');
  const member = await t.login('dangyuan');
  const joined = await t.request('POST', `/api/activities/${a.id}/signup`, { cookie: member });
  assert.equal(joined.body.mySignup.status, 'signed_up');
  const leave = await t.request('POST', `/api/signups/${joined.body.mySignup.id}/mark`, { cookie: secretary, body: { status: 'leave' } });
  assert.equal(leave.body.status, 'leave');
  const absentEarly = await t.request('POST', `/api/signups/${joined.body.mySignup.id}/mark`, { cookie: secretary, body: { status: 'absent' } });
  assert.equal(absentEarly.status, 400);
  assert.equal(absentEarly.body.error.code, 'activity.signup_in_status');
  assert.equal((await t.request('POST', `/api/signups/${joined.body.mySignup.id}/mark`, { cookie: member, body: { status: 'leave' } })).status, 403);
});

test('the unit hears back: year-end report of its members, printable and in Excel; a certificate verifies in public', async () => {
  const liaison = await t.login('liaison');
  const taxId = (await t.request('GET', '/api/auth/me', { cookie: liaison })).body.grants[0].unitId;
  const year = new Date().getFullYear();
  const report = await t.request('GET', `/api/units/${taxId}/feedback?year=${year}`, { cookie: liaison });
  assert.equal(report.status, 200, report.text);
  assert.equal(report.body.threshold, 24);
  assert.ok(report.body.rows.length >= 6);
  const reported = report.body.rows.filter((r: { registeredAt: string | null }) => r.registeredAt?.includes('光明社区党委'));
  assert.ok(reported.length >= 6, 'the demo’s reported members');
  assert.ok(report.body.rows.some((r: { belowThreshold: boolean }) => r.belowThreshold), 'someone is below 24');
  const print = await t.request('GET', `/api/units/${taxId}/feedback/print?year=${year}&quarter=2`, { cookie: liaison });
  assert.equal(print.status, 200);
  assert.match(String(print.headers['content-type']), /text\/html/);
  assert.match(print.text, /梅河口市税务局/);
  assert.match(print.text, /第2季度/);
  const xlsx = await t.app.inject({ method: 'GET', url: `/api/units/${taxId}/feedback.xlsx?year=${year}`, headers: { cookie: liaison } });
  assert.equal(xlsx.statusCode, 200);
  assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK');
  assert.equal((await t.request('GET', `/api/units/${taxId}/feedback?year=${year}`, { cookie: await t.login('xiangyang') })).status, 404, 'another community cannot read the unit');

  const person = reported.find((r: { activities: number }) => r.activities > 0);
  const issued = await t.request('POST', '/api/certificates', { cookie: secretary, body: { orgId: guangmingId, personId: person.personId, year } });
  assert.equal(issued.status, 200, issued.text);
  assert.match(issued.body.code, /^[A-Z0-9]{12}$/);
  const dup = await t.request('POST', '/api/certificates', { cookie: secretary, body: { orgId: guangmingId, personId: person.personId, year } });
  assert.equal(dup.status, 409);
  const check = await t.request('GET', issued.body.verifyUrl);
  assert.equal(check.status, 200);
  assert.match(check.text, new RegExp(person.personName));
  assert.match(check.text, /光明社区党委/);
  assert.equal((await t.request('GET', '/api/certificates/verify?code=AAAAAAAAAAAA')).status, 404);
});

test('a member’s calendar feed: a secret address; without it the feed shows nothing', async () => {
  const member = await t.login('dangyuan');
  const me = (await t.request('GET', '/api/auth/me', { cookie: member })).body;
  const a = await publish({ title: '日历测试活动', startsAt: when(48), endsAt: when(50) });
  await t.request('POST', `/api/activities/${a.id}/signup`, { cookie: member });
  const feed = await t.request('POST', `/api/users/${me.id}/calendar-feed`, { cookie: member });
  assert.equal(feed.status, 200, feed.text);
  const ics = await t.request('GET', feed.body.url);
  assert.equal(ics.status, 200);
  assert.match(ics.text, /BEGIN:VCALENDAR/);
  assert.match(ics.text, /SUMMARY:日历测试活动/);
  assert.equal((await t.request('GET', '/api/calendar.ics?token=wrong')).status, 404);
  assert.equal((await t.request('GET', '/api/calendar.ics')).status, 400);
  const rotated = await t.request('POST', `/api/users/${me.id}/calendar-feed`, { cookie: member });
  assert.equal((await t.request('GET', feed.body.url)).status, 404, 'the old address stops working');
  assert.equal((await t.request('GET', rotated.body.url)).status, 200);
});

/** A bookable community room of 光明社区 and a day, far ahead, on which it is open. */
async function roomAndDay(offsetDays: number): Promise<{ venueId: number; name: string; day: string; opensAt: string }> {
  const venues = (await t.request('GET', `/api/venues?orgId=${guangmingId}&bookable=true`, { cookie: secretary })).body.items;
  const v = venues.find((x: { unitId: number | null; needsApproval: boolean; openDays: number[] }) => x.unitId === null && !x.needsApproval && x.openDays.length >= 5);
  assert.ok(v, 'a bookable room of the community');
  const d = new Date(Date.now() + offsetDays * 24 * hour);
  while (!v.openDays.includes(d.getUTCDay() || 7)) d.setUTCDate(d.getUTCDate() + 1);
  return { venueId: v.id, name: v.name, day: d.toISOString().slice(0, 10), opensAt: v.opensAt };
}
const plus = (hhmm: string, h: number) => `${String(Number(hhmm.slice(0, 2)) + h).padStart(2, '0')}${hhmm.slice(2)}`;
const slot = (day: string, from: string, to: string) => ({ startsAt: `${day}T${from}:00+08:00`, endsAt: `${day}T${to}:00+08:00` });

test('an activity at a venue books it: a clash is refused naming the venue and time; cancelling frees it; moving moves the booking', async () => {
  const { venueId, name, day, opensAt } = await roomAndDay(200);
  const first = await publish({ venueId, place: null, ...slot(day, plus(opensAt, 1), plus(opensAt, 3)) });
  assert.match((await t.request('GET', `/api/activities/${first.id}`, { cookie: secretary })).body.place, new RegExp(name));
  const bookingOf = async (id: number) => (await t.request('GET', `/api/activities/${id}`, { cookie: secretary })).body.bookingId as number;
  const firstBooking = await bookingOf(first.id);
  assert.equal((await t.request('GET', `/api/venue-bookings/${firstBooking}`, { cookie: secretary })).body.status, 'approved');

  const clash = { orgId: guangmingId, kind: 'lecture', title: '冲突讲座', venueId, ...slot(day, plus(opensAt, 2), plus(opensAt, 4)), capacity: 10, audience: ['members'] };
  const refused = await t.request('POST', '/api/activities', { cookie: secretary, body: clash });
  assert.equal(refused.status, 409, refused.text);
  assert.equal(refused.body.error.code, 'resource.slot_taken');
  assert.match(refused.body.error.message, new RegExp(`${name}.*${Number(day.slice(5, 7))}月${Number(day.slice(8))}日`), 'names the venue and the day');
  const none = await t.request('POST', '/api/activities', { cookie: secretary, body: { ...clash, venueId: undefined } });
  assert.equal(none.status, 400);
  assert.equal(none.body.error.fieldCodes.place, 'activity.place_required');

  assert.equal((await t.request('POST', `/api/activities/${first.id}/cancel`, { cookie: secretary })).status, 200);
  assert.equal((await t.request('GET', `/api/venue-bookings/${firstBooking}`, { cookie: secretary })).body.status, 'cancelled');
  const second = await t.request('POST', '/api/activities', { cookie: secretary, body: clash });
  assert.equal(second.status, 200, second.text);

  const third = await publish({ venueId, ...slot(day, plus(opensAt, 5), plus(opensAt, 6)) });
  const secondBooking = second.body.bookingId;
  const blocked = await t.request('POST', `/api/activities/${second.body.id}/reschedule`, { cookie: secretary, body: slot(day, plus(opensAt, 5), plus(opensAt, 7)) });
  assert.equal(blocked.status, 409, 'the new slot is taken by the third');
  assert.equal((await t.request('GET', `/api/venue-bookings/${secondBooking}`, { cookie: secretary })).body.status, 'approved', 'a refused move keeps the booking');
  const moved = await t.request('POST', `/api/activities/${second.body.id}/reschedule`, { cookie: secretary, body: slot(day, plus(opensAt, 3), plus(opensAt, 5)) });
  assert.equal(moved.status, 200, moved.text);
  assert.equal((await t.request('GET', `/api/venue-bookings/${secondBooking}`, { cookie: secretary })).body.status, 'cancelled');
  const newBooking = (await t.request('GET', `/api/venue-bookings/${moved.body.bookingId}`, { cookie: secretary })).body;
  assert.deepEqual([newBooking.startsAt, newBooking.endsAt], [`${day}T${plus(opensAt, 3)}`, `${day}T${plus(opensAt, 5)}`]);
  assert.ok(third.id);
});

test('a series at a venue books each of its days; a clash refuses the series; an occurrence cancelled gives its day back', async () => {
  const { venueId, name, day } = await roomAndDay(20);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
  const ends = new Date(Date.now() + 300 * 24 * hour).toISOString().slice(0, 10);
  const series = { orgId: guangmingId, title: '每月读书会', kind: 'lecture', venueId, weekOfMonth: 2, weekday, startTime: '14:00', minutes: 60, capacity: 20, audience: ['members'], startsOn: day, endsOn: ends };
  const made = await t.request('POST', '/api/activity-series', { cookie: secretary, body: series });
  assert.equal(made.status, 200, made.text);
  const listed = (await t.request('GET', '/api/activity-series', { cookie: secretary })).body.items.find((s: { id: number }) => s.id === made.body.id);
  assert.equal(listed.venueId, venueId);
  const occurrences = (await t.request('GET', `/api/activities?orgId=${guangmingId}&from=${day}&to=${ends}`, { cookie: secretary })).body.items
    .filter((a: { seriesId: number }) => a.seriesId === made.body.id);
  assert.ok(occurrences.length >= 2 && occurrences.length === made.body.created);
  assert.ok(occurrences.every((a: { bookingId: number | null }) => a.bookingId !== null), 'each occurrence holds its day’s booking');

  const again = await t.request('POST', '/api/activity-series', { cookie: secretary, body: { ...series, title: '同一时间的另一系列' } });
  assert.equal(again.status, 409, again.text);
  assert.match(again.body.error.message, new RegExp(name));
  const [first] = occurrences;
  assert.equal((await t.request('POST', `/api/activities/${first.id}/cancel`, { cookie: secretary })).status, 200);
  assert.equal((await t.request('GET', `/api/venue-bookings/${first.bookingId}`, { cookie: secretary })).body.status, 'cancelled');
});

test('a member reported in from another community sees the activities open to reported members there and joins; others do not see them', async () => {
  const [reported, stranger] = await newMembers('xyrep', 2, '向阳社区第一网格党支部');
  await t.kernel.db.system((q) =>
    q.query(
      `INSERT INTO report_ins (org_id, unit_id, person_id, member_user_id, status, decided_on, receipt_no)
       SELECT $1, u.id, $2, $3, 'accepted', current_date, $4 FROM units u WHERE u.name = '梅河口市税务局'`,
      [guangmingId, reported!.personId, reported!.userId, `BDTEST${reported!.personId}`],
    ),
  );
  const open = await publish({ title: '报到党员可参加', audience: ['reported_members'], startsAt: when(40), endsAt: when(42) });
  const closed = await publish({ title: '仅本社区党员', audience: ['members'], startsAt: when(40), endsAt: when(42) });
  const seen = (cookie: string) => t.request('GET', '/api/activities', { cookie }).then((r) => r.body.items.map((a: { id: number }) => a.id));
  const hisView = await seen(reported!.cookie);
  assert.ok(hisView.includes(open.id), 'the reported member sees it');
  assert.ok(!hisView.includes(closed.id), 'not the members-only one of a community he is not in');
  assert.ok(!(await seen(stranger!.cookie)).includes(open.id), 'an unrelated member of his community does not');
  assert.equal((await t.request('GET', `/api/activities/${open.id}`, { cookie: stranger!.cookie })).status, 404);

  const joined = await t.request('POST', `/api/activities/${open.id}/signup`, { cookie: reported!.cookie });
  assert.equal(joined.status, 200, joined.text);
  assert.equal(joined.body.mySignup.status, 'signed_up');
  assert.equal((await t.request('POST', `/api/activities/${open.id}/signup`, { cookie: stranger!.cookie })).status, 404);
  const roster = (await t.request('GET', `/api/activities/${open.id}/signups`, { cookie: secretary })).body.items;
  assert.ok(roster.some((s: { personId: number }) => s.personId === reported!.personId), 'the host community sees him on its roster');
});

test('an activity names the needs and the project it serves; they list it back; names out of reach are refused', async () => {
  const admin = await t.login('admin');
  const need = (await t.request('GET', `/api/needs?orgId=${guangmingId}&pageSize=1`, { cookie: secretary })).body.items[0];
  const project = (await t.request('GET', `/api/projects?orgId=${guangmingId}`, { cookie: secretary })).body.items[0];
  assert.ok(need && project, 'the demo has a need and a project in 光明社区');
  const a = await publish({ title: '为需求而办', needIds: [need.id], projectId: project.id, startsAt: when(60), endsAt: when(62) });
  const view = (await t.request('GET', `/api/activities/${a.id}`, { cookie: secretary })).body;
  assert.deepEqual(view.needs.map((n: { id: number; title: string }) => [n.id, n.title]), [[need.id, need.title]]);
  assert.deepEqual(view.project, { id: project.id, name: project.name });
  const byNeed = await t.request('GET', `/api/activities?needId=${need.id}`, { cookie: secretary });
  assert.deepEqual(byNeed.body.items.map((x: { id: number }) => x.id), [a.id]);
  const byProject = await t.request('GET', `/api/activities?projectId=${project.id}`, { cookie: admin });
  assert.ok(byProject.body.items.some((x: { id: number }) => x.id === a.id));

  const xiangyang = await t.login('xiangyang');
  const xyOrg = (await t.request('GET', '/api/auth/me', { cookie: xiangyang })).body.grants[0].orgId;
  const body = { orgId: xyOrg, kind: 'volunteer', title: '越界关联', place: '向阳社区', startsAt: when(60), endsAt: when(61), capacity: 5, audience: ['members'] };
  const badNeed = await t.request('POST', '/api/activities', { cookie: xiangyang, body: { ...body, needIds: [need.id] } });
  assert.equal(badNeed.status, 400);
  assert.equal(badNeed.body.error.fieldCodes.needIds, 'activity.needs_not_found');
  const badProject = await t.request('POST', '/api/activities', { cookie: xiangyang, body: { ...body, projectId: project.id } });
  assert.equal(badProject.status, 400);
  assert.equal(badProject.body.error.fieldCodes.projectId, 'activity.project_not_found');
});
