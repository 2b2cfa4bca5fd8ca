import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dumpPGlite, openDatabase } from './kernel/db.ts';
import { integrityProblems, refuseBroken } from './kernel/integrity.ts';

/**
 * The PGlite data folder as one compressed file. The encryption key
 * (secret.key) is not in it on purpose: a backup that carried its key would
 * give away the personal data to whoever finds it; keep the key apart.
 */
export async function backupPGlite(dataDir: string, file: string): Promise<void> {
  if (!existsSync(dataDir)) throw new Error(`数据目录不存在 (no data folder): ${dataDir}`);
  const db = await openDatabase({ dataDir });
  try {
    await writeFile(file, Buffer.from(await (await dumpPGlite(db, 'gzip')).arrayBuffer()), { mode: 0o600 });
  } finally {
    await db.close();
  }
}

/** Restores a backup into an empty or absent data folder, then checks that nothing row-level security rests on is missing. */
export async function restorePGlite(file: string, dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).some((f) => f !== 'secret.key')) {
    throw new Error(`数据目录不是空的，不会覆盖：${dataDir}（请先移走它）。The data folder is not empty and is not overwritten: move it away first.`);
  }
  const db = await openDatabase({ dataDir, loadDataDir: new Blob([await readFile(file)]) });
  try {
    refuseBroken(await integrityProblems(db));
  } finally {
    await db.close();
  }
}
