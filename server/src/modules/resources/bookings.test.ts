import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { addDays } from '../../kernel/time.ts';

let t: TestApp;
let liaison: string;
let secretary: string;
let taxUnitId: number;
let guangmingId: number;
let roomId: number;
let courtId: number;

/** A Monday well ahead, so every slot is in the future. */
const monday = (() => {
  const d = new Date(Date.now() + 14 * 86400_000);
  d.setUTCDate(d.getUTCDate() + ((8 - (d.getUTCDay() || 7)) % 7));
  return d.toISOString().slice(0, 10);
})();
const saturday = addDays(monday, 5);
const slot = (date: string, from: string, to: string, purpose = '主题党日') => ({ startsAt: `${date}T${from}`, endsAt: `${date}T${to}`, purpose });

before(async () => {
  t = await testApp({ demo: true });
  liaison = await t.login('liaison');
  secretary = await t.login('guangming');
  const [ids] = await t.kernel.db.system((q) => q.query<{ unit: number; org: number }>(`SELECT id AS unit, org_id AS org FROM units WHERE name = '梅河口市税务局'`));
  taxUnitId = ids!.unit;
  guangmingId = ids!.org;
  const room = await t.request('POST', '/api/venues', {
    cookie: secretary,
    body: { orgId: guangmingId, name: '测试多功能活动室', venueType: 'function_room', capacity: 40, openDays: [1, 2, 3, 4, 5], opensAt: '08:30', closesAt: '17:30' },
  });
  roomId = room.body.id;
  const court = await t.request('POST', '/api/venues', {
    cookie: liaison,
    body: { unitId: taxUnitId, name: '测试职工篮球场', venueType: 'court', openDays: [6, 7], opensAt: '08:00', closesAt: '18:00', needsApproval: true },
  });
  courtId = court.body.id;
});
after(() => t.close());

test('an overlapping booking is refused with a message that names the slot already taken', async () => {
  const first = await t.request('POST', `/api/venues/${roomId}/bookings`, { cookie: secretary, body: slot(monday, '09:00', '11:00') });
  assert.equal(first.status, 200, first.text);
  assert.equal(first.body.status, 'approved', 'no approval needed: booked at once');
  assert.deepEqual([first.body.startsAt, first.body.endsAt], [`${monday}T09:00`, `${monday}T11:00`]);

  const overlap = await t.request('POST', `/api/venues/${roomId}/bookings`, { cookie: secretary, body: slot(monday, '10:30', '12:00', '议事协商会') });
  assert.equal(overlap.status, 409);
  const [m, d] = [Number(monday.slice(5, 7)), Number(monday.slice(8, 10))];
  assert.equal(
    overlap.body.error.fields.startsAt,
    `测试多功能活动室${m}月${d}日（周一）09:00–11:00已有预约（已预约：主题党日），与您申请的${m}月${d}日（周一）10:30–12:00冲突，请另选时间`,
  );

  const adjacent = await t.request('POST', `/api/venues/${roomId}/bookings`, { cookie: secretary, body: slot(monday, '11:00', '12:00', '议事协商会') });
  assert.equal(adjacent.status, 200, 'a slot that starts when the other ends is free');

  const cancelled = await t.request('POST', `/api/venue-bookings/${first.body.id}/cancel`, { cookie: secretary, body: { reason: '党日改期' } });
  assert.deepEqual([cancelled.body.status, cancelled.body.cancelReason], ['cancelled', '党日改期']);
  const again = await t.request('POST', `/api/venues/${roomId}/bookings`, { cookie: secretary, body: slot(monday, '10:00', '11:00', '改期后的党课') });
  assert.equal(again.status, 200, 'a cancelled booking frees its slot');
  const twice = await t.request('POST', `/api/venue-bookings/${first.body.id}/cancel`, { cookie: secretary, body: { reason: '再取消' } });
  assert.equal(twice.status, 400);
});

test('two requests for the same slot at the same instant: exactly one succeeds', async () => {
  const date = addDays(monday, 1);
  const [a, b] = await Promise.all([
    t.request('POST', `/api/venues/${roomId}/bookings`, { cookie: secretary, body: slot(date, '14:00', '16:00', '甲支部党课') }),
    t.request('POST', `/api/venues/${roomId}/bookings`, { cookie: secretary, body: slot(date, '15:00', '17:00', '乙支部党课') }),
  ]);
  assert.deepEqual([a.status, b.status].sort(), [200, 409]);
  const loser = a.status === 409 ? a : b;
  assert.equal(loser.body.error.code, 'resource.slot_taken');
  assert.match(loser.body.error.message, /已有预约.*冲突，请另选时间/, 'names the slot taken');
  const day = await t.request('GET', `/api/venues/${roomId}/bookings?from=${date}&to=${date}`, { cookie: secretary });
  assert.equal(day.body.items.filter((x: { status: string }) => x.status === 'approved').length, 1);
});

test('the database refuses an overlap even when the service check is bypassed', async () => {
  const date = addDays(monday, 2);
  const insert = (range: string) =>
    t.kernel.db.system((q) =>
      q.query(
        `INSERT INTO venue_bookings (venue_id, org_id, booked_by, booker_name, purpose, during, status)
         SELECT v.id, v.org_id, 1, '测试', '直写', $2::tstzrange, 'pending' FROM venues v WHERE v.id = $1`,
        [roomId, range],
      ),
    );
  await insert(`[${date} 09:00+08,${date} 10:00+08)`);
  await assert.rejects(insert(`[${date} 09:30+08,${date} 10:30+08)`), (e: { code?: string }) => e.code === '23P01');
});

test('outside opening hours, on a closed day, in the past: refused, naming the hours', async () => {
  const late = await t.request('POST', `/api/venues/${roomId}/bookings`, { cookie: secretary, body: slot(monday, '17:00', '19:00') });
  assert.equal(late.status, 400);
  assert.equal(late.body.error.fieldCodes.startsAt, 'resource.outside_hours');
  assert.match(late.body.error.fields.startsAt, /超出测试多功能活动室的开放时间（周一至周五 08:30–17:30）/, 'names the opening hours');
  const weekend = await t.request('POST', `/api/venues/${roomId}/bookings`, { cookie: secretary, body: slot(saturday, '09:00', '10:00') });
  assert.equal(weekend.status, 400);
  assert.equal(weekend.body.error.fieldCodes.startsAt, 'resource.closed_day');
  const past = await t.request('POST', `/api/venues/${roomId}/bookings`, { cookie: secretary, body: slot('2020-06-01', '09:00', '10:00') });
  assert.equal(past.status, 400);
  assert.equal(past.body.error.fieldCodes.startsAt, 'resource.past_slot');
  const backwards = await t.request('POST', `/api/venues/${roomId}/bookings`, { cookie: secretary, body: slot(monday, '10:00', '09:00') });
  assert.equal(backwards.body.error.fieldCodes.endsAt, 'resource.ends_before_start');
  const badTime = await t.request('POST', `/api/venues/${roomId}/bookings`, { cookie: secretary, body: { startsAt: 'tomorrow', endsAt: `${monday}T10:00`, purpose: 'x' } });
  assert.equal(badTime.status, 400);
  assert.equal(badTime.body.error.fieldCodes.startsAt, 'resource.local_time');
});

test('a unit’s court needs approval: the community books, the unit’s liaison approves or rejects', async () => {
  const pending = await t.request('POST', `/api/venues/${courtId}/bookings`, { cookie: secretary, body: { ...slot(saturday, '09:00', '11:00', '社区篮球友谊赛'), attendees: 20 } });
  assert.equal(pending.status, 200, pending.text);
  assert.equal(pending.body.status, 'pending');
  const member = await t.login('dangyuan');
  assert.equal((await t.request('POST', `/api/venue-bookings/${pending.body.id}/approve`, { cookie: member })).status, 404, 'a member cannot reach it');
  const grid = await t.login('wangge');
  assert.equal((await t.request('POST', `/api/venues/${courtId}/bookings`, { cookie: grid, body: slot(saturday, '14:00', '15:00') })).status, 404);

  const inbox = await t.request('GET', '/api/venue-bookings?status=pending', { cookie: liaison });
  assert.ok(inbox.body.items.some((b: { id: number }) => b.id === pending.body.id), 'the liaison sees what waits for the unit');
  const approved = await t.request('POST', `/api/venue-bookings/${pending.body.id}/approve`, { cookie: liaison });
  assert.equal(approved.body.status, 'approved');
  assert.equal((await t.request('POST', `/api/venue-bookings/${pending.body.id}/approve`, { cookie: liaison })).status, 400);

  const own = await t.request('POST', `/api/venues/${courtId}/bookings`, { cookie: liaison, body: slot(addDays(saturday, 1), '09:00', '10:00', '单位内部比赛') });
  assert.equal(own.body.status, 'approved', 'the owner’s own booking needs no approval');

  const second = await t.request('POST', `/api/venues/${courtId}/bookings`, { cookie: secretary, body: slot(saturday, '14:00', '16:00', '青少年篮球训练') });
  const noReason = await t.request('POST', `/api/venue-bookings/${second.body.id}/reject`, { cookie: liaison, body: { reason: ' ' } });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.body.error.fieldCodes.reason, 'field.empty');
  const rejected = await t.request('POST', `/api/venue-bookings/${second.body.id}/reject`, { cookie: liaison, body: { reason: '场地维修' } });
  assert.deepEqual([rejected.body.status, rejected.body.rejectReason], ['rejected', '场地维修']);
  const retry = await t.request('POST', `/api/venues/${courtId}/bookings`, { cookie: secretary, body: slot(saturday, '14:00', '16:00', '青少年篮球训练') });
  assert.equal(retry.status, 200, 'a rejected booking does not hold its slot');
});

test('the database keeps the state machine even without the service', async () => {
  const date = addDays(monday, 3);
  const booked = await t.request('POST', `/api/venues/${roomId}/bookings`, { cookie: secretary, body: slot(date, '09:00', '10:00') });
  await t.request('POST', `/api/venue-bookings/${booked.body.id}/cancel`, { cookie: secretary, body: { reason: '取消' } });
  await assert.rejects(
    t.kernel.db.system((q) => q.query(`UPDATE venue_bookings SET status = 'approved', cancel_reason = NULL WHERE id = $1`, [booked.body.id])),
    (e: { constraint?: string }) => e.constraint === 'venue_bookings_step',
  );
});

test('the community calendar: a week of bookings of all its venues', async () => {
  const week = await t.request('GET', `/api/venue-bookings?orgId=${guangmingId}&from=${monday}&to=${addDays(monday, 6)}`, { cookie: secretary });
  assert.equal(week.status, 200);
  const venues = new Set(week.body.items.map((b: { venueName: string }) => b.venueName));
  assert.ok(venues.has('测试多功能活动室') && venues.has('测试职工篮球场'));
  assert.ok(week.body.items.every((b: { startsAt: string }) => b.startsAt >= monday && b.startsAt <= `${addDays(monday, 6)}T23:59`));
  const mine = await t.request('GET', '/api/venue-bookings?mine=true', { cookie: liaison });
  assert.ok(mine.body.items.length > 0 && mine.body.items.every((b: { bookerName: string }) => b.bookerName === mine.body.items[0].bookerName));
});
