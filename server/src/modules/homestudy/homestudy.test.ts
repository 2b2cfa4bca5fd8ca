import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
let secretary: string;
let member: string;
let guangming: number;
before(async () => {
  t = await testApp({ demo: true });
  secretary = await t.login('guangming');
  member = await t.login('dangyuan');
  guangming = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('光明社区党委')}`, { cookie: secretary })).body.items[0].id;
});
after(() => t.close());

const post = (cookie: string, url: string, body: unknown) => t.request('POST', url, { cookie, body });

test('a branch marks a member who cannot come, a member takes the month’s study home, once, and it counts as attendance', async () => {
  const listed = await t.request('GET', `/api/homebound-members?orgId=${guangming}`, { cookie: secretary });
  assert.equal(listed.status, 200, listed.text);
  assert.deepEqual(listed.body.actions, ['create']);
  const marked = listed.body.items.map((h: { personId: number }) => h.personId);
  const members = (await t.request('GET', `/api/people?orgId=${guangming}&pageSize=100`, { cookie: secretary })).body.items
    .filter((p: { isMember: boolean; id: number; name: string }) => p.isMember && !marked.includes(p.id) && p.name !== '周志强');
  const elder = members[0];
  const h = await post(secretary, '/api/homebound-members', { personId: elder.id, reason: 'elderly' });
  assert.equal(h.status, 200, h.text);
  assert.deepEqual(h.body.actions, ['schedule']);
  const again = await post(secretary, '/api/homebound-members', { personId: elder.id, reason: 'ill' });
  assert.deepEqual([again.status, again.body.error.fieldCodes], [409, { personId: 'homestudy.already_marked' }]);

  // The month's study: a themed party day that has taken place.
  const start = new Date(Date.now() - 3 * 3_600_000);
  const study = await post(secretary, '/api/activities', {
    orgId: guangming, kind: 'party_day', title: '本月主题党日：学习党章', place: '党员活动室',
    startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 7_200_000).toISOString(), capacity: 40, audience: ['members'],
  });
  assert.equal(study.status, 200, study.text);
  const me = (await t.request('GET', '/api/people?q=' + encodeURIComponent('周志强'), { cookie: secretary })).body.items[0];

  const self = await post(secretary, `/api/homebound-members/${h.body.id}/deliveries`, { activityId: study.body.id, delivererPersonId: elder.id, dueOn: '2026-12-20' });
  assert.deepEqual([self.status, self.body.error.fieldCodes], [400, { delivererPersonId: 'homestudy.deliverer_is_member' }]);
  const scheduled = await post(secretary, `/api/homebound-members/${h.body.id}/deliveries`, { activityId: study.body.id, delivererPersonId: me.id, dueOn: '2026-12-20' });
  assert.equal(scheduled.status, 200, scheduled.text);
  assert.deepEqual([scheduled.body.status, scheduled.body.personName, scheduled.body.actions], ['scheduled', elder.name, []]);
  const twice = await post(secretary, `/api/homebound-members/${h.body.id}/deliveries`, { activityId: study.body.id, delivererPersonId: me.id, dueOn: '2026-12-21' });
  assert.deepEqual([twice.status, twice.body.error.fieldCodes], [409, { activityId: 'homestudy.already_scheduled' }]);

  // The secretary does not record it for the deliverer.
  const notMine = await post(secretary, `/api/study-deliveries/${scheduled.body.id}/deliver`, {});
  assert.deepEqual([notMine.status, notMine.body.error.code], [403, 'homestudy.not_deliverer']);

  // The member sees the task on their phone, with the member's name and nothing of why.
  const mine = await t.request('GET', '/api/study-deliveries?mine=true', { cookie: member });
  assert.equal(mine.status, 200, mine.text);
  const task = mine.body.items.find((d: { id: number }) => d.id === scheduled.body.id);
  assert.deepEqual([task.personName, task.activityTitle, task.actions], [elder.name, '本月主题党日：学习党章', ['deliver']]);
  assert.ok(!JSON.stringify(mine.body).includes('elderly'));
  const done = await post(member, `/api/study-deliveries/${scheduled.body.id}/deliver`, { note: '已讲解党章第一章' });
  assert.equal(done.status, 200, done.text);
  assert.deepEqual([done.body.status, done.body.actions], ['delivered', []]);
  const once = await post(member, `/api/study-deliveries/${scheduled.body.id}/deliver`, {});
  assert.deepEqual([once.status, once.body.error.code], [409, 'homestudy.recorded']);

  // Counted as the member's attendance at the study.
  const roster = (await t.request('GET', `/api/activities/${study.body.id}/signups`, { cookie: secretary })).body.items;
  const row = roster.find((s: { personId: number }) => s.personId === elder.id);
  assert.equal(row?.status, 'attended');
});

test('only staff of the member’s organization mark and schedule, and only members are marked', async () => {
  const refused = await post(member, '/api/homebound-members', { personId: 1, reason: 'ill' });
  assert.ok(refused.status === 403 || refused.status === 400, refused.text);
  assert.match(refused.body.error.code, /^homestudy\./);
  const mine = await t.request('GET', '/api/homebound-members', { cookie: member });
  assert.deepEqual([mine.status, mine.body.items, mine.body.actions], [200, [], []], 'a member sees no one’s reason and may mark no one');
  const bad = await post(secretary, '/api/homebound-members', { personId: 1, reason: 'sad' });
  assert.deepEqual([bad.status, Object.keys(bad.body.error.fieldCodes)], [400, ['reason']]);
});
