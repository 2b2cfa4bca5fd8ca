// npm run rotate-key: re-encrypts the personal data under a new key. Stop the
// app servers first. The current key is read as the app reads it
// (GONGJIAN_SECRET_KEY, or DATA_DIR/secret.key); the new one from
// GONGJIAN_NEW_SECRET_KEY, or with PGlite generated into DATA_DIR/secret.key.new,
// which replaces secret.key when the rotation completes. Run it again after an
// interruption: it resumes where it stopped.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { keyFile, loadConfig, parseKey } from '../server/src/config.ts';
import { rotateKey } from '../server/src/keys.ts';
import { FieldCipher } from '../server/src/kernel/crypto.ts';
import { openDatabase } from '../server/src/kernel/db.ts';
import { migrate } from '../server/src/kernel/migrate.ts';

const cfg = loadConfig(process.env, { demo: false });
const fileMode = !process.env.GONGJIAN_SECRET_KEY && cfg.dataDir !== null && !cfg.databaseUrl;
const pending = fileMode ? `${keyFile(cfg.dataDir!)}.new` : null;

function newKey(): Buffer {
  if (process.env.GONGJIAN_NEW_SECRET_KEY) return parseKey(process.env.GONGJIAN_NEW_SECRET_KEY, 'GONGJIAN_NEW_SECRET_KEY');
  if (!pending) {
    throw new Error('请设置 GONGJIAN_NEW_SECRET_KEY 为新密钥（openssl rand -base64 32）。Set GONGJIAN_NEW_SECRET_KEY to the new key (openssl rand -base64 32).');
  }
  if (!existsSync(pending)) writeFileSync(pending, randomBytes(32).toString('base64'), { mode: 0o600 });
  return parseKey(readFileSync(pending, 'utf8'), pending);
}

let code = 0;
try {
  if (!cfg.secretKey) throw new Error('找不到当前密钥。The current key is missing (GONGJIAN_SECRET_KEY or DATA_DIR/secret.key).');
  const from = new FieldCipher(cfg.secretKey);
  const to = new FieldCipher(newKey());
  const db = await openDatabase({ url: cfg.databaseUrl, dataDir: cfg.dataDir ?? undefined });
  try {
    await migrate(db);
    const outcome = await rotateKey(db, from, to, { onChunk: (p) => console.log(`${p.table}: ${p.rows}`) });
    console.log(outcome === 'rotated' ? '密钥轮换完成。Key rotated.' : '数据库已使用新密钥。The database already uses the new key.');
  } finally {
    await db.close();
  }
  if (pending) renameSync(pending, keyFile(cfg.dataDir!));
  else console.log('现在请把 GONGJIAN_SECRET_KEY 设为新密钥后启动。Now start with GONGJIAN_SECRET_KEY set to the new key.');
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  code = 1;
}
process.exitCode = code;
