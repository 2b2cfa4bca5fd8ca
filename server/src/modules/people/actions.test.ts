import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { STAFF_AT, actionCallers, actionMismatches, places, type Caller } from '../../../../test/support/allowed-actions.ts';
import { PEOPLE_ACTIONS, PERSON_ACTIONS } from './schema.ts';

// Every role, and users whose grants differ from place to place, against the
// actions a person's file and the list of people carry: an action is listed
// exactly when doing it succeeds.

let t: TestApp;
let admin: string;
let callers: Caller[];
let g1: number;
let serial = 0;

before(async () => {
  t = await testApp({ demo: true });
  admin = await t.login('admin');
  const p = await places(t);
  g1 = p.grid;
  callers = await actionCallers(t, p);
});
after(() => t.close());

test('a person’s file lists what the caller may do to it, and exactly that succeeds', async () => {
  const names = new Map<number, string>();
  const { mismatches, allowed } = await actionMismatches(callers, {
    actions: PERSON_ACTIONS.values,
    fresh: async () => {
      const name = `权限测试${++serial}`;
      const res = await t.request('POST', '/api/people', { cookie: admin, body: { orgId: g1, name, phone: '13900002222' } });
      assert.equal(res.status, 200, res.text);
      names.set(res.body.id, name);
      return res.body.id;
    },
    read: async (c, id) =>
      (await t.request('GET', `/api/people?orgId=${g1}&q=${encodeURIComponent(names.get(id)!)}`, { cookie: c.cookie })).body.items?.find((p: { id: number }) => p.id === id),
    attempt: (c, action, id) =>
      action === 'edit'
        ? t.request('PATCH', `/api/people/${id}`, { cookie: c.cookie, body: { name: `${names.get(id)}改` } })
        : action === 'account'
          ? t.request('POST', `/api/people/${id}/account`, { cookie: c.cookie, body: { username: `acct.test${++serial}`, password: 'Account2026!' } })
          : t.request('POST', `/api/people/${id}/reveal`, { cookie: c.cookie, body: { field: 'phone' } }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual(allowed.edit, STAFF_AT['光明一网格']);
  assert.deepEqual(allowed.reveal, ['admin', 'guangming', 'xinhua'], 'a grid worker there is no admin there, whatever they are elsewhere');
  assert.deepEqual(allowed.account, ['admin', 'guangming', 'xinhua'], 'accounts are opened by the admins where the person is');
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
    fresh: async () => g1,
    read: async (c, orgId) => {
      const res = await t.request('GET', `/api/people?orgId=${orgId}&page=1&pageSize=1`, { cookie: c.cookie });
      return res.status === 200 ? res.body : undefined;
    },
    attempt: (c, _action, orgId) => t.request('POST', '/api/people', { cookie: c.cookie, body: { orgId, name: `登记测试${++serial}` } }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual(allowed.create, STAFF_AT['光明一网格']);
});
