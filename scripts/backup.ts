// npm run backup -- <file> / npm run restore -- <file>: the PGlite data folder
// (DATA_DIR) to one file and back. Stop the app first. PostgreSQL is backed
// up with pg_dump / pg_restore (README, "Backup and restore").
import { loadConfig } from '../server/src/config.ts';
import { backupPGlite, restorePGlite } from '../server/src/backup.ts';

const [command, file] = process.argv.slice(2);
try {
  if (!file) throw new Error(`用法 usage: npm run ${command} -- <file>`);
  if (process.env.DATABASE_URL) throw new Error('PostgreSQL 请用 pg_dump / pg_restore（见 README）。For PostgreSQL use pg_dump / pg_restore (see README).');
  const dataDir = loadConfig(process.env, { demo: false }).dataDir!;
  if (command === 'backup') {
    await backupPGlite(dataDir, file);
    console.log(`已备份到 ${file}。加密密钥 ${dataDir}/secret.key 不在备份中：请另行妥善保存。\nBacked up to ${file}. The key (secret.key) is not in it: keep it safe separately.`);
  } else {
    await restorePGlite(file, dataDir);
    console.log(`已恢复到 ${dataDir}。请把原来的 secret.key 放回该目录（或设置 GONGJIAN_SECRET_KEY）后启动。\nRestored into ${dataDir}. Put the original secret.key back (or set GONGJIAN_SECRET_KEY) before starting.`);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
