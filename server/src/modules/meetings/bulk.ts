import type { Queryable } from '../../kernel/db.ts';
import type { Attendance, InviteeResponse, MeetingCadence, MeetingKind, MeetingStatus, TaskStatus } from './schema.ts';

// Many meetings, invitees, minutes, resolutions or tasks at once (the demo;
// the service's invitations and a resolution's tasks too): one
// INSERT … SELECT FROM unnest per batch, through the same constraints.

export interface BulkMeeting {
  orgId: number; kind: MeetingKind; title: string; startsAt: string; place: string | null; cadence: MeetingCadence; status: MeetingStatus; createdBy: string;
}

export async function scheduleMany(q: Queryable, ms: BulkMeeting[]): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO meetings (org_id, kind, title, starts_at, place, cadence, status, created_by)
     SELECT x.o, x.k, x.t, x.s, x.p, x.c, x.st, x.b
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS x (o, k, t, s, p, c, st, b, i)
      ORDER BY x.i RETURNING id`,
    [ms.map((m) => m.orgId), ms.map((m) => m.kind), ms.map((m) => m.title), ms.map((m) => m.startsAt), ms.map((m) => m.place), ms.map((m) => m.cadence),
      ms.map((m) => m.status), ms.map((m) => m.createdBy)],
  );
  return rows.map((r) => r.id);
}

/** A seat (its holder's account answers) or a unit (its liaison answers), with the answer and sign-in where known. */
export interface BulkInvitee {
  orgId: number; meetingId: number; seatId: number | null; unitId: number | null; personId: number | null; name: string;
  /** The person's account, where the caller cannot read it from their file (a joint committee's joined members). */
  userId?: number | null;
  response?: InviteeResponse; delegateName?: string | null; attendance?: Attendance | null;
}

export async function inviteMany(q: Queryable, xs: BulkInvitee[]): Promise<void> {
  await q.query(
    `INSERT INTO meeting_invitees (org_id, meeting_id, seat_id, unit_id, person_id, user_id, name, response, delegate_name, attendance, answered_at)
     SELECT x.o, x.m, x.s, x.u, x.p, coalesce(x.ua, pl.user_id), x.n, x.r, x.d, x.a, CASE WHEN x.r <> 'pending' THEN now() END
       FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[])
            AS x (o, m, s, u, p, n, r, d, a, ua)
       LEFT JOIN person_labels pl ON pl.id = x.p`,
    [xs.map((x) => x.orgId), xs.map((x) => x.meetingId), xs.map((x) => x.seatId), xs.map((x) => x.unitId), xs.map((x) => x.personId), xs.map((x) => x.name),
      xs.map((x) => x.response ?? 'pending'), xs.map((x) => x.delegateName ?? null), xs.map((x) => x.attendance ?? null), xs.map((x) => x.userId ?? null)],
  );
}

/** Minutes as they stand: a version, approved by someone or still a draft. */
export interface BulkMinutes { orgId: number; meetingId: number; version: number; body: string; writtenBy: string; approvedBy: string | null }

export async function minutesMany(q: Queryable, xs: BulkMinutes[]): Promise<void> {
  await q.query(
    `INSERT INTO meeting_minutes (org_id, meeting_id, version, body, written_by, status, approved_by, approved_at)
     SELECT x.o, x.m, x.v, x.b, x.w, CASE WHEN x.a IS NULL THEN 'draft' ELSE 'approved' END, x.a, CASE WHEN x.a IS NOT NULL THEN now() END
       FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::text[], $6::text[]) AS x (o, m, v, b, w, a)`,
    [xs.map((x) => x.orgId), xs.map((x) => x.meetingId), xs.map((x) => x.version), xs.map((x) => x.body), xs.map((x) => x.writtenBy), xs.map((x) => x.approvedBy)],
  );
}

export interface BulkResolution { orgId: number; meetingId: number; agendaItemId: number | null; text: string }

export async function resolveMany(q: Queryable, xs: BulkResolution[]): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO meeting_resolutions (org_id, meeting_id, agenda_item_id, text)
     SELECT x.o, x.m, x.a, x.t FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[]) WITH ORDINALITY AS x (o, m, a, t, i) ORDER BY x.i RETURNING id`,
    [xs.map((x) => x.orgId), xs.map((x) => x.meetingId), xs.map((x) => x.agendaItemId), xs.map((x) => x.text)],
  );
  return rows.map((r) => r.id);
}

/**
 * Tasks given by a resolution, to an organization or a unit. Where a task
 * starts further along (the demo's history), each step it passed is in its
 * reports, by the responsible person.
 */
export interface BulkTask {
  orgId: number; meetingId: number; resolutionId: number; assigneeOrgId: number | null; unitId: number | null; assigneeName: string;
  title: string; deadline: string; responsible: string; status?: TaskStatus; progress?: string | null; evidence?: string | null;
}

export async function taskMany(q: Queryable, xs: BulkTask[]): Promise<void> {
  await q.query(
    `WITH made AS (
       INSERT INTO meeting_tasks (org_id, meeting_id, resolution_id, assignee_org_id, unit_id, assignee_name, title, deadline, responsible,
                                  status, progress, evidence, accepted_at, completed_at)
       SELECT x.o, x.m, x.r, x.ao, x.u, x.an, x.t, x.d, x.rp, x.s, x.p, x.e,
              CASE WHEN x.s <> 'assigned' THEN now() END, CASE WHEN x.s = 'done' THEN now() END
         FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[], $7::text[], $8::date[], $9::text[], $10::text[], $11::text[], $12::text[])
              AS x (o, m, r, ao, u, an, t, d, rp, s, p, e)
       RETURNING id, org_id, assignee_org_id, unit_id, responsible, status, progress, evidence
     )
     INSERT INTO meeting_task_reports (org_id, task_id, assignee_org_id, unit_id, kind, note, by_name)
     SELECT made.org_id, made.id, made.assignee_org_id, made.unit_id, step.kind, step.note, made.responsible
       FROM made CROSS JOIN LATERAL (VALUES (1, 'accept', NULL), (2, 'progress', made.progress), (3, 'complete', made.evidence)) AS step (n, kind, note)
      WHERE step.n <= CASE made.status WHEN 'accepted' THEN 1 WHEN 'in_progress' THEN 2 WHEN 'done' THEN 3 ELSE 0 END
        AND (step.kind <> 'progress' OR made.progress IS NOT NULL)`,
    [xs.map((x) => x.orgId), xs.map((x) => x.meetingId), xs.map((x) => x.resolutionId), xs.map((x) => x.assigneeOrgId), xs.map((x) => x.unitId),
      xs.map((x) => x.assigneeName), xs.map((x) => x.title), xs.map((x) => x.deadline), xs.map((x) => x.responsible), xs.map((x) => x.status ?? 'assigned'),
      xs.map((x) => x.progress ?? null), xs.map((x) => x.evidence ?? null)],
  );
}
