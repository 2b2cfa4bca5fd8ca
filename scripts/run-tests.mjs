// Node 20's test runner takes no globs: find the test files and hand them over.
// Usage: node scripts/run-tests.mjs <suffix> <dir or file>... (e.g. .test.ts server/src test)
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';

const [suffix, ...dirs] = process.argv.slice(2);
const files = dirs
  .flatMap((d) => (statSync(d).isFile() ? [d] : readdirSync(d, { recursive: true }).map((f) => path.join(d, String(f)))))
  .filter((f) => f.endsWith(suffix) && !f.includes('node_modules'))
  .sort();
if (files.length === 0) {
  console.error(`no ${suffix} files under ${dirs.join(', ')}`);
  process.exit(1);
}
// A unit test file keeps a core busy, with one more in line while another waits on
// the database. Browser test files get a core each: a page starved of CPU misses
// its 15 s waits (seen at two per core beside the PostgreSQL pass).
const cores = availableParallelism();
const concurrency = process.env.TEST_CONCURRENCY ?? String(suffix === '.e2e.ts' ? cores : cores + 1);
// The database templates are built first, side by side, by one process each.
const built = await Promise.all(
  ['empty', 'demo'].map((which) => new Promise((done) => spawn(process.execPath, ['--import', 'tsx', 'test/support/prepare.ts', which], { stdio: 'inherit' }).on('close', done))),
);
if (built.some((code) => code !== 0)) {
  console.error('building the test database templates failed');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--test', `--test-concurrency=${concurrency}`, '--import', 'tsx', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
