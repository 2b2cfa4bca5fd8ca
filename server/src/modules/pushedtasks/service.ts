import { allowed, ensureAllowed } from '../../kernel/actions.ts';
import { mapInTurn, type Queryable } from '../../kernel/db.ts';
import { notFound } from '../../kernel/errors.ts';
import type { Scope } from '../../kernel/scope.ts';
import { conditions } from '../../kernel/sql.ts';
import * as funds from '../funds/service.ts';
import * as orgs from '../orgs/service.ts';
import { E, PUSHED_TASK } from './errors.ts';
import { departmentVerdicts, taskVerdicts, type Department } from './policy.ts';
import {
  PUSHED_TASK_ACTIONS, PUSHED_TASK_LIST_ACTIONS,
  type CreatePushedTask, type PushedTask, type PushedTaskFigures, type PushedTaskListAction, type PushedTaskNature, type PushedTaskStatus,
} from './schema.ts';

// 社区工作事项准入 (权随事走、费随事转): the tasks departments hand down to
// communities, each with the authority and the money that go with it, or
// marked as going without. What a community carries, and what each
// department pushed, are counted from these rows, never typed.

interface TaskRow {
  id: number; org_id: number; org_path: string | null; unit_id: number; department: string; title: string; nature: PushedTaskNature;
  authority: string | null; funds_fen: number | null; fund_source_id: number | null; starts_on: string; status: PushedTaskStatus; registered_by: string;
}
const TASK_SELECT = `SELECT t.id, t.org_id, o.path::text AS org_path, t.unit_id, t.department_name AS department, t.title, t.nature, t.authority, t.funds_fen::float8 AS funds_fen,
       t.fund_source_id, t.starts_on::text, t.status, t.registered_by
  FROM pushed_tasks t LEFT JOIN org_labels o ON o.id = t.org_id`;

/** Authority is there when its basis is written; funds when an amount above zero or a source is named. */
const withoutFunds = (t: { funds_fen: number | null; fund_source_id: number | null }) => !(t.funds_fen !== null && t.funds_fen > 0) && t.fund_source_id === null;
const FIGURES_SQL = `count(*)::int AS total,
       count(*) FILTER (WHERE t.nature = 'administrative')::int AS administrative,
       count(*) FILTER (WHERE t.authority IS NULL)::int AS without_authority,
       count(*) FILTER (WHERE coalesce(t.funds_fen, 0) = 0 AND t.fund_source_id IS NULL)::int AS without_funds,
       coalesce(sum(t.funds_fen), 0)::float8 AS funds_fen`;
interface FiguresRow { total: number; administrative: number; without_authority: number; without_funds: number; funds_fen: number }
const toFigures = (f: FiguresRow): PushedTaskFigures => ({
  total: f.total, administrative: f.administrative, administrativeShare: f.total ? Math.round((100 * f.administrative) / f.total) : 0,
  withoutAuthority: f.without_authority, withoutFunds: f.without_funds, fundsFen: f.funds_fen,
});

/**
 * What was spent on the tasks, by task and spending organization: the lines
 * of the caller's own ledgers, and, 费随事转, each carrying community's line
 * to whoever reads that community's share of the task (the department that
 * pushed it), and the department's own line to whoever reads the task.
 */
async function spending(q: Queryable, ids: number[]): Promise<{ id: number; orgId: number; fen: number }[]> {
  if (!ids.length) return [];
  const carried = await q.query<{ id: number; orgId: number; fen: number }>(
    `SELECT s.id, s.org_id AS "orgId", s.fen::float8 AS fen
       FROM gj_fund_spent_on('task', $1::bigint[]) s JOIN pushed_tasks t ON t.id = s.id
      WHERE s.org_id = t.org_id OR EXISTS (SELECT 1 FROM pushed_task_communities c WHERE c.task_id = s.id AND c.org_id = s.org_id)`,
    [ids],
  );
  const lines = new Map([...carried, ...(await funds.spentBy(q, 'task', ids))].map((x) => [`${x.id}:${x.orgId}`, x]));
  return [...lines.values()];
}

async function toTasks(q: Queryable, scope: Scope, rows: TaskRow[]): Promise<PushedTask[]> {
  const ids = rows.map((r) => r.id);
  const targets = await q.query<{ task_id: number; org_id: number; name: string | null }>(
    `SELECT c.task_id, c.org_id, d.name FROM pushed_task_communities c LEFT JOIN gj_community_directory() d ON d.id = c.org_id
      WHERE c.task_id = ANY ($1::bigint[]) ORDER BY c.task_id, c.org_id`,
    [ids],
  );
  const sources = await funds.sourceLabels(q, rows.flatMap((r) => (r.fund_source_id === null ? [] : [r.fund_source_id])));
  const spent = await spending(q, ids);
  const spentBy = (taskId: number, orgId?: number) => spent.filter((x) => x.id === taskId && (orgId === undefined || x.orgId === orgId)).reduce((n, x) => n + x.fen, 0);
  return rows.map((r) => ({
    id: r.id, orgId: r.org_id, unitId: r.unit_id, departmentName: r.department, title: r.title, nature: r.nature, authority: r.authority,
    fundsFen: r.funds_fen, spentFen: spentBy(r.id), fundSourceId: r.fund_source_id, fundSourceName: r.fund_source_id === null ? null : (sources.get(r.fund_source_id)?.name ?? null),
    withoutAuthority: r.authority === null, withoutFunds: withoutFunds(r),
    communities: targets.filter((c) => c.task_id === r.id).map((c) => ({ orgId: c.org_id, name: c.name ?? '', spentFen: spentBy(r.id, c.org_id) })),
    startsOn: r.starts_on, status: r.status, registeredBy: r.registered_by,
    actions: allowed(PUSHED_TASK_ACTIONS, taskVerdicts(scope, { unitId: r.unit_id, orgPath: r.org_path, status: r.status })),
  }));
}

/**
 * The departments the caller reads, each with the organization its tasks
 * belong to: its party organization where it has one in the tree (a
 * department's branch under the organs committee), else the organization it
 * is registered at. So a community where a department happens to be
 * registered does not read every task the department pushes elsewhere.
 */
async function departments(q: Queryable, ids?: number[]): Promise<(Department & { name: string; orgId: number })[]> {
  const units = ids ? (await mapInTurn(ids, (id) => orgs.findUnit(q, id))).flatMap((u) => (u ? [u] : [])) : await orgs.listUnits(q);
  const found = units.filter((u) => u.kind === 'department').map((u) => ({ unitId: u.id, name: u.name, orgId: u.partyOrgId ?? u.orgId }));
  const paths = await orgs.pathsOf(q, found.map((d) => d.orgId));
  return found.map((d) => ({ ...d, orgPath: paths.get(d.orgId) ?? null })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.unitId - b.unitId);
}

export interface PushedTaskFilter { orgId?: number; unitId?: number; status?: PushedTaskStatus }

async function where(q: Queryable, f: PushedTaskFilter) {
  const w = conditions();
  // A community's tasks are those pushed onto it (or onto communities under the organization asked for).
  if (f.orgId !== undefined) {
    const [sql, value] = await orgs.underCondition(q, f.orgId, 'c');
    w.add(`t.id IN (SELECT c.task_id FROM pushed_task_communities c WHERE ${sql})`, value);
  }
  if (f.unitId !== undefined) w.add('t.unit_id = $?', f.unitId);
  return w;
}

/** The tasks pushed onto the communities under an organization, or by a department; figures count those in force. */
export async function list(q: Queryable, scope: Scope, f: PushedTaskFilter): Promise<{
  items: PushedTask[]; figures: PushedTaskFigures; departments: { id: number; name: string; orgId: number }[]; actions: PushedTaskListAction[];
}> {
  const w = await where(q, f);
  const [figures] = await q.query<FiguresRow>(`SELECT ${FIGURES_SQL} FROM pushed_tasks t ${w.sql}${w.sql ? ' AND' : ' WHERE'} t.status = 'active'`, w.params);
  if (f.status !== undefined) w.add('t.status = $?', f.status);
  const rows = await q.query<TaskRow>(`${TASK_SELECT} ${w.sql} ORDER BY t.status, t.starts_on DESC, t.id DESC LIMIT 500`, w.params);
  const mine = (await departments(q)).filter((d) => departmentVerdicts(scope, d).create === null);
  return {
    items: await toTasks(q, scope, rows), figures: toFigures(figures!), departments: mine.map((d) => ({ id: d.unitId, name: d.name, orgId: d.orgId })),
    actions: mine.length ? [...PUSHED_TASK_LIST_ACTIONS.values] : [],
  };
}

async function taskRow(q: Queryable, id: number): Promise<TaskRow> {
  const [row] = await q.query<TaskRow>(`${TASK_SELECT} WHERE t.id = $1`, [id]);
  if (!row) throw notFound(PUSHED_TASK);
  return row;
}

export async function get(q: Queryable, scope: Scope, id: number): Promise<PushedTask> {
  return (await toTasks(q, scope, [await taskRow(q, id)]))[0]!;
}

/** A department registers a task it hands down, with its authority and funds, onto one or more communities. */
export async function create(q: Queryable, scope: Scope, input: CreatePushedTask): Promise<PushedTask> {
  if (input.unitId === undefined) throw E.department_required();
  const unit = await orgs.findUnit(q, input.unitId);
  // A unit the caller does not read is none they act for.
  if (!unit) throw E.department_only({ action: PUSHED_TASK_LIST_ACTIONS.term('create') });
  const [department] = await departments(q, [unit.id]);
  if (!department) throw E.not_a_department();
  ensureAllowed(departmentVerdicts(scope, department), 'create');
  const communityIds = [...new Set(input.communityIds ?? [])];
  if (!communityIds.length) throw E.communities_required();
  const found = await q.query<{ id: number }>(`SELECT id FROM gj_community_directory() WHERE id = ANY ($1::bigint[])`, [communityIds]);
  if (found.length !== communityIds.length) throw E.not_a_community();
  if (input.fundSourceId != null) {
    const source = (await funds.sourceLabels(q, [input.fundSourceId])).get(input.fundSourceId);
    // The department's own money, or money held where the department is or above it.
    const reaches = source && (source.unitId === department.unitId || (department.orgPath ?? '').split('.').map(Number).includes(source.orgId));
    if (!reaches) throw E.source_unseen();
  }
  const [id] = await pushMany(q, [{
    orgId: department.orgId, unitId: department.unitId, departmentName: department.name, title: input.title, nature: input.nature, authority: input.authority || null,
    fundsFen: input.fundsFen ?? null, fundSourceId: input.fundSourceId ?? null, startsOn: input.startsOn, registeredBy: scope.userName ?? '', communityIds,
  }]);
  return get(q, scope, id!);
}

export async function withdraw(q: Queryable, scope: Scope, id: number): Promise<PushedTask> {
  const row = await taskRow(q, id);
  ensureAllowed(taskVerdicts(scope, { unitId: row.unit_id, orgPath: row.org_path, status: row.status }), 'withdraw');
  await q.query(`UPDATE pushed_tasks SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1`, [id]);
  return get(q, scope, id);
}

/** Per department: how many tasks in force it pushed onto the communities under an organization, and with what. */
export async function byDepartment(q: Queryable, f: { orgId?: number }) {
  const w = await where(q, f);
  w.always(`t.status = 'active'`);
  const rows = await q.query<FiguresRow & { unit_id: number; department: string; communities: number }>(
    `SELECT t.unit_id, min(t.department_name) AS department, ${FIGURES_SQL},
            (SELECT count(*) FROM pushed_task_communities c WHERE c.task_id = ANY (array_agg(t.id)))::int AS communities
       FROM pushed_tasks t ${w.sql}
      GROUP BY t.unit_id ORDER BY count(*) DESC, t.unit_id`,
    w.params,
  );
  return { items: rows.map((r) => ({ unitId: r.unit_id, departmentName: r.department, communities: r.communities, ...toFigures(r) })) };
}

// Many at once (the demo; one from the route too): one statement per table for the batch.

export interface BulkPushedTask {
  orgId: number; unitId: number; departmentName: string; title: string; nature: PushedTaskNature; authority: string | null; fundsFen: number | null; fundSourceId: number | null;
  startsOn: string; registeredBy: string; communityIds: number[];
}

export async function pushMany(q: Queryable, xs: BulkPushedTask[]): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO pushed_tasks (org_id, unit_id, department_name, title, nature, authority, funds_fen, fund_source_id, starts_on, registered_by)
     SELECT x.o, x.u, x.m, x.t, x.n, x.a, x.f, x.s, x.d, x.b
       FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::date[], $9::text[], $10::text[])
            WITH ORDINALITY AS x (o, u, t, n, a, f, s, d, b, m, i)
      ORDER BY x.i RETURNING id`,
    [xs.map((x) => x.orgId), xs.map((x) => x.unitId), xs.map((x) => x.title), xs.map((x) => x.nature), xs.map((x) => x.authority),
      xs.map((x) => x.fundsFen), xs.map((x) => x.fundSourceId), xs.map((x) => x.startsOn), xs.map((x) => x.registeredBy), xs.map((x) => x.departmentName)],
  );
  const ids = rows.map((r) => r.id);
  const pairs = xs.flatMap((x, i) => x.communityIds.map((c) => ({ task: ids[i]!, taskOrg: x.orgId, unit: x.unitId, community: c })));
  await q.query(
    `INSERT INTO pushed_task_communities (org_id, task_id, task_org_id, unit_id)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[])`,
    [pairs.map((p) => p.community), pairs.map((p) => p.task), pairs.map((p) => p.taskOrg), pairs.map((p) => p.unit)],
  );
  return ids;
}
