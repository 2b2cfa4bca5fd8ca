import type { Queryable } from '../../kernel/db.ts';
import { byName, type Commended } from '../../kernel/manifest.ts';
import { AppError, notFound, type Text } from '../../kernel/errors.ts';
import type { Scope } from '../../kernel/scope.ts';
import { conditions } from '../../kernel/sql.ts';
import type { TodoItem } from '../../kernel/todo.ts';
import { REGION_TIME_ZONE } from '../../kernel/time.ts';
import * as activities from '../activities/service.ts';
import * as grids from '../grids/service.ts';
import * as needs from '../needs/service.ts';
import { ORG_KIND_GROUPS } from '../orgs/schema.ts';
import * as orgs from '../orgs/service.ts';
import * as people from '../people/service.ts';
import { E, POST, SEAT } from './errors.ts';
import { ensureStaff, isStaffAt, mayClaim } from './policy.ts';
import {
  SEAT_STATUSES, type DisputeOutcome, type Post, type PostAction, type PostFigures, type PostKind, type PostStatus, type PostWork, type RecordWork,
  type Seat, type SeatAction, type SeatSource, type SeatStatus, type WorkKind,
} from './schema.ts';

import { seatMany, workMany } from './bulk.ts';

export { publishMany, seatMany, workMany, type BulkPost, type BulkSeat, type BulkWork } from './bulk.ts';

// Duty posts (设岗定责 / 认岗). What the caller may do to a post or a seat is
// decided here, once (postActions, seatActions, claimRefusal): the lists the
// web shows buttons from, and the check when the action is requested. The
// database holds the rest: the count of taken seats, one seat each, the steps
// of a seat, and that work is recorded for a holder.

interface PostRow {
  id: number;
  org_id: number;
  org_name: string | null;
  /** Null where the caller does not see the post's organization (a member reading their community's post). */
  org_path: string | null;
  grid_id: number | null;
  kind: PostKind;
  name: string;
  duty: string | null;
  seats: number;
  taken: number;
  status: PostStatus;
}

/** A post as gj_post_board shows it to someone who may claim in its community. */
interface BoardRow extends Omit<PostRow, 'org_path'> {
  mine: boolean;
}

interface SeatRow {
  id: number;
  post_id: number;
  org_path: string | null;
  person_id: number;
  holder_user_id: number | null;
  person_name: string | null;
  source: SeatSource;
  status: SeatStatus;
  claimed_at: string;
  decided_at: string | null;
  decided_by: string | null;
  note: string | null;
}

const at = (col: string) => `to_char(${col} AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD HH24:MI')`;

const POST_SELECT = `SELECT d.id, d.org_id, gj_org_name(d.org_id) AS org_name, o.path::text AS org_path, d.grid_id, d.kind, d.name, d.duty, d.seats, d.taken, d.status
  FROM duty_posts d LEFT JOIN org_labels o ON o.id = d.org_id`;
const SEAT_SELECT = `SELECT s.id, s.post_id, o.path::text AS org_path, s.person_id, s.holder_user_id, p.name AS person_name, s.source, s.status,
       ${at('s.claimed_at')} AS claimed_at, ${at('s.decided_at')} AS decided_at, s.decided_by, s.note
  FROM duty_post_seats s LEFT JOIN person_labels p ON p.id = s.person_id LEFT JOIN org_labels o ON o.id = s.org_id`;
const HOLDING: SeatStatus[] = ['pending', 'active'];
const NO_WORK: PostFigures = { records: 0, disputesSettled: 0, needs: 0, serviceLogs: 0 };
/** The needs statuses that say a need was handled. */
const HANDLED = new Set(['done', 'checked', 'closed', 'rated']);

/**
 * Why the caller may not claim this post now, or null when they may: the
 * board row is the post as their community shows it (undefined: not theirs).
 */
function claimRefusal(scope: Scope, b: BoardRow | undefined): AppError | null {
  if (!mayClaim(scope)) return E.members_claim();
  if (!b) return E.outside_community();
  if (b.status !== 'open') return E.closed();
  if (b.mine) return E.second_seat();
  if (b.taken >= b.seats) return E.full();
  return null;
}

/** The caller's own held seat of a post, among the seats they read. */
const ownSeat = (scope: Scope, seats: Pick<SeatRow, 'holder_user_id' | 'status' | 'person_id'>[]) =>
  scope.userId === null ? undefined : seats.find((s) => s.status === 'active' && s.holder_user_id === scope.userId);

/**
 * Why the caller may not record work on this post, or null when they may:
 * staff of the post's organization for any holder, a holder for themselves.
 */
function workRefusal(scope: Scope, orgPath: string | null, seats: Pick<SeatRow, 'holder_user_id' | 'status' | 'person_id'>[]): AppError | null {
  if (isStaffAt(scope, orgPath)) return seats.some((s) => s.status === 'active') ? null : E.not_holder();
  return ownSeat(scope, seats) ? null : E.holders_record();
}

function postActions(scope: Scope, p: Pick<PostRow, 'org_path' | 'seats' | 'taken'>, b: BoardRow | undefined, seats: SeatRow[]): PostAction[] {
  const staff = isStaffAt(scope, p.org_path);
  const a: PostAction[] = [];
  if (claimRefusal(scope, b) === null) a.push('claim');
  if (staff && p.taken < p.seats) a.push('assign');
  if (staff) a.push('edit');
  if (workRefusal(scope, p.org_path, seats) === null) a.push('recordWork');
  return a;
}

function seatActions(scope: Scope, s: Pick<SeatRow, 'org_path' | 'status'>): SeatAction[] {
  if (!isStaffAt(scope, s.org_path)) return [];
  if (s.status === 'pending') return ['approve', 'reject'];
  if (s.status === 'active') return ['release'];
  return [];
}

/** The open board of the caller's community, by post id. */
async function boardOf(q: Queryable, scope: Scope): Promise<Map<number, BoardRow>> {
  if (!mayClaim(scope)) return new Map();
  const rows = await q.query<BoardRow>(`SELECT id, org_id, org_name, grid_id, kind, name, duty, seats, taken, status, mine FROM gj_post_board() ORDER BY org_id, grid_id NULLS FIRST, id`);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Work counted per post and holder, from the work rows the caller may read. */
async function figuresOf(q: Queryable, postIds: number[]): Promise<Map<string, PostFigures>> {
  const rows = await q.query<{ post_id: number; person_id: number; records: number; disputes_settled: number; needs: number; service_logs: number }>(
    `SELECT post_id, person_id, count(*)::int AS records, (count(*) FILTER (WHERE kind = 'dispute' AND outcome = 'settled'))::int AS disputes_settled,
            count(need_id)::int AS needs, count(service_log_id)::int AS service_logs
       FROM duty_post_work WHERE post_id = ANY ($1::bigint[]) GROUP BY post_id, person_id`,
    [postIds],
  );
  return new Map(rows.map((r) => [`${r.post_id}:${r.person_id}`, { records: r.records, disputesSettled: r.disputes_settled, needs: r.needs, serviceLogs: r.service_logs }]));
}

const sum = (fs: PostFigures[]): PostFigures =>
  fs.reduce((s, f) => ({ records: s.records + f.records, disputesSettled: s.disputesSettled + f.disputesSettled, needs: s.needs + f.needs, serviceLogs: s.serviceLogs + f.serviceLogs }), NO_WORK);

/** Posts with their current claims and holders (those the caller may see), work figures and actions. */
async function assemble(q: Queryable, scope: Scope, rows: (PostRow | BoardRow)[], board: Map<number, BoardRow>): Promise<Post[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const seatRows = await q.query<SeatRow>(`${SEAT_SELECT} WHERE s.post_id = ANY ($1::bigint[]) AND s.status = ANY ($2::text[]) ORDER BY s.status, s.id`, [ids, HOLDING]);
  const figures = await figuresOf(q, ids);
  return rows.map((r) => {
    const orgPath = 'org_path' in r ? r.org_path : null;
    const seats = seatRows.filter((s) => s.post_id === r.id);
    const holders = seats.map((s) => toSeat(scope, s, figures.get(`${r.id}:${s.person_id}`)));
    const own = [...figures.entries()].filter(([k]) => k.startsWith(`${r.id}:`)).map(([, f]) => f);
    return {
      id: r.id, orgId: r.org_id, orgName: r.org_name ?? '', gridId: r.grid_id, kind: r.kind, name: r.name, duty: r.duty,
      seats: r.seats, taken: r.taken, status: r.status, holders, figures: sum(own),
      actions: postActions(scope, { org_path: orgPath, seats: r.seats, taken: r.taken }, board.get(r.id), seats),
    };
  });
}

function toSeat(scope: Scope, s: SeatRow, figures: PostFigures | undefined): Seat {
  return {
    id: s.id, postId: s.post_id, personId: s.person_id, personName: s.person_name ?? '', source: s.source, status: s.status,
    claimedAt: s.claimed_at, decidedAt: s.decided_at, decidedBy: s.decided_by, note: s.note, figures: figures ?? NO_WORK,
    actions: seatActions(scope, s),
  };
}

export interface PostFilter {
  orgId?: number;
  gridId?: number;
  kind?: PostKind;
  status?: PostStatus;
}

/** The posts the caller's scope holds: staff their subtree, a holder the posts they hold. */
export async function list(q: Queryable, scope: Scope, f: PostFilter): Promise<Post[]> {
  const where = conditions();
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'd')));
  if (f.gridId !== undefined) where.add('d.grid_id = $?', f.gridId);
  if (f.kind !== undefined) where.add('d.kind = $?', f.kind);
  if (f.status !== undefined) where.add('d.status = $?', f.status);
  const rows = await q.query<PostRow>(`${POST_SELECT} ${where.sql} ORDER BY d.org_id, d.grid_id NULLS FIRST, d.id LIMIT 500`, where.params);
  return assemble(q, scope, rows, await boardOf(q, scope));
}

/** The open posts of the caller's community, to claim from a phone. */
export async function board(q: Queryable, scope: Scope): Promise<Post[]> {
  const b = await boardOf(q, scope);
  return assemble(q, scope, [...b.values()].filter((r) => r.status === 'open'), b);
}

/** The posts the caller claimed or holds, with their own seat. */
export async function mine(q: Queryable, scope: Scope): Promise<Post[]> {
  const rows = await q.query<PostRow>(
    `${POST_SELECT} WHERE d.id IN (SELECT s.post_id FROM duty_post_seats s WHERE s.holder_user_id = gj_user_id() AND s.status = ANY ($1::text[])) ORDER BY d.id`,
    [HOLDING],
  );
  return assemble(q, scope, rows, await boardOf(q, scope));
}

/** The duty posts the caller holds, for the home page (今日待办): their work is recorded on the post. */
export async function todo(q: Queryable, scope: Scope): Promise<TodoItem[]> {
  return (await mine(q, scope)).map((p) => ({ kind: 'duty_post', title: p.name, count: null, dueOn: null, overdue: false, link: '/my-posts' }));
}

async function postRow(q: Queryable, postId: number): Promise<PostRow> {
  const [row] = await q.query<PostRow>(`${POST_SELECT} WHERE d.id = $1`, [postId]);
  if (!row) throw notFound(POST);
  return row;
}

/** One post with its work records: for staff and holders, or a member of its community (from the board). */
export async function detail(q: Queryable, scope: Scope, postId: number): Promise<Post & { work: PostWork[] }> {
  const b = await boardOf(q, scope);
  const [row] = await q.query<PostRow>(`${POST_SELECT} WHERE d.id = $1`, [postId]);
  const seen = row ?? b.get(postId);
  if (!seen) throw notFound(POST);
  const [post] = await assemble(q, scope, [seen], b);
  return { ...post!, work: await workOf(q, postId) };
}

async function workOf(q: Queryable, postId: number): Promise<PostWork[]> {
  const rows = await q.query<{
    id: number; post_id: number; person_id: number; person_name: string | null; kind: WorkKind; done_on: string; parties: number | null;
    outcome: DisputeOutcome | null; note: string | null; need_id: number | null; service_log_id: number | null; recorded_by: string;
  }>(
    `SELECT w.id, w.post_id, w.person_id, p.name AS person_name, w.kind, w.done_on::text, w.parties, w.outcome, w.note, w.need_id, w.service_log_id, w.recorded_by
       FROM duty_post_work w LEFT JOIN person_labels p ON p.id = w.person_id WHERE w.post_id = $1 ORDER BY w.done_on DESC, w.id DESC LIMIT 500`,
    [postId],
  );
  const items: PostWork[] = [];
  for (const r of rows) {
    items.push({
      id: r.id, postId: r.post_id, personId: r.person_id, personName: r.person_name ?? '', kind: r.kind, doneOn: r.done_on, parties: r.parties,
      outcome: r.outcome, note: r.note, needId: r.need_id, serviceLogId: r.service_log_id, recordedBy: r.recorded_by,
      linked: await linkedText(q, r.need_id, r.service_log_id),
    });
  }
  return items;
}

/** The linked record in its own module's words, where the caller may still read it. */
async function linkedText(q: Queryable, needId: number | null, logId: number | null): Promise<string | null> {
  // A need the caller no longer reads (its claim was revoked, say) still counts; it is shown without its title.
  if (needId !== null) return needs.get(q, needId).then((n) => n.title, (err: unknown) => { if (err instanceof AppError) return null; throw err; });
  if (logId !== null) return (await activities.logs(q, { id: logId })).items[0]?.what ?? null;
  return null;
}

const PUBLISH: Text = { zh: '发布岗位', en: 'publish posts' };

async function createdPost(q: Queryable, input: { orgId?: number; gridId?: number }): Promise<{ orgId: number; gridId: number | null }> {
  if (input.gridId !== undefined) {
    const grid = await grids.getGrid(q, input.gridId);
    if (input.orgId !== undefined && input.orgId !== grid.communityId) throw E.grid_outside();
    return { orgId: grid.branchId ?? grid.communityId, gridId: grid.id };
  }
  if (input.orgId === undefined) throw E.place_required();
  const org = await orgs.find(q, input.orgId);
  // An organization out of sight is one where the caller is not staff.
  if (!org) throw E.staff_only({ action: PUBLISH });
  if (!ORG_KIND_GROUPS.community.includes(org.kind)) throw E.not_community();
  return { orgId: org.id, gridId: null };
}

/** A community publishes a post, or a grid of it (the post then sits with the grid's organization). */
export async function create(
  q: Queryable,
  scope: Scope,
  input: { orgId?: number; gridId?: number; kind: PostKind; name: string; duty?: string | null; seats: number },
): Promise<Post> {
  const place = await createdPost(q, input);
  ensureStaff(scope, PUBLISH, await orgs.pathIfSeen(q, place.orgId));
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO duty_posts (org_id, grid_id, kind, name, duty, seats) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [place.orgId, place.gridId, input.kind, input.name, input.duty || null, input.seats],
  );
  return one(q, scope, row!.id);
}

async function one(q: Queryable, scope: Scope, postId: number): Promise<Post> {
  const [post] = await assemble(q, scope, [await postRow(q, postId)], await boardOf(q, scope));
  return post!;
}

/** A staff action on a post, checked with the list the post carries: refused as not staff there, or as not possible now. */
async function ensurePostAction(q: Queryable, scope: Scope, postId: number, action: 'assign' | 'edit', words: Text): Promise<PostRow> {
  const row = await postRow(q, postId);
  const post = (await assemble(q, scope, [row], new Map()))[0]!;
  if (post.actions.includes(action)) return row;
  if (!isStaffAt(scope, row.org_path)) throw E.staff_only({ action: words });
  throw E.full();
}

export async function update(
  q: Queryable,
  scope: Scope,
  postId: number,
  patch: { name?: string; duty?: string | null; seats?: number; status?: PostStatus },
): Promise<Post> {
  const row = await ensurePostAction(q, scope, postId, 'edit', { zh: '修改岗位', en: 'edit posts' });
  if (patch.seats !== undefined && patch.seats < row.taken) throw E.seats_below_taken();
  const changes = Object.entries({ name: patch.name, duty: patch.duty === undefined ? undefined : patch.duty || null, seats: patch.seats, status: patch.status })
    .filter(([, v]) => v !== undefined);
  if (changes.length) {
    await q.query(`UPDATE duty_posts SET ${changes.map(([col], i) => `${col} = $${i + 2}`).join(', ')} WHERE id = $1`, [postId, ...changes.map(([, v]) => v)]);
  }
  return one(q, scope, postId);
}

/** A member claims a seat of a post of their community: it waits for the community's approval. */
export async function claim(q: Queryable, scope: Scope, postId: number): Promise<Post> {
  const refusal = claimRefusal(scope, (await boardOf(q, scope)).get(postId));
  if (refusal) throw refusal;
  const person = await people.ofAccount(q, scope.userId!);
  if (!person?.isMember) throw E.no_member_file();
  await q.query(`SELECT gj_claim_post($1, $2)`, [postId, person.id]);
  const b = await boardOf(q, scope);
  const [post] = await assemble(q, scope, [b.get(postId)!], b);
  return post!;
}

/** Staff put a member on a post: the seat is held at once. */
export async function assign(q: Queryable, scope: Scope, postId: number, personId: number): Promise<Post> {
  const row = await ensurePostAction(q, scope, postId, 'assign', { zh: '安排岗位', en: 'assign posts' });
  const person = await people.find(q, personId);
  if (!person?.isMember) throw E.not_member();
  const [held] = await q.query(`SELECT 1 FROM duty_post_seats WHERE post_id = $1 AND person_id = $2 AND status = ANY ($3::text[])`, [postId, personId, HOLDING]);
  if (held) throw E.holder_has_seat();
  await seatMany(q, [{ orgId: row.org_id, postId, personId, decidedBy: scope.userName ?? '' }]);
  return one(q, scope, postId);
}

const STEP: Record<SeatAction, { to: SeatStatus; words: Text }> = {
  approve: { to: 'active', words: { zh: '通过', en: 'approve' } },
  reject: { to: 'rejected', words: { zh: '不通过', en: 'reject' } },
  release: { to: 'released', words: { zh: '离岗', en: 'release' } },
};

/** Approve or reject a claim, release a held seat. */
export async function seatStep(q: Queryable, scope: Scope, seatId: number, step: SeatAction, note: string | null | undefined): Promise<Post> {
  const [seat] = await q.query<SeatRow>(`${SEAT_SELECT} WHERE s.id = $1`, [seatId]);
  if (!seat) throw notFound(SEAT);
  if (!seatActions(scope, seat).includes(step)) {
    if (!isStaffAt(scope, seat.org_path)) throw E.staff_only({ action: { zh: '审核认岗', en: 'decide on seats' } });
    throw E.seat_step({ status: SEAT_STATUSES.term(seat.status), step: STEP[step].words });
  }
  await q.query(`UPDATE duty_post_seats SET status = $2, decided_at = now(), decided_by = $3, note = $4 WHERE id = $1`, [seatId, STEP[step].to, scope.userName ?? '', note || null]);
  return one(q, scope, seat.post_id);
}

/**
 * Work under a post: an entry of its own, or a handled need or a service log
 * of the holder counted under it. Staff record it for any holder; a holder
 * records their own (and the database's gj_holder_insert lets them no further).
 */
export async function recordWork(q: Queryable, scope: Scope, postId: number, input: RecordWork): Promise<PostWork> {
  // A member of the post's community reads it from the board: they are refused as not its holder, not told it is missing.
  const row = (await q.query<PostRow>(`${POST_SELECT} WHERE d.id = $1`, [postId]))[0] ?? (await boardOf(q, scope)).get(postId);
  if (!row) throw notFound(POST);
  const orgPath = 'org_path' in row ? row.org_path : null;
  const seats = await q.query<SeatRow>(`${SEAT_SELECT} WHERE s.post_id = $1 AND s.status = 'active'`, [postId]);
  const refusal = workRefusal(scope, orgPath, seats);
  if (refusal) throw refusal;
  const staff = isStaffAt(scope, orgPath);
  const own = ownSeat(scope, seats);
  if (!staff && input.personId !== undefined && input.personId !== own!.person_id) throw E.own_work_only();
  const personId = input.personId ?? own?.person_id;
  if (personId === undefined || !seats.some((s) => s.person_id === personId)) throw E.not_holder();
  if (input.needId !== undefined && input.serviceLogId !== undefined) throw E.one_record();
  const dispute = input.kind === 'dispute';
  if (dispute && (input.parties == null || input.outcome == null)) throw E.dispute_details();
  if (!dispute && (input.parties != null || input.outcome != null)) throw E.dispute_only();
  let doneOn = input.doneOn;
  if (input.needId !== undefined) {
    const need = await needs.get(q, input.needId);
    if (!HANDLED.has(need.status)) throw E.need_not_handled();
    if (!staff && !(await needs.claimedByCaller(q, input.needId))) throw E.need_not_holders();
    doneOn ??= need.createdAt.slice(0, 10);
  }
  if (input.serviceLogId !== undefined) {
    const log = (await activities.logs(q, { id: input.serviceLogId })).items[0];
    if (!log) throw notFound({ zh: '服务日志', en: 'Service log' });
    if (log.personId !== personId) throw E.log_not_holders();
    doneOn ??= log.servedOn;
  }
  if (!doneOn) throw E.date_required();
  const [w] = await workMany(q, [{
    orgId: row.org_id, postId, personId, kind: input.kind, doneOn,
    parties: input.parties ?? null, outcome: input.outcome ?? null, note: input.note || null, needId: input.needId ?? null,
    serviceLogId: input.serviceLogId ?? null, recordedBy: scope.userName ?? '',
  }]);
  return (await workOf(q, postId)).find((x) => x.id === w)!;
}

/** Posts an organization holds itself (a community's own posts; a grid's follow its grid). */
export async function countHeld(q: Queryable, orgId: number): Promise<number> {
  return (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM duty_posts WHERE org_id = $1 AND grid_id IS NULL`, [orgId]))[0]!.n;
}

/**
 * A retired community's own posts move to the receiving one, renamed after
 * the old community where the name is taken; their seats and work follow
 * through the foreign keys (ON UPDATE CASCADE).
 */
export async function moveHeld(q: Queryable, m: { from: number; to: number; fromName: string }): Promise<void> {
  await q.query(
    `UPDATE duty_posts SET name = name || '（原' || $3 || '）'
      WHERE org_id = $1 AND grid_id IS NULL AND name IN (SELECT name FROM duty_posts WHERE org_id = $2 AND grid_id IS NULL)`,
    [m.from, m.to, m.fromName],
  );
  await q.query(`UPDATE duty_posts SET org_id = $2 WHERE org_id = $1 AND grid_id IS NULL`, [m.from, m.to]);
}

/** Holders who recorded work at their duty posts in the year, under the organization: commendation candidates. */
export async function servingHolders(q: Queryable, orgId: number, year: number): Promise<Commended[]> {
  const w = conditions();
  const [sql, value] = await orgs.underCondition(q, orgId, 'w');
  w.add(sql, value);
  w.add('w.done_on >= make_date($?::int, 1, 1)', year);
  w.add('w.done_on <= make_date($?::int, 12, 31)', year);
  const rows = await q.query<{ name: string | null; post: string; org_name: string | null; records: number }>(
    `SELECT p.name, d.name AS post, gj_org_name(w.org_id) AS org_name, count(*)::int AS records
       FROM duty_post_work w JOIN duty_posts d ON d.id = w.post_id LEFT JOIN person_labels p ON p.id = w.person_id
      ${w.sql} GROUP BY w.person_id, p.name, d.name, w.org_id`,
    w.params,
  );
  return byName(rows.map((r) => ({
    name: r.name ?? '', orgName: r.org_name,
    because: { zh: `${r.post}：履职记录 ${r.records} 条`, en: `${r.post}: ${r.records} records of work` },
  })));
}
