import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Everything the server reads from its environment, in one place. */
export interface Config {
  port: number;
  /** Where to listen; null when HOST is not set (then it depends on the demo, see main.ts). */
  host: string | null;
  /** PGlite data folder, or null for an in-memory database (tests). */
  dataDir: string | null;
  databaseUrl?: string;
  demo: boolean;
  production: boolean;
  secureCookies: boolean;
  /** pino level of the JSON log on stdout (LOG_LEVEL). */
  logLevel: string;
  /** Addresses or CIDRs of the reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY, comma-separated); none by default. */
  trustProxy: string[];
  /** Where users open the app (scheme, host, port); writes from any other origin are refused. */
  publicOrigin: string | null;
  /** Webhooks may point anywhere (GONGJIAN_WEBHOOKS_ANYWHERE=true): tests and trials only. */
  webhooksAnywhere: boolean;
  /** The SMTP server email subscriptions are sent through (SMTP_URL, sender MAIL_FROM); none: no email channel. */
  smtp: { url: string; from: string } | null;
  /** How often an idle job runner looks for due work (GONGJIAN_JOBS_POLL_MS, default 5000). */
  jobsPollMs: number;
  /** The SMS gateway text-message subscriptions are sent through (SMS_URL, bearer token SMS_TOKEN); none: no SMS channel. */
  sms: { url: string; token: string | null } | null;
  /** null: no key given and none in the data folder yet (see keyFile). */
  secretKey: Buffer | null;
}

export const keyFile = (dataDir: string) => path.join(dataDir, 'secret.key');

export function parseKey(base64: string, name = 'GONGJIAN_SECRET_KEY'): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length < 32) throw new Error(`${name} 须为至少 32 字节的 base64 (must be base64 of 32+ bytes); 生成 generate: openssl rand -base64 32`);
  return key;
}

/**
 * The key for personal-data encryption: GONGJIAN_SECRET_KEY (base64, 32+
 * bytes), or with PGlite the key kept in the data folder. On PostgreSQL it
 * must be given: a key generated on one app server's disk would leave the
 * others, and any restore elsewhere, unable to read the data.
 */
function secretKey(env: NodeJS.ProcessEnv, dataDir: string | null, databaseUrl: string | undefined): Buffer | null {
  if (env.GONGJIAN_SECRET_KEY) return parseKey(env.GONGJIAN_SECRET_KEY);
  if (databaseUrl) {
    throw new Error(
      '使用 PostgreSQL（DATABASE_URL）时必须设置 GONGJIAN_SECRET_KEY（base64，至少 32 字节，可用 openssl rand -base64 32 生成，与数据备份分开妥善保存）。\n' +
        'With PostgreSQL (DATABASE_URL), GONGJIAN_SECRET_KEY must be set (base64 of 32+ bytes: openssl rand -base64 32; keep it safe, apart from the data backups).',
    );
  }
  if (!dataDir) return randomBytes(32);
  return existsSync(keyFile(dataDir)) ? parseKey(readFileSync(keyFile(dataDir), 'utf8'), keyFile(dataDir)) : null;
}

/** A new key in the data folder, for a database that has none yet. */
export function generateKeyFile(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(keyFile(dataDir), key.toString('base64'), { mode: 0o600, flag: 'wx' });
  return key;
}

/** PUBLIC_ORIGIN as browsers send it in Origin: scheme, host and port, no path or trailing slash. */
function publicOrigin(value: string | undefined): string | null {
  if (!value) return null;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !/^https?:$/.test(url.protocol)) throw new Error(`PUBLIC_ORIGIN 不是有效的网址：${value}（例如 https://dangjian.example.cn）`);
  return url.origin;
}

function positiveMs(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 100) throw new Error(`${name} 须为不小于 100 的整数毫秒数：${value}`);
  return ms;
}

function smsGatewayUrl(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || !/^https?:$/.test(url.protocol)) throw new Error(`SMS_URL 不是有效的网址：${value}（例如 https://sms.example.gov.cn/send）`);
  return url.href;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Omit<Config, 'secretKey'>> = {}): Config {
  const dataDir = overrides.dataDir !== undefined ? overrides.dataDir : path.resolve(env.DATA_DIR ?? './data');
  const databaseUrl = overrides.databaseUrl ?? (env.DATABASE_URL || undefined);
  return {
    port: overrides.port ?? Number(env.PORT ?? 3000),
    host: overrides.host ?? env.HOST ?? null,
    dataDir,
    databaseUrl,
    // Production never loads the demo unless asked to, and then refuses (main.ts).
    demo: overrides.demo ?? (env.GONGJIAN_DEMO ? env.GONGJIAN_DEMO !== 'off' : env.NODE_ENV !== 'production'),
    production: overrides.production ?? env.NODE_ENV === 'production',
    secureCookies: overrides.secureCookies ?? env.COOKIE_SECURE === 'true',
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'info',
    trustProxy: overrides.trustProxy ?? (env.TRUST_PROXY ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    publicOrigin: overrides.publicOrigin !== undefined ? overrides.publicOrigin : publicOrigin(env.PUBLIC_ORIGIN),
    webhooksAnywhere: overrides.webhooksAnywhere ?? env.GONGJIAN_WEBHOOKS_ANYWHERE === 'true',
    smtp: overrides.smtp !== undefined ? overrides.smtp : env.SMTP_URL ? { url: env.SMTP_URL, from: env.MAIL_FROM || 'gongjian@localhost' } : null,
    jobsPollMs: overrides.jobsPollMs ?? positiveMs(env.GONGJIAN_JOBS_POLL_MS, 'GONGJIAN_JOBS_POLL_MS', 5_000),
    sms: overrides.sms !== undefined ? overrides.sms : env.SMS_URL ? { url: smsGatewayUrl(env.SMS_URL), token: env.SMS_TOKEN || null } : null,
    secretKey: secretKey(env, dataDir, databaseUrl),
  };
}
