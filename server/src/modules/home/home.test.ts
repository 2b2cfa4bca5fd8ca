import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

interface Item { kind: string; title: string; count: number | null; dueOn: string | null; overdue: boolean; link: string }

let t: TestApp;
before(async () => {
  t = await testApp({ demo: true });
});
after(() => t.close());

const todo = async (user: string): Promise<Item[]> => {
  const res = await t.request('GET', '/api/home/todo', { cookie: await t.login(user) });
  assert.equal(res.status, 200, res.text);
  return res.body.items;
};

test('a grid worker’s home starts with their overdue visits, then those due today; a secretary’s has none', async () => {
  // One household's plan started long ago and it was never visited: overdue.
  await t.kernel.db.system((q) => q.query(`UPDATE visit_plans SET starts_on = current_date - 30`));
  const items = await todo('wangge');
  const visits = items.filter((i) => i.kind.startsWith('visit_'));
  assert.ok(visits.length > 0, 'the demo plans make households due');
  assert.equal(items[0]!.kind, 'visit_overdue');
  assert.ok(items[0]!.overdue && items[0]!.dueOn! < new Date().toISOString().slice(0, 10));
  const firstDue = items.findIndex((i) => !i.overdue);
  assert.ok(firstDue === -1 || items.slice(firstDue).every((i) => !i.overdue), 'overdue work comes first');
  assert.ok(visits.every((i) => i.link === '/visits'));
  assert.ok(!(await todo('guangming')).some((i) => i.kind.startsWith('visit_')), 'the community plans visits; it is not handed every household');
});

test('a pending report-in waits on its community’s secretary and no one else; the liaison sees members not yet reported', async () => {
  const [row] = await t.kernel.db.system((q) =>
    q.query<{ person: number; unit: number; unitName: string }>(
      `UPDATE people SET unit_id = (SELECT id FROM units WHERE name = '梅河口市税务局')
        WHERE user_id = (SELECT id FROM users WHERE username = 'dangyuan') RETURNING id AS person, unit_id AS unit`,
    ),
  );
  const unreported = (await todo('liaison')).find((i) => i.kind === 'member_unreported' && i.title === '梅河口市税务局');
  assert.ok(unreported && unreported.count! >= 1, 'the unit’s employed members not yet reported');

  const count = async (user: string) => (await todo(user)).filter((i) => i.kind === 'reportin_to_accept').reduce((n, i) => n + i.count!, 0);
  const before = await count('guangming');
  const liaison = await t.login('liaison');
  const community = (await t.request('GET', `/api/report-ins/communities?q=${encodeURIComponent('光明社区党委')}`, { cookie: liaison })).body.items[0].id;
  const issued = await t.request('POST', '/api/report-ins', { cookie: liaison, body: { personId: row!.person, orgId: community } });
  assert.equal(issued.status, 200, issued.text);

  const items = await todo('guangming');
  const pending = items.find((i) => i.kind === 'reportin_to_accept' && i.title === '光明社区党委');
  assert.equal(pending?.count, before + 1);
  assert.equal(pending?.link, '/report-ins?status=issued');
  assert.equal(await count('xiangyang'), 0, 'another community’s secretary');
  assert.equal(await count('liaison'), 0, 'the issuing unit sees it but does not accept it');
  assert.equal((await todo('liaison')).find((i) => i.kind === 'member_unreported' && i.title === '梅河口市税务局')?.count ?? 0, unreported.count! - 1);

  await t.request('POST', `/api/report-ins/${issued.body.id}/accept`, { cookie: await t.login('guangming') });
  assert.equal(await count('guangming'), before, 'accepted: no longer waiting');
});

test('a member’s claimed wish is on their home until it is done; a resident’s own open request is on theirs', async () => {
  const member = await t.login('dangyuan');
  const pool = (await t.request('GET', '/api/needs/pool', { cookie: member })).body.items;
  const wish = pool.find((w: { claimable?: boolean }) => w.claimable !== false) ?? pool[0];
  const claimed = await t.request('POST', `/api/needs/${wish.id}/claim`, { cookie: member, body: {} });
  assert.equal(claimed.status, 200, claimed.text);
  const mine = (await todo('dangyuan')).filter((i) => i.kind === 'wish_claimed');
  assert.ok(mine.some((i) => i.title === claimed.body.title && i.link === '/wishes'));

  const resident = await t.login('jumin');
  const made = await t.request('POST', '/api/needs', { cookie: resident, body: { kind: 'request', category: 'living', title: '<b>楼道灯坏了</b>', description: '三单元' } });
  assert.equal(made.status, 200, made.text);
  const own = (await todo('jumin')).filter((i) => i.kind === 'my_need');
  assert.ok(own.some((i) => i.title === '<b>楼道灯坏了</b>' && i.link === '/my-needs'), 'the title as typed');
  assert.ok(!(await todo('jumin')).some((i) => i.kind === 'need_to_check' || i.kind === 'reportin_to_accept'));
});

test('a member’s next activity is the one they signed up for; what they may still join is counted by the activities’ own verdicts', async () => {
  const member = await t.login('dangyuan');
  const upcoming = (await t.request('GET', '/api/activities?when=upcoming', { cookie: member })).body.items as { id: number; title: string; actions: string[]; mySignup: unknown }[];
  const joinable = upcoming.filter((a) => a.actions.includes('signUp'));
  assert.ok(joinable.length > 0, 'the demo has activities to join');
  const before = (await todo('dangyuan')).find((i) => i.kind === 'can_join');
  assert.equal(before?.count, joinable.length);
  const signed = await t.request('POST', `/api/activities/${joinable[0]!.id}/signup`, { cookie: member });
  assert.equal(signed.status, 200, signed.text);
  const items = await todo('dangyuan');
  const next = items.find((i) => i.kind === 'next_activity');
  assert.ok(next && next.link === '/my-service' && next.dueOn, 'the next activity with its day');
  assert.equal(items.find((i) => i.kind === 'can_join')?.count ?? 0, joinable.length - 1);
  assert.ok(!(await todo('guangming')).some((i) => i.kind === 'can_join' || i.kind === 'next_activity'), 'staff plan activities; they are not asked to join them');
});

test('commitments to sign or in force and the duty posts held are on their holders’ homes, and only theirs', async () => {
  for (const user of ['dangyuan', 'liaison']) {
    const cookie = await t.login(user);
    const mine = (await t.request('GET', '/api/commitments?mine=true&page=1&pageSize=50', { cookie })).body.items as { status: string; actions: string[] }[];
    const waiting = mine.filter((c) => c.status === 'in_force' || c.actions.includes('signAsParty'));
    const posts = (await t.request('GET', '/api/posts/mine', { cookie })).body.items as { name: string }[];
    const items = await todo(user);
    assert.equal(items.filter((i) => i.kind.startsWith('commitment_')).length, waiting.length, user);
    assert.deepEqual(items.filter((i) => i.kind === 'duty_post').map((i) => i.title), posts.map((p) => p.name), user);
  }
  const demo = [...(await todo('dangyuan')), ...(await todo('liaison'))];
  assert.ok(demo.some((i) => i.kind.startsWith('commitment_') || i.kind === 'duty_post'), 'the demo gives a member or unit something to keep');
  assert.ok(!(await todo('xiangyang')).some((i) => i.kind === 'duty_post' || i.kind.startsWith('commitment_')), 'a secretary holds no commitment of their own');
});
