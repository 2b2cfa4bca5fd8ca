import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP_HEADERS, testApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp({ demo: true });
});
after(() => t.close());

test('a write is in the audit log with who, when, what, before and after; personal data masked', async () => {
  const cookie = await t.login('guangming');
  const [gm] = (await t.request('GET', '/api/orgs/roots', { cookie })).body.items;
  const person = await t.request('POST', '/api/people', {
    cookie, body: { orgId: gm.id, name: '审计测试', phone: '13812345678', isMember: true, category: 'retired' },
  });
  assert.equal(person.status, 200, person.text);
  assert.equal(person.body.phoneMasked, '138****5678');
  const log = await t.request('GET', `/api/audit?entity=people&action=insert&pageSize=5`, { cookie });
  const entry = log.body.items.find((e: { entityId: number }) => e.entityId === person.body.id);
  assert.ok(entry, 'insert is audited');
  assert.equal(entry.actorName, '光明社区书记 王丽华');
  assert.equal(entry.orgName, '光明社区党委');
  assert.equal(entry.after.name, '审计测试');
  assert.equal(entry.after.phone_enc, '***');
  assert.ok(!JSON.stringify(log.body).includes('13812345678'));
  assert.ok(Date.now() - Date.parse(entry.at) < 60_000);
});

test('password hashes never reach the log, and password changes are recorded', async () => {
  const cookie = await t.login('wangge');
  await t.request('POST', '/api/auth/password', { cookie, body: { currentPassword: 'Gongjian2026', newPassword: 'Wangge2027' } });
  const admin = await t.login('guangming');
  const log = await t.request('GET', `/api/audit?entity=users&action=update`, { cookie: admin });
  const change = log.body.items.find((e: { after: { username?: string } }) => e.after.username === 'wangge');
  assert.ok(change);
  assert.equal(change.after.password_hash, '***');
  assert.equal(change.actorName, '网格员 陈晓燕');
  assert.ok(!log.text.includes('$argon2'));
});

test('an admin reads the log of its own subtree only; others cannot read it', async () => {
  const street = await t.login('heping');
  const log = await t.request('GET', '/api/audit?pageSize=200', { cookie: street });
  assert.ok(log.body.total > 0);
  assert.ok(!log.text.includes('光明社区'), 'heping sees nothing of 新华街道');
  for (const u of ['liaison', 'dangyuan', 'jumin']) {
    assert.equal((await t.request('GET', '/api/audit', { cookie: await t.login(u) })).status, 403, u);
  }
});

test('the log cannot be edited through the API or by the application role', async () => {
  const districtAdmin = {
    userId: 1, userName: 'x',
    grants: [{ id: 1, role: 'district_admin' as const, orgId: 1, orgPath: '1', orgName: '', unitId: null, unitName: null, regionId: 1 }],
  };
  for (const sql of ['DELETE FROM audit_log', `UPDATE audit_log SET actor_name = 'x'`, `INSERT INTO audit_log (region_id, action, entity) VALUES (1, 'insert', 'x')`]) {
    await assert.rejects(t.kernel.db.scoped(districtAdmin, (q) => q.query(sql)), { code: '42501' }, sql);
  }
});

test('the security log: sign-ins and failures with the request id, reveals and account actions, for the account’s admins only', async () => {
  const failed = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: APP_HEADERS, payload: { username: 'dangyuan', password: 'not-the-password' }, remoteAddress: '203.0.113.77' });
  assert.equal(failed.statusCode, 401);
  const member = await t.login('dangyuan');
  const admin = await t.login('guangming');
  const [gm] = (await t.request('GET', '/api/orgs/roots', { cookie: admin })).body.items;
  const person = await t.request('POST', '/api/people', { cookie: admin, body: { orgId: gm.id, name: '安全日志测试', phone: '13912345678', isMember: false } });
  assert.equal((await t.request('POST', `/api/people/${person.body.id}/reveal`, { cookie: admin, body: { field: 'phone' } })).status, 200);
  const created = await t.request('POST', '/api/users', {
    cookie: admin, body: { username: 'seclog', displayName: '日志测试', password: 'Seclog-2026x', orgId: gm.id, grants: [{ role: 'member', orgId: gm.id }] },
  });
  assert.equal(created.status, 200, created.text);
  await t.request('POST', `/api/users/${created.body.id}/reset-password`, { cookie: admin, body: { newPassword: 'Seclog-2027x' } });
  await t.request('PATCH', `/api/users/${created.body.id}`, { cookie: admin, body: { disabled: true } });

  const log = await t.request('GET', '/api/audit/security?pageSize=100', { cookie: admin });
  assert.equal(log.status, 200, log.text);
  const of = (kind: string, pred: (e: Record<string, unknown>) => boolean = () => true) =>
    log.body.items.find((e: Record<string, unknown>) => e.kind === kind && pred(e));
  const failure = of('sign_in_failed', (e) => e.username === 'dangyuan');
  assert.deepEqual({ client: failure.client, requestId: failure.requestId, label: failure.kindLabel }, { client: '203.0.113.*', requestId: failed.headers['x-request-id'], label: '登录失败' });
  assert.ok(of('sign_in', (e) => e.username === 'dangyuan' && e.actorUserId === e.userId));
  const reveal = of('reveal', (e) => e.entityId === person.body.id);
  assert.deepEqual({ entity: reveal.entity, detail: reveal.detail, actor: reveal.actorName }, { entity: 'people', detail: 'phone', actor: '光明社区书记 王丽华' });
  for (const kind of ['account_created', 'grant_added', 'password_reset', 'account_disabled']) {
    assert.ok(of(kind, (e) => e.userId === created.body.id), kind);
  }
  assert.ok(!log.text.includes('13912345678'));

  const filtered = await t.request('GET', `/api/audit/security?kind=reveal&userId=${created.body.id}`, { cookie: admin });
  assert.equal(filtered.body.total, 0);
  const street = await t.request('GET', '/api/audit/security?pageSize=200', { cookie: await t.login('heping') });
  assert.ok(!street.body.items.some((e: { username: string | null }) => e.username === 'dangyuan'), 'another street sees none of it');
  assert.equal((await t.request('GET', '/api/audit/security', { cookie: member })).status, 403);
  const districtAdmin = {
    userId: 1, userName: 'x',
    grants: [{ id: 1, role: 'district_admin' as const, orgId: 1, orgPath: '1', orgName: '', unitId: null, unitName: null, regionId: 1 }],
  };
  await assert.rejects(t.kernel.db.scoped(districtAdmin, (q) => q.query('DELETE FROM security_events')), { code: '42501' });
  await assert.rejects(t.kernel.db.scoped(districtAdmin, (q) => q.query(`SELECT gj_security_event(1, 'sign_in', 1)`)), { code: '42501' });
});

test('a sign-in with a name that is no account is in the district admins’ security log, with the name and never the password', async () => {
  const spray = ['root', 'administrator', 'zhangwei'].map((name) => ({ name, password: `Spray-${name}-Pw1` }));
  const requestIds: string[] = [];
  for (const s of spray) {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: APP_HEADERS, payload: { username: s.name, password: s.password }, remoteAddress: '203.0.113.91' });
    assert.equal(res.statusCode, 401);
    requestIds.push(String(res.headers['x-request-id']));
  }
  const log = await t.request('GET', '/api/audit/security?kind=sign_in_unknown&pageSize=100', { cookie: await t.login('admin') });
  assert.equal(log.status, 200, log.text);
  const seen = log.body.items.filter((e: { requestId: string }) => requestIds.includes(e.requestId));
  assert.deepEqual(
    seen.map((e: Record<string, unknown>) => [e.username, e.client, e.userId, e.kindLabel]).sort(),
    spray.map((s) => [s.name, '203.0.113.*', null, '登录失败（用户名不存在）']).sort(),
  );
  const stored = await t.kernel.db.system((q) => q.query<{ row: string }>(`SELECT e::text AS row FROM security_events e`));
  for (const s of spray) assert.ok(!stored.some((r) => r.row.includes(s.password)), 'the password attempted is stored nowhere');
  // A name that is no account belongs to no community: its admins do not see it.
  const community = await t.request('GET', '/api/audit/security?kind=sign_in_unknown', { cookie: await t.login('guangming') });
  assert.equal(community.body.total, 0);
});

test('events written by database triggers carry the id of the request that caused them', async () => {
  const admin = await t.login('guangming');
  const [gm] = (await t.request('GET', '/api/orgs/roots', { cookie: admin })).body.items;
  const person = await t.request('POST', '/api/people', { cookie: admin, body: { orgId: gm.id, name: '请求编号测试', phone: '13912340000', isMember: false } });
  const reveal = await t.request('POST', `/api/people/${person.body.id}/reveal`, { cookie: admin, body: { field: 'phone' } });
  assert.equal(reveal.status, 200);
  const created = await t.request('POST', '/api/users', {
    cookie: admin, body: { username: 'reqid', displayName: '请求编号', password: 'Reqid-2026x', orgId: gm.id, grants: [{ role: 'member', orgId: gm.id }] },
  });
  assert.equal(created.status, 200, created.text);
  // One's own password change runs on the system connection: it names its request too.
  const own = await t.request('POST', '/api/auth/password', { cookie: await t.login('reqid', 'Reqid-2026x'), body: { currentPassword: 'Reqid-2026x', newPassword: 'Reqid-2027x' } });
  assert.equal(own.status, 200, own.text);

  const log = (await t.request('GET', '/api/audit/security?pageSize=100', { cookie: admin })).body.items as Record<string, unknown>[];
  const requestOf = (kind: string, pred: (e: Record<string, unknown>) => boolean) => log.find((e) => e.kind === kind && pred(e))?.requestId;
  assert.equal(requestOf('reveal', (e) => e.entityId === person.body.id), reveal.headers['x-request-id']);
  for (const kind of ['account_created', 'grant_added']) assert.equal(requestOf(kind, (e) => e.userId === created.body.id), created.headers['x-request-id'], kind);
  assert.equal(requestOf('password_changed', (e) => e.userId === created.body.id), own.headers['x-request-id']);
});
