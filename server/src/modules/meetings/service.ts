import { allowed, allowedAtAny, ensureAllowed, viewedFrom } from '../../kernel/actions.ts';
import type { FieldCipher } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { StatFigure } from '../../kernel/manifest.ts';
import { notFound } from '../../kernel/errors.ts';
import { PDF_AND_IMAGES, parseDataUrlFile } from '../../kernel/files.ts';
import type { Scope } from '../../kernel/scope.ts';
import { conditions, countRows } from '../../kernel/sql.ts';
import { addDays, REGION_TIME_ZONE, regionToday } from '../../kernel/time.ts';
import type { TodoItem } from '../../kernel/todo.ts';
import * as needs from '../needs/service.ts';
import type { NeedCategory, NeedKind } from '../needs/schema.ts';
import * as orgs from '../orgs/service.ts';
import * as people from '../people/service.ts';
import * as projects from '../projects/service.ts';
import { inviteMany, resolveMany, taskMany } from './bulk.ts';
import { ATTACHMENT, E, INVITEE, MEETING, MINUTES, TASK } from './errors.ts';
import { inviteeVerdicts, isAssignee, listVerdicts, meetingVerdicts, minutesVerdicts, taskVerdicts } from './policy.ts';
import {
  INVITEE_ACTIONS, MEETING_ACTIONS, MEETING_LIST_ACTIONS, MINUTES_ACTIONS, TASK_ACTIONS,
  type AgendaItem, type AgendaSource, type AttachmentPurpose, type Attendance, type Invitee, type InviteeResponse, type Meeting, type MeetingAction, type MeetingCadence,
  type MeetingDetail, type MeetingKind, type MeetingListAction, type MeetingStatus, type Minutes, type MinutesStatus, type NewTask, type Resolution,
  type Task, type TaskAction, type TaskReportKind, type TaskStatus,
} from './schema.ts';

export { inviteMany, minutesMany, resolveMany, scheduleMany, taskMany, type BulkInvitee, type BulkMeeting, type BulkMinutes, type BulkTask } from './bulk.ts';

// Meetings (会议) and what they decide (决议 → 任务). What a caller may do is
// decided once per record in policy.ts; the database holds the rest: a task's
// steps, approved minutes never changing, one invitation per seat or unit.

const at = (col: string) => `to_char(${col} AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD HH24:MI')`;

interface MeetingRow {
  id: number; org_id: number; org_name: string | null; org_path: string | null; kind: MeetingKind; title: string; starts_at: string; place: string | null;
  cadence: MeetingCadence; status: MeetingStatus; chair_person_id: number | null; chair_name: string | null;
  invited: number; present: number; open_tasks: number; overdue_tasks: number;
}
const MEETING_SELECT = `SELECT m.id, m.org_id, gj_org_name(m.org_id) AS org_name, o.path::text AS org_path, m.kind, m.title,
       to_json(m.starts_at) #>> '{}' AS starts_at, m.place, m.cadence, m.status, m.chair_person_id, p.name AS chair_name,
       (SELECT count(*) FROM meeting_invitees i WHERE i.meeting_id = m.id)::int AS invited,
       (SELECT count(*) FROM meeting_invitees i WHERE i.meeting_id = m.id AND i.attendance IN ('present', 'delegate'))::int AS present,
       (SELECT count(*) FROM meeting_tasks t WHERE t.meeting_id = m.id AND t.status <> 'done')::int AS open_tasks,
       (SELECT count(*) FROM meeting_tasks t WHERE t.meeting_id = m.id AND t.status <> 'done' AND t.deadline < current_date)::int AS overdue_tasks
  FROM meetings m LEFT JOIN org_labels o ON o.id = m.org_id LEFT JOIN person_labels p ON p.id = m.chair_person_id`;
const INVITED = `m.id IN (SELECT i.meeting_id FROM meeting_invitees i WHERE i.unit_id = ANY (gj_unit_ids()) OR i.user_id = gj_user_id())`;

const toMeeting = (scope: Scope, r: MeetingRow): Meeting => ({
  id: r.id, orgId: r.org_id, orgName: r.org_name ?? '', kind: r.kind, title: r.title, startsAt: r.starts_at, place: r.place, cadence: r.cadence,
  status: r.status, chairPersonId: r.chair_person_id, chairName: r.chair_name, invited: r.invited, present: r.present,
  openTasks: r.open_tasks, overdueTasks: r.overdue_tasks,
  actions: allowed(MEETING_ACTIONS, meetingVerdicts(scope, { orgPath: r.org_path, status: r.status })),
});

export interface MeetingFilter {
  orgId?: number;
  kind?: MeetingKind;
  status?: MeetingStatus;
  invited?: boolean;
}

/** Meetings the caller reaches: staff their subtree's, invitees and assignees their own; the next first, then the latest. */
export async function list(q: Queryable, scope: Scope, f: MeetingFilter): Promise<{ items: Meeting[]; actions: MeetingListAction[] }> {
  const where = conditions();
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'm')));
  if (f.kind !== undefined) where.add('m.kind = $?', f.kind);
  if (f.status !== undefined) where.add('m.status = $?', f.status);
  if (f.invited) where.always(INVITED);
  const rows = await q.query<MeetingRow>(`${MEETING_SELECT} ${where.sql} ORDER BY m.starts_at < now(), abs(extract(epoch FROM m.starts_at - now())), m.id LIMIT 500`, where.params);
  const places = viewedFrom(scope, f.orgId === undefined ? undefined : await orgs.pathIfSeen(q, f.orgId));
  return { items: rows.map((r) => toMeeting(scope, r)), actions: allowedAtAny(MEETING_LIST_ACTIONS, places, (p) => listVerdicts(scope, p)) };
}

async function meetingRow(q: Queryable, meetingId: number): Promise<MeetingRow> {
  const [row] = await q.query<MeetingRow>(`${MEETING_SELECT} WHERE m.id = $1`, [meetingId]);
  if (!row) throw notFound(MEETING);
  return row;
}

/** The meeting, refused unless the caller may take this action on it now. */
async function meetingFor(q: Queryable, scope: Scope, meetingId: number, action: MeetingAction): Promise<MeetingRow> {
  const row = await meetingRow(q, meetingId);
  ensureAllowed(meetingVerdicts(scope, { orgPath: row.org_path, status: row.status }), action);
  return row;
}

export async function create(
  q: Queryable, scope: Scope,
  input: { orgId: number; kind: MeetingKind; title: string; startsAt: string; place?: string | null; cadence: MeetingCadence; chairPersonId?: number },
): Promise<MeetingDetail> {
  ensureAllowed(listVerdicts(scope, await orgs.pathIfSeen(q, input.orgId)), 'create');
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO meetings (org_id, kind, title, starts_at, place, cadence, chair_person_id, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [input.orgId, input.kind, input.title, input.startsAt, input.place || null, input.cadence, input.chairPersonId ?? null, scope.userName ?? ''],
  );
  return detail(q, scope, row!.id);
}

export async function update(
  q: Queryable, scope: Scope, meetingId: number,
  patch: { title?: string; startsAt?: string; place?: string | null; status?: MeetingStatus },
): Promise<MeetingDetail> {
  await meetingFor(q, scope, meetingId, 'edit');
  const changes = Object.entries({ title: patch.title, starts_at: patch.startsAt, place: patch.place === undefined ? undefined : patch.place || null, status: patch.status })
    .filter(([, v]) => v !== undefined);
  if (changes.length) {
    await q.query(`UPDATE meetings SET ${changes.map(([col], i) => `${col} = $${i + 2}`).join(', ')} WHERE id = $1`, [meetingId, ...changes.map(([, v]) => v)]);
  }
  return detail(q, scope, meetingId);
}

/**
 * Invites sitting members of the meeting's own committee, units tied to it,
 * and members of the organization by name (a joint committee's, those of the
 * branches it joins too); a seat's holder and a member answer with their own account.
 */
export async function invite(q: Queryable, scope: Scope, meetingId: number, input: { seatIds: number[]; unitIds: number[]; personIds?: number[] }): Promise<MeetingDetail> {
  const m = await meetingFor(q, scope, meetingId, 'invite');
  const seats = (await orgs.seats(q, m.org_id)).filter((s) => s.endedOn === null);
  const chosenSeats = input.seatIds.map((id) => seats.find((s) => s.id === id) ?? null);
  if (chosenSeats.includes(null)) throw E.seat_elsewhere();
  const units = await tiedUnits(q, m.org_id);
  const chosenUnits = input.unitIds.map((id) => units.get(id));
  if (chosenUnits.includes(undefined)) throw E.unit_not_tied();
  const personIds = [...new Set(input.personIds ?? [])];
  const members = await people.membersAmong(q, m.org_id, personIds);
  if (members.length !== personIds.length) throw E.member_elsewhere();
  await inviteMany(q, [
    ...chosenSeats.map((seat) => ({ orgId: m.org_id, meetingId, seatId: seat!.id, unitId: null, personId: seat!.personId, name: `${seat!.personName ?? ''}（${seat!.roleLabel}）` })),
    ...input.unitIds.map((unitId, i) => ({ orgId: m.org_id, meetingId, seatId: null, unitId, personId: null, name: chosenUnits[i]! })),
    ...members.map((p) => ({ orgId: m.org_id, meetingId, seatId: null, unitId: null, personId: p.id, userId: p.userId, name: p.name })),
  ]);
  return detail(q, scope, meetingId);
}

/** The units tied to an organization now (orgs publishes its ties), by id with their names. */
async function tiedUnits(q: Queryable, orgId: number): Promise<Map<number, string>> {
  const ties = (await orgs.ties(q, orgId)).filter((t) => t.endedOn === null && t.toUnitId !== null);
  return new Map(ties.map((t) => [t.toUnitId!, t.toName ?? '']));
}

interface InviteeRow {
  id: number; meeting_id: number; seat_id: number | null; unit_id: number | null; person_id: number | null; user_id: number | null; name: string;
  response: InviteeResponse; delegate_name: string | null; attendance: Attendance | null; org_path: string | null; meeting_status: MeetingStatus;
}
const INVITEE_SELECT = `SELECT i.id, i.meeting_id, i.seat_id, i.unit_id, i.person_id, i.user_id, i.name, i.response, i.delegate_name, i.attendance,
       o.path::text AS org_path, m.status AS meeting_status
  FROM meeting_invitees i JOIN meetings m ON m.id = i.meeting_id LEFT JOIN org_labels o ON o.id = i.org_id`;
const inviteeVerdictsOf = (scope: Scope, r: InviteeRow) =>
  inviteeVerdicts(scope, { unitId: r.unit_id, userId: r.user_id, orgPath: r.org_path, meetingStatus: r.meeting_status });
const toInvitee = (scope: Scope, r: InviteeRow): Invitee => ({
  id: r.id, meetingId: r.meeting_id, seatId: r.seat_id, unitId: r.unit_id, personId: r.person_id, name: r.name, response: r.response,
  delegateName: r.delegate_name, attendance: r.attendance, actions: allowed(INVITEE_ACTIONS, inviteeVerdictsOf(scope, r)),
});

async function inviteeRow(q: Queryable, inviteeId: number): Promise<InviteeRow> {
  const [row] = await q.query<InviteeRow>(`${INVITEE_SELECT} WHERE i.id = $1`, [inviteeId]);
  if (!row) throw notFound(INVITEE);
  return row;
}

/** The invitee answers from their phone: attending, sending a delegate (named), or excused. */
export async function answer(q: Queryable, scope: Scope, inviteeId: number, input: { response: InviteeResponse; delegateName?: string | null }): Promise<Invitee> {
  const row = await inviteeRow(q, inviteeId);
  ensureAllowed(inviteeVerdictsOf(scope, row), 'answer');
  if ((input.response === 'delegating') !== Boolean(input.delegateName)) throw E.delegate_name();
  await q.query(`UPDATE meeting_invitees SET response = $2, delegate_name = $3, answered_at = now() WHERE id = $1`, [inviteeId, input.response, input.delegateName || null]);
  return toInvitee(scope, await inviteeRow(q, inviteeId));
}

/** Sign-in at the meeting: the seat's holder (or the unit's) came, a delegate came for them, or nobody did. */
export async function recordAttendance(q: Queryable, scope: Scope, inviteeId: number, input: { attendance: Attendance; delegateName?: string | null }): Promise<Invitee> {
  const row = await inviteeRow(q, inviteeId);
  ensureAllowed(inviteeVerdictsOf(scope, row), 'recordAttendance');
  const delegate = input.attendance === 'delegate' ? input.delegateName || row.delegate_name : row.response === 'delegating' ? row.delegate_name : null;
  if (input.attendance === 'delegate' && !delegate) throw E.delegate_name();
  await q.query(`UPDATE meeting_invitees SET attendance = $2, delegate_name = $3 WHERE id = $1`, [inviteeId, input.attendance, delegate]);
  return toInvitee(scope, await inviteeRow(q, inviteeId));
}

export async function addAgendaItem(
  q: Queryable, scope: Scope, meetingId: number,
  input: { title: string; needId?: number; projectId?: number; unitId?: number; note?: string | null },
): Promise<MeetingDetail> {
  const m = await meetingFor(q, scope, meetingId, 'addAgendaItem');
  const refs = [input.needId, input.projectId, input.unitId].filter((x) => x !== undefined);
  if (refs.length > 1) throw E.agenda_reference();
  // The referenced record as the caller may read it: a need or project out of reach is not found.
  if (input.needId !== undefined) await needs.get(q, input.needId);
  if (input.projectId !== undefined) await projects.detail(q, scope, input.projectId);
  if (input.unitId !== undefined) await orgs.getUnit(q, input.unitId);
  const source: AgendaSource = input.needId !== undefined ? 'need' : input.projectId !== undefined ? 'project' : input.unitId !== undefined ? 'proposal' : 'topic';
  await q.query(
    `INSERT INTO meeting_agenda_items (org_id, meeting_id, position, title, source, need_id, project_id, unit_id, note)
     VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM meeting_agenda_items WHERE meeting_id = $2), $3, $4, $5, $6, $7, $8)`,
    [m.org_id, meetingId, input.title, source, input.needId ?? null, input.projectId ?? null, input.unitId ?? null, input.note || null],
  );
  return detail(q, scope, meetingId);
}

interface MinutesRow {
  id: number; meeting_id: number; version: number; body: string; status: MinutesStatus; written_by: string; written_at: string;
  approved_by: string | null; approved_at: string | null; org_path: string | null;
}
const MINUTES_SELECT = `SELECT n.id, n.meeting_id, n.version, n.body, n.status, n.written_by, ${at('n.written_at')} AS written_at, n.approved_by,
       ${at('n.approved_at')} AS approved_at, o.path::text AS org_path
  FROM meeting_minutes n LEFT JOIN org_labels o ON o.id = n.org_id`;
const minutesVerdictsOf = (scope: Scope, r: MinutesRow) => minutesVerdicts(scope, { orgPath: r.org_path, status: r.status });
const toMinutes = (scope: Scope, r: MinutesRow): Minutes => ({
  id: r.id, version: r.version, body: r.body, status: r.status, writtenBy: r.written_by, writtenAt: r.written_at, approvedBy: r.approved_by,
  approvedAt: r.approved_at, actions: allowed(MINUTES_ACTIONS, minutesVerdictsOf(scope, r)),
});

/** A new version of the minutes, as a draft: the first, or the correction of an approved one. */
export async function writeMinutes(q: Queryable, scope: Scope, meetingId: number, body: string): Promise<MeetingDetail> {
  const m = await meetingFor(q, scope, meetingId, 'writeMinutes');
  await q.query(
    `INSERT INTO meeting_minutes (org_id, meeting_id, version, body, written_by)
     VALUES ($1, $2, (SELECT coalesce(max(version), 0) + 1 FROM meeting_minutes WHERE meeting_id = $2), $3, $4)`,
    [m.org_id, meetingId, body, scope.userName ?? ''],
  );
  return detail(q, scope, meetingId);
}

async function minutesFor(q: Queryable, scope: Scope, minutesId: number, action: 'edit' | 'approve'): Promise<MinutesRow> {
  const [row] = await q.query<MinutesRow>(`${MINUTES_SELECT} WHERE n.id = $1`, [minutesId]);
  if (!row) throw notFound(MINUTES);
  ensureAllowed(minutesVerdictsOf(scope, row), action);
  return row;
}

/** Edits a draft; approved minutes are refused (a new version is written instead). */
export async function editMinutes(q: Queryable, scope: Scope, minutesId: number, body: string): Promise<MeetingDetail> {
  const row = await minutesFor(q, scope, minutesId, 'edit');
  await q.query(`UPDATE meeting_minutes SET body = $2, written_by = $3, written_at = now() WHERE id = $1`, [minutesId, body, scope.userName ?? '']);
  return detail(q, scope, row.meeting_id);
}

export async function approveMinutes(q: Queryable, scope: Scope, minutesId: number): Promise<MeetingDetail> {
  const row = await minutesFor(q, scope, minutesId, 'approve');
  await q.query(`UPDATE meeting_minutes SET status = 'approved', approved_by = $2, approved_at = now() WHERE id = $1`, [minutesId, scope.userName ?? '']);
  return detail(q, scope, row.meeting_id);
}

/**
 * Where a meeting may send its tasks, by organization path or unit: its own
 * organization and those under it, the organizations tied to it and the
 * units tied to it (orgs' ties). Anything else is refused, naming the field.
 */
async function assigneeOf(q: Queryable, m: MeetingRow, t: NewTask, units: Map<number, string>): Promise<{ orgId: number | null; unitId: number | null; name: string }> {
  if ((t.assigneeOrgId === undefined) === (t.unitId === undefined)) throw E.assignee_one();
  if (t.unitId !== undefined) {
    const name = units.get(t.unitId);
    if (name === undefined) throw E.assignee_outside();
    return { orgId: null, unitId: t.unitId, name };
  }
  const orgId = t.assigneeOrgId!;
  const path = await orgs.pathIfSeen(q, orgId);
  const under = path !== null && m.org_path !== null && (path === m.org_path || path.startsWith(`${m.org_path}.`));
  const tied = under || (await orgs.ties(q, m.org_id)).some((x) => x.endedOn === null && (x.toOrgId === orgId || (x.orgId === orgId && x.toOrgId === m.org_id)));
  if (!tied) throw E.assignee_outside();
  return { orgId, unitId: null, name: (await orgs.get(q, orgId)).name };
}

/** A resolution, with the tasks it gives to organizations and units. */
export async function resolve(
  q: Queryable, scope: Scope, meetingId: number,
  input: { agendaItemId?: number; text: string; tasks: NewTask[] },
): Promise<MeetingDetail> {
  const m = await meetingFor(q, scope, meetingId, 'resolve');
  if (input.agendaItemId !== undefined) {
    const [item] = await q.query(`SELECT 1 FROM meeting_agenda_items WHERE id = $1 AND meeting_id = $2`, [input.agendaItemId, meetingId]);
    if (!item) throw E.item_elsewhere();
  }
  const units = await tiedUnits(q, m.org_id);
  const assignees: Awaited<ReturnType<typeof assigneeOf>>[] = [];
  for (const t of input.tasks) assignees.push(await assigneeOf(q, m, t, units));
  const [resolutionId] = await resolveMany(q, [{ orgId: m.org_id, meetingId, agendaItemId: input.agendaItemId ?? null, text: input.text }]);
  await taskMany(q, input.tasks.map((t, i) => ({
    orgId: m.org_id, meetingId, resolutionId: resolutionId!, assigneeOrgId: assignees[i]!.orgId, unitId: assignees[i]!.unitId, assigneeName: assignees[i]!.name,
    title: t.title, deadline: t.deadline, responsible: t.responsible,
  })));
  return detail(q, scope, meetingId);
}

interface TaskRow {
  id: number; meeting_id: number; meeting_title: string | null; org_id: number; org_path: string | null; resolution_id: number; resolution: string | null;
  assignee_org_id: number | null; assignee_path: string | null; unit_id: number | null; assignee_name: string; title: string; deadline: string;
  responsible: string; status: TaskStatus; overdue: boolean; progress: string | null; evidence: string | null; need_id: number | null;
}
const TASK_SELECT = `SELECT t.id, t.meeting_id, m.title AS meeting_title, t.org_id, o.path::text AS org_path, t.resolution_id, r.text AS resolution,
       t.assignee_org_id, a.path::text AS assignee_path, t.unit_id, t.assignee_name, t.title, t.deadline::text, t.responsible, t.status,
       (t.status <> 'done' AND t.deadline < current_date) AS overdue, t.progress, t.evidence, t.need_id
  FROM meeting_tasks t LEFT JOIN meetings m ON m.id = t.meeting_id LEFT JOIN meeting_resolutions r ON r.id = t.resolution_id
  LEFT JOIN org_labels o ON o.id = t.org_id LEFT JOIN org_labels a ON a.id = t.assignee_org_id`;
const taskVerdictsOf = (scope: Scope, r: TaskRow) =>
  taskVerdicts(scope, { orgPath: r.org_path, assigneePath: r.assignee_path, unitId: r.unit_id, status: r.status, needId: r.need_id });

async function toTasks(q: Queryable, scope: Scope, rows: TaskRow[]): Promise<Task[]> {
  const reports = await q.query<{ task_id: number; kind: TaskReportKind; note: string | null; by_name: string; at: string }>(
    `SELECT task_id, kind, note, by_name, ${at('at')} AS at FROM meeting_task_reports WHERE task_id = ANY ($1::bigint[]) ORDER BY at, id`,
    [rows.map((r) => r.id)],
  );
  return rows.map((r) => ({
    id: r.id, meetingId: r.meeting_id, meetingTitle: r.meeting_title ?? '', orgId: r.org_id, resolutionId: r.resolution_id, resolution: r.resolution ?? '',
    assigneeOrgId: r.assignee_org_id, unitId: r.unit_id, assigneeName: r.assignee_name, title: r.title, deadline: r.deadline, responsible: r.responsible,
    status: r.status, overdue: r.overdue, progress: r.progress, evidence: r.evidence, needId: r.need_id,
    reports: reports.filter((x) => x.task_id === r.id).map((x) => ({ kind: x.kind, note: x.note, byName: x.by_name, at: x.at })),
    actions: allowed(TASK_ACTIONS, taskVerdictsOf(scope, r)),
  }));
}

export interface TaskFilter {
  orgId?: number;
  status?: TaskStatus;
  overdue?: boolean;
  mine?: boolean;
}

/** Tasks the caller reaches: a committee's (its chair sees the overdue ones), or those given to the caller's unit or organization. */
export async function tasks(q: Queryable, scope: Scope, f: TaskFilter): Promise<Task[]> {
  const where = conditions();
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 't')));
  if (f.status !== undefined) where.add('t.status = $?', f.status);
  if (f.overdue) where.always(`t.status <> 'done' AND t.deadline < current_date`);
  const rows = await q.query<TaskRow>(`${TASK_SELECT} ${where.sql} ORDER BY t.status = 'done', t.deadline, t.id LIMIT 500`, where.params);
  return toTasks(q, scope, f.mine ? rows.filter((r) => isAssignee(scope, { assigneePath: r.assignee_path, unitId: r.unit_id })) : rows);
}

/** Days ahead a task shows on the assignee's home (今日待办) before its deadline. */
const TODO_AHEAD_DAYS = 7;

/** The caller's own open tasks (their unit's or organization's) overdue or due within the week, for the home page. */
export async function todo(q: Queryable, scope: Scope): Promise<TodoItem[]> {
  const until = addDays(regionToday(), TODO_AHEAD_DAYS);
  const open = (await tasks(q, scope, { mine: true })).filter((t) => t.status !== 'done' && t.deadline <= until);
  return open.map((t) => ({ kind: 'meeting_task', title: t.title, count: null, dueOn: t.deadline, overdue: t.overdue, link: '/my-tasks' }));
}

/**
 * The tasks an organization (or one under it) or its units completed in a
 * period, as its work report assembles them (workreports): what was done,
 * for which meeting, when; read with the caller's rights.
 */
export async function doneBy(q: Queryable, f: { orgIds: number[]; unitIds: number[]; from: string; to: string }) {
  return q.query<{ id: number; title: string; meetingTitle: string | null; completedOn: string }>(
    `SELECT t.id, t.title, m.title AS "meetingTitle", (t.completed_at AT TIME ZONE '${REGION_TIME_ZONE}')::date::text AS "completedOn"
       FROM meeting_tasks t LEFT JOIN meetings m ON m.id = t.meeting_id
      WHERE (t.assignee_org_id = ANY ($1::bigint[]) OR t.unit_id = ANY ($2::bigint[])) AND t.status = 'done'
        AND t.completed_at >= ($3::date)::timestamp AT TIME ZONE '${REGION_TIME_ZONE}' AND t.completed_at < ($4::date + 1)::timestamp AT TIME ZONE '${REGION_TIME_ZONE}'
      ORDER BY t.completed_at, t.id LIMIT 500`,
    [f.orgIds, f.unitIds, f.from, f.to],
  );
}

async function taskRow(q: Queryable, taskId: number): Promise<TaskRow> {
  const [row] = await q.query<TaskRow>(`${TASK_SELECT} WHERE t.id = $1`, [taskId]);
  if (!row) throw notFound(TASK);
  return row;
}

async function oneTask(q: Queryable, scope: Scope, taskId: number): Promise<Task> {
  return (await toTasks(q, scope, [await taskRow(q, taskId)]))[0]!;
}

const STEP: Record<Exclude<TaskAction, 'createNeed'>, { kind: TaskReportKind; set: string }> = {
  accept: { kind: 'accept', set: `status = 'accepted', accepted_at = now()` },
  report: { kind: 'progress', set: `status = 'in_progress', progress = $2` },
  complete: { kind: 'complete', set: `status = 'done', evidence = $2, completed_at = now()` },
};

/** The assignee's step: accept, report progress, complete with evidence; each is kept in the task's history. */
export async function taskStep(q: Queryable, scope: Scope, taskId: number, action: Exclude<TaskAction, 'createNeed'>, note: string | null): Promise<Task> {
  const row = await taskRow(q, taskId);
  ensureAllowed(taskVerdictsOf(scope, row), action);
  const step = STEP[action];
  await q.query(`UPDATE meeting_tasks SET ${step.set} WHERE id = $1`, action === 'accept' ? [taskId] : [taskId, note]);
  await q.query(
    `INSERT INTO meeting_task_reports (org_id, task_id, assignee_org_id, unit_id, kind, note, by_name) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [row.org_id, taskId, row.assignee_org_id, row.unit_id, step.kind, note, scope.userName ?? ''],
  );
  return oneTask(q, scope, taskId);
}

/** The task becomes a need in the needs loop (source: joint meeting) where it is worked, so nothing is typed twice. */
export async function createNeed(q: Queryable, cipher: FieldCipher, scope: Scope, taskId: number, input: { kind: NeedKind; category: NeedCategory }): Promise<Task> {
  const row = await taskRow(q, taskId);
  ensureAllowed(taskVerdictsOf(scope, row), 'createNeed');
  const need = await needs.createNeed(q, cipher, {
    orgId: row.assignee_org_id ?? row.org_id, kind: input.kind, category: input.category, source: 'joint_meeting', title: row.title,
    description: row.resolution ?? '', requesterName: row.meeting_title ?? '',
  });
  await q.query(`UPDATE meeting_tasks SET need_id = $2 WHERE id = $1`, [taskId, need.id]);
  return oneTask(q, scope, taskId);
}

/** One meeting with its agenda, what is still open from the committee's earlier meetings, invitees, minutes and resolutions. */
export async function detail(q: Queryable, scope: Scope, meetingId: number): Promise<MeetingDetail> {
  const m = await meetingRow(q, meetingId);
  const agenda = await q.query<{ id: number; position: number; title: string; source: AgendaSource; need_id: number | null; project_id: number | null; unit_id: number | null; note: string | null }>(
    `SELECT id, position, title, source, need_id, project_id, unit_id, note FROM meeting_agenda_items WHERE meeting_id = $1 ORDER BY position`, [meetingId],
  );
  const invitees = await q.query<InviteeRow>(`${INVITEE_SELECT} WHERE i.meeting_id = $1 ORDER BY i.seat_id IS NULL, i.id`, [meetingId]);
  const minutes = await q.query<MinutesRow>(`${MINUTES_SELECT} WHERE n.meeting_id = $1 ORDER BY n.version DESC`, [meetingId]);
  const resolutions = await q.query<{ id: number; agenda_item_id: number | null; text: string }>(
    `SELECT id, agenda_item_id, text FROM meeting_resolutions WHERE meeting_id = $1 ORDER BY id`, [meetingId],
  );
  const own = await toTasks(q, scope, await q.query<TaskRow>(`${TASK_SELECT} WHERE t.meeting_id = $1 ORDER BY t.id`, [meetingId]));
  const carried = await q.query<TaskRow>(
    `${TASK_SELECT} WHERE t.org_id = $1 AND t.status <> 'done'
        AND t.meeting_id IN (SELECT e.id FROM meetings e WHERE e.org_id = $1 AND e.starts_at < $2::timestamptz AND e.id <> $3)
      ORDER BY t.deadline, t.id`,
    [m.org_id, m.starts_at, meetingId],
  );
  return {
    ...toMeeting(scope, m),
    agenda: agenda.map((a): AgendaItem => ({ id: a.id, position: a.position, title: a.title, source: a.source, needId: a.need_id, projectId: a.project_id, unitId: a.unit_id, note: a.note })),
    carriedOver: await toTasks(q, scope, carried),
    invitees: invitees.map((i) => toInvitee(scope, i)),
    minutes: minutes.map((n) => toMinutes(scope, n)),
    resolutions: resolutions.map((r): Resolution => ({ id: r.id, agendaItemId: r.agenda_item_id, text: r.text, tasks: own.filter((t) => t.resolutionId === r.id) })),
    attachments: await q.query<MeetingDetail['attachments'][number]>(
      `SELECT id, purpose, name, mime, octet_length(content) AS "sizeBytes", uploaded_name AS "uploadedName",
              to_char(created_at AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD HH24:MI') AS "uploadedAt"
         FROM meeting_attachments WHERE meeting_id = $1 ORDER BY id`, [meetingId],
    ),
  };
}

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** An agenda paper or the minutes as a file: a PDF or an image, checked by its bytes, at most 5 MB; kept as uploaded. */
export async function addAttachment(q: Queryable, scope: Scope, meetingId: number, input: { purpose: AttachmentPurpose; name: string; dataUrl: string }): Promise<MeetingDetail> {
  const m = await meetingFor(q, scope, meetingId, 'attach');
  const file = parseDataUrlFile(input.dataUrl, { types: PDF_AND_IMAGES, maxBytes: MAX_ATTACHMENT_BYTES, badFormat: () => E.file_format(), tooLarge: () => E.file_too_large() });
  await q.query(
    `INSERT INTO meeting_attachments (org_id, meeting_id, purpose, name, mime, content, uploaded_by, uploaded_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [m.org_id, meetingId, input.purpose, input.name, file.mime, file.content, scope.userId, scope.userName ?? ''],
  );
  return detail(q, scope, meetingId);
}

/** One attachment's file, for whoever may read the meeting's attachments. */
export async function attachment(q: Queryable, attachmentId: number): Promise<{ name: string; mime: string; content: Buffer }> {
  const [r] = await q.query<{ name: string; mime: string; content: Buffer }>(`SELECT name, mime, content FROM meeting_attachments WHERE id = $1`, [attachmentId]);
  if (!r) throw notFound(ATTACHMENT);
  return r;
}

/** Marks tasks past their deadline (the manifest's job); read time derives the same, so a late sweep loses nothing. */
export async function markOverdue(q: Queryable): Promise<number> {
  return (await q.query<{ n: number }>(`SELECT gj_mark_overdue_meeting_tasks() AS n`))[0]!.n;
}

/** What an organization holds: the meetings it called, and the tasks given to it. */
export async function countHeld(q: Queryable, orgId: number): Promise<number> {
  const [r] = await q.query<{ n: number }>(
    `SELECT ((SELECT count(*) FROM meetings WHERE org_id = $1) + (SELECT count(*) FROM meeting_tasks WHERE assignee_org_id = $1))::int AS n`, [orgId],
  );
  return r!.n;
}

/** A retired organization's meetings move whole (their rows follow through the composite keys); its tasks go to the receiver. */
export async function moveHeld(q: Queryable, m: { from: number; to: number }): Promise<void> {
  await q.query(`UPDATE meetings SET org_id = $2 WHERE org_id = $1`, [m.from, m.to]);
  await q.query(`UPDATE meeting_tasks SET assignee_org_id = $2 WHERE assignee_org_id = $1`, [m.from, m.to]);
  await q.query(`UPDATE meeting_task_reports SET assignee_org_id = $2 WHERE assignee_org_id = $1`, [m.from, m.to]);
}

/** Its figures on the statistics page (statistics imports no module; the manifest hands them over). */
export function statisticsFigures(): StatFigure[] {
  return [
    {
      key: 'meetings.openTasks', label: { zh: '未完成的任务', en: 'Open tasks' },
      count: async (q, orgId) => countRows(q, 'meeting_tasks t', [await orgs.underCondition(q, orgId, 't'), "t.status <> 'done'"]),
      link: (orgId) => `/meetings?orgId=${orgId}`,
    },
    {
      key: 'meetings.overdueTasks', label: { zh: '超期未完成的任务', en: 'Overdue tasks' },
      count: async (q, orgId) => countRows(q, 'meeting_tasks t', [await orgs.underCondition(q, orgId, 't'), "t.status <> 'done'", 't.deadline < current_date']),
      link: (orgId) => `/meetings?orgId=${orgId}`,
    },
  ];
}
