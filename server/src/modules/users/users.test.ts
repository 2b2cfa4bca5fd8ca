import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
let admin: string;
let guangmingId: number;
before(async () => {
  t = await testApp({ demo: true });
  admin = await t.login('guangming');
  guangmingId = (await t.request('GET', '/api/auth/me', { cookie: admin })).body.grants[0].orgId;
});
after(() => t.close());

test('a community secretary creates an account with a grant; the new user signs in with that scope', async () => {
  const res = await t.request('POST', '/api/users', {
    cookie: admin,
    body: { username: 'new.worker', displayName: '新网格员', password: 'Worker2026', orgId: guangmingId, grants: [{ role: 'grid_worker', orgId: guangmingId }] },
  });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.body.grants[0].roleLabel, '网格员');
  const cookie = await t.login('new.worker', 'Worker2026');
  const roots = await t.request('GET', '/api/orgs/roots', { cookie });
  assert.deepEqual(roots.body.items.map((o: { name: string }) => o.name), ['光明社区党委']);
});

test('no one hands out a role above their own', async () => {
  const res = await t.request('POST', '/api/users', {
    cookie: admin,
    body: { username: 'upstart', displayName: '越级', password: 'Upstart2026', orgId: guangmingId, grants: [{ role: 'street_admin', orgId: guangmingId }] },
  });
  assert.equal(res.status, 403);
  assert.equal(res.body.error.code, 'user.grant_above_own');
});

test('a liaison grant needs a unit, and only a liaison grant takes one', async () => {
  const { body: user } = await t.request('GET', '/api/users?q=wangge', { cookie: admin });
  const id = user.items[0].id;
  const noUnit = await t.request('POST', `/api/users/${id}/grants`, { cookie: admin, body: { role: 'unit_liaison', orgId: guangmingId } });
  assert.equal(noUnit.status, 400);
  assert.equal(noUnit.body.error.fieldCodes.unitId, 'user.liaison_needs_unit');
  const units = await t.request('GET', `/api/units?orgId=${guangmingId}`, { cookie: admin });
  const withUnit = await t.request('POST', `/api/users/${id}/grants`, { cookie: admin, body: { role: 'unit_liaison', orgId: guangmingId, unitId: units.body.items[0].id } });
  assert.equal(withUnit.status, 200, withUnit.text);
  const grant = withUnit.body.grants.find((g: { role: string }) => g.role === 'unit_liaison');
  assert.equal(grant.unitName, units.body.items[0].name);
  const removed = await t.request('DELETE', `/api/users/${id}/grants/${grant.id}`, { cookie: admin });
  assert.equal(removed.body.grants.length, 1);
});

test('a duplicate username is refused on the username field', async () => {
  const res = await t.request('POST', '/api/users', {
    cookie: admin, body: { username: 'wangge', displayName: '重复', password: 'Dup12345678', orgId: guangmingId, grants: [] },
  });
  assert.equal(res.status, 409);
  assert.deepEqual(res.body.error.fieldCodes, { username: 'user.username_taken' });
});

test('members, residents, liaisons and grid workers cannot administer accounts', async () => {
  for (const u of ['wangge', 'liaison', 'dangyuan', 'jumin']) {
    const cookie = await t.login(u);
    assert.equal((await t.request('GET', '/api/users', { cookie })).status, 403, u);
  }
});

test('an admin cannot disable or strip their own account', async () => {
  const me = (await t.request('GET', '/api/auth/me', { cookie: admin })).body;
  const res = await t.request('PATCH', `/api/users/${me.id}`, { cookie: admin, body: { disabled: true } });
  assert.equal(res.status, 403);
});
