import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { APP_ROLE } from './scope.ts';

let t: TestDatabase;
before(async () => {
  t = await testDatabase();
});
after(() => t.close());

/** Tables the application role may touch but that row-level security does not guard. */
const UNGUARDED = `
  SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relrowsecurity
     AND has_table_privilege('${APP_ROLE}', c.oid, 'SELECT,INSERT,UPDATE,DELETE')
   ORDER BY 1`;

test('every table the application role can touch is guarded by row-level security', async () => {
  assert.deepEqual(await t.db.system((q) => q.query(UNGUARDED)), []);
});

test('a table granted to the application role without gj_protect_table is caught', async () => {
  await t.db.system(async (q) => {
    await q.exec(`CREATE TABLE forgotten (id int); GRANT SELECT ON forgotten TO ${APP_ROLE};`);
    assert.deepEqual(await q.query(UNGUARDED), [{ relname: 'forgotten' }]);
    await q.exec('DROP TABLE forgotten');
  });
});

test('sessions and the audit log cannot be written by the application role', async () => {
  const rows = await t.db.system((q) =>
    q.query<{ t: string; w: boolean }>(
      `SELECT t, has_table_privilege('${APP_ROLE}', t, 'INSERT,UPDATE,DELETE') AS w FROM unnest(ARRAY['sessions', 'audit_log']) t`,
    ),
  );
  assert.deepEqual(rows, [{ t: 'sessions', w: false }, { t: 'audit_log', w: false }]);
});

test('a transaction without a scope sees no rows at all', async () => {
  await t.db.system((q) => q.query(`SELECT 1`));
  const counts = await t.db.scoped({ userId: null, userName: null, grants: [] }, (q) =>
    q.query<{ n: number }>(`SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM audit_log) AS n`),
  );
  assert.deepEqual(counts, [{ n: 0 }]);
});

test('scoped requests run without JIT compilation, which row-level security estimates made cost seconds', async () => {
  const rows = await t.db.scoped({ userId: null, userName: null, grants: [] }, (q) => q.query<{ jit: string }>(`SHOW jit`));
  assert.deepEqual(rows, [{ jit: 'off' }]);
});
