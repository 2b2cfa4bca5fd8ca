import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { loadDemo } from './demo/load.ts';
import { FieldCipher } from './kernel/crypto.ts';
import { openDatabase } from './kernel/db.ts';
import { migrate } from './kernel/migrate.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(overrides: Partial<Omit<Config, 'secretKey'>> & { quiet?: boolean } = {}): Promise<RunningServer> {
  const { quiet, ...rest } = overrides;
  const cfg = loadConfig(process.env, rest);
  const log = quiet ? () => undefined : console.log;
  const db = await openDatabase({ url: cfg.databaseUrl, dataDir: cfg.dataDir ?? undefined });
  const { version, applied } = await migrate(db);
  log(`数据库：${db.kind}${cfg.databaseUrl ? '' : cfg.dataDir ? `（${cfg.dataDir}）` : '（内存）'}，迁移版本 ${version}${applied.length ? `，本次应用 ${applied.length} 个` : ''}`);
  const cipher = new FieldCipher(cfg.secretKey);
  if (cfg.demo && (await loadDemo(db, cipher))) log('已载入演示数据（梅河口市），演示账号见 README。');
  const app = await buildApp(
    { db, cipher },
    { secureCookies: cfg.secureCookies, logLevel: quiet ? 'silent' : cfg.logLevel, trustProxy: cfg.trustProxy, publicOrigin: cfg.publicOrigin },
  );
  const address = await app.listen({ port: cfg.port, host: cfg.host });
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  log(`共建已启动：${url}`);
  return {
    url,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const server = await startServer();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // Closing PGlite flushes it to the data folder; nothing committed is lost.
    process.once(signal, () => void server.close().then(() => process.exit(0)));
  }
}
