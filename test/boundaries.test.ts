// The boundary lint's parts (scripts/lint-boundaries.ts): what it counts as a
// use of a table, which migration code it still checks, and what a cycle is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Migration } from '../server/src/kernel/migrate.ts';
import { moduleCycles } from '../scripts/boundaries/imports.ts';
import { liveSql, owners, referencedNames, statements, stripTsComments } from '../scripts/boundaries/tables.ts';

test('a table is used after FROM (with its comma list), JOIN, INTO, UPDATE and TRUNCATE; a foreign key or a function is not a use', () => {
  const sql = `SELECT 1 FROM needs n, people AS p JOIN units u ON u.id = p.unit_id
    LEFT JOIN gj_reach(1) r ON true WHERE EXISTS (SELECT 1 FROM unnest($1::bigint[]) x);
    INSERT INTO users (id) VALUES (1); UPDATE ONLY grids SET x = 1 FROM visits v; TRUNCATE census_rows;
    CREATE TABLE t (a bigint REFERENCES organizations (id))`;
  assert.deepEqual(referencedNames(sql, true).sort(), ['census_rows', 'grids', 'needs', 'people', 't', 'units', 'users', 'visits']);
});

test('in TypeScript only upper-case SQL counts, and comments are no SQL', () => {
  const ts = "// reads from people\n/* JOIN units */ const a = 'moved from orgs'; const b = `SELECT 1 FROM needs`;";
  assert.deepEqual(referencedNames(stripTsComments(ts), true), ['needs']);
});

test('statements split at semicolons outside strings, dollar-quoted bodies and comments', () => {
  const sql = `-- a; comment
    CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; -- people;
    SELECT 2 $$; SELECT ';' ; /* x; */ SELECT 3`;
  const s = statements(sql);
  assert.equal(s.length, 3);
  assert.match(s[0]!, /^CREATE FUNCTION f\(\)/);
  assert.doesNotMatch(s[0]!, /people/);
  assert.equal(s[1], "SELECT ';'");
});

const migration = (file: string, sql: string): Migration => ({
  version: Number(/(\d+)_/.exec(file)![1]),
  name: file,
  file,
  sql,
  checksum: '',
});

test('a table belongs to the module whose migrations create it; kernel tables belong to no module', () => {
  const map = owners([
    migration('modules/people/migrations/0003_people.sql', 'CREATE TABLE people (id int); CREATE TABLE IF NOT EXISTS person_files (id int)'),
    migration('kernel/migrations/0001_kernel.sql', 'CREATE TABLE audit_log (id int)'),
  ]);
  assert.deepEqual([...map], [['people', 'people'], ['person_files', 'people']]);
});

test('migration code still checked: the last definition of each function, view and policy, and every statement from 0200 on', () => {
  const live = liveSql([
    migration('modules/a/migrations/0010_a.sql', `CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 FROM old_read $$ LANGUAGE sql;
      CREATE FUNCTION g() RETURNS int AS $$ SELECT 1 FROM dropped $$ LANGUAGE sql;
      CREATE POLICY p ON t USING (x IN (SELECT 1 FROM policy_read));
      UPDATE t SET y = 1 FROM backfill_once`),
    migration('modules/a/migrations/0201_a.sql', `CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ SELECT 1 FROM new_read $$ LANGUAGE sql;
      DROP FUNCTION g(); UPDATE t SET y = 2 FROM backfill_now`),
  ]);
  const read = live.flatMap((s) => referencedNames(s.sql, false)).sort();
  assert.deepEqual(read, ['backfill_now', 'new_read', 'policy_read', 't']);
});

test('modules that import each other, directly or around, are one cycle; a layered graph has none', () => {
  assert.deepEqual(moduleCycles([['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd'], ['e', 'd']]), [['a', 'b', 'c']]);
  assert.deepEqual(moduleCycles([['a', 'b'], ['b', 'c'], ['a', 'c']]), []);
});
