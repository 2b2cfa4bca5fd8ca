import { allowed, allowedAtAny, ensureAllowed, viewedFrom } from '../../kernel/actions.ts';
import type { Queryable } from '../../kernel/db.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import type { Scope } from '../../kernel/scope.ts';
import { conditions } from '../../kernel/sql.ts';
import { REGION_TIME_ZONE, addDays, regionToday } from '../../kernel/time.ts';
import * as activities from '../activities/service.ts';
import * as meetings from '../meetings/service.ts';
import * as needs from '../needs/service.ts';
import * as orgs from '../orgs/service.ts';
import { E, WORK_REPORT } from './errors.ts';
import { listVerdicts, reportVerdicts } from './policy.ts';
import {
  WORK_REPORT_ACTIONS, WORK_REPORT_LIST_ACTIONS, WORK_REPORT_PERIODS,
  type FileWorkReport, type WorkReport, type WorkReportListAction, type WorkReportPeriod, type WorkReportRecords,
} from './schema.ts';

// 述职 / 工作报告: a report up the structure, assembled from the reporter's
// records by asking the modules that keep them (meetings' tasks, needs,
// activities), never typed; the statement is the reporter's own words.

const MONTHS: Record<WorkReportPeriod, number> = { month: 1, quarter: 3, year: 12 };

/** The period's last day, or the refusal when periodFrom is not the first day of one. */
export function periodTo(kind: WorkReportPeriod, from: string): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const starts = d === 1 && (kind === 'month' || (kind === 'quarter' && (m - 1) % 3 === 0) || (kind === 'year' && m === 1));
  if (!starts) throw E.period_start({ period: WORK_REPORT_PERIODS.term(kind) });
  const next = new Date(Date.UTC(y, m - 1 + MONTHS[kind], 1)).toISOString().slice(0, 10);
  return addDays(next, -1);
}

/** Names of organizations, also those the caller does not see in the tree (the committee above it). */
async function orgNames(q: Queryable, ids: number[]): Promise<Map<number, string>> {
  const rows = await q.query<{ id: number; name: string }>(`SELECT id, name FROM gj_org_directory() WHERE id = ANY ($1::bigint[])`, [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The committee a report goes to: the organization directly above the reporter. */
async function receiverOf(q: Queryable, orgId: number): Promise<{ path: string; toOrgId: number }> {
  const path = await orgs.pathOf(q, orgId);
  const chain = path.split('.').map(Number);
  if (chain.length < 2) throw E.no_receiver();
  return { path, toOrgId: chain.at(-2)! };
}

/** The reporter's records of a period, as the caller reads them: the tasks it (or its units) completed, the needs done, the activities held. */
export async function assemble(q: Queryable, scope: Scope, orgId: number, from: string, to: string): Promise<WorkReportRecords> {
  const orgIds = await orgs.subtreeIds(q, orgId);
  const unitIds = (await orgs.listUnits(q)).filter((u) => u.partyOrgId !== null && orgIds.includes(u.partyOrgId)).map((u) => u.id);
  const held = (await activities.list(q, scope, { orgId, from, to })).filter((a) => a.status !== 'cancelled');
  return {
    tasksDone: await meetings.doneBy(q, { orgIds, unitIds, from, to }),
    needsDone: await needs.doneIn(q, { orgIds, unitIds, from, to }),
    activitiesHeld: held.map((a) => ({ id: a.id, title: a.title, startsAt: a.startsAt })),
  };
}

async function period(q: Queryable, input: { orgId: number; periodKind: WorkReportPeriod; periodFrom: string }) {
  const to = periodTo(input.periodKind, input.periodFrom);
  const { path, toOrgId } = await receiverOf(q, input.orgId);
  return { to, path, toOrgId };
}

/** What a report would hold if filed now: the form shows it before the statement is written. */
export async function draft(q: Queryable, scope: Scope, input: { orgId: number; periodKind: WorkReportPeriod; periodFrom: string }) {
  const { to, toOrgId } = await period(q, input);
  return {
    orgId: input.orgId, toOrgId, toOrgName: (await orgNames(q, [toOrgId])).get(toOrgId) ?? '', periodKind: input.periodKind, periodFrom: input.periodFrom, periodTo: to,
    records: await assemble(q, scope, input.orgId, input.periodFrom, to),
  };
}

/** Files the report of an ended period: the records as found now, with the statement, addressed to the committee above. */
export async function file(q: Queryable, scope: Scope, input: FileWorkReport): Promise<WorkReport> {
  const { to, path, toOrgId } = await period(q, input);
  ensureAllowed(listVerdicts(scope, path), 'create');
  if (to >= regionToday()) throw E.period_not_ended({ to });
  const records = await assemble(q, scope, input.orgId, input.periodFrom, to);
  const [id] = await fileMany(q, [{ orgId: input.orgId, toOrgId, periodKind: input.periodKind, periodFrom: input.periodFrom, periodTo: to, statement: input.statement, records, filedBy: scope.userName ?? '' }]);
  return get(q, scope, id!);
}

interface ReportRow {
  id: number; org_id: number; to_org_id: number; to_org_path: string | null; period_kind: WorkReportPeriod; period_from: string; period_to: string;
  statement: string; records: WorkReportRecords; filed_by: string; filed_at: string;
}
const REPORT_SELECT = `SELECT r.id, r.org_id, r.to_org_id, t.path::text AS to_org_path, r.period_kind, r.period_from::text, r.period_to::text, r.statement, r.records,
       r.filed_by, to_char(r.filed_at AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD HH24:MI') AS filed_at
  FROM work_reports r LEFT JOIN org_labels t ON t.id = r.to_org_id`;

async function toReports(q: Queryable, scope: Scope, rows: ReportRow[]): Promise<WorkReport[]> {
  const comments = await q.query<{ id: number; report_id: number; org_id: number; body: string; by_name: string; at: string }>(
    `SELECT c.id, c.report_id, c.org_id, c.body, c.by_name, to_char(c.at AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD HH24:MI') AS at
       FROM work_report_comments c WHERE c.report_id = ANY ($1::bigint[]) ORDER BY c.at, c.id`,
    [rows.map((r) => r.id)],
  );
  const names = await orgNames(q, [...rows.flatMap((r) => [r.org_id, r.to_org_id]), ...comments.map((c) => c.org_id)]);
  return rows.map((r) => ({
    id: r.id, orgId: r.org_id, orgName: names.get(r.org_id) ?? '', toOrgId: r.to_org_id, toOrgName: names.get(r.to_org_id) ?? '',
    periodKind: r.period_kind, periodFrom: r.period_from, periodTo: r.period_to, statement: r.statement, records: r.records, filedBy: r.filed_by, filedAt: r.filed_at,
    comments: comments.filter((c) => c.report_id === r.id).map((c) => ({ id: c.id, body: c.body, byName: c.by_name, orgName: names.get(c.org_id) ?? '', at: c.at })),
    actions: allowed(WORK_REPORT_ACTIONS, reportVerdicts(scope, { toOrgPath: r.to_org_path })),
  }));
}

async function reportRow(q: Queryable, id: number): Promise<ReportRow> {
  const [row] = await q.query<ReportRow>(`${REPORT_SELECT} WHERE r.id = $1`, [id]);
  if (!row) throw notFound(WORK_REPORT);
  return row;
}

export async function get(q: Queryable, scope: Scope, id: number): Promise<WorkReport> {
  return (await toReports(q, scope, [await reportRow(q, id)]))[0]!;
}

/** Reports filed by the organizations under orgId, or addressed to toOrgId; newest period first. */
export async function list(q: Queryable, scope: Scope, f: { orgId?: number; toOrgId?: number }): Promise<{ items: WorkReport[]; actions: WorkReportListAction[] }> {
  const w = conditions();
  if (f.orgId !== undefined) w.add(...(await orgs.underCondition(q, f.orgId, 'r')));
  if (f.toOrgId !== undefined) w.add('r.to_org_id = $?', f.toOrgId);
  const rows = await q.query<ReportRow>(`${REPORT_SELECT} ${w.sql} ORDER BY r.period_from DESC, r.id DESC LIMIT 200`, w.params);
  const places = viewedFrom(scope, f.orgId === undefined ? undefined : await orgs.pathIfSeen(q, f.orgId));
  return { items: await toReports(q, scope, rows), actions: allowedAtAny(WORK_REPORT_LIST_ACTIONS, places, (p) => listVerdicts(scope, p)) };
}

/** The receiving committee comments on a report addressed to it. */
export async function comment(q: Queryable, scope: Scope, id: number, body: string): Promise<WorkReport> {
  const row = await reportRow(q, id).catch((err: unknown) => {
    // A report the caller cannot read was not addressed to them.
    if (err instanceof AppError && err.status === 404) throw E.not_addressed_to_you();
    throw err;
  });
  ensureAllowed(reportVerdicts(scope, { toOrgPath: row.to_org_path }), 'comment');
  await commentMany(q, [{ orgId: row.to_org_id, reportId: id, reportOrgId: row.org_id, body, byName: scope.userName ?? '' }]);
  return get(q, scope, id);
}

// Many at once (the demo; one from the routes too).

export interface BulkReport {
  orgId: number; toOrgId: number; periodKind: WorkReportPeriod; periodFrom: string; periodTo: string; statement: string; records: WorkReportRecords; filedBy: string;
}

export async function fileMany(q: Queryable, xs: BulkReport[]): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO work_reports (org_id, to_org_id, period_kind, period_from, period_to, statement, records, filed_by)
     SELECT x.o, x.t, x.k, x.f, x.e, x.s, x.r, x.b
       FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::date[], $5::date[], $6::text[], $7::jsonb[], $8::text[]) WITH ORDINALITY AS x (o, t, k, f, e, s, r, b, i)
      ORDER BY x.i RETURNING id`,
    [xs.map((x) => x.orgId), xs.map((x) => x.toOrgId), xs.map((x) => x.periodKind), xs.map((x) => x.periodFrom), xs.map((x) => x.periodTo),
      xs.map((x) => x.statement), xs.map((x) => JSON.stringify(x.records)), xs.map((x) => x.filedBy)],
  );
  return rows.map((r) => r.id);
}

export async function commentMany(q: Queryable, xs: { orgId: number; reportId: number; reportOrgId: number; body: string; byName: string }[]): Promise<void> {
  await q.query(
    `INSERT INTO work_report_comments (org_id, report_id, report_org_id, body, by_name) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[])`,
    [xs.map((x) => x.orgId), xs.map((x) => x.reportId), xs.map((x) => x.reportOrgId), xs.map((x) => x.body), xs.map((x) => x.byName)],
  );
}
