import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

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
