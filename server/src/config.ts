import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Everything the server reads from its environment, in one place. */
export interface Config {
  port: number;
  host: string;
  /** PGlite data folder, or null for an in-memory database (tests). */
  dataDir: string | null;
  databaseUrl?: string;
  demo: boolean;
  secureCookies: boolean;
  /** pino level of the JSON log on stdout (LOG_LEVEL). */
  logLevel: string;
  /** Addresses or CIDRs of the reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY, comma-separated); none by default. */
  trustProxy: string[];
  /** Where users open the app (scheme, host, port); writes from any other origin are refused. */
  publicOrigin: string | null;
  secretKey: Buffer;
}

/**
 * The key for personal-data encryption: GONGJIAN_SECRET_KEY (base64, 32+
 * bytes) when set — required when several app servers share a database —
 * otherwise a key generated once into the data folder.
 */
function secretKey(env: NodeJS.ProcessEnv, dataDir: string | null): Buffer {
  if (env.GONGJIAN_SECRET_KEY) return Buffer.from(env.GONGJIAN_SECRET_KEY, 'base64');
  if (!dataDir) return randomBytes(32);
  const file = path.join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

/** PUBLIC_ORIGIN as browsers send it in Origin: scheme, host and port, no path or trailing slash. */
function publicOrigin(value: string | undefined): string | null {
  if (!value) return null;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !/^https?:$/.test(url.protocol)) throw new Error(`PUBLIC_ORIGIN 不是有效的网址：${value}（例如 https://dangjian.example.cn）`);
  return url.origin;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Omit<Config, 'secretKey'>> = {}): Config {
  const dataDir = overrides.dataDir !== undefined ? overrides.dataDir : path.resolve(env.DATA_DIR ?? './data');
  return {
    port: overrides.port ?? Number(env.PORT ?? 3000),
    host: overrides.host ?? env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: overrides.databaseUrl ?? (env.DATABASE_URL || undefined),
    demo: overrides.demo ?? env.GONGJIAN_DEMO !== 'off',
    secureCookies: overrides.secureCookies ?? env.COOKIE_SECURE === 'true',
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'info',
    trustProxy: overrides.trustProxy ?? (env.TRUST_PROXY ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    publicOrigin: overrides.publicOrigin !== undefined ? overrides.publicOrigin : publicOrigin(env.PUBLIC_ORIGIN),
    secretKey: secretKey(env, dataDir),
  };
}
