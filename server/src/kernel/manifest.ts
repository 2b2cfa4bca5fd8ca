import type { FastifyInstance } from 'fastify';
import type { IsolationPart } from '../../../test/isolation/parts/types.ts';
import type { DemoStep } from '../demo/types.ts';
import type { GridIndicator } from '../modules/grids/indicators.ts';
import type { FieldCipher } from './crypto.ts';
import type { Queryable } from './db.ts';
import type { Said, Text } from './errors.ts';
import type { Scope } from './scope.ts';
import type { JobRunner } from './jobs.ts';
import type { Kernel } from './kernel.ts';
import type { TodoSource } from './todo.ts';

/**
 * Something a module holds on behalf of an organization. When an organization
 * is dissolved or merged, the organizations module counts every module's
 * holdings (a retirement with holdings and nowhere to put them is refused with
 * the counts) and moves them to the receiving organization, in the same
 * transaction, as the caller: what the caller cannot see, it cannot move.
 */
export interface OrgHolding {
  /**
   * What it is, as the dissolve and merge dialog names it (web `org.movesWith`
   * must name it in each language), in English the plural: `{ zh: '网格', en: 'grids' }`.
   */
  noun: Text;
  /**
   * How one is counted in the refusal: the measure word in Chinese, and in
   * English the singular, said for a count of one: `{ zh: '个', en: 'grid' }`
   * (3 个网格, 3 grids, 1 grid).
   */
  measure: Text;
  count(q: Queryable, orgId: number): Promise<number>;
  move(q: Queryable, m: OrgMove): Promise<void>;
}

export interface OrgMove {
  from: number;
  to: number;
  /** The retired organization's name: a moved record whose name the receiving one already uses is renamed after it. */
  fromName: string;
}

/**
 * Counts over an organization's subtree that a module above orgs adds to the
 * organization's summary (people: its people and members). Orgs asks every
 * module's figures and imports none of them.
 */
export type OrgFigures = (q: Queryable, orgId: number) => Promise<Record<string, number>>;

/** A period of the statistics page: the days from `from` to `to`, both included (YYYY-MM-DD, the region's days). */
export interface StatPeriod { from: string; to: string }

/**
 * A figure a module contributes to the statistics page (统计), counted from
 * its own records: statistics asks every module's and imports none of them.
 * `count` runs as the caller, so row-level security decides what is counted;
 * it counts the organization's subtree (`orgs.underCondition`). A figure
 * without `period` is a standing count (as of now); the others count what
 * happened in the period. `link` is the module's list page filtered the same
 * way, so the figure leads to the records behind it. `trend` marks the key
 * figures shown per month.
 */
export interface StatFigure {
  key: string;
  label: Text;
  count(q: Queryable, orgId: number, period: StatPeriod): Promise<number>;
  link?(orgId: number, period: StatPeriod): string;
  period?: boolean;
  trend?: boolean;
}

/** A unit of the subtree, as the coverage report hands it to the modules' gap finders. */
export interface CoverageUnit { id: number; orgId: number; name: string; hasPartyOrg: boolean }

/** A gap a module finds (`kind` is one of orgs' `GapKind`s; orgs adds its label). */
export interface CoverageGap { kind: string; orgId: number | null; unitId: number | null; gridId?: number | null; buildingId?: number | null; name: string; detail: Said }

/**
 * Gaps in the network's reach (纵向到底、横向到边) that a module above orgs
 * finds among its own records, for the coverage report: grids finds grids
 * without a branch, people the units whose members have no party
 * organization. Orgs asks every module's and imports none of them.
 */
export type CoverageGaps = (q: Queryable, at: { path: string; units: readonly CoverageUnit[] }) => Promise<CoverageGap[]>;

/**
 * Periodic work, run by the one job runner (`kernel/jobs.ts`): one row in
 * the jobs table, claimed by whichever app server ticks first after it is
 * due, so servers neither double nor drop it; a failure is retried with
 * backoff and shown to administrators.
 */
export interface Job {
  name: string;
  everyMs: number;
  /** Runs in the empty scope: anything it needs beyond that goes through the module's definer-rights functions. */
  run(q: Queryable): Promise<unknown>;
}

/** What a task's run is handed: its row's payload and attempt, the runner's clock, and transactions in the empty scope. */
export interface TaskRun {
  payload: Record<string, unknown>;
  /** 1 for the first try. */
  attempt: number;
  maxAttempts: number;
  now: Date;
  cipher: FieldCipher;
  /** The settings of the server running it, now: a delivery obeys the webhook rules in force when it is sent. */
  settings: ServerSettings;
  scoped<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
}

/**
 * One-off background work by name (a delivery), queued in the database with
 * `gj_enqueue_job` in the transaction that causes it. A thrown error or
 * `{ retry }` is retried with backoff; past its attempts the job is dead
 * until an administrator retries it. `{ postpone }` waits without counting
 * an attempt (quiet hours).
 */
export interface Task {
  name: string;
  run(t: TaskRun): Promise<void | { retry: string } | { postpone: Date }>;
}

/**
 * A kind of record an expense can name as what it paid for (费随事转): its
 * module says whose it is and offers candidates, so funds names projects,
 * activities, needs and pushed tasks without importing their modules (pushed
 * tasks read funds themselves: an import would be a cycle).
 */
export interface FundTarget {
  /** A FundSpentOn value of the funds module. */
  kind: string;
  /** The record's name and the organizations it belongs to (spent on from any of their branches); its module's error when the caller does not see it. */
  find(q: Queryable, scope: Scope, id: number): Promise<{ label: string; orgIds: number[] }>;
  /** The records under an organization an expense there may name, the likeliest first; the funds module matches them by name. */
  candidates(q: Queryable, scope: Scope, orgId: number): Promise<{ id: number; label: string; orgId: number }[]>;
}

/** Someone a year's records put forward for commendation (评优候选), with what put them forward. */
export interface Commended {
  name: string;
  orgName: string | null;
  because: { zh: string; en: string };
}

/** Candidates in the order of their names (pinyin), never of a score. */
export const byName = (people: Commended[]): Commended[] => people.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.orgName ?? '').localeCompare(b.orgName ?? '', 'zh-CN'));

/**
 * One kind of commendation candidate for the year-end report: members who
 * reached their points threshold, members graded excellent, duty-post holders
 * who served. By name and in name order, never ranked (no leaderboard).
 */
export interface Commendations {
  key: string;
  label: { zh: string; en: string };
  /** Under the organization, in the year, as the caller sees them. */
  list(q: Queryable, orgId: number, year: number): Promise<Commended[]>;
}

/** What the app hands a module's routes beyond the kernel. */
/** The server's settings a module's routes and tasks may depend on. */
export interface ServerSettings {
  secureCookies: boolean;
  /**
   * Webhooks may point anywhere (http, this machine, any host): an
   * administrator's setting for tests and trials (GONGJIAN_WEBHOOKS_ANYWHERE), off by default.
   */
  webhooksAnywhere: boolean;
}
export const DEFAULT_SETTINGS: ServerSettings = { secureCookies: false, webhooksAnywhere: false };

export interface ModuleContext extends ServerSettings {
  /** Every module's holdings, for the organizations module's dissolve and merge. */
  orgHoldings: readonly OrgHolding[];
  /** Every module's figures, for the organization's summary. */
  orgFigures: readonly OrgFigures[];
  /** Every module's gap finders, for the coverage report. */
  coverageGaps: readonly CoverageGaps[];
  /** Every module's statistics figures, in the modules' order. */
  statistics: readonly StatFigure[];
  /** Every module's to-do items, for the home page. */
  todo: readonly TodoSource[];
  /** Every module's records an expense can be tied to, for the funds module. */
  fundTargets: readonly FundTarget[];
  /** Every module's commendation candidates, for the year-end report. */
  commendations: readonly Commendations[];
  /** The job runner, for the administrators' view of failed and dead jobs. */
  jobs: JobRunner;
}

/**
 * Everything the app needs to know about a module, in
 * `modules/<module>/manifest.ts`, listed once in `modules/index.ts`.
 */
export interface ModuleManifest {
  /** The module's folder under server/src/modules. */
  name: string;
  routes(app: FastifyInstance, k: Kernel, ctx: ModuleContext): void;
  /** Its migrations folder, absolute; absent when it has no tables. */
  migrationsDir?: string;
  /** Its demo records, made after the organization network, people and accounts (server/src/demo/<module>.ts). */
  demoStep?: DemoStep;
  /**
   * Its part of the isolation matrix (test/isolation/parts/<module>.ts), or
   * null for a module without data of its own. Loaded by the matrix only, so
   * the server never loads test code.
   */
  isolationPart: (() => Promise<IsolationPart>) | null;
  /** Its figures per grid, which the grid map can colour grids by. */
  indicators?: GridIndicator[];
  jobs?: Job[];
  /** Its one-off background work, by name (see `Task`). */
  tasks?: Task[];
  orgHoldings?: OrgHolding[];
  orgFigures?: OrgFigures;
  coverageGaps?: CoverageGaps;
  /** Its figures for the statistics page. */
  statistics?: StatFigure[];
  /** What waits on the caller among its records, for the home page (今日待办). */
  todo?: TodoSource;
  fundTargets?: FundTarget[];
  /** Whom its records put forward for commendation, for the year-end report. */
  commendations?: Commendations[];
}

export const defineModule = (manifest: ModuleManifest): ModuleManifest => manifest;

/**
 * The common holding: rows that name the organization in `org_id` and move as
 * they are. Counted by the first table (what the user knows them as); the
 * others are its dependent rows, moved with it so they stay visible together.
 * `named`: the first table's name column, unique per organization; a moved
 * row whose name the receiving organization already uses becomes
 * "name（原 retired organization）" instead of failing the move.
 */
export function rowsHeld(what: Pick<OrgHolding, 'noun' | 'measure'>, tables: [string, ...string[]], opts: { named?: string } = {}): OrgHolding {
  const [first] = tables;
  return {
    ...what,
    count: async (q, orgId) => (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${first} WHERE org_id = $1`, [orgId]))[0]!.n,
    move: async (q, { from, to, fromName }) => {
      const name = opts.named;
      if (name) {
        await q.query(`UPDATE ${first} SET ${name} = ${name} || '（原' || $3 || '）' WHERE org_id = $1 AND ${name} IN (SELECT ${name} FROM ${first} WHERE org_id = $2)`, [from, to, fromName]);
      }
      for (const t of tables) await q.query(`UPDATE ${t} SET org_id = $2 WHERE org_id = $1`, [from, to]);
    },
  };
}
