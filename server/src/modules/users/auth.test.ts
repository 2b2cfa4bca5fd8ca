import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApp } from '../../app.ts';
import { APP_HEADERS, testApp, type TestApp } from '../../../../test/support/app.ts';
import { MAX_FAILED_LOGINS } from './auth.ts';

let t: TestApp;
before(async () => {
  t = await testApp({ demo: true });
});
after(() => t.close());

test('signing in sets an HttpOnly SameSite session cookie and /me tells who and what', async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: APP_HEADERS, payload: { username: 'Guangming', password: 'Gongjian2026' } });
  assert.equal(res.statusCode, 200);
  const header = String(res.headers['set-cookie']);
  assert.match(header, /gj_session=/);
  assert.match(header, /HttpOnly/);
  assert.match(header, /SameSite=Lax/);
  const cookie = await t.login('guangming');
  const me = await t.request('GET', '/api/auth/me', { cookie });
  assert.equal(me.body.username, 'guangming');
  assert.deepEqual(me.body.grants.map((g: { role: string; orgName: string }) => [g.role, g.orgName]), [['community_secretary', '光明社区党委']]);
  assert.deepEqual(me.body.can, { manageUsers: true, viewAudit: true, manageOrgs: true });
});

test('a wrong password is refused in Chinese, and so is an unknown user, alike', async () => {
  const wrong = await t.request('POST', '/api/auth/login', { body: { username: 'guangming', password: 'nope' } });
  const unknown = await t.request('POST', '/api/auth/login', { body: { username: 'nobody', password: 'nope' } });
  assert.equal(wrong.status, 401);
  assert.deepEqual(wrong.body, unknown.body);
  assert.equal(wrong.body.error.message, '用户名或密码错误');
});

test('without a session every non-public endpoint answers 401', async () => {
  for (const r of t.routes.filter((x) => x.op.security)) {
    const url = r.url.replace(/:(\w+)/g, '1');
    const res = await t.request(r.method, url, { body: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
    assert.ok(res.status === 401 || res.status === 400, `${r.method} ${r.url}: ${res.status}`);
    if (r.method === 'GET') assert.equal(res.status, 401, `${r.method} ${r.url}`);
  }
});

test(`after ${MAX_FAILED_LOGINS} wrong passwords the account locks until an admin unlocks it`, async () => {
  for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
    assert.equal((await t.request('POST', '/api/auth/login', { body: { username: 'jumin', password: 'wrong' } })).status, 401);
  }
  const locked = await t.request('POST', '/api/auth/login', { body: { username: 'jumin', password: 'Gongjian2026' } });
  assert.equal(locked.status, 423);
  assert.match(locked.body.error.message, /已锁定/);
  const admin = await t.login('guangming');
  const list = await t.request('GET', '/api/users?q=jumin', { cookie: admin });
  const jumin = list.body.items[0];
  assert.equal(jumin.locked, true);
  const unlocked = await t.request('POST', `/api/users/${jumin.id}/unlock`, { cookie: admin });
  assert.equal(unlocked.body.locked, false);
  await t.login('jumin');
});

test('signing out ends the session', async () => {
  const cookie = await t.login('wangge');
  assert.equal((await t.request('POST', '/api/auth/logout', { cookie })).status, 200);
  assert.equal((await t.request('GET', '/api/auth/me', { cookie })).status, 401);
});

test('changing one’s password ends other sessions and keeps this one', async () => {
  const other = await t.login('xinhua');
  const cookie = await t.login('xinhua');
  const weak = await t.request('POST', '/api/auth/password', { cookie, body: { currentPassword: 'Gongjian2026', newPassword: 'short' } });
  assert.equal(weak.status, 400);
  assert.match(weak.body.error.fields.newPassword, /新密码至少 8 位/);
  const res = await t.app.inject({
    method: 'POST', url: '/api/auth/password', headers: { ...APP_HEADERS, cookie }, payload: { currentPassword: 'Gongjian2026', newPassword: 'Xinhua2027' },
  });
  assert.equal(res.statusCode, 200);
  const fresh = `gj_session=${res.cookies.find((c) => c.name === 'gj_session')!.value}`;
  assert.equal((await t.request('GET', '/api/auth/me', { cookie: other })).status, 401);
  assert.equal((await t.request('GET', '/api/auth/me', { cookie: fresh })).status, 200);
  await t.login('xinhua', 'Xinhua2027');
});

test('a session opened on one app instance works on another (sessions live in the database)', async () => {
  const second = await buildApp(t.kernel, { webDir: null });
  try {
    const cookie = await t.login('liaison');
    const res = await second.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().username, 'liaison');
  } finally {
    await second.close();
  }
});

test('a disabled account cannot sign in and its sessions stop working', async () => {
  const cookie = await t.login('dangyuan');
  const admin = await t.login('guangming');
  const { body } = await t.request('GET', '/api/users?q=dangyuan', { cookie: admin });
  const id = body.items[0].id;
  assert.equal((await t.request('PATCH', `/api/users/${id}`, { cookie: admin, body: { disabled: true } })).body.disabled, true);
  assert.equal((await t.request('GET', '/api/auth/me', { cookie })).status, 401);
  assert.equal((await t.request('POST', '/api/auth/login', { body: { username: 'dangyuan', password: 'Gongjian2026' } })).status, 403);
  await t.request('PATCH', `/api/users/${id}`, { cookie: admin, body: { disabled: false } });
});
