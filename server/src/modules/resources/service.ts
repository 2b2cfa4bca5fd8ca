/**
 * Resources (资源清单), venues (阵地) and venue booking (阵地共享).
 *
 * For other modules — call these, never the tables:
 *
 *   list(q, filter, page, pageSize)   resources by place (orgId: that organization's subtree), unit, kind,
 *                                     category, status, name; { total, items }. Matching a need: pass its
 *                                     category (RESOURCE_CATEGORIES, shared with needs) and place.
 *   find(q, resourceId) / get(q, resourceId)
 *   create(q, cipher, input)          a resource offered by a unit (its location is the unit's) or a community
 *   listVenues(q, filter) / getVenue(q, venueId)
 *   createVenue(q, cipher, input)     a venue and its entry (kind venue) in the resources list
 *   book(q, scope, venueId, input)    books a slot inside the caller's transaction: opening hours checked,
 *                                     overlaps refused with the clashing time named (409, field startsAt);
 *                                     approved at once unless the venue needs approval and the caller is not
 *                                     its owner side. Activities book their venue with this.
 *   cancelBooking(q, scope, bookingId, reason) / getBooking(q, bookingId) / bookings(q, filter)
 *
 * Times of bookings are wall-clock times of the region ('2026-05-08T09:00'),
 * China Standard Time; they are stored as tstzrange.
 *
 * Which rows a caller reaches is row-level security (the organization's
 * subtree, the offering unit's liaison, a booking's booker); who may take a
 * step is policy.ts.
 */
import { maskPhone, type FieldCipher } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import { allowed, allowedAtAny, ensureAllowed, viewedFrom } from '../../kernel/actions.ts';
import { notFound, type Text } from '../../kernel/errors.ts';
import type { Scope } from '../../kernel/scope.ts';
import { conditions } from '../../kernel/sql.ts';
import type { TodoItem } from '../../kernel/todo.ts';
import { REGION_TIME_ZONE, addDays, regionInstant } from '../../kernel/time.ts';
import * as orgs from '../orgs/service.ts';
import { BOOKING, E, RESOURCE, VENUE } from './errors.ts';
import { bookingVerdicts, listVerdicts, mayDecide, resourceVerdicts, venueVerdicts, type Place } from './policy.ts';
import {
  BOOKING_ACTIONS, BOOKING_STATUSES, RESOURCE_ACTIONS, RESOURCE_LIST_ACTIONS, VENUE_ACTIONS, RESOURCE_CATEGORIES, RESOURCE_KINDS, RESOURCE_STATUSES, VENUE_TYPES, type Booking, type BookingAction, type BookingFilter, type BookingStatus,
  type CreateBooking, type CreateResource, type CreateVenue, type Resource, type ResourceCategory, type ResourceFilter, type ResourceKind,
  type ResourceListAction, type ResourceStatus, type UpdateResource, type UpdateVenue, type Venue, type VenueFilter, type VenueType,
} from './schema.ts';

/** A record as other modules read it: what the caller may do to it is for the API's answers (listed with a scope). */
type Data<T> = Omit<T, 'actions'>;
export type ResourceData = Data<Resource>;
export type VenueData = Data<Venue>;
export type BookingData = Data<Booking>;


interface ResourceRow {
  id: number;
  org_id: number;
  org_path: string | null;
  org_name: string | null;
  unit_id: number | null;
  unit_name: string | null;
  kind: ResourceKind;
  category: ResourceCategory;
  name: string;
  description: string | null;
  conditions: string | null;
  availability: string | null;
  quantity: number | null;
  quantity_unit: string | null;
  contact_name: string | null;
  contact_phone_mask: string | null;
  status: ResourceStatus;
  venue_id: number | null;
  updated_at: string;
}

const RESOURCE_SELECT = `SELECT r.id, r.org_id, o.path::text AS org_path, o.name AS org_name, r.unit_id, un.name AS unit_name, r.kind, r.category, r.name, r.description,
       r.conditions, r.availability, r.quantity, r.quantity_unit, r.contact_name, r.contact_phone_mask, r.status,
       (SELECT v.id FROM venues v WHERE v.resource_id = r.id) AS venue_id, to_char(r.updated_at, 'YYYY-MM-DD HH24:MI') AS updated_at
  FROM resources r
  LEFT JOIN org_labels o ON o.id = r.org_id
  LEFT JOIN unit_labels un ON un.id = r.unit_id`;

const toData = (r: ResourceRow): ResourceData => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name ?? '',
  unitId: r.unit_id,
  unitName: r.unit_name,
  kind: r.kind,
  kindLabel: RESOURCE_KINDS.labels[r.kind],
  category: r.category,
  categoryLabel: RESOURCE_CATEGORIES.labels[r.category],
  name: r.name,
  description: r.description,
  conditions: r.conditions,
  availability: r.availability,
  quantity: r.quantity,
  quantityUnit: r.quantity_unit,
  contactName: r.contact_name,
  contactPhoneMasked: r.contact_phone_mask,
  status: r.status,
  statusLabel: RESOURCE_STATUSES.labels[r.status],
  venueId: r.venue_id,
  updatedAt: r.updated_at,
});

const placeOfRow = (r: { org_path: string | null; unit_id: number | null }): Place => ({ orgPath: r.org_path, unitId: r.unit_id });
const toResource = (scope: Scope, r: ResourceRow): Resource => ({ ...toData(r), actions: allowed(RESOURCE_ACTIONS, resourceVerdicts(scope, placeOfRow(r))) });

/** What the caller may do where a list is viewed (orgId, or every place they hold a grant at): list a new resource or venue there. */
export async function listActions(q: Queryable, scope: Scope, orgId: number | undefined): Promise<ResourceListAction[]> {
  const places = viewedFrom(scope, orgId === undefined ? undefined : await orgs.pathIfSeen(q, orgId));
  return allowedAtAny(RESOURCE_LIST_ACTIONS, places, (path) => listVerdicts(scope, path));
}

async function resourceWhere(q: Queryable, f: ResourceFilter) {
  const where = conditions();
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'r')));
  if (f.unitId !== undefined) where.add('r.unit_id = $?', f.unitId);
  if (f.kind) where.add('r.kind = $?', f.kind);
  if (f.category) where.add('r.category = $?', f.category);
  if (f.status) where.add('r.status = $?', f.status);
  if (f.q) where.add(`r.name LIKE '%' || $? || '%'`, f.q);
  return where;
}

async function rowsPage(q: Queryable, f: ResourceFilter, page: number, pageSize: number): Promise<{ total: number; rows: ResourceRow[] }> {
  const where = await resourceWhere(q, f);
  const [count] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM resources r ${where.sql}`, where.params);
  const rows = await q.query<ResourceRow>(
    `${RESOURCE_SELECT} ${where.sql} ORDER BY r.status, r.kind, r.id DESC LIMIT ${where.next(pageSize)} OFFSET ${where.next((page - 1) * pageSize)}`,
    where.params,
  );
  return { total: count?.n ?? 0, rows };
}

export async function list(q: Queryable, f: ResourceFilter, page = 1, pageSize = 20): Promise<{ total: number; items: ResourceData[] }> {
  const { total, rows } = await rowsPage(q, f, page, pageSize);
  return { total, items: rows.map(toData) };
}

/** The list as the caller's answer: each resource with what they may do to it, and what they may do where the list is viewed. */
export async function page(q: Queryable, scope: Scope, f: ResourceFilter, page = 1, pageSize = 20) {
  const { total, rows } = await rowsPage(q, f, page, pageSize);
  return { total, items: rows.map((r) => toResource(scope, r)), actions: await listActions(q, scope, f.orgId) };
}

/** Every resource matching the filter, for the Excel ledger. */
export async function all(q: Queryable, f: ResourceFilter): Promise<ResourceData[]> {
  const where = await resourceWhere(q, f);
  const rows = await q.query<ResourceRow>(`${RESOURCE_SELECT} ${where.sql} ORDER BY r.org_id, r.unit_id NULLS FIRST, r.kind, r.id LIMIT 20000`, where.params);
  return rows.map(toData);
}

async function findRow(q: Queryable, id: number): Promise<ResourceRow | undefined> {
  return (await q.query<ResourceRow>(`${RESOURCE_SELECT} WHERE r.id = $1`, [id]))[0];
}

export async function find(q: Queryable, id: number): Promise<ResourceData | null> {
  const row = await findRow(q, id);
  return row ? toData(row) : null;
}

async function resourceRow(q: Queryable, id: number): Promise<ResourceRow> {
  const row = await findRow(q, id);
  if (!row) throw notFound(RESOURCE);
  return row;
}

export async function get(q: Queryable, scope: Scope, id: number): Promise<Resource> {
  return toResource(scope, await resourceRow(q, id));
}

/** Where a resource will be listed: at its unit's organization, or at the organization given for a community's own. */
export async function placeOf(q: Queryable, input: { orgId?: number; unitId?: number | null }): Promise<{ orgId: number; unitId: number | null }> {
  if (input.unitId) {
    const unit = await orgs.findUnit(q, input.unitId);
    if (!unit) throw E.unit_not_found();
    return { orgId: unit.orgId, unitId: unit.id };
  }
  if (!input.orgId) throw E.org_required();
  const org = await orgs.find(q, input.orgId);
  if (!org || org.status !== 'active') throw E.org_unavailable();
  return { orgId: org.id, unitId: null };
}

/** A resource's or venue's place as the policies ask it (policy.ts): the path of its organization and its unit. */
export async function where(q: Queryable, r: { orgId: number; unitId: number | null }): Promise<Place> {
  return { orgPath: await orgs.pathIfSeen(q, r.orgId), unitId: r.unitId };
}

type Sealed = { contact_phone_enc: string | null; contact_phone_mask: string | null };
const seal = (cipher: FieldCipher, phone: string | null | undefined): Sealed | Record<string, never> =>
  phone === undefined ? {} : { contact_phone_enc: phone ? cipher.encrypt(phone) : null, contact_phone_mask: phone ? maskPhone(phone) : null };

/** The columns an input sets; keys left out are left out (an update keeps them). */
function resourceColumns(cipher: FieldCipher, input: Partial<CreateResource> & { status?: ResourceStatus }): Record<string, unknown> {
  const c: Record<string, unknown> = {
    kind: input.kind,
    category: input.category,
    name: input.name,
    description: input.description,
    conditions: input.conditions,
    availability: input.availability,
    quantity: input.quantity,
    quantity_unit: input.quantityUnit,
    contact_name: input.contactName,
    status: input.status,
    ...seal(cipher, input.contactPhone),
  };
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined));
}

async function insertRow(q: Queryable, table: 'resources' | 'venues', c: Record<string, unknown>): Promise<number> {
  const keys = Object.keys(c);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    keys.map((k) => c[k]),
  );
  return row!.id;
}

async function insertResource(q: Queryable, cipher: FieldCipher, input: CreateResource): Promise<number> {
  const place = await placeOf(q, input);
  return insertRow(q, 'resources', { ...resourceColumns(cipher, input), org_id: place.orgId, unit_id: place.unitId });
}

/** Lists a resource where the caller may offer it. */
export async function create(q: Queryable, scope: Scope, cipher: FieldCipher, input: CreateResource): Promise<Resource> {
  ensureAllowed(resourceVerdicts(scope, await where(q, await placeOf(q, input))), 'edit');
  if (input.kind === 'venue') throw E.venue_in_venues();
  return get(q, scope, await insertResource(q, cipher, input));
}

export async function update(q: Queryable, scope: Scope, cipher: FieldCipher, id: number, patch: UpdateResource): Promise<Resource> {
  ensureAllowed(resourceVerdicts(scope, placeOfRow(await resourceRow(q, id))), 'edit');
  const c = resourceColumns(cipher, patch);
  const keys = Object.keys(c);
  if (keys.length) {
    await q.query(`UPDATE resources SET ${keys.map((k, i) => `${k} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [
      id,
      ...keys.map((k) => c[k]),
    ]);
  }
  return get(q, scope, id);
}

/** The contact phone in clear; the viewing is recorded. */
export async function revealContact(q: Queryable, cipher: FieldCipher, id: number, userId: number): Promise<string | null> {
  const [row] = await q.query<{ v: string | null; org_id: number; unit_id: number | null }>(
    `SELECT contact_phone_enc AS v, org_id, unit_id FROM resources WHERE id = $1`,
    [id],
  );
  if (!row) throw notFound(RESOURCE);
  await q.query(`INSERT INTO resource_reveals (org_id, unit_id, resource_id, user_id) VALUES ($1, $2, $3, $4)`, [row.org_id, row.unit_id, id, userId]);
  return row.v ? cipher.decrypt(row.v) : null;
}

interface VenueRow {
  id: number;
  resource_id: number;
  org_id: number;
  org_path: string | null;
  org_name: string | null;
  unit_id: number | null;
  unit_name: string | null;
  name: string;
  venue_type: VenueType;
  capacity: number | null;
  location: string | null;
  open_days: number[];
  opens_at: string;
  closes_at: string;
  bookable: boolean;
  needs_approval: boolean;
  conditions: string | null;
  status: ResourceStatus;
}

const VENUE_SELECT = `SELECT v.id, v.resource_id, v.org_id, o.path::text AS org_path, o.name AS org_name, v.unit_id, un.name AS unit_name, r.name, v.venue_type, v.capacity,
       v.location, v.open_days::int[] AS open_days, to_char(v.opens_at, 'HH24:MI') AS opens_at, to_char(v.closes_at, 'HH24:MI') AS closes_at,
       v.bookable, v.needs_approval, r.conditions, r.status
  FROM venues v
  JOIN resources r ON r.id = v.resource_id
  LEFT JOIN org_labels o ON o.id = v.org_id
  LEFT JOIN unit_labels un ON un.id = v.unit_id`;

const toVenueData = (r: VenueRow): VenueData => ({
  id: r.id,
  resourceId: r.resource_id,
  orgId: r.org_id,
  orgName: r.org_name ?? '',
  unitId: r.unit_id,
  unitName: r.unit_name,
  name: r.name,
  venueType: r.venue_type,
  venueTypeLabel: VENUE_TYPES.labels[r.venue_type],
  capacity: r.capacity,
  location: r.location,
  openDays: r.open_days,
  opensAt: r.opens_at,
  closesAt: r.closes_at,
  bookable: r.bookable,
  needsApproval: r.needs_approval,
  conditions: r.conditions,
  status: r.status,
  statusLabel: RESOURCE_STATUSES.labels[r.status],
});

const verdictsOfVenue = (scope: Scope, r: VenueRow) =>
  venueVerdicts(scope, { ...placeOfRow(r), name: r.name, bookable: r.bookable, venueType: r.venue_type, status: r.status });
const toVenue = (scope: Scope, r: VenueRow): Venue => ({ ...toVenueData(r), actions: allowed(VENUE_ACTIONS, verdictsOfVenue(scope, r)) });

export async function listVenues(q: Queryable, scope: Scope, f: VenueFilter): Promise<Venue[]> {
  const where = conditions();
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'v')));
  if (f.unitId !== undefined) where.add('v.unit_id = $?', f.unitId);
  if (f.venueType) where.add('v.venue_type = $?', f.venueType);
  if (f.bookable !== undefined) where.add('v.bookable = $?', f.bookable);
  const rows = await q.query<VenueRow>(`${VENUE_SELECT} ${where.sql} ORDER BY v.org_id, v.unit_id NULLS FIRST, v.bookable DESC, v.venue_type, v.id LIMIT 1000`, where.params);
  return rows.map((r) => toVenue(scope, r));
}

async function findVenueRow(q: Queryable, id: number): Promise<VenueRow | undefined> {
  return (await q.query<VenueRow>(`${VENUE_SELECT} WHERE v.id = $1`, [id]))[0];
}

export async function findVenue(q: Queryable, id: number): Promise<VenueData | null> {
  const row = await findVenueRow(q, id);
  return row ? toVenueData(row) : null;
}

async function venueRow(q: Queryable, id: number): Promise<VenueRow> {
  const row = await findVenueRow(q, id);
  if (!row) throw notFound(VENUE);
  return row;
}

export async function getVenue(q: Queryable, scope: Scope, id: number): Promise<Venue> {
  return toVenue(scope, await venueRow(q, id));
}

const venueColumns = (input: Partial<UpdateVenue>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries({
      venue_type: input.venueType,
      capacity: input.capacity,
      location: input.location,
      open_days: input.openDays ? [...new Set(input.openDays)].sort() : undefined,
      opens_at: input.opensAt,
      closes_at: input.closesAt,
      bookable: input.bookable,
      needs_approval: input.needsApproval,
    }).filter(([, v]) => v !== undefined),
  );

/** A venue, listed in the resources list as a resource of kind venue. */
export async function createVenue(q: Queryable, scope: Scope, cipher: FieldCipher, input: CreateVenue): Promise<Venue> {
  ensureAllowed(resourceVerdicts(scope, await where(q, await placeOf(q, input))), 'edit');
  const resourceId = await insertResource(q, cipher, {
    orgId: input.orgId, unitId: input.unitId, kind: 'venue', category: input.category, name: input.name, conditions: input.conditions,
    availability: openingText(input.openDays, input.opensAt, input.closesAt), quantity: input.capacity, quantityUnit: input.capacity ? '人' : null,
    contactName: input.contactName, contactPhone: input.contactPhone,
  });
  const [place] = await q.query<{ org_id: number; unit_id: number | null }>(`SELECT org_id, unit_id FROM resources WHERE id = $1`, [resourceId]);
  return getVenue(q, scope, await insertRow(q, 'venues', { ...venueColumns(input), resource_id: resourceId, org_id: place!.org_id, unit_id: place!.unit_id }));
}

export async function updateVenue(q: Queryable, scope: Scope, id: number, patch: UpdateVenue): Promise<Venue> {
  const row = await venueRow(q, id);
  ensureAllowed(verdictsOfVenue(scope, row), 'edit');
  const before = toVenueData(row);
  const c = venueColumns(patch);
  const keys = Object.keys(c);
  if (keys.length) await q.query(`UPDATE venues SET ${keys.map((k, i) => `${k} = $${i + 2}`).join(', ')} WHERE id = $1`, [id, ...keys.map((k) => c[k])]);
  const hours = openingText(patch.openDays ?? before.openDays, patch.opensAt ?? before.opensAt, patch.closesAt ?? before.closesAt);
  await q.query(
    `UPDATE resources SET name = coalesce($2, name), conditions = CASE WHEN $3 THEN $4 ELSE conditions END, status = coalesce($5, status),
            availability = $6, quantity = CASE WHEN $7 THEN $8 ELSE quantity END, quantity_unit = CASE WHEN $7 THEN $9 ELSE quantity_unit END,
            updated_at = now()
      WHERE id = $1`,
    [
      before.resourceId, patch.name ?? null, patch.conditions !== undefined, patch.conditions ?? null, patch.status ?? null, hours,
      patch.capacity !== undefined, patch.capacity ?? null, patch.capacity ? '人' : null,
    ],
  );
  return getVenue(q, scope, id);
}

const WEEKDAYS = ['', '一', '二', '三', '四', '五', '六', '日'];
const WEEKDAYS_EN = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS_EN = ['', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "周一至周五 08:30–17:00" (and in English), the opening hours as refusals name them. */
function openingPhrase(days: number[], opens: string, closes: string): Text {
  const d = [...new Set(days)].sort();
  const run = d.length > 2 && d.every((x, i) => i === 0 || x === d[i - 1]! + 1);
  const zh = d.length === 7 ? '每天' : run ? `周${WEEKDAYS[d[0]!]}至周${WEEKDAYS[d.at(-1)!]}` : d.map((x) => `周${WEEKDAYS[x]}`).join('、');
  const en = d.length === 7 ? 'daily' : run ? `${WEEKDAYS_EN[d[0]!]}–${WEEKDAYS_EN[d.at(-1)!]}` : d.map((x) => WEEKDAYS_EN[x]).join(', ');
  return { zh: `${zh} ${opens}–${closes}`, en: `${en} ${opens}–${closes}` };
}

/** "周一至周五 08:30–17:00", the availability a venue shows in the resources list. */
export const openingText = (days: number[], opens: string, closes: string): string => openingPhrase(days, opens, closes).zh;

interface BookingRow {
  id: number;
  venue_id: number;
  venue_name: string;
  org_id: number;
  org_path: string | null;
  org_name: string | null;
  venue_unit_id: number | null;
  booked_by: number;
  booker_name: string;
  purpose: string;
  attendees: number | null;
  starts_at: string;
  ends_at: string;
  status: BookingStatus;
  reject_reason: string | null;
  cancel_reason: string | null;
  created_at: string;
}

const local = (col: string) => `to_char(${col} AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD"T"HH24:MI')`;
const BOOKING_SELECT = `SELECT b.id, b.venue_id, r.name AS venue_name, b.org_id, o.path::text AS org_path, o.name AS org_name, b.venue_unit_id, b.booked_by, b.booker_name,
       b.purpose, b.attendees, ${local('lower(b.during)')} AS starts_at, ${local('upper(b.during)')} AS ends_at, b.status,
       b.reject_reason, b.cancel_reason, ${local('b.created_at')} AS created_at
  FROM venue_bookings b
  LEFT JOIN venues v ON v.id = b.venue_id
  LEFT JOIN resources r ON r.id = v.resource_id
  LEFT JOIN org_labels o ON o.id = b.org_id`;

const toBookingData = (r: BookingRow): BookingData => ({
  id: r.id,
  venueId: r.venue_id,
  // A booker who cannot see the venue (a member booked for by staff) still sees their booking.
  venueName: r.venue_name ?? '',
  orgId: r.org_id,
  orgName: r.org_name ?? '',
  venueUnitId: r.venue_unit_id,
  bookedBy: r.booked_by,
  bookerName: r.booker_name,
  purpose: r.purpose,
  attendees: r.attendees,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  status: r.status,
  statusLabel: BOOKING_STATUSES.labels[r.status],
  rejectReason: r.reject_reason,
  cancelReason: r.cancel_reason,
  createdAt: r.created_at,
});

/** A booking's venue is where the booking is (its organization and unit), whether or not the caller sees the venue itself. */
const verdictsOfBooking = (scope: Scope, r: BookingRow) =>
  bookingVerdicts(scope, { status: r.status, bookedBy: r.booked_by }, { orgPath: r.org_path, unitId: r.venue_unit_id });
const toBooking = (scope: Scope, r: BookingRow): Booking => ({ ...toBookingData(r), actions: allowed(BOOKING_ACTIONS, verdictsOfBooking(scope, r)) });

/** A wall-clock range [from, to) of the region as a tstzrange. */
const localRange = (from: string, to: string) => `[${regionInstant(from).toISOString()},${regionInstant(to).toISOString()})`;
/** A day range [from, to] (local dates) as a tstzrange. */
const dayRange = (from: string, to: string) => localRange(`${from}T00:00`, `${addDays(to, 1)}T00:00`);

/** Bookings the caller can see, by place (subtree), venue, status, own, and local days [from, to]. */
export async function bookings(q: Queryable, scope: Scope, f: BookingFilter): Promise<Booking[]> {
  const where = conditions();
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'b')));
  if (f.venueId !== undefined) where.add('b.venue_id = $?', f.venueId);
  if (f.status) where.add('b.status = $?', f.status);
  if (f.mine && scope.userId !== null) where.add('b.booked_by = $?', scope.userId);
  if (f.from || f.to) where.add('b.during && $?::tstzrange', dayRange(f.from ?? '1900-01-01', f.to ?? '9999-12-30'));
  const rows = await q.query<BookingRow>(`${BOOKING_SELECT} ${where.sql} ORDER BY lower(b.during), b.id LIMIT 2000`, where.params);
  return rows.map((r) => toBooking(scope, r));
}

/** Bookings waiting on the caller's approval, per venue, for the home page (今日待办): those whose `approve` the caller's verdict allows. */
export async function todo(q: Queryable, scope: Scope): Promise<TodoItem[]> {
  const waiting = (await bookings(q, scope, { status: 'pending' })).filter((b) => b.actions.includes('approve'));
  const byVenue = new Map<string, number>();
  for (const b of waiting) byVenue.set(b.venueName, (byVenue.get(b.venueName) ?? 0) + 1);
  return [...byVenue].map(([venue, n]) => ({ kind: 'booking_to_approve', title: venue, count: n, dueOn: null, overdue: false, link: '/venues' }));
}

async function bookingRow(q: Queryable, id: number): Promise<BookingRow> {
  const [row] = await q.query<BookingRow>(`${BOOKING_SELECT} WHERE b.id = $1`, [id]);
  if (!row) throw notFound(BOOKING);
  return row;
}

export async function getBooking(q: Queryable, scope: Scope, id: number): Promise<Booking> {
  return toBooking(scope, await bookingRow(q, id));
}

const dayOf = (t: string) => t.slice(0, 10);
const clockOf = (t: string) => t.slice(11, 16);
const isoWeekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

/** "5月8日（周五）" (and "Fri 8 May"): how a day is named in messages. */
const dayPhrase = (date: string): Text => {
  const [month, day, weekday] = [Number(date.slice(5, 7)), Number(date.slice(8, 10)), isoWeekday(date)];
  return { zh: `${month}月${day}日（周${WEEKDAYS[weekday]}）`, en: `${WEEKDAYS_EN[weekday]} ${day} ${MONTHS_EN[month]}` };
};

/** "5月8日（周五）09:00–11:00": how a slot is named in messages. */
const slotPhrase = (startsAt: string, endsAt: string): Text => {
  const day = dayPhrase(dayOf(startsAt));
  const clock = `${clockOf(startsAt)}–${clockOf(endsAt)}`;
  return { zh: `${day.zh}${clock}`, en: `${day.en} ${clock}` };
};

function checkSlot(venue: VenueData, input: CreateBooking, recordPast: boolean): void {
  if (input.endsAt <= input.startsAt) throw E.ends_before_start();
  if (dayOf(input.startsAt) !== dayOf(input.endsAt)) throw E.one_day();
  const hours = openingPhrase(venue.openDays, venue.opensAt, venue.closesAt);
  if (!venue.openDays.includes(isoWeekday(dayOf(input.startsAt)))) throw E.closed_day({ venue: venue.name, day: dayPhrase(dayOf(input.startsAt)), hours });
  if (clockOf(input.startsAt) < venue.opensAt || clockOf(input.endsAt) > venue.closesAt) {
    throw E.outside_hours({ slot: slotPhrase(input.startsAt, input.endsAt), venue: venue.name, hours });
  }
  if (!recordPast && regionInstant(input.startsAt).getTime() < Date.now()) throw E.past_slot();
  if (venue.capacity && input.attendees && input.attendees > venue.capacity) throw E.over_capacity({ venue: venue.name, capacity: venue.capacity });
}

/**
 * Books a slot of a venue, inside the caller's transaction. Double booking is
 * refused by the database (exclusion constraint), which makes two requests at
 * the same instant safe; the refusal is turned into a message naming the slot
 * already taken. recordPast: entering past use from the paper register.
 */
export async function book(
  q: Queryable,
  scope: Scope,
  venueId: number,
  input: CreateBooking,
  opts: { recordPast?: boolean } = {},
): Promise<Booking> {
  const row = await venueRow(q, venueId);
  ensureAllowed(verdictsOfVenue(scope, row), 'book');
  const venue = toVenueData(row);
  checkSlot(venue, input, opts.recordPast ?? false);
  const status: BookingStatus = venue.needsApproval && !mayDecide(scope, placeOfRow(row)) ? 'pending' : 'approved';
  const during = localRange(input.startsAt, input.endsAt);
  await q.query('SAVEPOINT venue_booking');
  let id: number;
  try {
    const [row] = await q.query<{ id: number }>(
      `INSERT INTO venue_bookings (venue_id, org_id, venue_unit_id, booked_by, booker_name, purpose, attendees, during, status,
                                   decided_by, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::tstzrange, $9, CASE WHEN $9 = 'approved' THEN $4::bigint END, CASE WHEN $9 = 'approved' THEN now() END)
       RETURNING id`,
      [venue.id, venue.orgId, venue.unitId, scope.userId, scope.userName ?? '', input.purpose, input.attendees ?? null, during, status],
    );
    id = row!.id;
  } catch (err) {
    if ((err as { code?: string }).code !== '23P01') throw err;
    await q.query('ROLLBACK TO SAVEPOINT venue_booking');
    // The booking that won is committed by now (the constraint waited for it).
    const [clash] = await q.query<BookingRow>(
      `${BOOKING_SELECT} WHERE b.venue_id = $1 AND b.status IN ('pending', 'approved') AND b.during && $2::tstzrange ORDER BY lower(b.during) LIMIT 1`,
      [venue.id, during],
    );
    const slot = slotPhrase(input.startsAt, input.endsAt);
    throw clash
      ? E.slot_taken({ venue: venue.name, clash: slotPhrase(clash.starts_at, clash.ends_at), status: BOOKING_STATUSES.term(clash.status), purpose: clash.purpose, slot })
      : E.slot_clash({ venue: venue.name, slot });
  }
  await q.query('RELEASE SAVEPOINT venue_booking');
  return getBooking(q, scope, id);
}

/** Loads a booking and refuses the step unless the caller may take it now. */
async function allowedStep(q: Queryable, scope: Scope, id: number, action: BookingAction): Promise<void> {
  ensureAllowed(verdictsOfBooking(scope, await bookingRow(q, id)), action);
}

export async function approve(q: Queryable, scope: Scope, id: number): Promise<Booking> {
  await allowedStep(q, scope, id, 'approve');
  await q.query(`UPDATE venue_bookings SET status = 'approved', decided_by = $2, decided_at = now() WHERE id = $1`, [id, scope.userId]);
  return getBooking(q, scope, id);
}

export async function reject(q: Queryable, scope: Scope, id: number, reason: string): Promise<Booking> {
  await allowedStep(q, scope, id, 'reject');
  await q.query(`UPDATE venue_bookings SET status = 'rejected', decided_by = $2, decided_at = now(), reject_reason = $3 WHERE id = $1`, [
    id, scope.userId, reason,
  ]);
  return getBooking(q, scope, id);
}

/** The booker or the venue's owner side cancels, with a reason; the slot is free again. */
export async function cancelBooking(q: Queryable, scope: Scope, id: number, reason: string): Promise<Booking> {
  await allowedStep(q, scope, id, 'cancel');
  await q.query(`UPDATE venue_bookings SET status = 'cancelled', cancelled_by = $2, cancelled_at = now(), cancel_reason = $3 WHERE id = $1`, [
    id, scope.userId, reason,
  ]);
  return getBooking(q, scope, id);
}
