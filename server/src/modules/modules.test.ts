import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { en } from '../../../web/src/kernel/messages/en.ts';
import { zhCN } from '../../../web/src/kernel/messages/zh-CN.ts';
import { FUND_SPENT_ON } from './funds/schema.ts';
import { MODULES } from './index.ts';

const here = import.meta.dirname;
const folders = readdirSync(here, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

test('every module folder has a manifest, listed once in modules/index.ts', () => {
  const listed = MODULES.map((m) => m.name);
  assert.deepEqual([...new Set(listed)].sort(), [...listed].sort(), 'a module is listed twice');
  for (const name of folders) {
    assert.ok(existsSync(path.join(here, name, 'manifest.ts')), `modules/${name} has no manifest.ts`);
    assert.ok(listed.includes(name), `modules/${name}/manifest.ts is not in MODULES (modules/index.ts)`);
  }
  assert.deepEqual(listed.filter((n) => !folders.includes(n)), [], 'a manifest names no module folder');
});

test("a module's migrations are found through its manifest", () => {
  for (const name of folders) {
    const dir = path.join(here, name, 'migrations');
    const manifest = MODULES.find((m) => m.name === name);
    // Left out of the manifest, the folder's migrations would silently never run.
    assert.equal(manifest?.migrationsDir, existsSync(dir) ? dir : undefined, `modules/${name}: migrationsDir`);
  }
});

test('job names are unique and every job has an interval', () => {
  const jobs = MODULES.flatMap((m) => m.jobs ?? []);
  assert.equal(new Set(jobs.map((j) => j.name)).size, jobs.length);
  for (const j of jobs) assert.ok(j.everyMs >= 1000, `${j.name}: everyMs`);
});

test('every kind of record an expense can name is declared by exactly one module, and venue upkeep names none', () => {
  const declared = MODULES.flatMap((m) => (m.fundTargets ?? []).map((t) => t.kind)).sort();
  assert.deepEqual(declared, FUND_SPENT_ON.values.filter((v) => v !== 'venue_upkeep').sort());
});

test('the dissolve and merge dialog names everything that moves with the organization', () => {
  const nouns = MODULES.flatMap((m) => m.orgHoldings ?? []).map((h) => h.noun);
  assert.ok(nouns.length > 0);
  // A module that starts holding something makes the dialog's list untrue until it is named there.
  for (const noun of nouns) {
    assert.ok(zhCN['org.movesWith'].includes(noun.zh), `web org.movesWith does not name ${noun.zh}`);
    assert.ok(en['org.movesWith'].includes(noun.en), `web org.movesWith (en) does not name ${noun.en}`);
  }
});

test("README's module map lists every module", () => {
  const readme = readFileSync(path.join(here, '../../../README.md'), 'utf8');
  for (const name of folders) assert.match(readme, new RegExp(`^ {4}${name}/ `, 'm'), `README.md's module map lacks ${name}/`);
});
