import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildApp } from '../../app.ts';
import { APP_HEADERS, testApp, type TestApp } from '../../../../test/support/app.ts';
import { ACCOUNT_RULE, ADDRESS_RULE, nextAttempt } from './auth.ts';

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

test('a wrong password is refused, in Chinese by default, and so is an unknown user, alike', async () => {
  const wrong = await t.request('POST', '/api/auth/login', { body: { username: 'guangming', password: 'nope' } });
  const unknown = await t.request('POST', '/api/auth/login', { body: { username: 'nobody', password: 'nope' } });
  assert.equal(wrong.status, 401);
  assert.deepEqual(wrong.body, unknown.body);
  assert.equal(wrong.body.error.code, 'user.invalid_credentials');
  assert.equal(wrong.body.error.message, '用户名或密码错误');
});

test('without a session every non-public endpoint answers 401', async () => {
  for (const r of t.routes.filter((x) => x.op.security?.length)) {
    const url = r.url.replace(/:(\w+)/g, '1');
    const res = await t.request(r.method, url, { body: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
    assert.ok(res.status === 401 || res.status === 400, `${r.method} ${r.url}: ${res.status}`);
    if (r.method === 'GET') assert.equal(res.status, 401, `${r.method} ${r.url}`);
  }
});

let nextAddress = 0;
/** Each test signs in from its own address, so that one test's failures never make another's address wait. */
const freshAddress = () => `198.18.${Math.floor(++nextAddress / 250)}.${nextAddress % 250}`;
const attempt = (username: string, password: string, remoteAddress: string) =>
  t.app
    .inject({ method: 'POST', url: '/api/auth/login', headers: APP_HEADERS, payload: { username, password }, remoteAddress })
    .then((r) => ({ status: r.statusCode, body: r.json() }));
const untimed = (r: { status: number; body: { error?: { code: string; message: string } } }) =>
  `${r.status} ${r.body.error?.code} ${r.body.error?.message.replace(/\d+/g, '#')}`;

test('40 wrong passwords at once: only the account’s limit are checked, the rest wait with a 429 that says when', async () => {
  const from = freshAddress();
  const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt('jumin', `wrong-password-${i}`, from)));
  const statuses = burst.map((r) => r.status);
  assert.equal(statuses.filter((s) => s === 401).length, ACCOUNT_RULE.limit, statuses.join(','));
  assert.equal(statuses.filter((s) => s === 429).length, 40 - ACCOUNT_RULE.limit);
  const refused = burst.find((r) => r.status === 429)!;
  assert.equal(refused.body.error.code, 'user.locked');
  assert.match(refused.body.error.message, /请于 \d\d:\d\d（约 \d+ 分钟后）再试/, 'says when');

  // Once it waits, the right password in a burst from anywhere does not get in either.
  const elsewhere = freshAddress();
  const withRight = await Promise.all([...Array.from({ length: 5 }, (_, i) => attempt('jumin', `again-${i}`, elsewhere)), attempt('jumin', 'Gongjian2026', elsewhere)]);
  assert.deepEqual(withRight.map((r) => r.status), Array(6).fill(429));

  // The admin sees the account waiting and clears it.
  const admin = await t.login('guangming');
  const jumin = (await t.request('GET', '/api/users?q=jumin', { cookie: admin })).body.items[0];
  assert.equal(jumin.locked, true);
  const unlocked = await t.request('POST', `/api/users/${jumin.id}/unlock`, { cookie: admin });
  assert.equal(unlocked.body.locked, false);
  assert.equal((await attempt('jumin', 'Gongjian2026', freshAddress())).status, 200);
});

test('each failure past the limit doubles the wait, and once it has passed the right password gets in', async () => {
  const waitMinutes = async () => {
    const [row] = await t.kernel.db.system((q) =>
      q.query<{ m: number }>(`SELECT round(extract(epoch FROM locked_until - now()) / 60) AS m FROM users WHERE username = 'wangge'`),
    );
    return Number(row!.m);
  };
  // The wait is over, as if its minutes had passed.
  const pass = () => t.kernel.db.system((q) => q.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE username = 'wangge'`));
  for (let i = 0; i < ACCOUNT_RULE.limit; i++) assert.equal((await attempt('wangge', 'wrong-password', freshAddress())).status, 401);
  const waits = [await waitMinutes()];
  for (let i = 0; i < 3; i++) {
    assert.equal((await attempt('wangge', 'wrong-password', freshAddress())).status, 429, 'refused while it waits');
    await pass();
    assert.equal((await attempt('wangge', 'wrong-password', freshAddress())).status, 401, 'checked once the wait is over');
    waits.push(await waitMinutes());
  }
  assert.deepEqual(waits, [1, 2, 4, 8].map((m) => m * ACCOUNT_RULE.firstWaitMinutes));
  await pass();
  assert.equal((await attempt('wangge', 'Gongjian2026', freshAddress())).status, 200);
  const [row] = await t.kernel.db.system((q) => q.query<{ failed_logins: number }>(`SELECT failed_logins FROM users WHERE username = 'wangge'`));
  assert.equal(row!.failed_logins, 0, 'signing in clears the count');
});

test('waits grow to a cap and are forgotten after a quiet spell', () => {
  const rule = ACCOUNT_RULE;
  const now = new Date('2026-03-01T08:00:00Z');
  let s = { failures: 0, last: null as Date | null, until: null as Date | null };
  const waits: number[] = [];
  for (let i = 0; i < rule.limit + 10; i++) {
    const next = nextAttempt({ ...s, until: null }, rule, now)!;
    waits.push(next.until ? (next.until.getTime() - now.getTime()) / 60_000 : 0);
    s = next;
  }
  assert.equal(waits.filter((w) => w === 0).length, rule.limit - 1);
  assert.equal(Math.max(...waits), rule.maxWaitMinutes);
  assert.equal(nextAttempt(s, rule, now), null, 'refused while waiting');
  const later = new Date(s.until!.getTime() + (rule.forgetAfterMinutes + 1) * 60_000);
  assert.deepEqual(nextAttempt(s, rule, later), { failures: 1, last: later, until: null });
});

test('an unknown user name is answered exactly as a known one, failure after failure', async () => {
  const known: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i <= ACCOUNT_RULE.limit; i++) {
    known.push(untimed(await attempt('xinhua', 'wrong-password', freshAddress())));
    unknown.push(untimed(await attempt('no-such-user', 'wrong-password', freshAddress())));
  }
  assert.deepEqual(unknown, known);
  assert.match(known.at(-1)!, /^429 user\.locked/);
  await t.kernel.db.system((q) => q.query(`UPDATE users SET locked_until = NULL, failed_logins = 0 WHERE username = 'xinhua'`));
});

test('one address trying many accounts waits, whatever account it tries next; other addresses do not', async () => {
  const from = freshAddress();
  for (let i = 0; i < ADDRESS_RULE.limit; i++) {
    assert.equal((await attempt(`guess${i % 4}`, 'wrong-password', from)).status, 401);
  }
  assert.equal((await attempt('liaison', 'Gongjian2026', from)).status, 429);
  assert.equal((await attempt('liaison', 'Gongjian2026', freshAddress())).status, 200);
});

test('passwords: at least 10 characters, not a common one, not the user name', async () => {
  const admin = await t.login('guangming');
  const [gm] = (await t.request('GET', '/api/orgs/roots', { cookie: admin })).body.items;
  const create = (username: string, password: string) =>
    t.request('POST', '/api/users', { cookie: admin, body: { username, displayName: '密码测试', password, orgId: gm.id, grants: [] } });
  assert.equal((await create('pwtest1', 'Abc12345x')).body.error.fieldCodes.password, 'user.password_short');
  assert.equal((await create('pwtest1', '1234567890')).body.error.fieldCodes.password, 'user.password_common');
  assert.equal((await create('pwtest1', 'QwertyUIOP')).body.error.fieldCodes.password, 'user.password_common', 'whatever the case');
  const ownName = await create('lihua.2026x', 'LiHua.2026X');
  assert.equal(ownName.body.error.fieldCodes.password, 'user.password_own_name');
  assert.equal(ownName.body.error.fields.password, '初始密码不能与用户名或手机号相同', 'the zh-CN message names the field');
  const user = await create('lihua.2026x', 'a long one 2026');
  assert.equal(user.status, 200, user.text);

  const reset = await t.request('POST', `/api/users/${user.body.id}/reset-password`, { cookie: admin, body: { newPassword: 'lihua.2026x' } });
  assert.equal(reset.body.error.fieldCodes.newPassword, 'user.password_own_name');
  const common = await t.request('POST', `/api/users/${user.body.id}/reset-password`, { cookie: admin, body: { newPassword: 'password123' } });
  assert.equal(common.body.error.fieldCodes.newPassword, 'user.password_common');

  const own = await t.login('lihua.2026x', 'a long one 2026');
  const change = await t.request('POST', '/api/auth/password', { cookie: own, body: { currentPassword: 'a long one 2026', newPassword: 'LIHUA.2026X' } });
  assert.equal(change.body.error.fieldCodes.newPassword, 'user.password_own_name');
  assert.equal(change.body.error.fields.newPassword, '新密码不能与用户名或手机号相同');
  const weak = await t.request('POST', '/api/auth/password', { cookie: own, body: { currentPassword: 'a long one 2026', newPassword: 'qwerty12345' } });
  assert.equal(weak.body.error.fieldCodes.newPassword, 'user.password_common');
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
  assert.equal(weak.body.error.fieldCodes.newPassword, 'user.password_short');
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

test('an admin sees the sign-in waits in force and a district admin clears an address’s, recorded in the security log', async () => {
  const from = '198.51.100.23';
  for (let i = 0; i < ADDRESS_RULE.limit; i++) assert.equal((await attempt(`spray${i % 5}`, 'wrong-password', from)).status, 401);
  for (let i = 0; i < ACCOUNT_RULE.limit; i++) await attempt('no-such-account', 'wrong-password', freshAddress());
  assert.equal((await attempt('liaison', 'Gongjian2026', from)).status, 429, 'the address waits');

  const district = await t.login('admin');
  const list = await t.request('GET', '/api/sign-in-throttles', { cookie: district });
  assert.equal(list.status, 200, list.text);
  const address = list.body.items.find((w: { kind: string; label: string }) => w.kind === 'address' && w.label === '198.51.100.*');
  assert.ok(address, list.text);
  assert.equal(address.failures, ADDRESS_RULE.limit);
  assert.ok(Date.parse(address.until) > Date.now());
  assert.ok(list.body.items.some((w: { kind: string; label: string; userId: null }) => w.kind === 'account' && w.label === 'no-such-account' && w.userId === null));
  assert.ok(!list.text.includes(from), 'the full address is not shown');

  // Below a region's root an admin sees its accounts' waits only, and cannot clear an address's.
  for (const u of ['heping', 'guangming']) {
    const cookie = await t.login(u);
    const theirs = await t.request('GET', '/api/sign-in-throttles', { cookie });
    assert.ok(!theirs.body.items.some((w: { userId: number | null }) => w.userId === null), u);
    assert.equal((await t.request('DELETE', `/api/sign-in-throttles/${address.id}`, { cookie })).status, 403, u);
  }
  for (const u of ['wangge', 'dangyuan']) assert.equal((await t.request('GET', '/api/sign-in-throttles', { cookie: await t.login(u) })).status, 403, u);

  const cleared = await t.request('DELETE', `/api/sign-in-throttles/${address.id}`, { cookie: district });
  assert.equal(cleared.status, 200, cleared.text);
  assert.equal((await attempt('liaison', 'Gongjian2026', from)).status, 200, 'the address signs in again');
  assert.equal((await t.request('DELETE', `/api/sign-in-throttles/${address.id}`, { cookie: district })).status, 404, 'nothing left to clear');
  const after = await t.request('GET', '/api/sign-in-throttles', { cookie: district });
  assert.ok(!after.body.items.some((w: { id: number; kind: string }) => w.kind === 'address' && w.id === address.id));

  const log = await t.request('GET', '/api/audit/security?kind=throttle_cleared', { cookie: district });
  const entry = log.body.items.find((e: { requestId: string }) => e.requestId === cleared.headers['x-request-id']);
  assert.ok(entry, log.text);
  assert.equal(entry.detail, 'address 198.51.100.*');
  assert.equal(entry.actorName, '市委组织部管理员');
});

test('an account’s wait shows in the list of the admin who may unlock it', async () => {
  for (let i = 0; i < ACCOUNT_RULE.limit; i++) await attempt('liaison', 'wrong-password', freshAddress());
  const admin = await t.login('guangming');
  const list = await t.request('GET', '/api/sign-in-throttles', { cookie: admin });
  const wait = list.body.items.find((w: { label: string }) => w.label === 'liaison');
  assert.ok(wait, list.text);
  assert.equal(wait.kind, 'account');
  assert.equal((await t.request('POST', `/api/users/${wait.userId}/unlock`, { cookie: admin })).status, 200);
  const after = await t.request('GET', '/api/sign-in-throttles', { cookie: admin });
  assert.ok(!after.body.items.some((w: { label: string }) => w.label === 'liaison'));
});
