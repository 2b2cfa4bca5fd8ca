import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './db.ts';
import { MODULES } from '../modules/index.ts';
import { integrityProblems, refuseBroken } from './integrity.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Migration {
  version: number;
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

/**
 * Migrations live beside the code that owns the tables: kernel/migrations and
 * each module's `migrationsDir` (its manifest). File names start with a
 * version number that is unique across all of them and fixes the order.
 */
export async function loadMigrations(): Promise<Migration[]> {
  const dirs = [path.join(SRC, 'kernel', 'migrations'), ...MODULES.flatMap((m) => m.migrationsDir ?? [])];
  const found: Migration[] = [];
  for (const dir of dirs) {
    const files = await readdir(dir);
    for (const f of files.filter((x) => x.endsWith('.sql'))) {
      const m = /^(\d+)_(.+)\.sql$/.exec(f);
      if (!m) throw new Error(`Migration file name must be NNNN_name.sql: ${f}`);
      const sql = await readFile(path.join(dir, f), 'utf8');
      found.push({
        version: Number(m[1]),
        name: m[2]!,
        file: path.relative(SRC, path.join(dir, f)),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      });
    }
  }
  found.sort((a, b) => a.version - b.version);
  for (let i = 1; i < found.length; i++) {
    if (found[i]!.version === found[i - 1]!.version) {
      throw new Error(`Two migrations share version ${found[i]!.version}: ${found[i - 1]!.file}, ${found[i]!.file}`);
    }
  }
  return found;
}

const LOCK_KEY = 7_420_100;

/** Applies pending migrations, each in its own transaction; safe to run from several instances at once. */
export async function migrate(db: Database): Promise<{ version: number; applied: string[] }> {
  const all = await loadMigrations();
  await db.system(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await q.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const done = new Set(await db.system((q) => q.query<{ version: number }>('SELECT version FROM schema_migrations')).then((r) => r.map((x) => x.version)));
  // A migration on top of a database that lost objects (a bad restore) would
  // record the loss as the new normal: refuse first.
  if (all.some((m) => !done.has(m.version))) refuseBroken(await integrityProblems(db));
  const applied: string[] = [];
  for (const m of all) {
    await db.system(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const [row] = await q.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE version = $1', [m.version]);
      if (row) {
        if (row.checksum !== m.checksum) {
          throw new Error(`Migration ${m.file} was changed after it was applied; add a new migration instead.`);
        }
        return;
      }
      await q.exec(m.sql);
      await q.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
      applied.push(m.file);
    });
  }
  if (applied.length) {
    await db.system(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      await q.query('SELECT gj_integrity_snapshot()');
    });
  }
  return { version: all.at(-1)?.version ?? 0, applied };
}

export async function schemaVersion(db: Database): Promise<number> {
  return db.system(async (q) => {
    const [r] = await q.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    return r?.v ?? 0;
  });
}
