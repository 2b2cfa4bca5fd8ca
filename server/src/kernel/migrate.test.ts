import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { loadMigrations, migrate, schemaVersion } from './migrate.ts';

let t: TestDatabase;
before(async () => {
  t = await testDatabase();
});
after(() => t.close());

test('migrations are recorded and re-running them changes nothing', async () => {
  const all = await loadMigrations();
  assert.equal(await schemaVersion(t.db), all.at(-1)!.version);
  const again = await migrate(t.db);
  assert.deepEqual(again.applied, []);
  const rows = await t.db.system((q) => q.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version'));
  assert.deepEqual(rows.map((r) => r.version), all.map((m) => m.version));
});

test('two instances migrating at once apply each migration once', async () => {
  const results = await Promise.all([migrate(t.db), migrate(t.db)]);
  assert.deepEqual(results.map((r) => r.applied), [[], []]);
});

test('a migration edited after it was applied stops the start', async () => {
  await t.db.system((q) => q.query(`UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1`));
  await assert.rejects(migrate(t.db), /was changed after it was applied/);
  const [first] = await loadMigrations();
  await t.db.system((q) => q.query(`UPDATE schema_migrations SET checksum = $1 WHERE version = 1`, [first!.checksum]));
});

// Not domain rows: the kernel's own bookkeeping (migrations, sessions, throttles, the
// integrity record, the job runner's queue) and the alliance page's hit counter. They
// name no organization, so a distributed PostgreSQL keeps them as local or reference tables.
test('every domain table carries its region in its primary key', async () => {
  const rows = await t.db.system((q) =>
    q.query<{ table: string; pk: string }>(
      `SELECT c.relname AS table, pg_get_constraintdef(k.oid) AS pk
         FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE k.contype = 'p' AND n.nspname = 'public'
          AND c.relname NOT IN ('schema_migrations', 'sessions', 'idempotency_keys', 'sign_in_throttles', 'account_activation_tries', 'gj_integrity_expected', 'gj_instance', 'gj_key_rotation', 'alliance_page_hits', 'jobs')`,
    ),
  );
  assert.ok(rows.length >= 5);
  for (const r of rows) assert.match(r.pk, /^PRIMARY KEY \(region_id, id\)$/, r.table);
});

test('a database that lost a trigger is not migrated further: the loss would become the recorded normal', async () => {
  const last = (await loadMigrations()).at(-1)!;
  await t.db.system((q) =>
    q.exec(`DROP TRIGGER gj_org_move_descendants ON organizations; DELETE FROM schema_migrations WHERE version = ${last.version}`),
  );
  try {
    await assert.rejects(migrate(t.db), /数据库不完整[\s\S]*gj_org_move_descendants/);
  } finally {
    await t.db.system(async (q) => {
      await q.exec('CREATE TRIGGER gj_org_move_descendants AFTER UPDATE OF parent_id ON organizations FOR EACH ROW EXECUTE FUNCTION gj_org_move_descendants()');
      await q.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [last.version, last.name, last.checksum]);
    });
  }
  assert.deepEqual((await migrate(t.db)).applied, []);
});
