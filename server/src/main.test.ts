import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { startServer } from './main.ts';

test('npm start: a data folder is created, served, closed and reopened with nothing lost', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'gongjian-start-'));
  try {
    const first = await startServer({ port: 0, host: '127.0.0.1', dataDir, demo: false, quiet: true });
    const health = await fetch(`${first.url}/api/health`).then((r) => r.json());
    assert.equal(health.status, 'ok');
    assert.equal(health.database, 'pglite');
    await first.close();
    const key = await readFile(path.join(dataDir, 'secret.key'), 'utf8');

    const again = await startServer({ port: 0, host: '127.0.0.1', dataDir, demo: false, quiet: true });
    try {
      const reopened = await fetch(`${again.url}/api/health`).then((r) => r.json());
      assert.equal(reopened.schemaVersion, health.schemaVersion);
      // The key that encrypts personal data was kept beside the data, not made anew.
      assert.equal(await readFile(path.join(dataDir, 'secret.key'), 'utf8'), key);
    } finally {
      await again.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
