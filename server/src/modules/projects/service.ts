import { allowed, allowedAtAny, ensureAllowed, viewedFrom } from '../../kernel/actions.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { Scope } from '../../kernel/scope.ts';
import { REGION_TIME_ZONE } from '../../kernel/time.ts';
import { notFound } from '../../kernel/errors.ts';
import { E, PROJECT } from './errors.ts';
import { listVerdicts, projectVerdicts } from './policy.ts';
import { conditions } from '../../kernel/sql.ts';
import * as needs from '../needs/service.ts';
import * as orgs from '../orgs/service.ts';
import * as people from '../people/service.ts';
import * as resources from '../resources/service.ts';
import {
  PROJECT_LIST_ACTIONS, PROJECT_RECORD_ACTIONS, PROJECT_STATUSES, type Project, type ProjectDetail, type ProjectListAction, type ProjectRecordAction,
  type ProjectStatus,
} from './schema.ts';

// Alliance projects. Which projects a caller sees is row-level security (the
// leading organization's subtree); the needs a project answers are the needs
// module's, read through its service.

interface Row {
  id: number;
  org_id: number;
  org_path: string | null;
  org_name: string | null;
  name: string;
  summary: string;
  status: ProjectStatus;
  started_on: string;
  completed_on: string | null;
  outcome: string | null;
  progress: number | null;
  party_count: number;
  need_ids: number[];
}

const SELECT = `SELECT p.id, p.org_id, o.path::text AS org_path, o.name AS org_name, p.name, p.summary, p.status, p.started_on::text, p.completed_on::text, p.outcome
  FROM projects p LEFT JOIN org_labels o ON o.id = p.org_id`;

type Summaries = Awaited<ReturnType<typeof needs.summaries>>;

/**
 * The latest progress, the parties and the needs of some projects, each read
 * once for all of them: as subqueries per project row, each carried the
 * row-level-security scan of the caller's organizations, which the planner
 * costs per row — enough at a street's scope to switch on JIT compilation,
 * seconds for an empty list (bench/README.md, "Needs").
 */
async function withFigures(q: Queryable, rows: Omit<Row, 'progress' | 'party_count' | 'need_ids'>[]): Promise<Row[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const progress = await q.query<{ project_id: number; progress: number | null }>(
    `SELECT DISTINCT ON (project_id) project_id, progress FROM project_updates WHERE project_id = ANY ($1::bigint[]) ORDER BY project_id, created_at DESC, id DESC`,
    [ids],
  );
  const parties = await q.query<{ project_id: number; n: number }>(
    `SELECT project_id, count(*)::int AS n FROM project_parties WHERE project_id = ANY ($1::bigint[]) GROUP BY 1`,
    [ids],
  );
  // node-postgres returns bigint[] as strings (PGlite as numbers): one shape for both.
  const linked = await q.query<{ project_id: number; need_ids: (number | string)[] }>(
    `SELECT project_id, array_agg(need_id ORDER BY id) AS need_ids FROM project_needs WHERE project_id = ANY ($1::bigint[]) GROUP BY 1`,
    [ids],
  );
  const by = <T extends { project_id: number }>(xs: T[]) => new Map(xs.map((x) => [Number(x.project_id), x]));
  const [p, c, l] = [by(progress), by(parties), by(linked)];
  return rows.map((r) => ({ ...r, progress: p.get(r.id)?.progress ?? null, party_count: c.get(r.id)?.n ?? 0, need_ids: (l.get(r.id)?.need_ids ?? []).map(Number) }));
}

const verdictsOf = (scope: Scope, r: Row) => projectVerdicts(scope, { orgPath: r.org_path, status: r.status });

const toProject = (scope: Scope, r: Row, seen: Summaries): Project => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  name: r.name,
  summary: r.summary,
  status: r.status,
  statusLabel: PROJECT_STATUSES.labels[r.status],
  startedOn: r.started_on,
  completedOn: r.completed_on,
  outcome: r.outcome,
  progress: r.status === 'completed' ? 100 : (r.progress ?? 0),
  partyCount: r.party_count,
  needCount: r.need_ids.length,
  needsClosed: r.need_ids.filter((id) => seen.get(id)?.seenThrough).length,
  actions: allowed(PROJECT_RECORD_ACTIONS, verdictsOf(scope, r)),
});

/** What the caller may do where the list is viewed (orgId, or every place they hold a grant at). */
export async function listActions(q: Queryable, scope: Scope, orgId: number | undefined): Promise<ProjectListAction[]> {
  const places = viewedFrom(scope, orgId === undefined ? undefined : await orgs.pathIfSeen(q, orgId));
  return allowedAtAny(PROJECT_LIST_ACTIONS, places, (path) => listVerdicts(scope, path));
}

export async function list(q: Queryable, scope: Scope, orgId?: number): Promise<Project[]> {
  const w = conditions();
  if (orgId !== undefined) w.add(...(await orgs.underCondition(q, orgId, 'p')));
  const rows = await withFigures(q, await q.query<Row>(`${SELECT} ${w.sql} ORDER BY p.status = 'active' DESC, p.id DESC LIMIT 500`, w.params));
  const seen = await needs.summaries(q, rows.flatMap((r) => r.need_ids));
  return rows.map((r) => toProject(scope, r, seen));
}

async function row(q: Queryable, id: number): Promise<Row> {
  const [r] = await q.query<Row>(`${SELECT} WHERE p.id = $1`, [id]);
  if (!r) throw notFound(PROJECT);
  return (await withFigures(q, [r]))[0]!;
}

export async function detail(q: Queryable, scope: Scope, id: number): Promise<ProjectDetail> {
  const r = await row(q, id);
  const seen = await needs.summaries(q, r.need_ids);
  const parties = await q.query<ProjectDetail['parties'][number]>(
    `SELECT id, CASE WHEN unit_id IS NULL THEN 'member' ELSE 'unit' END AS kind, party_name AS name, pledge, resource_id AS "resourceId"
       FROM project_parties WHERE project_id = $1 ORDER BY id`,
    [id],
  );
  const updates = await q.query<ProjectDetail['updates'][number]>(
    `SELECT id, body, progress, author, to_char(created_at AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD HH24:MI') AS at FROM project_updates WHERE project_id = $1 ORDER BY created_at DESC, id DESC`,
    [id],
  );
  return {
    ...toProject(scope, r, seen),
    parties,
    needs: r.need_ids.flatMap((n) => {
      const s = seen.get(n);
      return s ? [{ id: s.id, title: s.title, kindLabel: s.kindLabel, status: s.status, statusLabel: s.statusLabel }] : [];
    }),
    updates,
  };
}

export async function create(q: Queryable, scope: Scope, input: { orgId: number; name: string; summary?: string | null; startedOn?: string }): Promise<ProjectDetail> {
  ensureAllowed(listVerdicts(scope, await orgs.pathIfSeen(q, input.orgId)), 'create');
  await orgs.place(q, input.orgId);
  const [r] = await q.query<{ id: number }>(
    `INSERT INTO projects (org_id, name, summary, started_on) VALUES ($1, $2, $3, coalesce($4::date, current_date)) RETURNING id`,
    [input.orgId, input.name, input.summary ?? '', input.startedOn ?? null],
  );
  return detail(q, scope, r!.id);
}

/** The project, if the caller may take this step on it now; refused as its verdict says otherwise. */
async function allowedOn(q: Queryable, scope: Scope, id: number, action: ProjectRecordAction): Promise<Row> {
  const r = await row(q, id);
  ensureAllowed(verdictsOf(scope, r), action);
  return r;
}

/**
 * A unit or a member joins, saying what they bring: in words, or a resource
 * from the resources list (a unit pledges its own).
 */
export async function addParty(q: Queryable, scope: Scope, id: number, input: { unitId?: number; personId?: number; resourceId?: number; pledge?: string }): Promise<ProjectDetail> {
  const p = await allowedOn(q, scope, id, 'edit');
  if ((input.unitId === undefined) === (input.personId === undefined)) throw E.one_party();
  const name =
    input.unitId !== undefined
      ? (await needs.dispatchTargets(q)).find((u) => u.id === input.unitId)?.name
      : (await people.find(q, input.personId!))?.name;
  if (!name) throw E.party_not_found().on(input.unitId !== undefined ? 'unitId' : 'personId');
  let pledge = input.pledge;
  if (input.resourceId !== undefined) {
    const r = await resources.find(q, input.resourceId);
    if (!r || r.status !== 'available') throw E.resource_unavailable();
    if (r.unitId !== (input.unitId ?? null)) throw E.resource_not_own();
    pledge ||= `${r.kindLabel}：${r.name}`;
  }
  if (!pledge) throw E.pledge_required();
  await q.query(`INSERT INTO project_parties (org_id, project_id, unit_id, person_id, resource_id, party_name, pledge) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    p.org_id, id, input.unitId ?? null, input.personId ?? null, input.resourceId ?? null, name, pledge,
  ]);
  return detail(q, scope, id);
}

export async function linkNeed(q: Queryable, scope: Scope, id: number, needId: number): Promise<ProjectDetail> {
  const p = await allowedOn(q, scope, id, 'edit');
  if (!(await needs.summaries(q, [needId])).has(needId)) throw E.need_not_found();
  await q.query(`INSERT INTO project_needs (org_id, project_id, need_id) VALUES ($1, $2, $3)`, [p.org_id, id, needId]);
  return detail(q, scope, id);
}

export async function addUpdate(q: Queryable, scope: Scope, id: number, input: { body: string; progress: number }): Promise<ProjectDetail> {
  const p = await allowedOn(q, scope, id, 'progress');
  await q.query(`INSERT INTO project_updates (org_id, project_id, body, progress, author) VALUES ($1, $2, $3, $4, $5)`, [
    p.org_id, id, input.body, input.progress, scope.userName ?? '',
  ]);
  return detail(q, scope, id);
}

/** Completes the project (with its outcome) or stops it (with the reason). */
export async function finish(q: Queryable, scope: Scope, id: number, status: 'completed' | 'cancelled', outcome: string): Promise<ProjectDetail> {
  await allowedOn(q, scope, id, status === 'completed' ? 'complete' : 'cancel');
  await q.query(`UPDATE projects SET status = $2, outcome = $3, completed_on = current_date WHERE id = $1`, [id, status, outcome]);
  return detail(q, scope, id);
}
