import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { backupPGlite, restorePGlite } from './backup.ts';
import { openDatabase } from './kernel/db.ts';
import { startServer } from './main.ts';

/** Runs SQL on a stopped server's data folder. */
async function onFolder(dataDir: string, sql: string): Promise<void> {
  const db = await openDatabase({ dataDir });
  try {
    await db.system((q) => q.exec(sql));
  } finally {
    await db.close();
  }
}

test('npm start: a data folder is created, served, closed and reopened with nothing lost; its key, demo mark and integrity are checked', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'gongjian-start-'));
  const start = (o: Parameters<typeof startServer>[0] = {}) => startServer({ port: 0, host: '127.0.0.1', dataDir, demo: false, quiet: true, env: {}, ...o });
  try {
    const first = await start();
    const health = await fetch(`${first.url}/api/health`).then((r) => r.json());
    assert.equal(health.status, 'ok');
    assert.equal(health.database, 'pglite');
    assert.equal(health.integrity, 'ok');
    await first.close();
    const key = await readFile(path.join(dataDir, 'secret.key'), 'utf8');

    const again = await start();
    try {
      const reopened = await fetch(`${again.url}/api/health`).then((r) => r.json());
      assert.equal(reopened.schemaVersion, health.schemaVersion);
      // The key that encrypts personal data was kept beside the data, not made anew.
      assert.equal(await readFile(path.join(dataDir, 'secret.key'), 'utf8'), key);
    } finally {
      await again.close();
    }

    await assert.rejects(start({ env: { GONGJIAN_SECRET_KEY: randomBytes(32).toString('base64') } }), /加密密钥与数据库不符/);
    await rm(path.join(dataDir, 'secret.key'));
    await assert.rejects(start(), /找不到加密密钥/);
    assert.equal(existsSync(path.join(dataDir, 'secret.key')), false, 'no new key was generated over encrypted data');
    const withKey = { env: { GONGJIAN_SECRET_KEY: key } };

    // A backup restored into a new folder serves with the same key.
    const backup = path.join(dataDir, '..', `${path.basename(dataDir)}.backup.tgz`);
    const restored = `${dataDir}-restored`;
    try {
      await backupPGlite(dataDir, backup);
      await restorePGlite(backup, restored);
      await assert.rejects(restorePGlite(backup, restored), /不是空的/);
      const served = await startServer({ port: 0, host: '127.0.0.1', dataDir: restored, demo: false, quiet: true, ...withKey });
      try {
        assert.equal((await fetch(`${served.url}/api/health`).then((r) => r.json())).schemaVersion, health.schemaVersion);
      } finally {
        await served.close();
      }
    } finally {
      await rm(backup, { force: true });
      await rm(restored, { recursive: true, force: true });
    }

    // Demo accounts: never in production, and reachable from this machine only unless HOST is set.
    await onFolder(dataDir, `INSERT INTO gj_instance (key, value) VALUES ('demo', now()::text)`);
    await assert.rejects(start({ ...withKey, production: true }), /生产环境/);
    const demo = await startServer({ port: 0, dataDir, demo: false, quiet: true, ...withKey });
    try {
      assert.equal(new URL(demo.url).hostname, '127.0.0.1');
    } finally {
      await demo.close();
    }

    // A lost trigger (a bad restore) stops the start.
    await onFolder(dataDir, 'DROP TRIGGER gj_org_move_descendants ON organizations');
    await assert.rejects(start(withKey), /数据库不完整[\s\S]*organizations 缺少触发器 gj_org_move_descendants/);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
