import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from './app.ts';
import { smsGateway, smtpMailer, useMailer, useSmsProvider } from './modules/broadcast/service.ts';
import { generateKeyFile, loadConfig, type Config } from './config.ts';
import { demoLoaded, loadDemo } from './demo/load.ts';
import { checkKey, hasKeyFingerprint } from './keys.ts';
import { FieldCipher } from './kernel/crypto.ts';
import { openDatabase, type Database } from './kernel/db.ts';
import { ensureAppRole, integrityProblems, refuseBroken } from './kernel/integrity.ts';
import { migrate } from './kernel/migrate.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

type StartOptions = Partial<Omit<Config, 'secretKey'>> & { quiet?: boolean; env?: NodeJS.ProcessEnv };

/** The key from the configuration, or a new one kept in the data folder for a database that has none yet. */
async function resolveKey(cfg: Config, db: Database): Promise<Buffer> {
  if (cfg.secretKey) return cfg.secretKey;
  if (await hasKeyFingerprint(db)) {
    throw new Error(
      `找不到加密密钥 ${path.join(cfg.dataDir!, 'secret.key')}，而数据库中的数据是用某个密钥加密的，拒绝启动（不会生成新密钥）。\n` +
        '请从备份中恢复 secret.key，或设置 GONGJIAN_SECRET_KEY 为原来的密钥。\n' +
        `The encryption key ${path.join(cfg.dataDir!, 'secret.key')} is missing while the database holds data encrypted with one; refusing to start (no new key is made).\n` +
        'Restore secret.key from your backup, or set GONGJIAN_SECRET_KEY to the original key.',
    );
  }
  return generateKeyFile(cfg.dataDir!);
}

async function prepare(cfg: Config, db: Database, log: (s: string) => void) {
  const { version, applied } = await migrate(db);
  log(`数据库：${db.kind}${cfg.databaseUrl ? '' : cfg.dataDir ? `（${cfg.dataDir}）` : '（内存）'}，迁移版本 ${version}${applied.length ? `，本次应用 ${applied.length} 个` : ''}`);
  await ensureAppRole(db);
  refuseBroken(await integrityProblems(db));
  const cipher = new FieldCipher(await resolveKey(cfg, db));
  await checkKey(db, cipher);
  if (cfg.production && ((await demoLoaded(db)) || cfg.demo)) {
    throw new Error(
      '生产环境（NODE_ENV=production）不使用演示数据：演示账号的密码是公开的。请设置 GONGJIAN_DEMO=off，用一个空数据库启动，并用 npm run admin:create 创建第一个管理员。\n' +
        'In production (NODE_ENV=production) the demo is refused: its accounts\' password is public. Set GONGJIAN_DEMO=off, start on an empty database and create the first admin with npm run admin:create.',
    );
  }
  if (cfg.demo && (await loadDemo(db, cipher))) log('已载入演示数据（梅河口市），演示账号见 README。');
  return { cipher, demo: await demoLoaded(db) };
}

export async function startServer(overrides: StartOptions = {}): Promise<RunningServer> {
  const { quiet, env, ...rest } = overrides;
  const cfg = loadConfig(env ?? process.env, rest);
  const log = quiet ? () => undefined : console.log;
  const db = await openDatabase({ url: cfg.databaseUrl, dataDir: cfg.dataDir ?? undefined });
  try {
    const { cipher, demo } = await prepare(cfg, db, log);
    if (cfg.smtp) useMailer(smtpMailer(cfg.smtp.url, cfg.smtp.from));
    if (cfg.sms) useSmsProvider(smsGateway(cfg.sms.url, cfg.sms.token));
    const app = await buildApp(
      { db, cipher },
      { secureCookies: cfg.secureCookies, logLevel: quiet ? 'silent' : cfg.logLevel, trustProxy: cfg.trustProxy, publicOrigin: cfg.publicOrigin, jobs: { poll: true, pollMs: cfg.jobsPollMs }, webhooksAnywhere: cfg.webhooksAnywhere },
    );
    // Demo accounts share a published password: reachable from this machine only, unless HOST says otherwise.
    const address = await app.listen({ port: cfg.port, host: cfg.host ?? (demo ? '127.0.0.1' : '0.0.0.0') });
    const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
    log(`共建已启动：${url}${demo && !cfg.host ? '（演示数据：只在本机可访问，设置 HOST 以对外提供）' : ''}`);
    return {
      url,
      close: async () => {
        await app.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const server = await startServer();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      // Closing PGlite flushes it to the data folder; nothing committed is lost.
      process.once(signal, () => void server.close().then(() => process.exit(0)));
    }
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
