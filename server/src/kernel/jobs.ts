import { randomUUID } from 'node:crypto';
import type { FieldCipher } from './crypto.ts';
import type { Database, Queryable } from './db.ts';
import { DEFAULT_SETTINGS, type Job, type ServerSettings, type Task } from './manifest.ts';
import { ANONYMOUS } from './scope.ts';

/** What time the runner believes it is: tests pass their own, so no test sleeps. */
export interface Clock {
  now(): Date;
}
export const SYSTEM_CLOCK: Clock = { now: () => new Date() };

export const JOB_STATUSES = ['queued', 'running', 'done', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobRow {
  id: number;
  name: string;
  key: string | null;
  payload: Record<string, unknown>;
  status: JobStatus;
  runAt: string;
  everyMs: number | null;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface RunnerOptions {
  clock?: Clock;
  /** This server's name in the lease (a fresh one per runner). */
  workerId?: string;
  /** How long a claimed job is this runner's before another may take it over (a server that died mid-job). */
  leaseMs?: number;
  /** Jobs claimed per tick. */
  batch?: number;
  /** Claimed jobs run at once, at most. */
  lanes?: number;
  /** The wait before retry n (1, 2, …). */
  backoffMs?: (attempt: number) => number;
  /** The server's settings, handed to each task. */
  settings?: ServerSettings;
}

/** 30 s, 1 min, 2 min… up to an hour. */
export const defaultBackoff = (attempt: number): number => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);

const COLUMNS = `id, name, key, payload, status, run_at AS "runAt", every_ms AS "everyMs", attempts, max_attempts AS "maxAttempts",
  last_error AS "lastError", created_at AS "createdAt", finished_at AS "finishedAt"`;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 2000);

/**
 * The one runner of periodic and background work, over the `jobs` table
 * (kernel migration 0520). Every app server runs one; a tick claims due
 * jobs with `FOR UPDATE SKIP LOCKED` and a lease, so two servers never take
 * the same job and a server that dies mid-job loses it to another once the
 * lease runs out. Periodic jobs (a manifest's `jobs`) are one row each and
 * are put back on their schedule after each run; a failure is retried with
 * backoff. One-off work (a manifest's `tasks`, queued by `gj_enqueue_job`)
 * that fails past its attempts rests as `dead` until an administrator
 * retries it. Time is the runner's clock, so tests tick by hand.
 */
export class JobRunner {
  readonly clock: Clock;
  readonly workerId: string;
  private readonly leaseMs: number;
  private readonly batch: number;
  private readonly lanes: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly settings: ServerSettings;
  private readonly periodic = new Map<string, Job>();
  private readonly tasks = new Map<string, Task>();
  private seeded = false;
  private started = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Database, private readonly cipher: FieldCipher, jobs: readonly Job[], tasks: readonly Task[], opts: RunnerOptions = {}) {
    for (const j of jobs) this.periodic.set(j.name, j);
    for (const t of tasks) this.tasks.set(t.name, t);
    this.clock = opts.clock ?? SYSTEM_CLOCK;
    this.workerId = opts.workerId ?? randomUUID();
    this.leaseMs = opts.leaseMs ?? 5 * 60_000;
    this.batch = opts.batch ?? 20;
    this.lanes = opts.lanes ?? 4;
    this.backoffMs = opts.backoffMs ?? defaultBackoff;
    this.settings = opts.settings ?? DEFAULT_SETTINGS;
  }

  /** One row per periodic job, first due now; a changed interval is taken over. */
  private async seed(): Promise<void> {
    if (this.seeded) return;
    const jobs = [...this.periodic.values()];
    await this.db.system((q) =>
      q.query(
        `INSERT INTO jobs (name, key, every_ms, run_at)
         SELECT n, n, e, $3 FROM unnest($1::text[], $2::int[]) AS j (n, e)
         ON CONFLICT (key) DO UPDATE SET every_ms = EXCLUDED.every_ms`,
        [jobs.map((j) => j.name), jobs.map((j) => j.everyMs), this.clock.now()],
      ),
    );
    this.seeded = true;
  }

  /** Claims the due jobs and runs them; the number run. */
  async tick(): Promise<number> {
    await this.seed();
    const now = this.clock.now();
    const claimed = await this.db.system((q) =>
      q.query<JobRow>(
        `UPDATE jobs j SET status = 'running', attempts = j.attempts + 1, locked_by = $2, locked_until = $3
          WHERE j.id IN (SELECT id FROM jobs
                          WHERE ((status = 'queued' AND run_at <= $1::timestamptz) OR (status = 'running' AND locked_until <= $1::timestamptz))
                            AND name = ANY ($5::text[])
                          ORDER BY run_at, id LIMIT $4::int FOR UPDATE SKIP LOCKED)
         RETURNING ${COLUMNS}`,
        // A server takes only the jobs it knows: during an upgrade an older one leaves a newer one's to it.
        [now, this.workerId, new Date(now.getTime() + this.leaseMs), this.batch, [...this.periodic.keys(), ...this.tasks.keys()]],
      ),
    );
    // A few at a time: one robot that takes its 10 s to time out holds up only its own lane.
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(this.lanes, claimed.length) }, async () => {
      while (next < claimed.length) await this.runOne(claimed[next++]!);
    }));
    return claimed.length;
  }

  /** Ticks until nothing is due (tests: everything queued so far runs). */
  async drain(max = 100): Promise<number> {
    let total = 0;
    for (let i = 0; i < max; i++) {
      const n = await this.tick();
      total += n;
      if (!n) break;
    }
    return total;
  }

  private async runOne(job: JobRow): Promise<void> {
    const now = this.clock.now();
    let retry: string | null = null;
    let postpone: Date | null = null;
    try {
      const periodic = job.key !== null ? this.periodic.get(job.name) : undefined;
      const task = this.tasks.get(job.name);
      if (periodic) await this.db.scoped(ANONYMOUS, (q) => periodic.run(q));
      else if (task) {
        const r = await task.run({
          payload: job.payload,
          attempt: job.attempts,
          maxAttempts: job.maxAttempts,
          now,
          cipher: this.cipher,
          settings: this.settings,
          scoped: (fn) => this.db.scoped(ANONYMOUS, fn),
        });
        retry = r && 'retry' in r ? r.retry : null;
        postpone = r && 'postpone' in r ? r.postpone : null;
      } else retry = `no handler for job ${job.name}`;
    } catch (err) {
      retry = message(err);
    }
    if (postpone) await this.postpone(job, postpone);
    else await this.finish(job, retry);
  }

  private async postpone(job: JobRow, until: Date): Promise<void> {
    await this.db.system((q) =>
      q.query(`UPDATE jobs SET status = 'queued', run_at = $3, attempts = attempts - 1, locked_by = NULL, locked_until = NULL WHERE id = $1 AND locked_by = $2`, [job.id, this.workerId, until]),
    );
  }

  private async finish(job: JobRow, error: string | null): Promise<void> {
    const now = this.clock.now().getTime();
    let status: JobStatus;
    let runAt: number;
    if (job.everyMs !== null) {
      status = 'queued';
      // A failing periodic job keeps trying, sooner than its interval when that is long.
      runAt = now + (error ? Math.min(this.backoffMs(job.attempts), job.everyMs) : job.everyMs);
    } else if (!error) {
      status = 'done';
      runAt = now;
    } else {
      status = job.attempts >= job.maxAttempts ? 'dead' : 'queued';
      runAt = now + this.backoffMs(job.attempts);
    }
    await this.db.system((q) =>
      q.query(
        `UPDATE jobs SET status = $3::text, run_at = $4::timestamptz, locked_by = NULL, locked_until = NULL, last_error = $5::text,
                attempts = CASE WHEN $6::boolean THEN 0 ELSE attempts END,
                finished_at = CASE WHEN $3::text IN ('done', 'dead') THEN $4::timestamptz END
          WHERE id = $1 AND locked_by = $2`,
        [job.id, this.workerId, status, new Date(runAt), error, job.everyMs !== null && !error],
      ),
    );
  }

  /**
   * Polls every `everyMs` while started; ticks never overlap on one server.
   * A tick that found a full batch is followed at once by the next, so a
   * backlog (a thousand deliveries after a busy minute) drains at the speed
   * of the work, not of the poll.
   */
  start(everyMs = 5_000): void {
    if (this.started) return;
    this.started = true;
    const loop = async (): Promise<void> => {
      let claimed = 0;
      try {
        claimed = await this.tick();
      } catch (err) {
        console.error('job runner:', message(err));
      }
      if (!this.started) return;
      this.timer = setTimeout(() => (this.running = loop()), claimed >= this.batch ? 0 : everyMs);
      this.timer.unref();
    };
    // A server that starts takes up what is due at once.
    this.running = loop();
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /**
   * The jobs an administrator of `regions` looks at, failing and dead ones
   * first: that region's one-off work, and the periodic jobs every region
   * shares, whose error text (which may be any region's) is left to the server log.
   */
  list(regions: readonly number[], filter: { status?: JobStatus; page: number; pageSize: number }): Promise<{ items: JobRow[]; total: number }> {
    return this.db.system(async (q) => {
      const params: unknown[] = [regions];
      const where = `WHERE (region_id = ANY ($1::bigint[]) OR region_id IS NULL) AND ${
        filter.status ? `status = $${params.push(filter.status)}` : `(status <> 'done' OR finished_at > now() - interval '1 day')`
      }`;
      const items = await q.query<JobRow>(
        `SELECT ${COLUMNS.replace('last_error AS', 'CASE WHEN region_id IS NULL THEN NULL ELSE last_error END AS')} FROM jobs ${where}
          ORDER BY (status = 'dead') DESC, (last_error IS NOT NULL) DESC, id DESC
          LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
        params,
      );
      const [c] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs ${where}`, params);
      return { items, total: c!.n };
    });
  }

  /** A dead job of one of `regions` queued again, with its attempts anew; null when there is no such dead job. */
  retry(regions: readonly number[], id: number): Promise<JobRow | null> {
    return this.db.system(async (q) => {
      const [row] = await q.query<JobRow>(
        `UPDATE jobs SET status = 'queued', attempts = 0, run_at = $2, finished_at = NULL
          WHERE id = $1 AND status = 'dead' AND region_id = ANY ($3::bigint[]) RETURNING ${COLUMNS}`,
        [id, this.clock.now(), regions],
      );
      return row ?? null;
    });
  }
}

/** Queues one-off work from the system side (tests, the kernel); modules queue through `gj_enqueue_job` in SQL. */
export async function enqueue(
  q: Queryable, name: string, payload: Record<string, unknown>, opts: { regionId?: number; runAt?: Date; maxAttempts?: number } = {},
): Promise<number> {
  const [r] = await q.query<{ id: number }>(`SELECT gj_enqueue_job($1, $2, $3, coalesce($4, now()), $5) AS id`, [name, payload, opts.regionId ?? null, opts.runAt ?? null, opts.maxAttempts ?? 5]);
  return r!.id;
}
