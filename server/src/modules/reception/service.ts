import { allowed, allowedAtAny, ensureAllowed, viewedFrom } from '../../kernel/actions.ts';
import type { FieldCipher } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import type { Scope } from '../../kernel/scope.ts';
import type { StatFigure, StatPeriod } from '../../kernel/manifest.ts';
import { conditions } from '../../kernel/sql.ts';
import * as needs from '../needs/service.ts';
import * as orgs from '../orgs/service.ts';
import { E, REPRESENTATIVE } from './errors.ts';
import { listVerdicts, representativeVerdicts } from './policy.ts';
import {
  RECEPTION_LIST_ACTIONS, REPRESENTATIVE_ACTIONS,
  type DutyPeriod, type ReceptionListAction, type RecordVisit, type Representative, type RepresentativeKind, type Visit,
} from './schema.ts';

// The reception office (接待站, 两代表一委员). A visit is recorded once, as a
// need of the needs loop (source 'reception') with the representative who
// received it; what the office achieved is counted from these rows and the
// needs' own statuses, never typed.

interface RepresentativeRow {
  id: number; org_id: number; org_path: string | null; kind: RepresentativeKind; name: string; constituency: string; person_id: number | null;
  active: boolean; visits: number;
}
const REPRESENTATIVE_SELECT = `SELECT r.id, r.org_id, o.path::text AS org_path, r.kind, r.name, r.constituency, r.person_id, r.active,
       (SELECT count(*) FROM reception_visits v WHERE v.representative_id = r.id)::int AS visits
  FROM reception_representatives r LEFT JOIN org_labels o ON o.id = r.org_id`;
const verdictsOf = (scope: Scope, r: RepresentativeRow) => representativeVerdicts(scope, { orgPath: r.org_path, active: r.active });
const toRepresentative = (scope: Scope, r: RepresentativeRow): Representative => ({
  id: r.id, orgId: r.org_id, kind: r.kind, name: r.name, constituency: r.constituency, personId: r.person_id, active: r.active, visits: r.visits,
  actions: allowed(REPRESENTATIVE_ACTIONS, verdictsOf(scope, r)),
});

export interface OfficeFilter {
  orgId?: number;
  from?: string;
  to?: string;
}

async function where(q: Queryable, f: OfficeFilter, alias: string, dateCol?: string) {
  const w = conditions();
  if (f.orgId !== undefined) w.add(...(await orgs.underCondition(q, f.orgId, alias)));
  if (dateCol && f.from !== undefined) w.add(`${alias}.${dateCol} >= $?`, f.from);
  if (dateCol && f.to !== undefined) w.add(`${alias}.${dateCol} <= $?`, f.to);
  return w;
}

/** The roster: every representative of the offices under an organization, with the visits they received. */
export async function representatives(q: Queryable, scope: Scope, f: OfficeFilter): Promise<{ items: Representative[]; actions: ReceptionListAction[] }> {
  const w = await where(q, f, 'r');
  const rows = await q.query<RepresentativeRow>(`${REPRESENTATIVE_SELECT} ${w.sql} ORDER BY r.active DESC, r.kind, r.id LIMIT 1000`, w.params);
  const places = viewedFrom(scope, f.orgId === undefined ? undefined : await orgs.pathIfSeen(q, f.orgId));
  return { items: rows.map((r) => toRepresentative(scope, r)), actions: allowedAtAny(RECEPTION_LIST_ACTIONS, places, (p) => listVerdicts(scope, p)) };
}

async function representativeRow(q: Queryable, id: number): Promise<RepresentativeRow> {
  const [row] = await q.query<RepresentativeRow>(`${REPRESENTATIVE_SELECT} WHERE r.id = $1`, [id]);
  if (!row) throw notFound(REPRESENTATIVE);
  return row;
}

export async function createRepresentative(
  q: Queryable, scope: Scope, input: { orgId: number; kind: RepresentativeKind; name: string; constituency: string; personId?: number },
): Promise<Representative> {
  ensureAllowed(listVerdicts(scope, await orgs.pathIfSeen(q, input.orgId)), 'create');
  const [id] = await enrolMany(q, [{ ...input, personId: input.personId ?? null }]);
  return toRepresentative(scope, await representativeRow(q, id!));
}

export async function addSlot(q: Queryable, scope: Scope, representativeId: number, input: { onDate: string; period: DutyPeriod }): Promise<Representative> {
  const r = await representativeRow(q, representativeId);
  ensureAllowed(verdictsOf(scope, r), 'schedule');
  await slotMany(q, [{ orgId: r.org_id, representativeId, ...input }]);
  return toRepresentative(scope, await representativeRow(q, representativeId));
}

export async function slots(q: Queryable, f: OfficeFilter) {
  const w = await where(q, f, 's', 'on_date');
  const rows = await q.query<{ id: number; representative_id: number; name: string; on_date: string; period: DutyPeriod }>(
    `SELECT s.id, s.representative_id, r.name, s.on_date::text, s.period FROM reception_duty_slots s JOIN reception_representatives r ON r.id = s.representative_id
      ${w.sql} ORDER BY s.on_date DESC, s.period, s.id LIMIT 1000`, w.params,
  );
  return rows.map((s) => ({ id: s.id, representativeId: s.representative_id, representativeName: s.name, onDate: s.on_date, period: s.period }));
}

/**
 * A visitor received by a representative on duty: one entry that raises the
 * need (at the office's organization, or one under it) and records who
 * received it. The visitor's contact goes into the need, encrypted there.
 */
export async function recordVisit(q: Queryable, cipher: FieldCipher, scope: Scope, input: RecordVisit): Promise<Visit> {
  if (input.representativeId === undefined) throw E.representative_required();
  // A representative out of the caller's reach is not on any roster they keep.
  const r = await representativeRow(q, input.representativeId).catch((err: unknown) => { throw err instanceof AppError ? E.representative_elsewhere() : err; });
  ensureAllowed(verdictsOf(scope, r), 'recordVisit');
  let needOrg = r.org_id;
  if (input.needOrgId !== undefined) {
    const path = await orgs.pathIfSeen(q, input.needOrgId);
    if (path === null || r.org_path === null || !(path === r.org_path || path.startsWith(`${r.org_path}.`))) throw E.need_org_outside();
    needOrg = input.needOrgId;
  }
  const need = await needs.createNeed(q, cipher, {
    orgId: needOrg, kind: 'request', category: input.category, source: 'reception', title: input.title, description: input.description ?? '',
    requesterName: input.visitorName, phone: input.phone ?? null, address: input.address ?? null,
  });
  const [id] = await visitMany(q, [{ orgId: r.org_id, representativeId: r.id, visitedOn: input.visitedOn, needId: need.id, recordedBy: scope.userName ?? '' }]);
  return (await visits(q, { orgId: r.org_id }, id))[0]!;
}

export async function visits(q: Queryable, f: OfficeFilter, id?: number): Promise<Visit[]> {
  const w = await where(q, f, 'v', 'visited_on');
  if (id !== undefined) w.add('v.id = $?', id);
  const rows = await q.query<{ id: number; org_id: number; representative_id: number; name: string; visited_on: string; need_id: number; recorded_by: string }>(
    `SELECT v.id, v.org_id, v.representative_id, r.name, v.visited_on::text, v.need_id, v.recorded_by
       FROM reception_visits v JOIN reception_representatives r ON r.id = v.representative_id ${w.sql} ORDER BY v.visited_on DESC, v.id DESC LIMIT 1000`,
    w.params,
  );
  const seen = await needs.summaries(q, rows.map((v) => v.need_id));
  return rows.map((v) => {
    const n = seen.get(v.need_id);
    return {
      id: v.id, orgId: v.org_id, representativeId: v.representative_id, representativeName: v.name, visitedOn: v.visited_on, needId: v.need_id,
      needTitle: n?.title ?? null, needStatus: n?.status ?? null, solved: n?.seenThrough ?? false, recordedBy: v.recorded_by,
    };
  });
}

/** Representatives with a duty slot in the period, and the slots. */
async function duty(q: Queryable, f: OfficeFilter): Promise<{ reps: number; slots: number }> {
  const ws = await where(q, f, 's', 'on_date');
  const [d] = await q.query<{ reps: number; slots: number }>(
    `SELECT count(DISTINCT s.representative_id)::int AS reps, count(*)::int AS slots FROM reception_duty_slots s ${ws.sql}`, ws.params,
  );
  return d!;
}

/** The visitors received in the period, and how many of their problems were solved (their needs seen through). */
async function visitors(q: Queryable, f: OfficeFilter): Promise<{ visitors: number; solved: number }> {
  const wv = await where(q, f, 'v', 'visited_on');
  const needIds = (await q.query<{ need_id: number }>(`SELECT v.need_id FROM reception_visits v ${wv.sql}`, wv.params)).map((v) => v.need_id);
  const seen = await needs.summaries(q, needIds);
  return { visitors: needIds.length, solved: [...seen.values()].filter((n) => n.seenThrough).length };
}

/** The office's figures, counted: representatives on the roster and on duty, visitors received, problems solved. */
export async function figures(q: Queryable, f: OfficeFilter) {
  const wr = await where(q, { orgId: f.orgId }, 'r');
  const [roster] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM reception_representatives r ${wr.sql}${wr.sql ? ' AND' : ' WHERE'} r.active`, wr.params);
  const d = await duty(q, f);
  return { representatives: roster!.n, onDuty: d.reps, dutySlots: d.slots, ...(await visitors(q, f)) };
}

// Many rows at once (the demo; one from the routes too): one INSERT … SELECT FROM unnest per batch.

export interface BulkRepresentative { orgId: number; kind: RepresentativeKind; name: string; constituency: string; personId: number | null }

export async function enrolMany(q: Queryable, xs: BulkRepresentative[]): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO reception_representatives (org_id, kind, name, constituency, person_id, user_id)
     SELECT x.o, x.k, x.n, x.c, x.p, pl.user_id
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[]) WITH ORDINALITY AS x (o, k, n, c, p, i) LEFT JOIN person_labels pl ON pl.id = x.p
      ORDER BY x.i RETURNING id`,
    [xs.map((x) => x.orgId), xs.map((x) => x.kind), xs.map((x) => x.name), xs.map((x) => x.constituency), xs.map((x) => x.personId)],
  );
  return rows.map((r) => r.id);
}

export interface BulkSlot { orgId: number; representativeId: number; onDate: string; period: DutyPeriod }

export async function slotMany(q: Queryable, xs: BulkSlot[]): Promise<void> {
  await q.query(
    `INSERT INTO reception_duty_slots (org_id, representative_id, user_id, on_date, period)
     SELECT x.o, x.r, r.user_id, x.d, x.p FROM unnest($1::bigint[], $2::bigint[], $3::date[], $4::text[]) AS x (o, r, d, p)
       JOIN reception_representatives r ON r.id = x.r`,
    [xs.map((x) => x.orgId), xs.map((x) => x.representativeId), xs.map((x) => x.onDate), xs.map((x) => x.period)],
  );
}

export interface BulkVisit { orgId: number; representativeId: number; visitedOn: string; needId: number; recordedBy: string }

export async function visitMany(q: Queryable, xs: BulkVisit[]): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO reception_visits (org_id, representative_id, user_id, visited_on, need_id, recorded_by)
     SELECT x.o, x.r, r.user_id, x.d, x.n, x.b
       FROM unnest($1::bigint[], $2::bigint[], $3::date[], $4::bigint[], $5::text[]) WITH ORDINALITY AS x (o, r, d, n, b, i) JOIN reception_representatives r ON r.id = x.r
      ORDER BY x.i RETURNING id`,
    [xs.map((x) => x.orgId), xs.map((x) => x.representativeId), xs.map((x) => x.visitedOn), xs.map((x) => x.needId), xs.map((x) => x.recordedBy)],
  );
  return rows.map((r) => r.id);
}

/**
 * The office's figures on the statistics page (平房区's 432 representatives
 * on duty, 789 visitors, 132 problems solved), counted for the period by the
 * same queries the office's own page runs, and leading to it filtered alike.
 */
export function statisticsFigures(): StatFigure[] {
  const link = (orgId: number, p: StatPeriod) => `/reception?orgId=${orgId}&from=${p.from}&to=${p.to}`;
  // Each figure asks only for what it shows (the trend asks once a month): the same queries the office's page runs.
  const onDuty = (q: Queryable, orgId: number, p: StatPeriod) => duty(q, { orgId, ...p }).then((d) => d.reps);
  const of = (key: 'visitors' | 'solved') => (q: Queryable, orgId: number, p: StatPeriod) => visitors(q, { orgId, ...p }).then((v) => v[key]);
  return [
    { key: 'reception.onDuty', label: { zh: '接待站值班代表', en: 'Representatives on duty at reception offices' }, period: true, count: onDuty, link },
    { key: 'reception.visitors', label: { zh: '接待站接待来访', en: 'Visitors received at reception offices' }, period: true, trend: true, count: of('visitors'), link },
    { key: 'reception.solved', label: { zh: '接待站来访解决问题', en: 'Visitors’ problems solved' }, period: true, count: of('solved'), link },
  ];
}
