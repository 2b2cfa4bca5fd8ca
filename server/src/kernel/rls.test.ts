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

/** Views the application role may read that run with their owner's rights, past row-level security. */
const OWNER_RIGHTS_VIEWS = `
  SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND c.relkind = 'v' AND has_table_privilege('${APP_ROLE}', c.oid, 'SELECT')
     AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)
   ORDER BY 1`;

test('every view a module publishes to the others reads with the caller\'s row-level security', async () => {
  const published = await t.db.system((q) => q.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_views WHERE schemaname = 'public'`));
  assert.ok(published[0]!.n > 0);
  assert.deepEqual(await t.db.system((q) => q.query(OWNER_RIGHTS_VIEWS)), []);
  await t.db.system(async (q) => {
    await q.exec(`CREATE VIEW leaky AS SELECT id FROM organizations; GRANT SELECT ON leaky TO ${APP_ROLE};`);
    assert.deepEqual(await q.query(OWNER_RIGHTS_VIEWS), [{ relname: 'leaky' }]);
    await q.exec('DROP VIEW leaky');
  });
});

test('the application role cannot call a function that moves another module\'s rows (only the deciding module\'s definer-rights function does)', async () => {
  const [r] = await t.db.system((q) => q.query<{ x: boolean }>(`SELECT has_function_privilege('${APP_ROLE}', 'gj_move_person(bigint, bigint)', 'EXECUTE') AS x`));
  assert.equal(r!.x, false);
});

test('sessions and the audit log cannot be written by the application role', async () => {
  const rows = await t.db.system((q) =>
    q.query<{ t: string; w: boolean }>(
      `SELECT t, has_table_privilege('${APP_ROLE}', t, 'INSERT,UPDATE,DELETE') AS w FROM unnest(ARRAY['sessions', 'audit_log']) t`,
    ),
  );
  assert.deepEqual(rows, [{ t: 'sessions', w: false }, { t: 'audit_log', w: false }]);
});

test('a system call made inside a scoped transaction fails loudly instead of reading past row-level security (or waiting forever on PGlite)', async () => {
  await assert.rejects(
    t.db.scoped({ userId: null, userName: null, grants: [] }, () => t.db.system((q) => q.query('SELECT count(*) FROM organizations'))),
    /db\.system called inside db\.scoped/,
  );
  // After the scoped transaction, the system is open again.
  assert.equal((await t.db.system((q) => q.query('SELECT 1 AS one')))[0]!.one, 1);
});

test('a transaction without a scope sees no rows at all', async () => {
  await t.db.system((q) => q.query(`SELECT 1`));
  const counts = await t.db.scoped({ userId: null, userName: null, grants: [] }, (q) =>
    q.query<{ n: number }>(`SELECT (SELECT count(*) FROM organizations) + (SELECT count(*) FROM audit_log) AS n`),
  );
  assert.deepEqual(counts, [{ n: 0 }]);
});

test('scoped requests run without JIT compilation or parallel workers, which row-level security estimates made cost more than the work', async () => {
  const rows = await t.db.scoped({ userId: null, userName: null, grants: [] }, (q) =>
    q.query<{ jit: string; workers: string }>(`SELECT current_setting('jit') AS jit, current_setting('max_parallel_workers_per_gather') AS workers`),
  );
  assert.deepEqual(rows, [{ jit: 'off', workers: '0' }]);
});

test('a caller holding a whole region reads its rows without hashing its organizations; a street admin still goes by organization', async () => {
  const d = await testDatabase({ demo: true });
  try {
    const [root, street] = await d.db.system((q) =>
      q.query<{ id: number; path: string }>(
        `(SELECT id, path::text FROM organizations WHERE parent_id IS NULL ORDER BY id LIMIT 1)
         UNION ALL (SELECT s.id, s.path::text FROM organizations s JOIN organizations r ON r.id = s.parent_id AND r.parent_id IS NULL ORDER BY s.id LIMIT 1)`,
      ),
    );
    const grant = (role: 'district_admin' | 'street_admin', o: { id: number; path: string }) =>
      ({ userId: null, userName: null, grants: [{ id: 0, role, orgId: o.id, orgPath: o.path, orgName: '', unitId: null, unitName: null, regionId: root!.id }] });
    /** Whether the statement built the hash of the caller's organizations (its sub-plan ran). */
    const hashed = (scope: ReturnType<typeof grant>) =>
      d.db.scoped(scope, async (q) => {
        const [row] = await q.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM people`);
        const plan = JSON.stringify(row!['QUERY PLAN']);
        const loops = [...plan.matchAll(/"Parent Relationship":"SubPlan"[^{}]*?"Actual Loops":(\d+)/g)].map((m) => Number(m[1]));
        return loops.some((n) => n > 0);
      });
    const count = (scope: ReturnType<typeof grant>) => d.db.scoped(scope, (q) => q.query<{ n: number }>(`SELECT count(*)::int AS n FROM people`));
    const all = await d.db.system((q) => q.query<{ n: number }>(`SELECT count(*)::int AS n FROM people WHERE region_id = $1`, [root!.id]));
    assert.deepEqual(await count(grant('district_admin', root!)), all, 'the whole region, every row of it');
    assert.equal(await hashed(grant('district_admin', root!)), false);
    assert.equal(await hashed(grant('street_admin', street!)), true);
  } finally {
    await d.close();
  }
});

test('a row cannot be moved to an organization of another region, on any protected table', async () => {
  await t.db.system(async (q) => {
    const [a, b] = await q.query<{ id: number }>(`INSERT INTO organizations (kind, name) VALUES ('district_committee', '甲区'), ('district_committee', '乙区') RETURNING id`);
    await q.exec(`CREATE TABLE wanderer (region_id bigint NOT NULL, id int, org_id bigint NOT NULL)`);
    await q.query(`SELECT gj_protect_table('wanderer', 'org_id')`);
    await q.query(`INSERT INTO wanderer (id, org_id) VALUES (1, $1)`, [a!.id]);
    /** The error a statement ends in, inside a savepoint so the test's transaction goes on. */
    const refusal = async (sql: string, params: unknown[]) => {
      await q.exec('SAVEPOINT attempt');
      try {
        await q.query(sql, params);
        return null;
      } catch (err) {
        await q.exec('ROLLBACK TO SAVEPOINT attempt');
        return (err as Error).message;
      }
    };
    assert.match((await refusal(`UPDATE wanderer SET org_id = $1`, [b!.id])) ?? '', /another region/);
    assert.match((await refusal(`UPDATE wanderer SET region_id = $1`, [b!.id])) ?? '', /another region/);
    assert.equal(await refusal(`UPDATE wanderer SET id = 2`, []), null, 'other changes go through');
    await q.exec(`DROP TABLE wanderer`);
    const unkept = await q.query(
      `SELECT t.tgrelid::regclass::text AS tbl FROM pg_trigger t WHERE t.tgname = 'gj_region'
          AND NOT EXISTS (SELECT 1 FROM pg_trigger k WHERE k.tgrelid = t.tgrelid AND k.tgname = 'gj_region_kept')`,
    );
    assert.deepEqual(unkept, []);
    await q.query(`DELETE FROM organizations WHERE id = ANY ($1::bigint[])`, [[a!.id, b!.id]]);
  });
});
