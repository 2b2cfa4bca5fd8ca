import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let cookie: string;
let orgId: number;
before(async () => {
  t = await testApp({ demo: true });
  cookie = await t.login('guangming');
  orgId = (await t.request('GET', '/api/orgs/roots', { cookie })).body.items[0].id;
});
after(() => t.close());

const series = (title: string) => ({
  orgId, title, kind: 'open_day', place: '光明社区党群服务中心', weekOfMonth: 2, weekday: 3, startTime: '09:00', minutes: 60, capacity: 30,
  audience: ['members'], startsOn: '2030-01-01', endsOn: '2030-12-31',
});
const countSeries = async (title: string) =>
  (await t.request('GET', '/api/activity-series', { cookie })).body.items.filter((s: { title: string }) => s.title === title).length;

test('six parallel creates with one Idempotency-Key make one series and all answer with it', async () => {
  const headers = { 'idempotency-key': 'phone-retry-0001' };
  const runs = await Promise.all(Array.from({ length: 6 }, () => t.request('POST', '/api/activity-series', { cookie, body: series('幂等测试开放日'), headers })));
  assert.deepEqual(runs.map((r) => r.status), [200, 200, 200, 200, 200, 200], runs.map((r) => r.text).join('\n'));
  assert.equal(new Set(runs.map((r) => r.body.id)).size, 1, 'every answer names the same series');
  assert.equal(await countSeries('幂等测试开放日'), 1);
});

test('six parallel identical creates without a key make one series: the natural key refuses the rest, naming the title', async () => {
  const runs = await Promise.all(Array.from({ length: 6 }, () => t.request('POST', '/api/activity-series', { cookie, body: series('无键重复开放日') })));
  assert.deepEqual(runs.map((r) => r.status).sort(), [200, 409, 409, 409, 409, 409]);
  assert.match(runs.find((r) => r.status === 409)!.body.error.fields.title, /同名的周期活动/);
  assert.equal(await countSeries('无键重复开放日'), 1);
  const nextYear = await t.request('POST', '/api/activity-series', { cookie, body: { ...series('无键重复开放日'), startsOn: '2031-01-01', endsOn: '2031-12-31' } });
  assert.equal(nextYear.status, 200, 'the same title may run again in another year');
});

test('a key reused for another request is refused; a failed first attempt leaves the key free; a bad key is refused', async () => {
  const headers = { 'idempotency-key': 'phone-retry-0002' };
  const failed = await t.request('POST', '/api/activity-series', { cookie, body: { ...series('键复用测试'), place: undefined }, headers });
  assert.equal(failed.status, 400);
  const fixed = await t.request('POST', '/api/activity-series', { cookie, body: series('键复用测试'), headers });
  assert.equal(fixed.status, 200, fixed.text);
  const other = await t.request('POST', '/api/activity-series', { cookie, body: series('另一个系列'), headers });
  assert.equal(other.status, 409);
  assert.equal(other.body.error.fieldCodes['Idempotency-Key'], 'request.idempotency_reused_field');
  assert.equal(await countSeries('另一个系列'), 0);
  const bad = await t.request('POST', '/api/activity-series', { cookie, body: series('坏键'), headers: { 'idempotency-key': 'x' } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.fieldCodes['Idempotency-Key'], 'request.idempotency_key');
});

test('keys are the caller’s own: another user with the same key gets their own result', async () => {
  const headers = { 'idempotency-key': 'shared-key-0003' };
  const mine = await t.request('POST', '/api/activity-series', { cookie, body: series('各自的键'), headers });
  const street = await t.login('xinhua');
  const theirs = await t.request('POST', '/api/activity-series', { cookie: street, body: series('各自的键·街道'), headers });
  assert.equal(theirs.status, 200, theirs.text);
  assert.notEqual(theirs.body.id, mine.body.id);
});
