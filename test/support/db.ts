import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadDemo } from '../../server/src/demo/load.ts';
import { FieldCipher } from '../../server/src/kernel/crypto.ts';
import { dumpPGlite, openDatabase, type Database } from '../../server/src/kernel/db.ts';
import { migrate } from '../../server/src/kernel/migrate.ts';
import { cheapPasswordHashesForTests } from '../../server/src/modules/users/auth.ts';
import { regionToday } from '../../server/src/kernel/time.ts';

// Every process that makes test databases hashes passwords at the lowest cost
// (the templates' accounts included): sign-ins are most of a role test's time otherwise.
cheapPasswordHashesForTests();

/** A fixed key, so that a cached database template decrypts in every test process. */
export const TEST_KEY = Buffer.alloc(32, 7);
export const testCipher = new FieldCipher(TEST_KEY);

export interface TestDatabase {
  db: Database;
  /** The database's URL on TEST_DATABASE_URL's server (absent with PGlite). */
  url?: string;
  close(): Promise<void>;
}

async function prepare(db: Database, demo: boolean): Promise<void> {
  await migrate(db);
  if (demo) await loadDemo(db, testCipher);
}

/**
 * A key over every server source (migrations, services, demo): any change
 * that could change a template's contents makes a new one. The demo's dates
 * are relative to the day it is loaded, so its template is also the region's day's.
 */
async function sourceKey(demo: boolean): Promise<string> {
  const src = path.resolve(import.meta.dirname, '../../server/src');
  const files = readdirSync(src, { recursive: true })
    .map(String)
    .filter((f) => /\.(ts|sql)$/.test(f) && !f.endsWith('.test.ts'))
    .sort();
  const sources = await Promise.all(files.map(async (f) => `${f}\n${await readFile(path.join(src, f), 'utf8')}`));
  const key = createHash('sha256').update(sources.join('\n')).digest('hex').slice(0, 16);
  return demo ? `${key}_${regionToday().replaceAll('-', '')}` : key;
}

const fakedClockTemplates: Record<string, Promise<Blob>> = {};

async function buildTemplate(demo: boolean): Promise<Blob> {
  const db = await openDatabase({});
  await prepare(db, demo);
  const blob = await dumpPGlite(db);
  await db.close();
  return blob;
}

/**
 * PGlite's first start (initdb) takes seconds; a migrated database (with or
 * without the demo) is dumped once into the temp folder, keyed by the
 * migrations and demo sources, and every later test database starts from it.
 */
export async function pgliteTemplate(demo: boolean): Promise<Blob> {
  // Under a faked clock (scripts/clock-check.sh) the clock restarts at the same
  // moment each run, so a template saved by an earlier run holds records made
  // minutes "later": it is kept for this process only, never on disk.
  if (process.env.FAKETIME) return (fakedClockTemplates[String(demo)] ??= buildTemplate(demo));
  const file = path.join(tmpdir(), `gongjian-pglite-${demo ? 'demo' : 'empty'}-${await sourceKey(demo)}.tar`);
  if (existsSync(file)) return new Blob([await readFile(file)]);
  const blob = await buildTemplate(demo);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, Buffer.from(await blob.arrayBuffer()));
  await rename(tmp, file);
  return blob;
}

/**
 * A fresh, migrated database for one test file: PGlite in memory by default,
 * or a new database on the PostgreSQL server named by TEST_DATABASE_URL.
 */
export async function testDatabase(opts: { demo?: boolean } = {}): Promise<TestDatabase> {
  const demo = opts.demo ?? false;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ loadDataDir: await pgliteTemplate(demo) });
    return { db, close: () => db.close() };
  }
  const name = `gj_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await copyTemplate(serverUrl, demo, name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: 4 });
  return {
    db,
    url: url.toString(),
    close: async () => {
      await db.close();
      await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(serverUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/**
 * The PostgreSQL counterpart of the PGlite template: a migrated database (with
 * or without the demo) built once per source key, copied by CREATE DATABASE …
 * TEMPLATE for each test file. Test processes (and checkouts with other
 * sources) share the server, so building and copying are serialized by an
 * advisory lock, and only the newest few templates are kept.
 */
async function copyTemplate(serverUrl: string, demo: boolean, copy: string): Promise<void> {
  const prefix = `gj_tpl_${demo ? 'demo' : 'empty'}_`;
  const name = `${prefix}${await sourceKey(demo)}`;
  await withAdmin(serverUrl, async (admin) => {
    await admin.query('SELECT pg_advisory_lock(74201)');
    try {
      const existing = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY oid DESC', [`${prefix}%`]);
      if (!existing.rows.some((r) => r.datname === name)) {
        for (const r of existing.rows.slice(5)) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
        const building = `${name}_building`;
        await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${building}`);
        const url = new URL(serverUrl);
        url.pathname = `/${building}`;
        const db = await openDatabase({ url: url.toString(), poolSize: 2 });
        try {
          await prepare(db, demo);
        } finally {
          await db.close();
        }
        // Renamed only when complete: an interrupted build never becomes a template.
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      }
      await admin.query(`CREATE DATABASE ${copy} TEMPLATE ${name}`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(74201)');
    }
  });
}
