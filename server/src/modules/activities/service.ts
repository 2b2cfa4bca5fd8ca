import { timingSafeEqual } from 'node:crypto';
import type { FieldCipher } from '../../kernel/crypto.ts';
import { mapInTurn, type Queryable } from '../../kernel/db.ts';
import type { StatFigure } from '../../kernel/manifest.ts';
import { allowed, allowedAtAny, ensureAllowed, viewedFrom, type Verdicts } from '../../kernel/actions.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { conditions, countRows, inPeriod } from '../../kernel/sql.ts';
import { hasRole, type Scope } from '../../kernel/scope.ts';
import type { TodoItem } from '../../kernel/todo.ts';
import * as needs from '../needs/service.ts';
import * as orgs from '../orgs/service.ts';
import * as people from '../people/service.ts';
import type { Person } from '../people/schema.ts';
import * as projects from '../projects/service.ts';
import * as reportIns from '../reportins/service.ts';
import * as resources from '../resources/service.ts';
import { ACTIVITY, E, SERIES, SIGNUP, TEAM, TEAM_MEMBER } from './errors.ts';
import { activityVerdicts, adminListVerdicts, listVerdicts, seriesVerdicts, signupVerdicts, teamVerdicts, type Joiner } from './policy.ts';
import {
  ACTIVITY_ACTIONS, ACTIVITY_KINDS, ACTIVITY_LIST_ACTIONS, ORGANIZER_KINDS, SERIES_ACTIONS, SIGNUP_ACTIONS, SIGNUP_STATUSES, TEAM_ACTIONS, type ActivityAction,
  type ActivityListAction, type ActivityWhen, type Activity, type Audience, type OrganizerKind, type Signup, type SignupAction, type SignupStatus, type TeamAction,
} from './schema.ts';
import { REGION_TIME_ZONE, regionClock, regionDate, regionToday } from '../../kernel/time.ts';

// The service log, for modules that count a record of it (a duty post's work).
export { logs } from './records.ts';

// Activities, sign-up and check-in. Capacity, the waiting list and the points
// that attendance earns are kept by the database (migration 0040); this file
// decides what a step may do given the activity's time and the person.

/** The check-in code changes this often; a code stays good for one more period (a slow scan). */
export const CODE_SECONDS = 30;
/** Check-in opens this long before the start. */
const EARLY_MINUTES = 30;

const iso = (d: Date | string) => new Date(d).toISOString();

interface ActivityRow {
  id: number;
  org_id: number;
  org_path: string | null;
  org_name: string | null;
  kind: string;
  title: string;
  description: string | null;
  organizer_kind: OrganizerKind;
  unit_id: number | null;
  unit_name: string | null;
  team_id: number | null;
  team_name: string | null;
  project_name: string | null;
  place: string;
  venue_id: number | null;
  booking_id: number | null;
  need_ids: number[];
  project_id: number | null;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  audience: Audience[];
  services: string[];
  series_id: number | null;
  status: 'open' | 'cancelled';
  signed_up: number | null;
  waitlisted: number | null;
  attended: number | null;
  my_id: number | null;
  my_status: SignupStatus | null;
  my_in: Date | null;
  my_out: Date | null;
}

export const kindLabel = (kind: string) => (ACTIVITY_KINDS.has(kind) ? ACTIVITY_KINDS.labels[kind] : kind);

// $1 is always the caller's user id (their own sign-up rides along).
const ACTIVITY_SELECT = `
SELECT a.id, a.org_id, o.path::text AS org_path, gj_org_name(a.org_id) AS org_name, a.kind, a.title, a.description, a.organizer_kind, a.unit_id, un.name AS unit_name,
       a.team_id, t.name AS team_name, a.project_name, a.place, a.venue_id, a.booking_id, a.need_ids, a.project_id,
        a.starts_at, a.ends_at, a.capacity, a.audience, a.services, a.series_id, a.status,
       c.signed_up, c.waitlisted, c.attended, ms.id AS my_id, ms.status AS my_status, ms.checked_in_at AS my_in, ms.checked_out_at AS my_out
  FROM activities a
  LEFT JOIN org_labels o ON o.id = a.org_id
  LEFT JOIN unit_labels un ON un.id = a.unit_id
  LEFT JOIN volunteer_teams t ON t.id = a.team_id
  LEFT JOIN activity_signups ms ON ms.activity_id = a.id AND ms.user_id = $1
  LEFT JOIN LATERAL gj_activity_counts(ARRAY[a.id]) c ON true`;

function organizerName(r: ActivityRow): string {
  if (r.organizer_kind === 'unit') return r.unit_name ?? ORGANIZER_KINDS.labels.unit;
  if (r.organizer_kind === 'team') return r.team_name ?? ORGANIZER_KINDS.labels.team;
  if (r.organizer_kind === 'project') return r.project_name ?? ORGANIZER_KINDS.labels.project;
  return r.org_name ?? ORGANIZER_KINDS.labels.community;
}

type Links = { needs: Awaited<ReturnType<typeof needs.summaries>>; projects: Map<number, string> };

const toActivity = (r: ActivityRow, links: Links, verdicts: Verdicts<ActivityAction>): Activity => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name ?? '',
  kind: r.kind,
  kindLabel: kindLabel(r.kind),
  title: r.title,
  description: r.description,
  organizerKind: r.organizer_kind,
  organizerName: organizerName(r),
  unitId: r.unit_id,
  teamId: r.team_id,
  projectName: r.project_name,
  place: r.place,
  venueId: r.venue_id,
  bookingId: r.booking_id,
  // Only what the caller may see of the needs and the project is named.
  needs: r.need_ids.flatMap((id) => {
    const n = links.needs.get(id);
    return n ? [{ id, title: n.title, statusLabel: n.statusLabel }] : [];
  }),
  project: r.project_id !== null && links.projects.has(r.project_id) ? { id: r.project_id, name: links.projects.get(r.project_id)! } : null,
  startsAt: iso(r.starts_at),
  endsAt: iso(r.ends_at),
  capacity: r.capacity,
  audience: r.audience,
  services: r.services,
  seriesId: r.series_id,
  status: r.status,
  signedUp: r.signed_up ?? 0,
  waitlisted: r.waitlisted ?? 0,
  attended: r.attended ?? 0,
  mySignup: r.my_id === null ? null : { id: r.my_id, status: r.my_status!, checkedInAt: r.my_in && iso(r.my_in), checkedOutAt: r.my_out && iso(r.my_out) },
  actions: allowed(ACTIVITY_ACTIONS, verdicts),
});

/** The caller as a participant, read once for a list: their person file, and where their report-in was accepted (only if an activity asks). */
async function joinerOf(q: Queryable, scope: Scope, rows: ActivityRow[]): Promise<Joiner> {
  const person = scope.userId === null || !rows.length ? null : await people.ofAccount(q, scope.userId);
  const reported = person?.isMember && rows.some((r) => r.audience.includes('reported_members')) ? await reportIns.list(q, { status: 'accepted' }) : [];
  return { person, reportedAt: new Set(reported.filter((r) => r.personId === person!.id).map((r) => r.orgId)) };
}

/** The activities with the needs and projects they name (looked up once for the lot through those modules), and what the caller may do to each. */
async function withLinks(q: Queryable, scope: Scope, raw: ActivityRow[]): Promise<{ activity: Activity; verdicts: Verdicts<ActivityAction> }[]> {
  // node-postgres returns bigint[] as strings (PGlite as numbers).
  const rows = raw.map((r) => ({ ...r, need_ids: r.need_ids.map(Number) }));
  const links: Links = { needs: await needs.summaries(q, [...new Set(rows.flatMap((r) => r.need_ids))]), projects: new Map() };
  if (rows.some((r) => r.project_id !== null)) for (const p of await projects.list(q, scope)) links.projects.set(p.id, p.name);
  const joiner = await joinerOf(q, scope, rows);
  return rows.map((r) => {
    const verdicts = activityVerdicts(
      scope,
      {
        orgId: r.org_id, orgPath: r.org_path, status: r.status, startsAt: iso(r.starts_at), endsAt: iso(r.ends_at), audience: r.audience,
        mySignup: r.my_id === null ? null : { status: r.my_status!, checkedOutAt: r.my_out && iso(r.my_out) },
      },
      joiner,
    );
    return { activity: toActivity(r, links, verdicts), verdicts };
  });
}

async function load(q: Queryable, scope: Scope, id: number): Promise<{ activity: Activity; verdicts: Verdicts<ActivityAction> }> {
  const rows = await q.query<ActivityRow>(`${ACTIVITY_SELECT} WHERE a.id = $2`, [scope.userId, id]);
  const [one] = await withLinks(q, scope, rows);
  if (!one) throw notFound(ACTIVITY);
  return one;
}

export async function get(q: Queryable, scope: Scope, id: number): Promise<Activity> {
  return (await load(q, scope, id)).activity;
}

/** The activity, if the caller may take this step on it now; refused as its verdict says otherwise. */
export async function allowedOn(q: Queryable, scope: Scope, id: number, action: ActivityAction): Promise<Activity> {
  const { activity, verdicts } = await load(q, scope, id);
  ensureAllowed(verdicts, action);
  return activity;
}

/** What the caller may do where a list is viewed (orgId, or every place they hold a grant at). */
type ListVerdicts = (scope: Scope, orgPath: string | null) => Verdicts<ActivityListAction>;

/** What a list viewed at an organization (or, without one, from each of the caller's grants) offers: organizers' lists by default, `adminListVerdicts` for kinds and certificates. */
export async function listActions(q: Queryable, scope: Scope, orgId: number | undefined, verdictsAt: ListVerdicts = listVerdicts): Promise<ActivityListAction[]> {
  const places = viewedFrom(scope, orgId === undefined ? undefined : await orgs.pathIfSeen(q, orgId));
  return allowedAtAny(ACTIVITY_LIST_ACTIONS, places, (path) => verdictsAt(scope, path));
}

/** Refuses creating at an organization as that list's verdicts there say. */
export async function ensureCreateAt(q: Queryable, scope: Scope, orgId: number, verdictsAt: ListVerdicts = listVerdicts): Promise<void> {
  ensureAllowed(verdictsAt(scope, await orgs.pathIfSeen(q, orgId)), 'create');
}

export interface ActivityFilter {
  when?: ActivityWhen;
  orgId?: number;
  from?: string;
  to?: string;
  kind?: string;
  teamId?: number;
  /** The needs and projects modules list the activities held for one of theirs with these. */
  needId?: number;
  projectId?: number;
}

export async function list(q: Queryable, scope: Scope, f: ActivityFilter): Promise<Activity[]> {
  const where = conditions();
  // $1 is the caller, for the own-sign-up join of ACTIVITY_SELECT.
  where.next(scope.userId);
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'a')));
  if (f.from) where.add(`a.starts_at >= ($?::date)::timestamp AT TIME ZONE '${REGION_TIME_ZONE}'`, f.from);
  if (f.to) where.add(`a.starts_at < ($?::date + 1)::timestamp AT TIME ZONE '${REGION_TIME_ZONE}'`, f.to);
  if (f.kind) where.add('a.kind = $?', f.kind);
  if (f.teamId !== undefined) where.add('a.team_id = $?', f.teamId);
  if (f.needId !== undefined) where.add('a.need_ids @> ARRAY[$?::bigint]', f.needId);
  if (f.projectId !== undefined) where.add('a.project_id = $?', f.projectId);
  // An activity still running when the region's day began (or later) is today's: upcoming, not past.
  const dayBegan = `($?::date)::timestamp AT TIME ZONE '${REGION_TIME_ZONE}'`;
  if (f.when === 'upcoming') where.add(`a.ends_at >= ${dayBegan}`, regionToday());
  if (f.when === 'past') where.add(`a.ends_at < ${dayBegan}`, regionToday());
  // Past: the most recent first, so the last 500 are those shown; otherwise the soonest first.
  const order = f.when === 'past' ? 'a.starts_at DESC, a.id DESC' : 'a.starts_at, a.id';
  const rows = await q.query<ActivityRow>(`${ACTIVITY_SELECT} ${where.sql} ORDER BY ${order} LIMIT 500`, where.params);
  return (await withLinks(q, scope, rows)).map((x) => x.activity);
}

/**
 * A member's or resident's home (今日待办): the next activity they are
 * signed up for (checked in on its page), and how many upcoming ones they
 * may still sign up for (the activity's own `signUp` verdict).
 */
export async function todo(q: Queryable, scope: Scope): Promise<TodoItem[]> {
  if (!hasRole(scope, ['member', 'resident'])) return [];
  const upcoming = await list(q, scope, { when: 'upcoming' });
  const items: TodoItem[] = [];
  const next = upcoming.find((a) => a.status === 'open' && (a.mySignup?.status === 'signed_up' || a.mySignup?.status === 'waitlisted'));
  if (next) items.push({ kind: 'next_activity', title: next.title, count: null, dueOn: regionDate(new Date(next.startsAt)), overdue: false, link: '/my-service' });
  const open = upcoming.filter((a) => a.actions.includes('signUp')).length;
  if (open) items.push({ kind: 'can_join', title: '', count: open, dueOn: null, overdue: false, link: '/my-service' });
  return items;
}

/** Built-in kinds and those administrators added where the caller can see them. */
export async function kinds(q: Queryable): Promise<{ kind: string; label: string; builtIn: boolean }[]> {
  const custom = await q.query<{ name: string }>(`SELECT DISTINCT name FROM activity_kinds ORDER BY name`);
  return [
    ...Object.entries(ACTIVITY_KINDS.labels).map(([kind, label]) => ({ kind, label, builtIn: true })),
    ...custom.map((c) => ({ kind: c.name, label: c.name, builtIn: false })),
  ];
}

export async function createKind(q: Queryable, scope: Scope, input: { orgId: number; name: string }): Promise<{ kind: string; label: string; builtIn: boolean }> {
  await ensureCreateAt(q, scope, input.orgId, adminListVerdicts);
  await orgs.place(q, input.orgId);
  if (Object.values(ACTIVITY_KINDS.labels).includes(input.name as never)) throw E.built_in_kind({ name: input.name });
  await q.query(`INSERT INTO activity_kinds (org_id, name) VALUES ($1, $2)`, [input.orgId, input.name]);
  return { kind: input.name, label: input.name, builtIn: false };
}

async function ensureKind(q: Queryable, kind: string): Promise<void> {
  if ((await kinds(q)).some((k) => k.kind === kind)) return;
  throw E.unknown_kind();
}

export interface ActivityInput {
  orgId: number;
  kind: string;
  title: string;
  description?: string | null;
  organizerKind: OrganizerKind;
  unitId?: number | null;
  teamId?: number | null;
  projectName?: string | null;
  /** Held at a venue from the resources list (booked for the activity's time), or at an address (place). */
  venueId?: number | null;
  place?: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  audience: Audience[];
  services: string[];
  needIds?: number[];
  projectId?: number | null;
}

/** The venue's slot in the region's local time, as the resources service books it. */
const localSlot = (startsAt: string, endsAt: string) => {
  const local = (t: string) => new Date(Date.parse(t) + 8 * 3_600_000).toISOString().slice(0, 16);
  return { startsAt: local(startsAt), endsAt: local(endsAt) };
};

/** Books the venue for an activity through the resources service; a clash is its 409 naming the venue and the slot taken. */
async function bookVenue(q: Queryable, scope: Scope, venueId: number, title: string, startsAt: string, endsAt: string): Promise<number> {
  const booking = await resources.book(q, scope, venueId, { ...localSlot(startsAt, endsAt), purpose: `活动：${title}`.slice(0, 100) });
  return booking.id;
}

/** The address shown for an activity at a venue. */
async function venuePlace(q: Queryable, venueId: number): Promise<string> {
  const venue = await resources.findVenue(q, venueId);
  if (!venue) throw E.venue_not_found();
  return (venue.location ? `${venue.name}（${venue.location}）` : venue.name).slice(0, 100);
}

/** Gives up an activity's booking if it still holds the venue (the venue's side may have cancelled it already). */
async function releaseBooking(q: Queryable, scope: Scope, bookingId: number | null, reason: string): Promise<void> {
  if (bookingId === null) return;
  const booking = await resources.getBooking(q, scope, bookingId);
  if (booking.status === 'pending' || booking.status === 'approved') await resources.cancelBooking(q, scope, bookingId, reason);
}

/** The needs and the project an activity names must be ones the caller can see. */
async function checkLinks(q: Queryable, scope: Scope, needIds: number[], projectId: number | null | undefined): Promise<void> {
  const seen = await needs.summaries(q, needIds);
  const missing = needIds.filter((id) => !seen.has(id));
  if (missing.length) throw E.needs_not_found({ ids: missing.join(', ') });
  if (!projectId) return;
  try {
    await projects.detail(q, scope, projectId);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) throw E.project_not_found();
    throw err;
  }
}

export async function create(q: Queryable, scope: Scope, input: ActivityInput): Promise<Activity> {
  await ensureCreateAt(q, scope, input.orgId);
  await orgs.place(q, input.orgId);
  await ensureKind(q, input.kind);
  if (input.organizerKind === 'unit') {
    if (!input.unitId) throw E.unit_required();
    await orgs.getUnit(q, input.unitId);
  }
  if (input.organizerKind === 'team' && !input.teamId) throw E.team_required();
  if (input.teamId) await loadTeam(q, input.teamId);
  if (input.organizerKind === 'project' && !input.projectName) throw E.project_required();
  if (new Date(input.endsAt) <= new Date(input.startsAt)) throw E.ends_before_start();
  if (!input.venueId && !input.place) throw E.place_required();
  await checkLinks(q, scope, input.needIds ?? [], input.projectId);
  const place = input.venueId ? await venuePlace(q, input.venueId) : input.place!;
  const bookingId = input.venueId ? await bookVenue(q, scope, input.venueId, input.title, input.startsAt, input.endsAt) : null;
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO activities (org_id, kind, title, description, organizer_kind, unit_id, team_id, project_name, place, venue_id, booking_id,
                             starts_at, ends_at, capacity, audience, services, need_ids, project_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
    [
      input.orgId, input.kind, input.title, input.description ?? null, input.organizerKind,
      input.organizerKind === 'unit' ? input.unitId : null, input.teamId ?? null, input.organizerKind === 'project' ? input.projectName : null,
      place, input.venueId ?? null, bookingId, input.startsAt, input.endsAt, input.capacity, input.audience, input.services,
      [...new Set(input.needIds ?? [])], input.projectId ?? null,
    ],
  );
  return get(q, scope, row!.id);
}

/** Cancelling an activity gives its venue back. */
export async function cancel(q: Queryable, scope: Scope, id: number): Promise<Activity> {
  const a = await allowedOn(q, scope, id, 'cancel');
  await releaseBooking(q, scope, a.bookingId, `活动取消：${a.title}`.slice(0, 200));
  await q.query(`UPDATE activities SET status = 'cancelled' WHERE id = $1`, [id]);
  return get(q, scope, id);
}

/**
 * Moves an activity to another time. At a venue the booking moves with it: a
 * booking keeps its slot, so the old one is given up and the new slot booked
 * in the same transaction — a clash refuses the move and keeps the old booking.
 */
export async function reschedule(q: Queryable, scope: Scope, id: number, input: { startsAt: string; endsAt: string }): Promise<Activity> {
  const a = await allowedOn(q, scope, id, 'reschedule');
  if (new Date(input.endsAt) <= new Date(input.startsAt)) throw E.ends_before_start();
  await releaseBooking(q, scope, a.bookingId, `活动改期：${a.title}`.slice(0, 200));
  const bookingId = a.venueId ? await bookVenue(q, scope, a.venueId, a.title, input.startsAt, input.endsAt) : null;
  await q.query(`UPDATE activities SET starts_at = $2, ends_at = $3, booking_id = $4 WHERE id = $1`, [id, input.startsAt, input.endsAt, bookingId]);
  return get(q, scope, id);
}

// ---- sign-up -------------------------------------------------------------

interface SignupRow {
  id: number;
  activity_id: number;
  person_id: number;
  person_name: string | null;
  status: SignupStatus;
  leading: boolean;
  signed_up_at: Date;
  checked_in_at: Date | null;
  check_in_method: string | null;
  checked_out_at: Date | null;
  hours: number | null;
  confirmed: boolean;
  org_path: string | null;
  starts_at: Date;
  ends_at: Date;
}

// The activity's organization and time ride along: what the organizer may record depends on them.
const SIGNUP_SELECT = `
SELECT s.id, s.activity_id, s.person_id, p.name AS person_name, s.status, s.is_leader AS leading, s.signed_up_at, s.checked_in_at, s.check_in_method,
       s.checked_out_at, l.hours, l.confirmed_at IS NOT NULL AS confirmed, so.path::text AS org_path, sa.starts_at, sa.ends_at
  FROM activity_signups s
  LEFT JOIN person_labels p ON p.id = s.person_id
  LEFT JOIN service_logs l ON l.signup_id = s.id
  LEFT JOIN activities sa ON sa.id = s.activity_id
  LEFT JOIN org_labels so ON so.id = s.org_id`;

const verdictsOfSignup = (scope: Scope, r: SignupRow) =>
  signupVerdicts(scope, { status: r.status }, { orgPath: r.org_path, startsAt: iso(r.starts_at ?? 0), endsAt: iso(r.ends_at ?? 0) });

const toSignup = (scope: Scope, r: SignupRow): Signup => ({
  id: r.id,
  activityId: r.activity_id,
  personId: r.person_id,
  personName: r.person_name ?? '',
  status: r.status,
  statusLabel: SIGNUP_STATUSES.labels[r.status],
  leading: r.leading,
  signedUpAt: iso(r.signed_up_at),
  checkedInAt: r.checked_in_at && iso(r.checked_in_at),
  checkInMethod: r.check_in_method,
  checkedOutAt: r.checked_out_at && iso(r.checked_out_at),
  hours: r.hours,
  confirmed: r.confirmed,
  actions: allowed(SIGNUP_ACTIONS, verdictsOfSignup(scope, r)),
});

async function signupRow(q: Queryable, signupId: number): Promise<SignupRow> {
  const [row] = await q.query<SignupRow>(`${SIGNUP_SELECT} WHERE s.id = $1`, [signupId]);
  if (!row) throw notFound(SIGNUP);
  return row;
}

export async function getSignup(q: Queryable, scope: Scope, signupId: number): Promise<Signup> {
  return toSignup(scope, await signupRow(q, signupId));
}

/** The roster of an activity (its staff; a member sees only their own row). */
export async function roster(q: Queryable, scope: Scope, activityId: number): Promise<Signup[]> {
  const rows = await q.query<SignupRow>(
    `${SIGNUP_SELECT} WHERE s.activity_id = $1
      ORDER BY array_position(ARRAY['attended', 'signed_up', 'waitlisted', 'leave', 'absent', 'cancelled'], s.status), s.signed_up_at, s.id`,
    [activityId],
  );
  return rows.map((r) => toSignup(scope, r));
}

/** The sign-ups (with their activities) of one person. */
export async function signupsOf(q: Queryable, scope: Scope, personId: number, year: number): Promise<{ activity: Activity; signup: Signup }[]> {
  const rows = await q.query<SignupRow & { a_id: number }>(
    `${SIGNUP_SELECT} JOIN activities a ON a.id = s.activity_id
      WHERE s.person_id = $1 AND a.starts_at >= make_date($2, 1, 1)::timestamp AT TIME ZONE '${REGION_TIME_ZONE}'
        AND a.starts_at < make_date($2 + 1, 1, 1)::timestamp AT TIME ZONE '${REGION_TIME_ZONE}'
      ORDER BY a.starts_at DESC`,
    [personId, year],
  );
  const out: { activity: Activity; signup: Signup }[] = [];
  for (const r of rows) out.push({ activity: await get(q, scope, r.activity_id), signup: toSignup(scope, r) });
  return out;
}

/** The caller's own person file: members and residents act for themselves. */
export async function self(q: Queryable, userId: number): Promise<Person> {
  const person = await people.ofAccount(q, userId);
  if (!person) throw E.no_person();
  return person;
}

/** Signs the caller up. Past capacity they land on the waiting list (the database decides, under concurrency too). */
export async function signUp(q: Queryable, scope: Scope, activityId: number): Promise<Activity> {
  const a = await allowedOn(q, scope, activityId, 'signUp');
  const userId = scope.userId!;
  const person = await self(q, userId);
  if (a.mySignup) {
    await q.query(`UPDATE activity_signups SET status = 'signed_up', signed_up_at = now() WHERE id = $1`, [a.mySignup.id]);
  } else {
    await q.query(
      `INSERT INTO activity_signups (org_id, activity_id, person_id, user_id, unit_id) VALUES ($1, $2, $3, $4, $5)`,
      [a.orgId, activityId, person.id, userId, person.unitId],
    );
  }
  return get(q, scope, activityId);
}

/** The member gives up their place (the first on the waiting list moves up); once it has started they ask the organizer for leave. */
export async function cancelSignup(q: Queryable, scope: Scope, activityId: number): Promise<Activity> {
  const a = await allowedOn(q, scope, activityId, 'cancelSignup');
  await q.query(`UPDATE activity_signups SET status = 'cancelled' WHERE id = $1`, [a.mySignup!.id]);
  return get(q, scope, activityId);
}

// ---- check-in by a rotating code -------------------------------------------

/** The check-in code of an activity for one period: a keyed hash, so only the server can make one. */
export function codeFor(cipher: FieldCipher, activityId: number, period: number): string {
  return cipher.blindIndex(`checkin:${activityId}:${period}`).slice(0, 16);
}

const periodAt = (t: Date) => Math.floor(t.getTime() / 1000 / CODE_SECONDS);

function windowOf(a: Activity): { opens: Date; closes: Date } {
  return { opens: new Date(new Date(a.startsAt).getTime() - EARLY_MINUTES * 60_000), closes: new Date(a.endsAt) };
}

/** What the organizer's screen shows now: the code, the link in the QR image, and when it changes. */
export function currentCode(cipher: FieldCipher, a: Activity, now = new Date()): { token: string; url: string; expiresInSeconds: number; windowOpen: boolean } {
  const period = periodAt(now);
  const token = codeFor(cipher, a.id, period);
  const { opens, closes } = windowOf(a);
  return {
    token,
    url: `/my-service?checkin=${a.id}&token=${token}`,
    expiresInSeconds: (period + 1) * CODE_SECONDS - Math.floor(now.getTime() / 1000),
    windowOpen: a.status === 'open' && now >= opens && now <= closes,
  };
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Check-in by scanning the organizer's code: only within the activity's
 * window, only with the code of this or the previous period (an old
 * screenshot does not work). Someone not yet signed up is signed up on the spot.
 */
export async function checkIn(q: Queryable, cipher: FieldCipher, scope: Scope, activityId: number, token: string, now = new Date()): Promise<Activity> {
  let a = await get(q, scope, activityId);
  if (a.status === 'cancelled') throw E.cancelled().on('token');
  const { opens, closes } = windowOf(a);
  if (now < opens || now > closes) throw E.check_in_closed({ opens: regionClock(opens), closes: regionClock(closes) });
  const period = periodAt(now);
  if (![period, period - 1].some((p) => same(token, codeFor(cipher, activityId, p)))) throw E.code_expired();
  if (!a.mySignup || a.mySignup.status === 'cancelled') a = await signUp(q, scope, activityId);
  const s = a.mySignup!;
  if (s.status === 'attended') return a;
  if (s.status === 'waitlisted') throw E.waitlisted();
  if (s.status !== 'signed_up') throw E.signup_in_status({ status: SIGNUP_STATUSES.term(s.status), step: { zh: '签到', en: 'check in' } }).on('token');
  await q.query(`UPDATE activity_signups SET status = 'attended', checked_in_at = $2, check_in_method = 'qr' WHERE id = $1 AND status = 'signed_up'`, [s.id, now]);
  return get(q, scope, activityId);
}

const halfHours = (ms: number) => Math.max(0, Math.round(ms / 1_800_000) / 2);

/** Check-out: the service log gets the hours between check-in and check-out, within the activity's time. */
export async function checkOut(q: Queryable, scope: Scope, activityId: number, now = new Date()): Promise<Activity> {
  const a = await allowedOn(q, scope, activityId, 'checkOut');
  const s = a.mySignup!;
  const from = Math.max(new Date(s.checkedInAt!).getTime(), new Date(a.startsAt).getTime());
  const to = Math.min(now.getTime(), new Date(a.endsAt).getTime());
  await q.query(`UPDATE activity_signups SET checked_out_at = $2 WHERE id = $1`, [s.id, now]);
  await logAttendance(q, [s.id], halfHours(to - from), null);
  return get(q, scope, activityId);
}

/** The service log rows of attended sign-ups; a confirmation sets the hours and who confirmed. */
async function logAttendance(q: Queryable, signupIds: number[], hours: number, confirmedBy: number | null): Promise<void> {
  await q.query(
    `INSERT INTO service_logs (org_id, person_id, user_id, unit_id, activity_id, signup_id, served_on, what, place, hours, confirmed_by, confirmed_at)
     SELECT s.org_id, s.person_id, s.user_id, s.unit_id, a.id, s.id, (a.starts_at AT TIME ZONE '${REGION_TIME_ZONE}')::date, a.title, a.place, $2,
            $3::bigint, CASE WHEN $3::bigint IS NULL THEN NULL ELSE now() END
       FROM activity_signups s JOIN activities a ON a.id = s.activity_id WHERE s.id = ANY ($1::bigint[])
     ON CONFLICT (region_id, signup_id) DO UPDATE
        SET hours = CASE WHEN $3::bigint IS NULL THEN service_logs.hours ELSE EXCLUDED.hours END,
            confirmed_by = coalesce(EXCLUDED.confirmed_by, service_logs.confirmed_by),
            confirmed_at = coalesce(EXCLUDED.confirmed_at, service_logs.confirmed_at)`,
    [signupIds, hours, confirmedBy],
  );
}

/** The sign-up, if the organizer may record this of it now; refused as its verdict says otherwise. */
async function allowedOnSignup(q: Queryable, scope: Scope, signupId: number, action: SignupAction): Promise<SignupRow> {
  const row = await signupRow(q, signupId);
  ensureAllowed(verdictsOfSignup(scope, row), action);
  return row;
}

/**
 * The organizer confirms attendance and the hours served (also for someone
 * who did not scan the code); a member who led the activity earns the
 * leading points too.
 */
export async function confirm(q: Queryable, scope: Scope, signupId: number, input: { hours: number; leading: boolean }): Promise<Signup> {
  const s = await allowedOnSignup(q, scope, signupId, 'confirm');
  await q.query(
    `UPDATE activity_signups SET status = 'attended', is_leader = $2, checked_in_at = coalesce(checked_in_at, $3), check_in_method = coalesce(check_in_method, 'organizer')
      WHERE id = $1`,
    [signupId, input.leading, s.starts_at],
  );
  await logAttendance(q, [signupId], input.hours, scope.userId);
  return getSignup(q, scope, signupId);
}

/**
 * An attendance sheet entered after the event (a paper sign-in list, an
 * import): the people attended for the whole activity, confirmed by the
 * organizer. Points follow from the database as for any attendance.
 */
export async function recordAttendance(q: Queryable, scope: Scope, activityId: number, attendees: Person[]): Promise<number> {
  const a = await get(q, scope, activityId);
  if (new Date(a.startsAt) > new Date()) throw E.not_started({ step: { zh: '登记出勤', en: 'record attendance' } }).on('activityId');
  const accounts = await mapInTurn(attendees, (p) => people.accountOf(q, p.id));
  const rows = await q.query<{ id: number }>(
    `INSERT INTO activity_signups (org_id, activity_id, person_id, user_id, unit_id, status, signed_up_at, checked_in_at, check_in_method, checked_out_at)
     SELECT a.org_id, a.id, x.person_id, x.user_id, x.unit_id, 'attended', a.starts_at, a.starts_at, 'organizer', a.ends_at
       FROM activities a, unnest($2::bigint[], $3::bigint[], $4::bigint[]) x (person_id, user_id, unit_id)
      WHERE a.id = $1
     ON CONFLICT (region_id, activity_id, person_id) DO NOTHING RETURNING id`,
    [activityId, attendees.map((p) => p.id), accounts, attendees.map((p) => p.unitId)],
  );
  const hours = halfHours(new Date(a.endsAt).getTime() - new Date(a.startsAt).getTime());
  await logAttendance(q, rows.map((r) => r.id), hours, scope.userId);
  return rows.length;
}

/** Leave (请假, before the end) or absence (缺席, once it has started) of someone signed up. */
export async function mark(q: Queryable, scope: Scope, signupId: number, status: 'leave' | 'absent'): Promise<Signup> {
  await allowedOnSignup(q, scope, signupId, status);
  await q.query(`UPDATE activity_signups SET status = $2 WHERE id = $1`, [signupId, status]);
  return getSignup(q, scope, signupId);
}

// ---- recurring activities ------------------------------------------------

export interface SeriesInput {
  orgId: number;
  title: string;
  kind: string;
  venueId?: number | null;
  place?: string | null;
  weekOfMonth: number;
  weekday: number;
  startTime: string;
  minutes: number;
  capacity: number;
  audience: Audience[];
  services: string[];
  teamId?: number | null;
  startsOn: string;
  endsOn: string;
}

/** Occurrences are created this many months ahead (a community plans its year); the scheduled run keeps the horizon moving. */
export const HORIZON_MONTHS = 12;

interface SeriesRow {
  id: number;
  org_id: number;
  org_path: string | null;
  title: string;
  kind: string;
  place: string;
  venue_id: number | null;
  week_of_month: number;
  weekday: number;
  start_time: string;
  minutes: number;
  capacity: number;
  services: string[];
  starts_on: string;
  ends_on: string;
  occurrences: number;
}

const SERIES_SELECT = `SELECT s.id, s.org_id, o.path::text AS org_path, s.title, s.kind, s.place, s.venue_id, s.week_of_month, s.weekday, to_char(s.start_time, 'HH24:MI') AS start_time,
       s.minutes, s.capacity, s.services, s.starts_on::text, s.ends_on::text, (SELECT count(*) FROM activities a WHERE a.series_id = s.id)::int AS occurrences
  FROM activity_series s LEFT JOIN org_labels o ON o.id = s.org_id`;

const toSeries = (scope: Scope, r: SeriesRow) => ({
  id: r.id, orgId: r.org_id, title: r.title, kind: r.kind, place: r.place, venueId: r.venue_id, weekOfMonth: r.week_of_month, weekday: r.weekday,
  startTime: r.start_time, minutes: r.minutes, capacity: r.capacity, services: r.services, startsOn: r.starts_on, endsOn: r.ends_on, occurrences: r.occurrences,
  actions: allowed(SERIES_ACTIONS, seriesVerdicts(scope, { orgPath: r.org_path })),
});

export async function listSeries(q: Queryable, scope: Scope, orgId?: number) {
  const where = conditions();
  if (orgId !== undefined) where.add(...(await orgs.underCondition(q, orgId, 's')));
  return (await q.query<SeriesRow>(`${SERIES_SELECT} ${where.sql} ORDER BY s.id`, where.params)).map((r) => toSeries(scope, r));
}

/**
 * Sets up a series and creates its occurrences within the horizon. At a venue
 * every future day of the series is booked now (a clash refuses the series,
 * naming the day taken); occurrences created later take their day's booking.
 */
export async function createSeries(q: Queryable, scope: Scope, input: SeriesInput): Promise<{ id: number; created: number }> {
  await ensureCreateAt(q, scope, input.orgId);
  await orgs.place(q, input.orgId);
  await ensureKind(q, input.kind);
  if (input.teamId) await loadTeam(q, input.teamId);
  if (!input.venueId && !input.place) throw E.place_required();
  const place = input.venueId ? await venuePlace(q, input.venueId) : input.place!;
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO activity_series (org_id, title, kind, place, venue_id, week_of_month, weekday, start_time, minutes, capacity, audience, services, team_id,
                                  starts_on, ends_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    [input.orgId, input.title, input.kind, place, input.venueId ?? null, input.weekOfMonth, input.weekday, input.startTime, input.minutes, input.capacity,
      input.audience, input.services, input.teamId ?? null, input.startsOn, input.endsOn],
  );
  const id = row!.id;
  if (input.venueId) {
    const slots = await q.query<{ day: string; starts_at: Date; ends_at: Date }>(
      `SELECT d::text AS day, (d + s.start_time) AT TIME ZONE '${REGION_TIME_ZONE}' AS starts_at, (d + s.start_time) AT TIME ZONE '${REGION_TIME_ZONE}' + make_interval(mins => s.minutes) AS ends_at
         FROM activity_series s, gj_series_days(s, s.ends_on) d WHERE s.id = $1`,
      [id],
    );
    for (const slot of slots.filter((x) => x.starts_at.getTime() > Date.now())) {
      const bookingId = await bookVenue(q, scope, input.venueId, input.title, iso(slot.starts_at), iso(slot.ends_at));
      await q.query(`INSERT INTO activity_series_bookings (org_id, series_id, occurrence_on, booking_id) VALUES ($1, $2, $3, $4)`, [
        input.orgId, id, slot.day, bookingId,
      ]);
    }
  }
  const { created } = await generate(q, scope, id);
  return { id, created };
}

/**
 * Creates the series' occurrences within the horizon that do not exist yet.
 * Safe to run from several app instances at once: an occurrence is unique
 * per series and day, and a second insert of it does nothing (migration 0060).
 */
export async function generate(q: Queryable, scope: Scope, seriesId: number): Promise<{ created: number; occurrences: number }> {
  const [s] = await q.query<SeriesRow>(`${SERIES_SELECT} WHERE s.id = $1`, [seriesId]);
  if (!s) throw notFound(SERIES);
  ensureAllowed(seriesVerdicts(scope, { orgPath: s.org_path }), 'generate');
  const [r] = await q.query<{ n: number }>(`SELECT gj_generate_occurrences($1, $2) AS n`, [seriesId, HORIZON_MONTHS]);
  const [c] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM activities WHERE series_id = $1`, [seriesId]);
  return { created: r!.n, occurrences: c!.n };
}

/** The scheduled run over every series (no user): the number created, or null when another server has it in hand. */
export async function generateDue(q: Queryable): Promise<number | null> {
  const [r] = await q.query<{ n: number | null }>(`SELECT gj_generate_occurrences(NULL, $1) AS n`, [HORIZON_MONTHS]);
  return r!.n;
}

// ---- volunteer teams -----------------------------------------------------

interface TeamRow {
  id: number;
  org_id: number;
  org_path: string | null;
  org_name: string | null;
  name: string;
  focus: string | null;
  members: { id: number; personId: number; personName: string; role: 'leader' | 'member' }[] | null;
}

const TEAM_SELECT = `SELECT t.id, t.org_id, o.path::text AS org_path, gj_org_name(t.org_id) AS org_name, t.name, t.focus,
       (SELECT json_agg(json_build_object('id', m.id, 'personId', m.person_id, 'personName', coalesce(p.name, ''), 'role', m.role) ORDER BY m.role, m.id)
          FROM volunteer_team_members m LEFT JOIN person_labels p ON p.id = m.person_id WHERE m.team_id = t.id) AS members
  FROM volunteer_teams t LEFT JOIN org_labels o ON o.id = t.org_id`;

const toTeam = (scope: Scope, r: TeamRow) => ({
  id: r.id, orgId: r.org_id, orgName: r.org_name ?? '', name: r.name, focus: r.focus, members: r.members ?? [],
  actions: allowed(TEAM_ACTIONS, teamVerdicts(scope, { orgPath: r.org_path })),
});

async function loadTeam(q: Queryable, teamId: number): Promise<TeamRow> {
  const [row] = await q.query<TeamRow>(`${TEAM_SELECT} WHERE t.id = $1`, [teamId]);
  if (!row) throw notFound(TEAM);
  return row;
}

export async function getTeam(q: Queryable, scope: Scope, teamId: number) {
  return toTeam(scope, await loadTeam(q, teamId));
}

/** The team, if the caller may take this step on it; refused as its verdict says otherwise. */
async function teamAllowing(q: Queryable, scope: Scope, teamId: number, action: TeamAction): Promise<TeamRow> {
  const row = await loadTeam(q, teamId);
  ensureAllowed(teamVerdicts(scope, { orgPath: row.org_path }), action);
  return row;
}

export async function teams(q: Queryable, scope: Scope, orgId?: number) {
  const where = conditions();
  if (orgId !== undefined) where.add(...(await orgs.underCondition(q, orgId, 't')));
  return (await q.query<TeamRow>(`${TEAM_SELECT} ${where.sql} ORDER BY t.org_id, t.id`, where.params)).map((r) => toTeam(scope, r));
}

export async function createTeam(q: Queryable, scope: Scope, input: { orgId: number; name: string; focus?: string | null }) {
  await ensureCreateAt(q, scope, input.orgId);
  await orgs.place(q, input.orgId);
  const [row] = await q.query<{ id: number }>(`INSERT INTO volunteer_teams (org_id, name, focus) VALUES ($1, $2, $3) RETURNING id`, [
    input.orgId, input.name, input.focus ?? null,
  ]);
  return getTeam(q, scope, row!.id);
}

export async function addTeamMember(q: Queryable, scope: Scope, teamId: number, input: { personId: number; role: 'leader' | 'member' }) {
  const team = await teamAllowing(q, scope, teamId, 'addMember');
  const person = await people.find(q, input.personId);
  if (!person) throw E.person_not_found();
  await q.query(`INSERT INTO volunteer_team_members (org_id, team_id, person_id, role) VALUES ($1, $2, $3, $4)`, [team.org_id, teamId, person.id, input.role]);
  return getTeam(q, scope, teamId);
}

export async function removeTeamMember(q: Queryable, scope: Scope, teamId: number, memberId: number) {
  await teamAllowing(q, scope, teamId, 'removeMember');
  const gone = await q.query(`DELETE FROM volunteer_team_members WHERE id = $1 AND team_id = $2 RETURNING id`, [memberId, teamId]);
  if (!gone.length) throw notFound(TEAM_MEMBER);
  return getTeam(q, scope, teamId);
}

/** Its figures on the statistics page (statistics imports no module; the manifest hands them over). */
export function statisticsFigures(): StatFigure[] {
  return [
    {
      key: 'activities.held', label: { zh: '开展的活动', en: 'Activities held' }, period: true, trend: true,
      count: async (q, orgId, p) =>
        countRows(q, 'activities a', [await orgs.underCondition(q, orgId, 'a'), "a.status = 'open'", 'a.ends_at < now()', ...inPeriod('a.starts_at', p)]),
      link: (orgId, p) => `/activities?orgId=${orgId}&from=${p.from}&to=${p.to}`,
    },
    {
      key: 'activities.attendance', label: { zh: '参加活动人次', en: 'Attendances' }, period: true,
      count: async (q, orgId, p) =>
        countRows(q, 'activity_signups s JOIN activities a ON a.region_id = s.region_id AND a.id = s.activity_id', [
          await orgs.underCondition(q, orgId, 's'), "s.status = 'attended'", ...inPeriod('a.starts_at', p),
        ]),
      link: (orgId, p) => `/activities?orgId=${orgId}&from=${p.from}&to=${p.to}`,
    },
  ];
}
