import { allowed, allowedAtAny, ensureAllowed, viewedFrom } from '../../kernel/actions.ts';
import type { Queryable } from '../../kernel/db.ts';
import { notFound } from '../../kernel/errors.ts';
import type { Scope } from '../../kernel/scope.ts';
import { conditions } from '../../kernel/sql.ts';
import { regionToday } from '../../kernel/time.ts';
import * as activities from '../activities/service.ts';
import * as orgs from '../orgs/service.ts';
import { E } from './errors.ts';
import { deliveryVerdicts, homeboundVerdicts, listVerdicts } from './policy.ts';
import { DELIVERY_ACTIONS, HOMEBOUND_ACTIONS, HOMEBOUND_LIST_ACTIONS, type DeliveryStatus, type HomeboundReason } from './schema.ts';

// Study delivered home (送学上门, glossary): members who cannot come are marked
// by their branch; the month's study is taken to them by another member, and
// the delivery, recorded once by that member, counts as attendance at the
// study activity (activities' gj_attend_delivered, through gj_deliver_study).

const HOMEBOUND = { zh: '送学上门对象', en: 'Homebound member' };
const DELIVERY = { zh: '送学任务', en: 'Study delivery' };

interface HomeboundRow {
  id: number;
  org_id: number;
  org_name: string;
  org_path: string;
  person_id: number;
  person_name: string;
  reason: HomeboundReason;
  since: string;
}

const HOMEBOUND_SELECT = `
  SELECT h.id, h.org_id, o.name AS org_name, o.path::text AS org_path, h.person_id, p.name AS person_name, h.reason, h.since::text AS since
    FROM homebound_members h JOIN org_labels o ON o.id = h.org_id JOIN person_labels p ON p.id = h.person_id`;

const toHomebound = (scope: Scope, r: HomeboundRow) => ({
  id: r.id, orgId: r.org_id, orgName: r.org_name, personId: r.person_id, personName: r.person_name, reason: r.reason, since: r.since,
  actions: allowed(HOMEBOUND_ACTIONS, homeboundVerdicts(scope, r.org_path)),
});

export async function listHomebound(q: Queryable, scope: Scope, orgId?: number) {
  const w = conditions();
  if (orgId !== undefined) w.add(...(await orgs.underCondition(q, orgId, 'h')));
  const rows = await q.query<HomeboundRow>(`${HOMEBOUND_SELECT} ${w.sql} ORDER BY o.path, p.name LIMIT 500`, w.params);
  const places = viewedFrom(scope, orgId === undefined ? undefined : await orgs.pathIfSeen(q, orgId));
  return { items: rows.map((r) => toHomebound(scope, r)), actions: allowedAtAny(HOMEBOUND_LIST_ACTIONS, places, (path) => listVerdicts(scope, path)) };
}

async function homebound(q: Queryable, id: number): Promise<HomeboundRow> {
  const [row] = await q.query<HomeboundRow>(`${HOMEBOUND_SELECT} WHERE h.id = $1`, [id]);
  if (!row) throw notFound(HOMEBOUND);
  return row;
}

interface MemberLabel {
  id: number;
  name: string;
  org_id: number;
  user_id: number | null;
  is_member: boolean;
  org_path: string;
}

async function member(q: Queryable, personId: number): Promise<MemberLabel | undefined> {
  const [row] = await q.query<MemberLabel>(
    `SELECT p.id, p.name, p.org_id, p.user_id, p.is_member, o.path::text AS org_path FROM person_labels p JOIN org_labels o ON o.id = p.org_id WHERE p.id = $1`,
    [personId],
  );
  return row;
}

/** Marks a member who cannot come (the reason is kept as a kind only). */
export async function markHomebound(q: Queryable, scope: Scope, input: { personId: number; reason: HomeboundReason; since?: string }) {
  const person = await member(q, input.personId);
  if (!person) throw E.not_member();
  ensureAllowed(listVerdicts(scope, person.org_path), 'create');
  if (!person.is_member) throw E.not_member();
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO homebound_members (org_id, person_id, reason, since, marked_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [person.org_id, person.id, input.reason, input.since ?? regionToday(), scope.userName],
  );
  return toHomebound(scope, await homebound(q, row!.id));
}

interface DeliveryRow {
  id: number;
  org_id: number;
  person_id: number;
  person_name: string;
  activity_id: number;
  activity_title: string;
  activity_starts_at: string;
  deliverer_person_id: number;
  deliverer_user_id: number;
  deliverer_name: string;
  due_on: string;
  status: DeliveryStatus;
  delivered_at: Date | null;
  note: string | null;
}

const toDelivery = (scope: Scope, r: DeliveryRow) => ({
  id: r.id, orgId: r.org_id, personId: r.person_id, personName: r.person_name, activityId: r.activity_id, activityTitle: r.activity_title,
  activityStartsAt: r.activity_starts_at, delivererPersonId: r.deliverer_person_id, delivererName: r.deliverer_name, dueOn: r.due_on,
  status: r.status, deliveredAt: r.delivered_at?.toISOString() ?? null, note: r.note,
  actions: allowed(DELIVERY_ACTIONS, deliveryVerdicts(scope, { delivererUserId: r.deliverer_user_id, status: r.status })),
});

const DELIVERY_SELECT = `
  SELECT d.id, d.org_id, d.person_id, d.person_name, d.activity_id,
         d.deliverer_person_id, d.deliverer_user_id, d.deliverer_name, d.due_on::text AS due_on, d.status, d.delivered_at, d.note
    FROM study_deliveries d`;

/** The rows with their study's title and time, read through the activities service (a few studies a month). */
async function withStudies(q: Queryable, scope: Scope, rows: Omit<DeliveryRow, 'activity_title' | 'activity_starts_at'>[]) {
  const studies = new Map<number, { title: string; startsAt: string }>();
  for (const id of new Set(rows.map((r) => r.activity_id))) studies.set(id, await activities.get(q, scope, id));
  return rows.map((r) => toDelivery(scope, { ...r, activity_title: studies.get(r.activity_id)!.title, activity_starts_at: studies.get(r.activity_id)!.startsAt }));
}

export async function listDeliveries(q: Queryable, scope: Scope, f: { orgId?: number; mine?: boolean }) {
  const w = conditions();
  if (f.orgId !== undefined) w.add(...(await orgs.underCondition(q, f.orgId, 'd')));
  if (f.mine) w.add('d.deliverer_user_id = $?', scope.userId);
  const rows = await q.query<DeliveryRow>(`${DELIVERY_SELECT} ${w.sql} ORDER BY d.status DESC, d.due_on, d.id LIMIT 500`, w.params);
  return { items: await withStudies(q, scope, rows) };
}

async function delivery(q: Queryable, scope: Scope, id: number) {
  const [row] = await q.query<DeliveryRow>(`${DELIVERY_SELECT} WHERE d.id = $1`, [id]);
  if (!row) throw notFound(DELIVERY);
  return (await withStudies(q, scope, [row]))[0]!;
}

/** A delivery of the month's study to a marked member, as a task for another member of the branch. */
export async function schedule(q: Queryable, scope: Scope, homeboundId: number, input: { activityId: number; delivererPersonId: number; dueOn: string }) {
  const h = await homebound(q, homeboundId);
  ensureAllowed(homeboundVerdicts(scope, h.org_path), 'schedule');
  const study = await activities.get(q, scope, input.activityId);
  if (study.status === 'cancelled') throw E.activity_cancelled();
  const studyPath = await orgs.pathOf(q, study.orgId);
  if (h.org_path !== studyPath && !h.org_path.startsWith(`${studyPath}.`)) throw E.activity_elsewhere();
  if (input.delivererPersonId === h.person_id) throw E.deliverer_is_member();
  const deliverer = await member(q, input.delivererPersonId);
  if (!deliverer?.is_member || deliverer.user_id === null || !(deliverer.org_path === studyPath || deliverer.org_path.startsWith(`${studyPath}.`))) {
    throw E.deliverer_not_member();
  }
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO study_deliveries (org_id, homebound_id, person_id, person_name, activity_id, deliverer_person_id, deliverer_user_id, deliverer_name, due_on, scheduled_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [h.org_id, h.id, h.person_id, h.person_name, study.id, deliverer.id, deliverer.user_id, deliverer.name, input.dueOn, scope.userName],
  );
  return delivery(q, scope, row!.id);
}

/** The deliverer records that the study reached the member: once, and it counts as the member's attendance. */
export async function deliver(q: Queryable, scope: Scope, deliveryId: number, note: string | null | undefined) {
  const [d] = await q.query<{ deliverer_user_id: number; status: DeliveryStatus }>(`SELECT deliverer_user_id, status FROM study_deliveries WHERE id = $1`, [deliveryId]);
  if (!d) throw notFound(DELIVERY);
  ensureAllowed(deliveryVerdicts(scope, { delivererUserId: d.deliverer_user_id, status: d.status }), 'deliver');
  await q.query(`SELECT gj_deliver_study($1, $2)`, [deliveryId, note ?? null]);
  return delivery(q, scope, deliveryId);
}
