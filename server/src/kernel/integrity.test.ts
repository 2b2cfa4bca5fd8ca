import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/support/app.ts';
import { ensureAppRole, integrityProblems, refuseBroken } from './integrity.ts';
import { APP_ROLE } from './scope.ts';

let t: TestApp;
before(async () => {
  t = await testApp({ demo: false });
});
after(() => t.close());

const db = () => t.kernel.db;

test('a whole database has no problems and says so in /api/health', async () => {
  assert.deepEqual(await integrityProblems(db()), []);
  const res = await t.request('GET', '/api/health');
  assert.equal(res.status, 200);
  assert.equal(res.body.integrity, 'ok');
});

test('a lost trigger, policy or row-level security is named, and /api/health fails', async () => {
  await db().system((q) =>
    q.exec(`DROP TRIGGER gj_org_move_descendants ON organizations;
            DROP POLICY gj_read ON people;
            ALTER TABLE households DISABLE ROW LEVEL SECURITY;`),
  );
  try {
    const problems = await integrityProblems(db());
    assert.deepEqual(problems, [
      '表 people 缺少策略 gj_read (policy missing)',
      '表 households 未启用行级安全 (row-level security off)',
      '表 organizations 缺少触发器 gj_org_move_descendants (trigger missing)',
    ]);
    assert.throws(() => refuseBroken(problems), /拒绝启动[\s\S]*gj_org_move_descendants/);
    const res = await t.request('GET', '/api/health');
    assert.equal(res.status, 503);
    assert.equal(res.body.status, 'broken');
    assert.deepEqual(res.body.integrity, problems);
  } finally {
    await db().system((q) =>
      q.exec(`CREATE TRIGGER gj_org_move_descendants AFTER UPDATE OF parent_id ON organizations FOR EACH ROW EXECUTE FUNCTION gj_org_move_descendants();
              CREATE POLICY gj_read ON people FOR SELECT TO ${APP_ROLE} USING (false);
              ALTER TABLE households ENABLE ROW LEVEL SECURITY;`),
    );
  }
  assert.deepEqual(await integrityProblems(db()), []);
});

test('grants the application role lost are given again at start', async () => {
  await db().system((q) => q.exec(`REVOKE INSERT, UPDATE ON people FROM ${APP_ROLE}`));
  assert.deepEqual(await integrityProblems(db()), [
    '角色 gongjian_app 缺少表 people 的 INSERT 权限 (grant missing)',
    '角色 gongjian_app 缺少表 people 的 UPDATE 权限 (grant missing)',
  ]);
  await ensureAppRole(db());
  assert.deepEqual(await integrityProblems(db()), []);
});
