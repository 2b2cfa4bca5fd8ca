import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../test/support/app.ts';
import { createFirstAdmin } from './admin.ts';

let t: TestApp;
before(async () => {
  t = await testApp({ demo: false });
});
after(() => t.close());

const input = { username: 'zhangsan', displayName: '张三', password: 'Changchun2026x' };

test('the first admin of an empty database needs a region and a password of 10 or more', async () => {
  await assert.rejects(createFirstAdmin(t.kernel.db, input), (err: Error & { fields?: Record<string, string> }) => {
    assert.ok(err.fields?.regionName);
    return true;
  });
  await assert.rejects(createFirstAdmin(t.kernel.db, { ...input, password: 'Short2026', regionName: '中共某某区委' }), /密码至少 10 位/);
});

test('npm run admin:create makes a district admin of a new region, who signs in and sees it; only once', async () => {
  const made = await createFirstAdmin(t.kernel.db, { ...input, regionName: '中共某某区委' });
  assert.equal(made.orgName, '中共某某区委');
  const cookie = await t.login(input.username, input.password);
  const me = await t.request('GET', '/api/auth/me', { cookie });
  assert.equal(me.status, 200);
  assert.deepEqual(me.body.grants.map((g: { role: string; orgId: number }) => [g.role, g.orgId]), [['district_admin', made.orgId]]);
  const roots = await t.request('GET', '/api/orgs/roots', { cookie });
  assert.deepEqual(roots.body.items.map((o: { name: string }) => o.name), ['中共某某区委']);
  await assert.rejects(createFirstAdmin(t.kernel.db, { ...input, username: 'lisi' }), /已有区委组织部管理员/);
});

test('the demo flag reaches the web through /api/meta', async () => {
  assert.equal((await t.request('GET', '/api/meta')).body.demo, false);
  const demo = await testApp({ demo: true });
  try {
    assert.equal((await demo.request('GET', '/api/meta')).body.demo, true);
  } finally {
    await demo.close();
  }
});
