import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { actionCallers, actionMismatches, type Caller } from '../../../../test/support/allowed-actions-b.ts';
import { PEOPLE_ACTIONS, PERSON_ACTIONS } from './schema.ts';

// Every role, and users whose grants differ from place to place, against the
// actions a person's file and the list of people carry: an action is listed
// exactly when doing it succeeds.

let t: TestApp;
let admin: string;
let callers: Caller[];
const ids = {} as Record<'g1' | 'community' | 'xiangyang' | 'tax', number>;
let serial = 0;

before(async () => {
  t = await testApp({ demo: true });
  admin = await t.login('admin');
  const find = async (name: string) => (await t.request('GET', `/api/orgs?q=${encodeURIComponent(name)}`, { cookie: admin })).body.items.find((o: { name: string }) => o.name === name).id as number;
  for (const [key, name] of [['g1', '光明社区第一网格党支部'], ['community', '光明社区党委'], ['xiangyang', '向阳社区党委']] as const) ids[key] = await find(name);
  ids.tax = (await t.request('GET', `/api/units?orgId=${ids.community}`, { cookie: admin })).body.items.find((u: { name: string }) => u.name === '梅河口市税务局').id;
  callers = await actionCallers(t, [
    // A grid worker in 光明's first grid who is 向阳's secretary; a liaison of 光明's unit who is a member in its first grid.
    { username: 'act.worker.xy.sec', grants: [{ role: 'grid_worker', orgId: ids.g1 }, { role: 'community_secretary', orgId: ids.xiangyang }] },
    { username: 'act.liaison.member', grants: [{ role: 'unit_liaison', orgId: ids.community, unitId: ids.tax }, { role: 'member', orgId: ids.g1 }] },
  ]);
});
after(() => t.close());

test('a person’s file lists what the caller may do to it, and exactly that succeeds', async () => {
  const names = new Map<number, string>();
  const { mismatches, allowed } = await actionMismatches(callers, {
    actions: PERSON_ACTIONS.values,
    fresh: async () => {
      const name = `权限测试${++serial}`;
      const res = await t.request('POST', '/api/people', { cookie: admin, body: { orgId: ids.g1, name, phone: '13900002222' } });
      assert.equal(res.status, 200, res.text);
      names.set(res.body.id, name);
      return res.body.id;
    },
    read: async (c, id) =>
      (await t.request('GET', `/api/people?orgId=${ids.g1}&q=${encodeURIComponent(names.get(id)!)}`, { cookie: c.cookie })).body.items?.find((p: { id: number }) => p.id === id),
    attempt: (c, action, id) =>
      action === 'edit'
        ? t.request('PATCH', `/api/people/${id}`, { cookie: c.cookie, body: { name: `${names.get(id)}改` } })
        : t.request('POST', `/api/people/${id}/reveal`, { cookie: c.cookie, body: { field: 'phone' } }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual(allowed.edit?.sort(), ['act.worker.xy.sec', 'admin', 'guangming', 'wangge', 'xinhua']);
  assert.deepEqual(allowed.reveal?.sort(), ['admin', 'guangming', 'xinhua'], 'a grid worker there is no admin there, whatever they are elsewhere');
});

test('a member’s own file offers them its personal data in clear, and nothing to edit', async () => {
  const cookie = await t.login('dangyuan');
  const [own] = (await t.request('GET', '/api/people?page=1&pageSize=1', { cookie })).body.items;
  assert.deepEqual(own.actions, ['reveal']);
  assert.equal((await t.request('POST', `/api/people/${own.id}/reveal`, { cookie, body: { field: 'phone' } })).status, 200);
  assert.equal((await t.request('PATCH', `/api/people/${own.id}`, { cookie, body: { name: '自改' } })).body.error.code, 'person.staff_register');
});

test('the list of people offers to register someone where that succeeds', async () => {
  const { mismatches, allowed } = await actionMismatches(callers, {
    actions: PEOPLE_ACTIONS.values,
    fresh: async () => ids.g1,
    read: async (c, orgId) => {
      const res = await t.request('GET', `/api/people?orgId=${orgId}&page=1&pageSize=1`, { cookie: c.cookie });
      return res.status === 200 ? res.body : undefined;
    },
    attempt: (c, _action, orgId) => t.request('POST', '/api/people', { cookie: c.cookie, body: { orgId, name: `登记测试${++serial}` } }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual(allowed.create?.sort(), ['act.worker.xy.sec', 'admin', 'guangming', 'wangge', 'xinhua']);
});
