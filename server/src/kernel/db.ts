import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import pg from 'pg';
import type { Scope } from './scope.ts';
import { scopeSettings, APP_ROLE } from './scope.ts';
import { REGION_TIME_ZONE } from './time.ts';

/** Anything that runs SQL: a connection, a transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * Maps over items with queries one after another: a transaction's connection
 * answers one query at a time, so overlapping them gains nothing, and pg
 * deprecates it (pg 9 will refuse a query sent while another runs).
 */
export async function mapInTurn<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  readonly kind: DatabaseKind;
  /**
   * Runs fn in a transaction as the unprivileged application role, with the
   * caller's scope set for row-level security. This is the only access that
   * routes get: whatever SQL they run, PostgreSQL filters it to the scope.
   */
  scoped<T>(scope: Scope, fn: (q: Queryable) => Promise<T>): Promise<T>;
  /**
   * Superuser access that bypasses row-level security. Kernel only: migrations,
   * sign-in and sessions, the demo loader, and maintenance jobs.
   */
  system<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Runs a statement outside any transaction (VACUUM, ANALYZE): maintenance jobs and benchmarks. */
  maintenance(sql: string): Promise<void>;
  close(): Promise<void>;
}

async function applyScope(q: Queryable, scope: Scope): Promise<void> {
  // Row-level security makes the planner over-estimate scoped queries: it
  // then spent seconds JIT-compiling requests that run in milliseconds
  // (bench/README.md, needs lists), and started parallel workers for each
  // policy's sub-plan, several times per statement, which cost a grid
  // worker's due list 4x (due list at 10^4 grids). A request is small and
  // the pool serves many at once; neither pays. PGlite has neither.
  const settings: Record<string, string> = { ...scopeSettings(scope), jit: 'off', max_parallel_workers_per_gather: '0' };
  const names = Object.keys(settings);
  // set_config(..., true) is transaction-local, so a pooled connection never
  // carries one request's scope into the next.
  await q.query(
    `SELECT ${names.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
    names.flatMap((n) => [n, settings[n]]),
  );
  await q.exec(`SET LOCAL ROLE ${APP_ROLE}`);
}

// A system call made while a scoped transaction is open would run beside it with
// row-level security off: on PostgreSQL a second connection that sees every
// region, on PGlite (one session) a wait on the open transaction that never ends.
// Both are bugs of the caller (a route that needs the system declares
// `scoped: false`), so the system call fails loudly instead.
const insideScoped = new AsyncLocalStorage<true>();

function inScope<T>(fn: () => Promise<T>): Promise<T> {
  return insideScoped.run(true, fn);
}

function assertNotInScope(): void {
  if (insideScoped.getStore()) throw new Error('db.system called inside db.scoped: a route that needs the system is declared scoped: false');
}

class PGliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  constructor(private readonly db: PGlite) {}

  private wrap(tx: Pick<PGlite, 'query' | 'exec'>): Queryable {
    return {
      query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
      exec: async (sql: string) => {
        await tx.exec(sql);
      },
    };
  }

  scoped<T>(scope: Scope, fn: (q: Queryable) => Promise<T>): Promise<T> {
    return inScope(() =>
      this.db.transaction(async (tx) => {
        const q = this.wrap(tx);
        await applyScope(q, scope);
        return fn(q);
      }),
    );
  }

  system<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    assertNotInScope();
    return this.db.transaction(async (tx) => fn(this.wrap(tx)));
  }

  async maintenance(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

class PostgresDatabase implements Database {
  readonly kind = 'postgresql' as const;
  constructor(private readonly pool: pg.Pool) {}

  private async tx<T>(fn: (q: Queryable) => Promise<T>, scope?: Scope): Promise<T> {
    const client = await this.pool.connect();
    const q: Queryable = {
      query: async <R>(sql: string, params?: unknown[]) =>
        (await client.query(sql, params as unknown[] | undefined)).rows as R[],
      exec: async (sql: string) => {
        await client.query(sql);
      },
    };
    try {
      await client.query('BEGIN');
      if (scope) await applyScope(q, scope);
      const result = await fn(q);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  scoped<T>(scope: Scope, fn: (q: Queryable) => Promise<T>): Promise<T> {
    return inScope(() => this.tx(fn, scope));
  }

  system<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    assertNotInScope();
    return this.tx(fn);
  }

  async maintenance(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

// int8 ids and counts fit in a double for any realistic region; numbers keep
// the API and both drivers identical.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export interface OpenOptions {
  /** postgres:// URL of a server; when absent, PGlite is used. */
  url?: string;
  /** PGlite data folder; absent means in memory. */
  dataDir?: string;
  /** A PGlite data-dir dump to start from (tests use a migrated template). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    // Every connection's day is the region's: current_date and now()::date are Beijing's, not the server's.
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, options: `-c TimeZone=${REGION_TIME_ZONE}` });
    pool.on('error', (err) => console.error('PostgreSQL pool error:', err.message));
    return new PostgresDatabase(pool);
  }
  const db = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    extensions: { ltree, pg_trgm, btree_gist },
    parsers: { 20: (v: string) => Number(v), 1700: (v: string) => Number(v) },
  });
  // PGlite is one session: set once, it holds for every transaction.
  await db.exec(`SET TimeZone = '${REGION_TIME_ZONE}'`);
  return new PGliteDatabase(db);
}

/** A PGlite database's files as one tar: a test template, or a backup (npm run backup). */
export async function dumpPGlite(db: Database, compression: 'none' | 'gzip' = 'none'): Promise<Blob> {
  if (!(db instanceof PGliteDatabase)) throw new Error('not a PGlite database');
  const pglite = (db as unknown as { db: PGlite }).db;
  // Without a checkpoint the tar carries every WAL segment written since the
  // start (100 MB after the demo load), and each open replays and copies them:
  // a checkpoint that removes, rather than recycles, the old segments halves
  // the tar and the time a test database takes to open.
  await pglite.exec('SET wal_recycle = off; CHECKPOINT; RESET wal_recycle');
  return pglite.dumpDataDir(compression);
}
