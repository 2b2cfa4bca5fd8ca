import type { Queryable } from '../../kernel/db.ts';
import type { StatFigure } from '../../kernel/manifest.ts';
import { allowed, ensureAllowed } from '../../kernel/actions.ts';
import { notFound } from '../../kernel/errors.ts';
import type { Scope } from '../../kernel/scope.ts';
import { STEPS, reportInVerdicts, unitsOf, type ReportInFacts } from './policy.ts';
import type { TodoItem } from '../../kernel/todo.ts';
import { E, REPORT_IN } from './errors.ts';
import { writeWorkbook } from '../../kernel/excel.ts';
import { conditions } from '../../kernel/sql.ts';
import * as orgs from '../orgs/service.ts';
import * as people from '../people/service.ts';
import { REPORT_IN_ACTIONS, REPORT_IN_STATUSES, type ReportIn, type ReportInAction, type ReportInStatus } from './schema.ts';

// Dual registration: the unit issues, the community accepts (or declines) and
// returns a receipt, the member commits to a service. Who sees which rows is
// row-level security (community subtree, issuing unit, the member); who may
// take which step is policy.ts.

interface Row {
  id: number;
  org_id: number;
  org_name: string;
  unit_id: number;
  unit_name: string;
  person_id: number;
  person_name: string | null;
  status: ReportInStatus;
  issued_on: string;
  note: string | null;
  decided_on: string | null;
  decline_reason: string | null;
  receipt_no: string | null;
  service_item: string | null;
  commitment: string | null;
}

// The community and unit names come from the directory and the row's own
// unit: a liaison cannot otherwise read the community, nor a community the unit.
const SELECT = `SELECT r.id, r.org_id, d.name AS org_name, r.unit_id, coalesce(un.name, '') AS unit_name, r.person_id, p.name AS person_name,
       r.status, r.issued_on::text, r.note, r.decided_on::text, r.decline_reason, r.receipt_no, r.service_item, r.commitment
  FROM report_ins r
  JOIN gj_community_directory() d ON d.id = r.org_id
  LEFT JOIN unit_labels un ON un.id = r.unit_id
  LEFT JOIN person_labels p ON p.id = r.person_id`;

const toReportIn = (r: Row): ReportIn => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  personId: r.person_id,
  personName: r.person_name,
  status: r.status,
  statusLabel: REPORT_IN_STATUSES.labels[r.status],
  issuedOn: r.issued_on,
  note: r.note,
  decidedOn: r.decided_on,
  declineReason: r.decline_reason,
  receiptNo: r.receipt_no,
  serviceItem: r.service_item,
  commitment: r.commitment,
});

export async function get(q: Queryable, id: number): Promise<ReportIn> {
  const [row] = await q.query<Row>(`${SELECT} WHERE r.id = $1`, [id]);
  if (!row) throw notFound(REPORT_IN);
  return toReportIn(row);
}

export async function list(q: Queryable, f: { orgId?: number; unitId?: number; status?: ReportInStatus }): Promise<ReportIn[]> {
  const where = conditions();
  if (f.orgId !== undefined) where.add('r.org_id = $?', f.orgId);
  if (f.unitId !== undefined) where.add('r.unit_id = $?', f.unitId);
  if (f.status) where.add('r.status = $?', f.status);
  const rows = await q.query<Row>(`${SELECT} ${where.sql} ORDER BY r.id DESC LIMIT 1000`, where.params);
  return rows.map(toReportIn);
}

export async function counts(q: Queryable): Promise<Record<ReportInStatus, number>> {
  const rows = await q.query<{ status: ReportInStatus; n: number }>(`SELECT status, count(*) AS n FROM report_ins GROUP BY status`);
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return { issued: by.issued ?? 0, accepted: by.accepted ?? 0, declined: by.declined ?? 0, withdrawn: by.withdrawn ?? 0 };
}

export async function communities(q: Queryable, text?: string): Promise<{ id: number; name: string; street: string | null }[]> {
  return q.query(`SELECT id, name, street FROM gj_community_directory() WHERE $1::text IS NULL OR name LIKE '%' || $1 || '%' ORDER BY street, name LIMIT 200`, [
    text || null,
  ]);
}

/** The unit issues a registration for one of its employed members to the community where the member lives. */
export async function issue(q: Queryable, unitIds: number[], input: { personId: number; orgId: number; note?: string | null }): Promise<ReportIn> {
  const person = await people.find(q, input.personId);
  if (!person) throw E.member_not_found();
  if (!person.isMember) throw E.not_member({ name: person.name });
  if (person.unitId === null || !unitIds.includes(person.unitId)) throw E.not_employed({ name: person.name });
  const [community] = await q.query(`SELECT id FROM gj_community_directory() WHERE id = $1`, [input.orgId]);
  if (!community) throw E.community_invalid();
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO report_ins (org_id, unit_id, person_id, member_user_id, note) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [input.orgId, person.unitId, input.personId, await people.accountOf(q, input.personId), input.note ?? null],
  );
  return get(q, row!.id);
}

/** A step is taken on a registration still pending (the routes' verdicts say so first; this holds for the demo and a race). */
async function pending(q: Queryable, id: number, step: keyof typeof STEPS): Promise<ReportIn> {
  const r = await get(q, id);
  if (r.status !== 'issued') throw E.not_pending({ status: REPORT_IN_STATUSES.term(r.status), step: STEPS[step] });
  return r;
}

/** Where each registration stands for the caller (its community's path, null where out of sight; whether it is theirs). */
async function factsOf(q: Queryable, scope: Scope, items: ReportIn[]): Promise<Map<number, ReportInFacts>> {
  const rows = await q.query<{ id: number; path: string | null; own: boolean }>(
    `SELECT r.id, o.path::text AS path, coalesce(r.member_user_id = $2, false) AS own FROM report_ins r LEFT JOIN org_labels o ON o.id = r.org_id WHERE r.id = ANY ($1::bigint[])`,
    [items.map((r) => r.id), scope.userId],
  );
  const by = new Map(rows.map((r) => [Number(r.id), r]));
  return new Map(items.map((r) => [r.id, { orgPath: by.get(r.id)?.path ?? null, own: by.get(r.id)?.own ?? false, unitId: r.unitId, status: r.status }]));
}

/** The registrations with what the caller may do to each (policy.ts). */
export async function withActions(q: Queryable, scope: Scope, items: ReportIn[]): Promise<(ReportIn & { actions: ReportInAction[] })[]> {
  const facts = await factsOf(q, scope, items);
  return items.map((r) => ({ ...r, actions: allowed(REPORT_IN_ACTIONS, reportInVerdicts(scope, facts.get(r.id)!)) }));
}

/** Refuses a step the caller may not take on the registration now, with its verdict. */
export async function ensureAction(q: Queryable, scope: Scope, id: number, action: ReportInAction): Promise<void> {
  const facts = (await factsOf(q, scope, [await get(q, id)])).get(id)!;
  ensureAllowed(reportInVerdicts(scope, facts), action);
}

/** The community accepts: the member is reported, and the unit gets a receipt number. */
export async function accept(q: Queryable, id: number): Promise<ReportIn> {
  await pending(q, id, 'accept');
  await q.query(
    `UPDATE report_ins SET status = 'accepted', decided_on = current_date,
            receipt_no = 'BD' || to_char(current_date, 'YYYY') || lpad(id::text, 6, '0') WHERE id = $1`,
    [id],
  );
  return get(q, id);
}

export async function decline(q: Queryable, id: number, reason: string): Promise<ReportIn> {
  await pending(q, id, 'decline');
  await q.query(`UPDATE report_ins SET status = 'declined', decided_on = current_date, decline_reason = $2 WHERE id = $1`, [id, reason]);
  return get(q, id);
}

export async function withdraw(q: Queryable, id: number): Promise<ReportIn> {
  await pending(q, id, 'withdraw');
  await q.query(`UPDATE report_ins SET status = 'withdrawn', decided_on = current_date WHERE id = $1`, [id]);
  return get(q, id);
}

/** The member (or the community for them) picks a service item and states a commitment. */
export async function commit(q: Queryable, id: number, input: { serviceItem: string; commitment: string }): Promise<ReportIn> {
  const pledged = await q.query(`UPDATE report_ins SET service_item = $2, commitment = $3 WHERE id = $1 AND status = 'accepted' RETURNING id`, [
    id,
    input.serviceItem,
    input.commitment,
  ]);
  if (!pledged.length) throw E.pledge_before_accept();
  return get(q, id);
}

/** Employed members of a unit who have not reported to any community. */
export async function unregistered(q: Queryable, unitId: number): Promise<{ id: number; name: string; orgName: string | null }[]> {
  await orgs.getUnit(q, unitId);
  return q.query(
    `SELECT p.id, p.name, o.name AS "orgName" FROM person_labels p LEFT JOIN org_labels o ON o.id = p.org_id
      WHERE p.unit_id = $1 AND p.is_member AND p.category = 'employed'
        AND NOT EXISTS (SELECT 1 FROM report_ins r WHERE r.person_id = p.id AND r.status IN ('issued', 'accepted'))
      ORDER BY p.id`,
    [unitId],
  );
}

/** The dual-registration ledger (报到台账) the caller sees, as an Excel sheet: the unit's, or the community's. */
export async function ledger(q: Queryable, f: { orgId?: number; unitId?: number; status?: ReportInStatus }): Promise<Buffer> {
  const rows = await list(q, f);
  return writeWorkbook([
    {
      name: '报到台账',
      columns: [
        { key: 'personName', header: '党员', width: 12 },
        { key: 'unitName', header: '工作单位', width: 24 },
        { key: 'orgName', header: '报到社区', width: 20 },
        { key: 'statusLabel', header: '状态', width: 12 },
        { key: 'issuedOn', header: '开具日期', width: 12 },
        { key: 'decidedOn', header: '接收（退回）日期', width: 16 },
        { key: 'receiptNo', header: '回执编号', width: 16 },
        { key: 'serviceItem', header: '服务项目', width: 14 },
        { key: 'commitment', header: '承诺内容', width: 40 },
        { key: 'declineReason', header: '退回原因', width: 20 },
      ],
      rows,
    },
  ]);
}

/** Its figure on the statistics page: the members reported in to the communities under the organization (accepted, as of now). */
export function statisticsFigures(): StatFigure[] {
  return [
    {
      key: 'reportins.reported', label: { zh: '报到党员', en: 'Members reported in' },
      count: async (q, orgId) => {
        const where = conditions();
        where.add(...(await orgs.underCondition(q, orgId, 'r')));
        where.always(`r.status = 'accepted'`);
        const [row] = await q.query<{ n: number }>(`SELECT count(DISTINCT r.person_id)::int AS n FROM report_ins r ${where.sql}`, where.params);
        return row?.n ?? 0;
      },
      link: () => '/report-ins',
    },
  ];
}

/**
 * What waits on the caller (今日待办): pending registrations at each
 * community where they may accept them, and each of their units' employed
 * members not yet reported.
 */
export async function todo(q: Queryable, scope: Scope): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  const pending = await q.query<{ org_id: number; name: string; path: string; n: number }>(
    `SELECT r.org_id, o.name, o.path::text AS path, count(*)::int AS n
       FROM report_ins r JOIN org_labels o ON o.id = r.org_id
      WHERE r.status = 'issued' GROUP BY r.org_id, o.name, o.path ORDER BY o.path`,
  );
  for (const p of pending) {
    const verdicts = reportInVerdicts(scope, { orgPath: p.path, unitId: 0, own: false, status: 'issued' });
    if (verdicts.accept !== null) continue;
    items.push({ kind: 'reportin_to_accept', title: p.name, count: p.n, dueOn: null, overdue: false, link: '/report-ins?status=issued' });
  }
  for (const unitId of unitsOf(scope)) {
    const missing = await unregistered(q, unitId);
    if (!missing.length) continue;
    const unit = await orgs.getUnit(q, unitId);
    items.push({ kind: 'member_unreported', title: unit.name, count: missing.length, dueOn: null, overdue: false, link: '/report-ins' });
  }
  return items;
}
