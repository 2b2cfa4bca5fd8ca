import type { FieldCipher } from '../../kernel/crypto.ts';
import { REGION_TIME_ZONE } from '../../kernel/time.ts';
import { maskAddress, maskPhone } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { StatFigure } from '../../kernel/manifest.ts';
import { notFound } from '../../kernel/errors.ts';
import { E, NEED, PHOTO } from './errors.ts';
import { conditions, countRows, inPeriod } from '../../kernel/sql.ts';
import type { TodoItem } from '../../kernel/todo.ts';
import type { Scope } from '../../kernel/scope.ts';
import type { GridIndicator } from '../grids/service.ts';
import * as grids from '../grids/service.ts';
import * as orgs from '../orgs/service.ts';
import {
  NEED_CATEGORIES, NEED_KINDS, NEED_SOURCES, NEED_STATUSES, URGENCIES, type Action, type Need, type NeedCategory, type NeedDetail, type NeedKind,
  type NeedSource, type NeedStatus, type RaiseFromVisit, type Urgency,
} from './schema.ts';

export { createMany, seeThroughMany, type BulkNeed } from './bulk.ts';

// The needs list and its closed loop. Which needs a caller sees is row-level
// security: staff their subtree, the resident their own, the claimer and the
// dispatched department the needs they handle. Which steps the caller may
// take is decided here, once, from where the caller stands (actionsOf); the
// database refuses a step the loop does not have (gj_need_step).

const ACTION_LABELS: Record<Action, string> = {
  accept: '受理', reject: '不予受理', cancel: '撤销', dispatch: '派单', recall: '收回派单', withdraw: '放弃认领', revoke: '撤销认领',
  start: '开始办理', respond: '报到响应', done: '办结', check: '验收', return: '退回重办', close: '关闭', confirm: '确认完成', rate: '评价',
  rateDepartment: '评价承办单位',
};

interface Row {
  id: number;
  org_id: number;
  org_name: string | null;
  kind: NeedKind;
  source: NeedSource;
  category: NeedCategory;
  urgency: Urgency;
  title: string;
  description: string;
  place_text: string | null;
  grid_id: number | null;
  building_id: number | null;
  status: NeedStatus;
  requester_name: string;
  requester_phone_mask: string | null;
  requester_address_mask: string | null;
  claimer_name: string | null;
  handler_unit_id: number | null;
  deadline: string | null;
  overdue: boolean;
  escalated_name: string | null;
  escalated: boolean;
  responded: boolean;
  response_note: string | null;
  result_note: string | null;
  resident_rating: number | null;
  resident_comment: string | null;
  created_at: string;
  staff: boolean;
  requester: boolean;
  handler: boolean;
  claim_id: number | null;
  dispatch_id: number | null;
  unrated_dispatch: boolean;
}

// The open claim and dispatch are joined, and unrated dispatches read once as a set, not looked up per row: under
// row-level security each per-row subquery carries the policy's scan of the caller's organizations, which the
// planner costs once per row — at 10^6 needs that estimate alone switched on JIT compilation, seconds per page.
// At most one claim and one dispatch are active per need (need_claims_active_key, need_dispatches_active_key).
// Staff are those whose subtree holds the need's organization: tested on the joined row (o, which row-level
// security hides when the caller cannot see it), not by building the set of every organization they read.
const SELECT = `SELECT n.id, n.org_id, o.name AS org_name, n.kind, n.source, n.category, n.urgency, n.title, n.description, n.place_text, n.grid_id, n.building_id, n.status,
       n.requester_name, n.requester_phone_mask, n.requester_address_mask, n.claimer_name, n.handler_unit_id,
       to_char(n.deadline AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD HH24:MI') AS deadline, gj_need_overdue(n.status, n.deadline) AS overdue,
       e.name AS escalated_name, n.escalated_at IS NOT NULL AS escalated, n.responded_at IS NOT NULL AS responded, n.response_note, n.result_note,
       n.resident_rating, n.resident_comment, to_char(n.created_at AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD HH24:MI') AS created_at,
       coalesce(o.path <@ ANY (gj_read_paths()), false) AS staff,
       coalesce(n.requester_user_id = gj_user_id(), false) AS requester,
       coalesce(n.claimer_user_id = gj_user_id(), false) OR coalesce(n.handler_unit_id = ANY (gj_unit_ids()), false) AS handler,
       c.id AS claim_id, d.id AS dispatch_id,
       n.id IN (SELECT u.need_id FROM need_dispatches u WHERE u.status = 'finished' AND u.rating IS NULL) AS unrated_dispatch
  FROM needs n
  LEFT JOIN org_labels o ON o.id = n.org_id
  LEFT JOIN org_labels e ON e.id = n.escalated_org_id
  LEFT JOIN need_claims c ON c.need_id = n.id AND c.status = 'active'
  LEFT JOIN need_dispatches d ON d.need_id = n.id AND d.status = 'active'`;

function actionsOf(r: Row): Action[] {
  const a: Action[] = [];
  const staffHandles = r.staff && r.claim_id === null && r.dispatch_id === null;
  const add = (when: boolean, ...xs: Action[]) => when && a.push(...xs);
  switch (r.status) {
    case 'submitted':
      add(r.staff, 'accept', 'reject');
      add(r.staff || r.requester, 'cancel');
      break;
    case 'accepted':
      add(r.staff, 'dispatch', 'start', 'cancel');
      break;
    case 'claimed':
      add(r.handler, 'start', 'done', 'withdraw');
      add(r.staff, 'revoke', 'cancel');
      break;
    case 'dispatched':
      add(r.handler, 'respond');
      add(r.staff, 'recall', 'cancel');
      break;
    case 'in_progress':
      add(r.handler || staffHandles, 'done');
      add(r.handler && r.claim_id !== null, 'withdraw');
      add(r.staff && r.claim_id !== null, 'revoke');
      add(r.staff && r.dispatch_id !== null, 'recall');
      add(r.staff, 'cancel');
      break;
    case 'overdue':
      add(r.handler, r.responded ? 'done' : 'respond');
      add(r.staff, 'dispatch', 'cancel');
      break;
    case 'done':
      add(r.staff, 'check', 'return');
      break;
    case 'returned':
      add(r.handler || staffHandles, 'done');
      break;
    case 'checked':
      add(r.requester, 'confirm');
      add(r.staff, 'close');
      break;
    case 'closed':
      add(r.requester, 'rate');
      break;
    default:
      break;
  }
  add(r.staff && r.unrated_dispatch, 'rateDepartment');
  return a;
}

/** Staff and the person themselves see who asked (contact masked); everyone else an anonymized name. */
function toNeed(r: Row): Need {
  const full = r.staff || r.requester;
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind,
    kindLabel: NEED_KINDS.labels[r.kind],
    source: r.source,
    sourceLabel: NEED_SOURCES.labels[r.source],
    category: r.category,
    categoryLabel: NEED_CATEGORIES.labels[r.category],
    urgency: r.urgency,
    urgencyLabel: URGENCIES.labels[r.urgency],
    title: r.title,
    description: r.description,
    placeText: r.place_text,
    gridId: r.grid_id,
    buildingId: r.building_id,
    status: r.status,
    statusLabel: NEED_STATUSES.labels[r.status],
    requesterName: full ? r.requester_name : `${r.requester_name.slice(0, 1)}**`,
    phoneMasked: full ? r.requester_phone_mask : null,
    addressMasked: full ? r.requester_address_mask : null,
    handlerName: r.claimer_name,
    handlerUnitId: r.handler_unit_id,
    deadline: r.deadline,
    overdue: r.overdue,
    escalatedTo: r.escalated ? (r.escalated_name ?? '街道') : null,
    responseNote: r.response_note,
    resultNote: r.result_note,
    residentRating: r.resident_rating,
    residentComment: r.resident_comment,
    createdAt: r.created_at,
    actions: actionsOf(r),
  };
}

async function row(q: Queryable, id: number): Promise<Row> {
  const [r] = await q.query<Row>(`${SELECT} WHERE n.id = $1`, [id]);
  if (r) return r;
  // A department that once had the matter can still read its dispatch: say why it may not act.
  const [was] = await q.query(`SELECT 1 FROM need_dispatches WHERE need_id = $1 AND unit_id = ANY (gj_unit_ids())`, [id]);
  if (was) throw E.no_longer_dispatched();
  throw notFound(NEED);
}

export async function get(q: Queryable, id: number): Promise<Need> {
  return toNeed(await row(q, id));
}

export async function detail(q: Queryable, id: number): Promise<NeedDetail> {
  const need = toNeed(await row(q, id));
  const events = await q.query<{ from_status: string | null; to_status: NeedStatus; actor_name: string; note: string | null; at: string }>(
    `SELECT from_status, to_status, actor_name, note, to_char(at AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD HH24:MI') AS at
       FROM need_events WHERE need_id = $1 ORDER BY at, id`,
    [id],
  );
  const dispatches = await q.query<NeedDetail['dispatches'][number]>(
    `SELECT id, unit_id AS "unitId", unit_name AS "unitName", to_char(deadline AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD HH24:MI') AS deadline,
            dispatched_by AS "dispatchedBy", to_char(dispatched_at AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD HH24:MI') AS "dispatchedAt", status,
            to_char(responded_at AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD HH24:MI') AS "respondedAt",
            to_char(escalated_at AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD HH24:MI') AS "escalatedAt", rating, rating_comment AS "ratingComment"
       FROM need_dispatches WHERE need_id = $1 ORDER BY id`,
    [id],
  );
  const claims = await q.query<NeedDetail['claims'][number]>(
    `SELECT id, claimer_name AS "claimerName", status, to_char(claimed_at AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD HH24:MI') AS "claimedAt",
            to_char(ended_at AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD HH24:MI') AS "endedAt", end_note AS "endNote"
       FROM need_claims WHERE need_id = $1 ORDER BY id`,
    [id],
  );
  const photos = await q.query<{ id: number; purpose: 'need' | 'evidence' }>(`SELECT id, purpose FROM need_photos WHERE need_id = $1 ORDER BY id`, [id]);
  return {
    ...need,
    events: events.map((e) => ({
      fromStatus: e.from_status, toStatus: e.to_status, toLabel: NEED_STATUSES.labels[e.to_status], actorName: e.actor_name, note: e.note, at: e.at,
    })),
    dispatches,
    claims,
    photos,
  };
}

export interface NeedFilter {
  orgId?: number;
  kind?: NeedKind;
  status?: NeedStatus;
  category?: NeedCategory;
  source?: NeedSource;
  overdue?: boolean;
  escalated?: boolean;
  q?: string;
}

async function where(q: Queryable, f: NeedFilter) {
  const w = conditions();
  if (f.orgId !== undefined) w.add(...(await orgs.underCondition(q, f.orgId, 'n')));
  if (f.kind) w.add('n.kind = $?', f.kind);
  if (f.status) w.add('n.status = $?', f.status);
  if (f.category) w.add('n.category = $?', f.category);
  if (f.source) w.add('n.source = $?', f.source);
  // gj_need_overdue spelled out, so the planner can use the partial indexes on open dispatched matters.
  if (f.overdue) w.add(`(n.status = 'overdue' OR (n.deadline < now() AND n.status = ANY ($?::text[])))`, ['dispatched', 'in_progress', 'returned']);
  if (f.escalated) w.add('(n.escalated_at IS NOT NULL) = $?', true);
  if (f.q) w.add(`n.title LIKE '%' || $? || '%'`, f.q);
  return w;
}

export async function list(q: Queryable, f: NeedFilter & { page: number; pageSize: number }): Promise<{ total: number; items: Need[] }> {
  const w = await where(q, f);
  const [c] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM needs n ${w.sql}`, w.params);
  const rows = await q.query<Row>(
    `${SELECT} ${w.sql} ORDER BY n.id DESC LIMIT ${w.next(f.pageSize)} OFFSET ${w.next((f.page - 1) * f.pageSize)}`,
    w.params,
  );
  return { total: c?.n ?? 0, items: rows.map(toNeed) };
}

/** Counts by kind and status (and overdue) under an organization: the lists page and the grid map. */
export async function counts(q: Queryable, f: NeedFilter): Promise<{ kind: NeedKind; status: NeedStatus; overdue: boolean; n: number }[]> {
  const w = await where(q, f);
  return q.query(
    `SELECT n.kind, n.status, gj_need_overdue(n.status, n.deadline) AS overdue, count(*)::int AS n FROM needs n ${w.sql} GROUP BY 1, 2, 3 ORDER BY 1, 2`,
    w.params,
  );
}

/**
 * The needs of organizations (or handled by units) done in a period and not
 * given back since, as a work report assembles them (workreports); read with
 * the caller's rights.
 */
export async function doneIn(q: Queryable, f: { orgIds: number[]; unitIds: number[]; from: string; to: string }) {
  return q.query<{ id: number; title: string; status: NeedStatus; doneOn: string }>(
    `SELECT n.id, n.title, n.status, (n.done_at AT TIME ZONE '${REGION_TIME_ZONE}')::date::text AS "doneOn"
       FROM needs n
      WHERE (n.org_id = ANY ($1::bigint[]) OR n.handler_unit_id = ANY ($2::bigint[])) AND n.status IN ('done', 'checked', 'closed', 'rated')
        AND n.done_at >= ($3::date)::timestamp AT TIME ZONE '${REGION_TIME_ZONE}' AND n.done_at < ($4::date + 1)::timestamp AT TIME ZONE '${REGION_TIME_ZONE}'
      ORDER BY n.done_at, n.id LIMIT 500`,
    [f.orgIds, f.unitIds, f.from, f.to],
  );
}

const OPEN = `n.status NOT IN ('rejected', 'cancelled', 'closed', 'rated')`;

/**
 * Open needs (not rejected, cancelled, closed or rated) and how many of them
 * are overdue, per organization, for the grid map: pass the grid branches'
 * (or buildings') organization ids.
 */
export async function openNeedsByOrg(q: Queryable, orgIds: number[]): Promise<Map<number, { open: number; overdue: number }>> {
  if (!orgIds.length) return new Map();
  const rows = await q.query<{ org_id: number; open: number; overdue: number }>(
    `SELECT n.org_id, count(*)::int AS open, count(*) FILTER (WHERE gj_need_overdue(n.status, n.deadline))::int AS overdue
       FROM needs n WHERE n.org_id = ANY ($1::bigint[]) AND ${OPEN} GROUP BY n.org_id`,
    [orgIds],
  );
  return new Map(rows.map((r) => [r.org_id, { open: r.open, overdue: r.overdue }]));
}

/** Open needs and overdue ones per grid (the grid map): pass the grids' ids. */
export async function openNeedsByGrid(q: Queryable, gridIds: number[]): Promise<Map<number, { open: number; overdue: number }>> {
  if (!gridIds.length) return new Map();
  const rows = await q.query<{ grid_id: number; open: number; overdue: number }>(
    `SELECT n.grid_id, count(*)::int AS open, count(*) FILTER (WHERE gj_need_overdue(n.status, n.deadline))::int AS overdue
       FROM needs n WHERE n.grid_id = ANY ($1::bigint[]) AND ${OPEN} GROUP BY n.grid_id`,
    [gridIds],
  );
  return new Map(rows.map((r) => [r.grid_id, { open: r.open, overdue: r.overdue }]));
}

/** The grid map colours grids by their open needs too. */
export const OPEN_NEEDS_INDICATOR: GridIndicator = {
  key: 'open_needs',
  label: '未办结需求',
  values: async (q, gridList) => new Map([...(await openNeedsByGrid(q, gridList.map((g) => g.id)))].map(([id, v]) => [id, v.open])),
};

/**
 * A grid must be one the caller sees and lie in the need's community; a
 * building must be in that grid. The community is found on the need's
 * organization's path, not by listing the community's subtree, which a grid
 * worker (scoped to their grid branch) cannot read.
 */
async function checkGridPlace(q: Queryable, input: { orgId: number; gridId?: number; buildingId?: number }): Promise<void> {
  if (input.buildingId !== undefined && input.gridId === undefined) throw E.building_needs_grid();
  if (input.gridId === undefined) return;
  const grid = await grids.getGrid(q, input.gridId);
  if (!(await orgs.place(q, input.orgId)).path.split('.').includes(String(grid.communityId))) throw E.grid_outside_community();
  if (input.buildingId !== undefined && !(await grids.listBuildings(q, input.gridId)).some((b) => b.id === input.buildingId)) {
    throw E.building_outside_grid();
  }
}

const REVEAL_COLUMN = { phone: 'requester_phone_enc', address: 'requester_address_enc' } as const;

/**
 * The phone or address of the person in need in clear, for the admins of the
 * need's organization and the person themselves; every disclosure is a row.
 */
export async function reveal(q: Queryable, cipher: FieldCipher, id: number, userId: number, field: keyof typeof REVEAL_COLUMN, isAdmin: boolean): Promise<string | null> {
  const r = await row(q, id);
  if (!(r.requester || (isAdmin && r.staff))) throw E.contact_hidden();
  const [v] = await q.query<{ v: string | null }>(`SELECT ${REVEAL_COLUMN[field]} AS v FROM needs WHERE id = $1`, [id]);
  await q.query(`INSERT INTO need_reveals (org_id, need_id, user_id, field) VALUES ($1, $2, $3, $4)`, [r.org_id, id, userId, field]);
  return v?.v ? cipher.decrypt(v.v) : null;
}

const IMAGE_TYPES: { mime: string; magic: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/webp', magic: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/** A data URL to bytes, refusing anything that is not really a JPEG, PNG or WebP image, or is too large. */
export function parsePhoto(dataUrl: string, index: number): { mime: string; content: Buffer } {
  const m = /^data:([\w/+.-]+);base64,([A-Za-z0-9+/=\s]+)$/.exec(dataUrl);
  if (!m) throw E.photo_format({ n: index + 1 });
  const content = Buffer.from(m[2]!, 'base64');
  if (content.length > MAX_PHOTO_BYTES) throw E.photo_too_large({ n: index + 1 });
  const type = IMAGE_TYPES.find((t) => t.magic(content));
  if (!type) throw E.photo_type({ n: index + 1 });
  return { mime: type.mime, content };
}

const MAX_PHOTOS = 6;

export async function addPhotos(q: Queryable, needId: number, purpose: 'need' | 'evidence', photos: string[], userId: number | null): Promise<void> {
  if (!photos.length) return;
  const parsed = photos.map(parsePhoto);
  const need = await row(q, needId);
  const [c] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM need_photos WHERE need_id = $1 AND purpose = $2`, [needId, purpose]);
  if ((c?.n ?? 0) + parsed.length > MAX_PHOTOS) throw E.too_many_photos({ max: MAX_PHOTOS });
  for (const p of parsed) {
    await q.query(`INSERT INTO need_photos (org_id, need_id, purpose, mime, content, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
      need.org_id, needId, purpose, p.mime, p.content, userId,
    ]);
  }
}

export async function photo(q: Queryable, needId: number, photoId: number): Promise<{ mime: string; content: Buffer }> {
  const [p] = await q.query<{ mime: string; content: Uint8Array }>(`SELECT mime, content FROM need_photos WHERE id = $1 AND need_id = $2`, [photoId, needId]);
  if (!p) throw notFound(PHOTO);
  return { mime: p.mime, content: Buffer.from(p.content) };
}

export interface NewNeed {
  orgId: number;
  kind: NeedKind;
  category: NeedCategory;
  source: NeedSource;
  title: string;
  urgency?: Urgency;
  description?: string | null;
  placeText?: string | null;
  /** The grid and building, when the place is known that precisely (grid map). */
  gridId?: number;
  buildingId?: number;
  requesterName: string;
  phone?: string | null;
  address?: string | null;
  /** The resident's own account, when they submit it themselves. */
  requesterUserId?: number | null;
  photos?: string[];
}

/**
 * Raises a need: the resident's phone page, staff entry, and other modules
 * (a grid visit raises one with source 'visit') all come here. Contact data
 * is encrypted with a masked copy; the need starts as submitted.
 */
export async function createNeed(q: Queryable, cipher: FieldCipher, input: NewNeed): Promise<NeedDetail> {
  await checkGridPlace(q, input);
  const photos = (input.photos ?? []).map(parsePhoto);
  if (photos.length > MAX_PHOTOS) throw E.too_many_photos({ max: MAX_PHOTOS });
  const seal = (v: string | null | undefined, mask: (s: string) => string) => (v ? [cipher.encrypt(v), mask(v)] : [null, null]);
  const [phoneEnc, phoneMask] = seal(input.phone, maskPhone);
  const [addressEnc, addressMask] = seal(input.address, maskAddress);
  const [r] = await q.query<{ id: number }>(
    `INSERT INTO needs (org_id, kind, source, category, urgency, title, description, place_text, requester_name,
                        requester_phone_enc, requester_phone_mask, requester_address_enc, requester_address_mask, requester_user_id, grid_id, building_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
    [
      input.orgId, input.kind, input.source, input.category, input.urgency ?? 'normal', input.title, input.description ?? '', input.placeText ?? null,
      input.requesterName, phoneEnc, phoneMask, addressEnc, addressMask, input.requesterUserId ?? null, input.gridId ?? null, input.buildingId ?? null,
    ],
  );
  for (const p of photos) {
    await q.query(`INSERT INTO need_photos (org_id, need_id, purpose, mime, content, uploaded_by) VALUES ($1, $2, 'need', $3, $4, $5)`, [
      input.orgId, r!.id, p.mime, p.content, input.requesterUserId ?? null,
    ]);
  }
  return detail(q, r!.id);
}

/** What a need raised at a visit is titled when the visitor gives no title: the start of what they learned. */
export const raisedTitle = (raise: { title?: string | null }, learned: string) => raise.title || learned.split(/\r?\n/)[0]!.slice(0, 30);

/**
 * 大走访: a suggestion heard by a campaign cadre at a door of their own area,
 * raised as the household's need (source 'visit') by needs' definer function,
 * since the cadre may hold no grant there. Null when the door is not the
 * caller's to visit that day.
 */
export async function raiseCadreSuggestion(q: Queryable, input: { householdId: number; visitedOn: string; learned: string; need: RaiseFromVisit }): Promise<number | null> {
  const [r] = await q.query<{ id: number | null }>(`SELECT gj_raise_cadre_suggestion($1, $2, $3, $4, $5, $6, $7) AS id`, [
    input.householdId, input.visitedOn, input.need.kind, input.need.category, input.need.urgency, raisedTitle(input.need, input.learned), input.learned,
  ]);
  return r?.id ?? null;
}

/** Loads the need and refuses the step unless the caller may take it now, saying why. */
async function allowed(q: Queryable, id: number, action: Action): Promise<Row> {
  const r = await row(q, id);
  if (!actionsOf(r).includes(action)) {
    const step = { zh: ACTION_LABELS[action], en: action };
    throw r.staff || r.handler || r.requester
      ? E.step_refused_in_status({ status: NEED_STATUSES.term(r.status), step })
      : E.step_refused({ step });
  }
  return r;
}

/** One step of the loop: the new status, the columns that go with it, and why (recorded in need_events). */
async function step(q: Queryable, id: number, status: NeedStatus, note: string | null, set: Record<string, unknown> = {}): Promise<void> {
  const cols = Object.keys(set);
  await q.query(
    `UPDATE needs SET status = $2, status_note = $3${cols.map((c, i) => `, ${c} = $${i + 4}`).join('')} WHERE id = $1`,
    [id, status, note, ...cols.map((c) => set[c])],
  );
}

export async function accept(q: Queryable, id: number, note: string | null): Promise<NeedDetail> {
  await allowed(q, id, 'accept');
  await step(q, id, 'accepted', note);
  return detail(q, id);
}

export async function reject(q: Queryable, id: number, reason: string): Promise<NeedDetail> {
  await allowed(q, id, 'reject');
  await step(q, id, 'rejected', reason);
  return detail(q, id);
}

/** Ends whatever claim or dispatch is open: cancelling, recalling, re-dispatching. */
async function endHandling(q: Queryable, r: Row, dispatchStatus: 'recalled' | 'reassigned', note: string): Promise<void> {
  if (r.claim_id !== null) await q.query(`UPDATE need_claims SET status = 'revoked', ended_at = now(), end_note = $2 WHERE id = $1`, [r.claim_id, note]);
  if (r.dispatch_id !== null) await q.query(`UPDATE need_dispatches SET status = $2 WHERE id = $1`, [r.dispatch_id, dispatchStatus]);
}

export async function cancel(q: Queryable, id: number, reason: string): Promise<NeedDetail> {
  const r = await allowed(q, id, 'cancel');
  await endHandling(q, r, 'recalled', reason);
  await step(q, id, 'cancelled', reason);
  return detail(q, id);
}

export async function dispatchTargets(q: Queryable): Promise<{ id: number; name: string; kind: string; orgName: string }[]> {
  return q.query(`SELECT id, name, kind, org_name AS "orgName" FROM gj_dispatch_targets() ORDER BY kind <> 'department', name LIMIT 500`);
}

/** 吹哨: the matter goes to a department or unit, which must report in and act before the deadline. */
export async function dispatch(q: Queryable, id: number, by: string, input: { unitId: number; deadline: string; note?: string | null }): Promise<NeedDetail> {
  const r = await allowed(q, id, 'dispatch');
  const [unit] = await q.query<{ name: string }>(`SELECT name FROM gj_dispatch_targets() WHERE id = $1`, [input.unitId]);
  if (!unit) throw E.dispatch_target();
  if (new Date(input.deadline).getTime() <= Date.now()) throw E.deadline_past();
  await endHandling(q, r, 'reassigned', '改派');
  await q.query(`INSERT INTO need_dispatches (org_id, need_id, unit_id, unit_name, deadline, dispatched_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
    r.org_id, id, input.unitId, unit.name, input.deadline, by,
  ]);
  await step(q, id, 'dispatched', input.note || `派给${unit.name}`, {
    handler_unit_id: input.unitId, claimer_name: unit.name, deadline: input.deadline, responded_at: null, response_note: null,
  });
  return detail(q, id);
}

export async function recall(q: Queryable, id: number, reason: string): Promise<NeedDetail> {
  const r = await allowed(q, id, 'recall');
  await endHandling(q, r, 'recalled', reason);
  await step(q, id, 'accepted', reason, { handler_unit_id: null, claimer_name: null, deadline: null });
  return detail(q, id);
}

/** The department reports in (报到): it has the matter and is acting on it. */
export async function respond(q: Queryable, id: number, note: string): Promise<NeedDetail> {
  const r = await allowed(q, id, 'respond');
  await q.query(`UPDATE need_dispatches SET responded_at = now() WHERE id = $1`, [r.dispatch_id]);
  await step(q, id, 'in_progress', note, { responded_at: new Date().toISOString(), response_note: note });
  return detail(q, id);
}

/** Staff take up an accepted need themselves, or the claimer starts on a wish. */
export async function start(q: Queryable, id: number, note: string | null): Promise<NeedDetail> {
  await allowed(q, id, 'start');
  await step(q, id, 'in_progress', note);
  return detail(q, id);
}

/** Done, with the result as evidence (required, and checked by the database too). */
export async function done(q: Queryable, id: number, result: string, photos: string[], userId: number | null): Promise<NeedDetail> {
  await allowed(q, id, 'done');
  await addPhotos(q, id, 'evidence', photos, userId);
  await step(q, id, 'done', null, { result_note: result, done_at: new Date().toISOString() });
  return detail(q, id);
}

/** The community checks the result: the claim is fulfilled, the dispatch finished (and may now be rated). */
export async function check(q: Queryable, id: number, note: string | null): Promise<NeedDetail> {
  const r = await allowed(q, id, 'check');
  if (r.claim_id !== null) await q.query(`UPDATE need_claims SET status = 'fulfilled', ended_at = now() WHERE id = $1`, [r.claim_id]);
  if (r.dispatch_id !== null) await q.query(`UPDATE need_dispatches SET status = 'finished' WHERE id = $1`, [r.dispatch_id]);
  await step(q, id, 'checked', note);
  return detail(q, id);
}

export async function giveBack(q: Queryable, id: number, reason: string): Promise<NeedDetail> {
  await allowed(q, id, 'return');
  await step(q, id, 'returned', reason);
  return detail(q, id);
}

/** Closed by the resident confirming it, or by the staff when no resident account follows it. */
export async function close(q: Queryable, id: number, action: 'confirm' | 'close'): Promise<NeedDetail> {
  await allowed(q, id, action);
  await step(q, id, 'closed', action === 'confirm' ? '居民确认已完成' : null);
  return detail(q, id);
}

export async function rate(q: Queryable, id: number, input: { rating: number; comment?: string | null }): Promise<NeedDetail> {
  await allowed(q, id, 'rate');
  await step(q, id, 'rated', input.comment || null, { resident_rating: input.rating, resident_comment: input.comment || null });
  return detail(q, id);
}

/** The community rates the department's handling; ratings add up per department per year (宽城). */
export async function rateDepartment(q: Queryable, id: number, by: string, input: { rating: number; comment?: string | null }): Promise<NeedDetail> {
  await allowed(q, id, 'rateDepartment');
  await q.query(
    `UPDATE need_dispatches SET rating = $2, rating_comment = $3, rated_at = now(), rated_by = $4
      WHERE id = (SELECT id FROM need_dispatches WHERE need_id = $1 AND status = 'finished' AND rating IS NULL ORDER BY id DESC LIMIT 1)`,
    [id, input.rating, input.comment || null, by],
  );
  return detail(q, id);
}

export async function pool(q: Queryable) {
  const rows = await q.query<{
    id: number; org_name: string; category: NeedCategory; urgency: Urgency; title: string; description: string; place_text: string | null;
    requester: string; created_at: string;
  }>(`SELECT id, org_name, category, urgency, title, description, place_text, requester, to_char(created_at AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD') AS created_at
        FROM gj_wish_pool() ORDER BY urgency DESC, created_at LIMIT 200`);
  return rows.map((r) => ({
    id: r.id, orgName: r.org_name, category: r.category, categoryLabel: NEED_CATEGORIES.labels[r.category], urgencyLabel: URGENCIES.labels[r.urgency],
    title: r.title, description: r.description, placeText: r.place_text, requester: r.requester, createdAt: r.created_at,
  }));
}

/** A member (or a unit, through its liaison) claims a published wish; the database lets exactly one claim stand. */
export async function claim(q: Queryable, id: number, claimer: { name: string; unitId?: number }): Promise<NeedDetail> {
  await q.query(`SELECT gj_claim_wish($1, $2, $3)`, [id, claimer.unitId ?? null, claimer.name]);
  return detail(q, id);
}

/** The claimer lets go (withdraw) or the community takes the claim away (revoke): the wish returns to the pool. */
export async function release(q: Queryable, id: number, action: 'withdraw' | 'revoke', reason: string): Promise<{ id: number; status: NeedStatus }> {
  await allowed(q, id, action);
  await q.query(`SELECT gj_release_wish($1, $2, $3)`, [id, action === 'revoke', reason]);
  return { id, status: 'accepted' };
}

export async function departmentRatings(q: Queryable, year?: number) {
  const inYear = year === undefined ? '' : `AND extract(year FROM rated_at AT TIME ZONE '${REGION_TIME_ZONE}') = $1`;
  return q.query<{ unitId: number; unitName: string; year: number; count: number; average: number; onTime: number }>(
    `SELECT unit_id AS "unitId", min(unit_name) AS "unitName", extract(year FROM rated_at AT TIME ZONE '${REGION_TIME_ZONE}')::int AS year,
            count(*)::int AS count, round(avg(rating), 2)::float8 AS average,
            count(*) FILTER (WHERE escalated_at IS NULL)::int AS "onTime"
       FROM need_dispatches WHERE rating IS NOT NULL ${inYear} GROUP BY unit_id, 3 ORDER BY 3 DESC, average DESC LIMIT 500`,
    year === undefined ? [] : [year],
  );
}

/**
 * Marks overdue dispatched matters and escalates them to their street: under
 * one organization when a user asks, everywhere when the server's timer does
 * (orgId left out). NULL: another server is sweeping.
 */
export async function sweepOverdue(q: Queryable, orgId?: number): Promise<number | null> {
  if (orgId !== undefined) await orgs.place(q, orgId);
  const [r] = await q.query<{ n: number | null }>(`SELECT gj_sweep_overdue_needs($1) AS n`, [orgId ?? null]);
  return r?.n ?? null;
}

/** Needs of a category each unit has seen through (a checked dispatch or fulfilled claim): a reason to suggest it again. */
export async function handledByUnit(q: Queryable, category: NeedCategory): Promise<Map<number, number>> {
  const rows = await q.query<{ unit_id: number; n: number }>(
    `SELECT unit_id, count(*)::int AS n FROM (
       SELECT d.unit_id FROM need_dispatches d JOIN needs n ON n.id = d.need_id WHERE d.status = 'finished' AND n.category = $1
       UNION ALL
       SELECT c.unit_id FROM need_claims c JOIN needs n ON n.id = c.need_id WHERE c.status = 'fulfilled' AND c.unit_id IS NOT NULL AND n.category = $1
     ) h GROUP BY unit_id`,
    [category],
  );
  return new Map(rows.map((r) => [r.unit_id, r.n]));
}

const SEEN_THROUGH: NeedStatus[] = ['checked', 'closed', 'rated'];

/** Titles and states of some needs (those the caller can see), for the projects that answer them. */
export async function summaries(q: Queryable, ids: number[]): Promise<Map<number, { id: number; title: string; kindLabel: string; status: NeedStatus; statusLabel: string; seenThrough: boolean }>> {
  if (!ids.length) return new Map();
  const rows = await q.query<{ id: number; title: string; kind: NeedKind; status: NeedStatus }>(`SELECT id, title, kind, status FROM needs WHERE id = ANY ($1::bigint[])`, [ids]);
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, title: r.title, kindLabel: NEED_KINDS.labels[r.kind], status: r.status, statusLabel: NEED_STATUSES.labels[r.status], seenThrough: SEEN_THROUGH.includes(r.status) },
    ]),
  );
}

/**
 * The needs placed in some grids that were seen through (done, then checked)
 * within a window: the problems a visit campaign solved in its area
 * (modules/campaigns), whichever way they were raised.
 */
export async function seenThroughInGrids(q: Queryable, gridIds: number[], window: { from: string; to: string }): Promise<number[]> {
  if (!gridIds.length) return [];
  const rows = await q.query<{ id: number }>(
    `SELECT id FROM needs WHERE grid_id = ANY ($1::bigint[]) AND status = ANY ($2::text[]) AND (done_at AT TIME ZONE $5)::date BETWEEN $3 AND $4 ORDER BY id`,
    [gridIds, SEEN_THROUGH, window.from, window.to, REGION_TIME_ZONE],
  );
  return rows.map((r) => r.id);
}

/**
 * The responsibilities list (责任清单): who answers for which open need now,
 * the member or unit that claimed it or the department it was dispatched to,
 * with the deadline.
 */
export async function responsibilities(q: Queryable, orgId?: number) {
  const w = await where(q, { orgId });
  w.add(`n.claimer_name IS NOT NULL AND n.status = ANY ($?::text[])`, ['claimed', 'dispatched', 'in_progress', 'overdue', 'returned', 'done']);
  const rows = await q.query<Row>(`${SELECT} ${w.sql} ORDER BY n.deadline NULLS LAST, n.id LIMIT 500`, w.params);
  return rows.map(toNeed);
}

/** Matters escalated to an organization and still held elsewhere (see the needs manifest's holdings). */
export async function countEscalatedTo(q: Queryable, orgId: number): Promise<number> {
  const [r] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM needs WHERE escalated_org_id = $1 AND org_id <> $1`, [orgId]);
  return r!.n;
}

/** Escalations to a retired organization go to the one receiving its work. */
export async function escalateInstead(q: Queryable, fromOrgId: number, toOrgId: number): Promise<void> {
  await q.query(`UPDATE needs SET escalated_org_id = $2 WHERE escalated_org_id = $1`, [fromOrgId, toOrgId]);
}

/** Whether the caller claimed this need themselves: a duty-post holder counts under their post only the wishes they handled. */
export async function claimedByCaller(q: Queryable, id: number): Promise<boolean> {
  const [r] = await q.query<{ mine: boolean }>(`SELECT coalesce(claimer_user_id = gj_user_id(), false) AS mine FROM needs WHERE id = $1`, [id]);
  return r?.mine ?? false;
}

/** Its figures on the statistics page (statistics imports no module; the manifest hands them over). */
export function statisticsFigures(): StatFigure[] {
  return [
    {
      key: 'needs.received', label: { zh: '收到的需求', en: 'Needs received' }, period: true,
      count: async (q, orgId, p) => countRows(q, 'needs n', [await orgs.underCondition(q, orgId, 'n'), ...inPeriod('n.created_at', p)]),
      link: (orgId) => `/needs?orgId=${orgId}`,
    },
    {
      key: 'needs.submitted', label: { zh: '待受理的需求', en: 'Needs awaiting acceptance' },
      count: async (q, orgId) => countRows(q, 'needs n', [await orgs.underCondition(q, orgId, 'n'), "n.status = 'submitted'"]),
      link: (orgId) => `/needs?orgId=${orgId}&status=submitted`,
    },
    {
      key: 'needs.solved', label: { zh: '办结的需求', en: 'Needs solved' }, period: true, trend: true,
      count: async (q, orgId, p) => countRows(q, 'needs n', [await orgs.underCondition(q, orgId, 'n'), ...inPeriod('n.done_at', p)]),
      link: (orgId) => `/needs?orgId=${orgId}`,
    },
    {
      key: 'needs.solvedInTime', label: { zh: '按期办结的派单', en: 'Dispatched needs solved in time' }, period: true,
      count: async (q, orgId, p) => countRows(q, 'needs n', [await orgs.underCondition(q, orgId, 'n'), ...inPeriod('n.done_at', p), 'n.done_at <= n.deadline']),
      link: (orgId) => `/needs?orgId=${orgId}`,
    },
  ];
}

/**
 * What waits on the caller among needs (今日待办): results to check where
 * they are staff (the same reach as a need's `check` action), the wishes
 * they claimed and have not yet finished, and their own requests still open.
 */
export async function todo(q: Queryable, scope: Scope): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  const toCheck = await q.query<{ name: string; n: number }>(
    `SELECT o.name, count(*)::int AS n FROM needs n JOIN org_labels o ON o.id = n.org_id
      WHERE n.status = 'done' AND o.path <@ ANY (gj_read_paths()) GROUP BY o.id, o.name, o.path ORDER BY o.path`,
  );
  for (const c of toCheck) items.push({ kind: 'need_to_check', title: c.name, count: c.n, dueOn: null, overdue: false, link: '/needs?status=done' });
  if (scope.userId === null) return items;
  const own = await q.query<{ title: string; claimed: boolean; due_on: string | null; overdue: boolean }>(
    `SELECT n.title, n.claimer_user_id = $1 AS claimed, (n.deadline AT TIME ZONE $2)::date::text AS due_on, n.status = 'overdue' AS overdue
       FROM needs n
      WHERE (n.claimer_user_id = $1 AND n.status IN ('claimed', 'in_progress', 'returned', 'overdue'))
         OR (n.requester_user_id = $1 AND n.status NOT IN ('rejected', 'closed', 'rated', 'cancelled'))
      ORDER BY n.deadline NULLS LAST, n.id LIMIT 20`,
    [scope.userId, REGION_TIME_ZONE],
  );
  for (const n of own) {
    items.push(n.claimed
      ? { kind: 'wish_claimed', title: n.title, count: null, dueOn: n.due_on, overdue: n.overdue, link: '/wishes' }
      : { kind: 'my_need', title: n.title, count: null, dueOn: null, overdue: false, link: '/my-needs' });
  }
  return items;
}
