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

/** A fixed key, so that a cached database template decrypts in every test process. */
export const testCipher = new FieldCipher(Buffer.alloc(32, 7));

export interface TestDatabase {
  db: Database;
  close(): Promise<void>;
}

async function prepare(db: Database, demo: boolean): Promise<void> {
  await migrate(db);
  if (demo) await loadDemo(db, testCipher);
}

/**
 * PGlite's first start (initdb) takes seconds; a migrated database (with or
 * without the demo) is dumped once into the temp folder, keyed by the
 * migrations and demo sources, and every later test database starts from it.
 */
async function pgliteTemplate(demo: boolean): Promise<Blob> {
  // Keyed by every server source (migrations, services, demo): any change that
  // could change the template's contents makes a new one.
  const src = path.resolve(import.meta.dirname, '../../server/src');
  const files = readdirSync(src, { recursive: true })
    .map(String)
    .filter((f) => /\.(ts|sql)$/.test(f) && !f.endsWith('.test.ts'))
    .sort();
  const sources = await Promise.all(files.map(async (f) => `${f}\n${await readFile(path.join(src, f), 'utf8')}`));
  const key = createHash('sha256').update(sources.join('\n')).digest('hex').slice(0, 16);
  const file = path.join(tmpdir(), `gongjian-pglite-${demo ? 'demo' : 'empty'}-${key}.tar`);
  if (existsSync(file)) return new Blob([await readFile(file)]);
  const db = await openDatabase({});
  await prepare(db, demo);
  const blob = await dumpPGlite(db);
  await db.close();
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
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: 4 });
  await prepare(db, demo);
  return {
    db,
    close: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
