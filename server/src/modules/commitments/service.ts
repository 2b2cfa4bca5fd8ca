import type { Queryable } from '../../kernel/db.ts';
import { byName, type Commended } from '../../kernel/manifest.ts';
import { notFound, type AppError } from '../../kernel/errors.ts';
import type { Scope } from '../../kernel/scope.ts';
import { conditions } from '../../kernel/sql.ts';
import type { TodoItem } from '../../kernel/todo.ts';
import { ORG_KIND_GROUPS } from '../orgs/schema.ts';
import { REGION_TIME_ZONE } from '../../kernel/time.ts';
import { COMMITMENT, E, ITEM, QUESTION, REPORT } from './errors.ts';
import { match, recordsOf } from './findings.ts';
import { isCommunityAt, isParty, mayDraftPledge, raterRole } from './policy.ts';
import {
  COMMITMENT_ACTIONS, COMMITMENT_STATUSES, ITEM_SOURCES, REPORT_ACTIONS, REPORT_STATUSES,
  type CommitmentAction, type Commitment, type CommitmentDetail, type CommitmentItem, type CommitmentKind, type CommitmentStatus, type Grade,
  type ItemInput, type ItemSource, type RaterRole, type Report, type ReportAction, type ReportDetail, type ReportStatus,
} from './schema.ts';

export { commitmentsMany, type BulkCommitment } from './bulk.ts';

// Commitments and their cycle. Which records a caller sees is row-level
// security (staff their subtree, the member and the unit their own, a
// community's residents, members and units its published reports). What the
// caller may do to each is decided once, here (refusal): the same function
// lists a record's `actions` and refuses a step it does not list.

const at = (col: string) => `to_char(${col} AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD HH24:MI')`;

interface CommitmentRow {
  id: number;
  org_id: number;
  org_name: string | null;
  org_path: string | null;
  kind: CommitmentKind;
  person_id: number | null;
  member_user_id: number | null;
  unit_id: number | null;
  report_in_id: number | null;
  party_name: string;
  starts_on: string;
  ends_on: string;
  status: CommitmentStatus;
  party_signer: string | null;
  party_signed_at: string | null;
  community_signer: string | null;
  community_signed_at: string | null;
  item_count: number;
}

const COMMITMENT_SELECT = `SELECT c.id::int, c.org_id::int, coalesce(o.name, gj_org_name(c.org_id)) AS org_name, o.path::text AS org_path, c.kind, c.person_id::int, c.member_user_id::int,
       c.unit_id::int, c.report_in_id::int, c.party_name, c.starts_on::text, c.ends_on::text, c.status, c.party_signer, ${at('c.party_signed_at')} AS party_signed_at,
       c.community_signer, ${at('c.community_signed_at')} AS community_signed_at,
       (SELECT count(*)::int FROM commitment_items i WHERE i.commitment_id = c.id) AS item_count
  FROM commitments c LEFT JOIN org_labels o ON o.id = c.org_id`;

const COMMITMENT_STEPS: Record<CommitmentAction, { zh: string; en: string }> = {
  edit: { zh: '修改承诺事项', en: 'edit the items' },
  signAsParty: { zh: '以承诺方签字', en: 'sign for the party' },
  signAsCommunity: { zh: '以社区签字', en: 'sign for the community' },
  end: { zh: '终止承诺', en: 'end the commitment' },
};

/** Why the caller may not take this step on the commitment now, or null: the one rule for `actions` and for the routes. */
function commitmentRefusal(scope: Scope, r: CommitmentRow, action: CommitmentAction): AppError | null {
  const party = isParty(scope, r);
  const community = isCommunityAt(scope, r.org_path);
  const step = COMMITMENT_STEPS[action];
  const inState = (...states: CommitmentStatus[]) => states.includes(r.status);
  const refuse = () => E.step_refused({ status: COMMITMENT_STATUSES.term(r.status), step });
  switch (action) {
    case 'edit':
      if (!party && !community) return E.not_party({ action: step });
      return inState('draft') ? null : E.not_draft();
    case 'signAsParty':
      if (!party) return E.not_party({ action: step });
      if (r.party_signed_at !== null) return E.signed_already();
      return inState('draft', 'community_signed') ? null : refuse();
    case 'signAsCommunity':
      if (!community) return E.community_only({ action: step });
      if (r.kind === 'member') return refuse();
      if (r.community_signed_at !== null) return E.signed_already();
      return inState('draft', 'party_signed') ? null : refuse();
    case 'end':
      if (!community) return E.community_only({ action: step });
      return inState('in_force') ? null : refuse();
  }
}

const commitmentActions = (scope: Scope, r: CommitmentRow) => COMMITMENT_ACTIONS.filter((a) => commitmentRefusal(scope, r, a) === null);

function toCommitment(scope: Scope, r: CommitmentRow): Commitment {
  return {
    id: r.id, orgId: r.org_id, orgName: r.org_name, kind: r.kind, personId: r.person_id, unitId: r.unit_id, reportInId: r.report_in_id,
    partyName: r.party_name, startsOn: r.starts_on, endsOn: r.ends_on, status: r.status,
    partySigner: r.party_signer, partySignedAt: r.party_signed_at, communitySigner: r.community_signer, communitySignedAt: r.community_signed_at,
    itemCount: r.item_count, actions: commitmentActions(scope, r),
  };
}

async function commitmentRow(q: Queryable, id: number): Promise<CommitmentRow> {
  const [r] = await q.query<CommitmentRow>(`${COMMITMENT_SELECT} WHERE c.id = $1`, [id]);
  if (!r) throw notFound(COMMITMENT);
  return r;
}

async function allowedCommitment(q: Queryable, scope: Scope, id: number, action: CommitmentAction): Promise<CommitmentRow> {
  const r = await commitmentRow(q, id);
  const no = commitmentRefusal(scope, r, action);
  if (no) throw no;
  return r;
}

/**
 * The caller's own commitments (a member's, or their unit's) waiting on
 * them, for the home page (今日待办): one to sign as the party, and those in
 * force, whose items they fulfil.
 */
export async function todo(q: Queryable, scope: Scope): Promise<TodoItem[]> {
  const mine = (await list(q, scope, { mine: true, page: 1, pageSize: 50 })).items;
  const link = (c: Commitment) => (c.personId !== null ? '/me/commitments' : `/commitments?commitmentId=${c.id}`);
  return mine
    .filter((c) => c.actions.includes('signAsParty') || c.status === 'in_force')
    .map((c) => ({ kind: c.status === 'in_force' ? 'commitment_open' : 'commitment_to_sign', title: c.orgName ?? c.partyName, count: null, dueOn: c.status === 'in_force' ? c.endsOn : null, overdue: false, link: link(c) }));
}

export async function list(
  q: Queryable,
  scope: Scope,
  f: { orgId?: number; kind?: CommitmentKind; status?: CommitmentStatus; mine?: boolean; personId?: number; unitId?: number; year?: number; page: number; pageSize: number },
): Promise<{ total: number; items: Commitment[] }> {
  const w = conditions();
  if (f.orgId !== undefined) w.add('c.org_id = $?', f.orgId);
  if (f.personId !== undefined) w.add('c.person_id = $?', f.personId);
  if (f.unitId !== undefined) w.add('c.unit_id = $?', f.unitId);
  // A year's commitments: those whose term overlaps it (the figures of a year-end evaluation link here).
  if (f.year !== undefined) w.add('c.starts_on <= make_date($?, 12, 31)', f.year);
  if (f.year !== undefined) w.add('c.ends_on >= make_date($?, 1, 1)', f.year);
  if (f.kind) w.add('c.kind = $?', f.kind);
  if (f.status) w.add('c.status = $?', f.status);
  if (f.mine) w.add('(c.member_user_id = $? OR c.unit_id = ANY (gj_unit_ids()))', scope.userId);
  const [{ n } = { n: 0 }] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM commitments c ${w.sql}`, w.params);
  const rows = await q.query<CommitmentRow>(
    `${COMMITMENT_SELECT} ${w.sql} ORDER BY c.status = 'in_force', c.starts_on DESC, c.id DESC LIMIT ${w.next(f.pageSize)} OFFSET ${w.next((f.page - 1) * f.pageSize)}`,
    w.params,
  );
  return { total: n, items: rows.map((r) => toCommitment(scope, r)) };
}

interface ItemRow {
  id: number;
  position: number;
  what: string;
  for_org_id: number | null;
  for_org_name: string | null;
  beneficiary: string | null;
  cadence: CommitmentItem['cadence'];
  due_on: string | null;
  target: number;
  source: ItemSource;
  activity_kind: string | null;
  need_id: number | null;
  project_id: number | null;
  resource_id: number | null;
  evidence: string | null;
  evidenced_by: string | null;
  evidenced_at: string | null;
}

/** The items with what the records say of them, as the caller sees those records now. */
async function liveItems(q: Queryable, scope: Scope, r: CommitmentRow): Promise<CommitmentItem[]> {
  const rows = await q.query<ItemRow>(
    `SELECT i.id::int, i.position, i.what, i.for_org_id::int, o.name AS for_org_name, i.beneficiary, i.cadence, i.due_on::text, i.target, i.source,
            i.activity_kind, i.need_id::int, i.project_id::int, i.resource_id::int, i.evidence, i.evidenced_by, ${at('i.evidenced_at')} AS evidenced_at
       FROM commitment_items i LEFT JOIN org_labels o ON o.id = i.for_org_id
      WHERE i.commitment_id = $1 ORDER BY i.position, i.id`,
    [r.id],
  );
  const records = await recordsOf(q, r, rows.flatMap((i) => (i.need_id === null ? [] : [i.need_id])));
  const fulfil = r.status === 'in_force' && isParty(scope, r);
  return rows.map((i) => {
    const { found, progress } = match(i, records);
    return {
      id: i.id, position: i.position, what: i.what, forOrgId: i.for_org_id, forOrgName: i.for_org_name, beneficiary: i.beneficiary, cadence: i.cadence,
      dueOn: i.due_on, target: i.target, source: i.source, activityKind: i.activity_kind, needId: i.need_id, projectId: i.project_id, resourceId: i.resource_id,
      evidence: i.evidence, evidencedBy: i.evidenced_by, evidencedAt: i.evidenced_at, found, progress,
      actions: fulfil && i.evidence === null && progress !== 'fulfilled' ? ['fulfil' as const] : [],
    };
  });
}

export async function detail(q: Queryable, scope: Scope, id: number): Promise<CommitmentDetail> {
  const r = await commitmentRow(q, id);
  const reports = await q.query<{ id: number; windowTitle: string; status: ReportStatus }>(
    `SELECT r.id::int, w.title AS "windowTitle", r.status FROM commitment_reports r JOIN commitment_windows w ON w.id = r.window_id
      WHERE r.commitment_id = $1 ORDER BY w.opens_at DESC`,
    [id],
  );
  return { ...toCommitment(scope, r), items: await liveItems(q, scope, r), reports };
}

/**
 * The organization's path, where the caller sees it, and whether it is a
 * community (commitments are made to one): one they see, or, for a member or
 * resident who sees only their own branch, one they live in or reported to.
 */
async function community(q: Queryable, orgId: number): Promise<{ path: string | null; isCommunity: boolean }> {
  const [o] = await q.query<{ path: string | null; kind: string | null; theirs: boolean }>(
    `SELECT o.path::text, o.kind, $1 = ANY (gj_commitment_audience()) AS theirs FROM (SELECT $1::bigint AS id) x LEFT JOIN org_labels o ON o.id = x.id`,
    [orgId],
  );
  return { path: o?.path ?? null, isCommunity: o!.theirs || (o!.kind !== null && ORG_KIND_GROUPS.community.includes(o!.kind)) };
}

/** Checks what each item names: a beneficiary inside the community, and the record a source needs. */
async function checkItems(q: Queryable, orgPath: string | null, items: ItemInput[]): Promise<void> {
  for (const [n, i] of items.entries()) {
    if (i.source === 'needs' && i.needId == null && i.cadence === 'once') throw E.item_link({ n: n + 1, source: ITEM_SOURCES.term('needs'), what: { zh: '需求', en: 'need' } });
    if (i.forOrgId === undefined) continue;
    const [inside] = orgPath === null ? [] : await q.query(`SELECT 1 FROM org_labels WHERE id = $1 AND path <@ $2::ltree`, [i.forOrgId, orgPath]);
    if (!inside) throw E.item_outside();
  }
}

async function insertItems(q: Queryable, commitmentId: number, orgId: number, items: ItemInput[]): Promise<void> {
  const col = <K extends keyof ItemInput>(k: K) => items.map((i) => i[k] ?? null);
  await q.query(
    `INSERT INTO commitment_items (org_id, commitment_id, position, what, for_org_id, beneficiary, cadence, due_on, target, source, activity_kind, need_id, project_id, resource_id)
     SELECT $1, $2, n, what, for_org, beneficiary, cadence, due_on, target, source, activity_kind, need_id, project_id, resource_id
       FROM unnest($3::text[], $4::bigint[], $5::text[], $6::text[], $7::date[], $8::int[], $9::text[], $10::text[], $11::bigint[], $12::bigint[], $13::bigint[])
            WITH ORDINALITY AS t (what, for_org, beneficiary, cadence, due_on, target, source, activity_kind, need_id, project_id, resource_id, n)`,
    [
      orgId, commitmentId, col('what'), col('forOrgId'), col('beneficiary'), col('cadence'), col('dueOn'), col('target'), col('source'), col('activityKind'),
      col('needId'), col('projectId'), col('resourceId'),
    ],
  );
}

export interface NewCommitment {
  kind: CommitmentKind;
  orgId: number;
  unitId?: number;
  personId?: number;
  reportInId?: number;
  startsOn: string;
  endsOn: string;
  items: ItemInput[];
}

/** A member commits for themselves (or the community records it for them); a unit's pledge is drafted by its liaison or the community. */
export async function create(q: Queryable, scope: Scope, input: NewCommitment, partyName: (q: Queryable) => Promise<{ name: string; personId?: number; userId?: number | null }>): Promise<CommitmentDetail> {
  const place = await community(q, input.orgId);
  if (!place.isCommunity) throw E.not_community();
  if (input.kind === 'unit') {
    if (input.unitId === undefined || !mayDraftPledge(scope, input.unitId, place.path)) throw E.pledge_by();
  }
  await checkItems(q, place.path, input.items);
  const party = await partyName(q);
  const [c] = await q.query<{ id: number }>(
    `INSERT INTO commitments (org_id, kind, person_id, member_user_id, unit_id, report_in_id, party_name, starts_on, ends_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id::int`,
    [input.orgId, input.kind, party.personId ?? null, party.userId ?? null, input.kind === 'unit' ? input.unitId : null, input.reportInId ?? null,
      party.name, input.startsOn, input.endsOn],
  );
  await insertItems(q, c!.id, input.orgId, input.items);
  return detail(q, scope, c!.id);
}

export async function replaceItems(q: Queryable, scope: Scope, id: number, items: ItemInput[]): Promise<CommitmentDetail> {
  const r = await allowedCommitment(q, scope, id, 'edit');
  await checkItems(q, r.org_path, items);
  await q.query(`DELETE FROM commitment_items WHERE commitment_id = $1`, [id]);
  await insertItems(q, id, r.org_id, items);
  return detail(q, scope, id);
}

/** A signature: the party's or the community's, with who and when. Both given (or a member's own), the commitment is in force. */
export async function sign(q: Queryable, scope: Scope, id: number, side: 'party' | 'community'): Promise<CommitmentDetail> {
  const r = await allowedCommitment(q, scope, id, side === 'party' ? 'signAsParty' : 'signAsCommunity');
  const other = side === 'party' ? r.community_signed_at !== null : r.party_signed_at !== null;
  const next: CommitmentStatus = r.kind === 'member' || other ? 'in_force' : side === 'party' ? 'party_signed' : 'community_signed';
  await q.query(
    `UPDATE commitments SET status = $2, ${side}_signer = $3, ${side}_signed_by = $4, ${side}_signed_at = now() WHERE id = $1`,
    [id, next, scope.userName ?? '', scope.userId],
  );
  return detail(q, scope, id);
}

export async function end(q: Queryable, scope: Scope, id: number): Promise<CommitmentDetail> {
  await allowedCommitment(q, scope, id, 'end');
  await q.query(`UPDATE commitments SET status = 'ended' WHERE id = $1`, [id]);
  return detail(q, scope, id);
}

/** Marks an item fulfilled in words where no record exists; only its party may, while the commitment is in force. */
export async function fulfil(q: Queryable, scope: Scope, commitmentId: number, itemId: number, evidence: string): Promise<CommitmentDetail> {
  const r = await commitmentRow(q, commitmentId);
  const items = await liveItems(q, scope, r);
  const item = items.find((i) => i.id === itemId);
  if (!item) throw notFound(ITEM);
  if (!isParty(scope, r)) throw E.not_your_item();
  if (r.status !== 'in_force') throw E.not_in_force({ action: { zh: '标记践诺', en: 'mark it fulfilled' } });
  if (!item.actions.includes('fulfil')) throw E.step_not_allowed();
  await q.query(`UPDATE commitment_items SET evidence = $2, evidenced_by = $3, evidenced_at = now() WHERE id = $1`, [itemId, evidence, scope.userName ?? '']);
  return detail(q, scope, commitmentId);
}

// ---- Report windows (述诺安排) ----

interface WindowRow { id: number; org_id: number; org_name: string | null; year: number; title: string; opens_at: string; closes_at: string; open: boolean; reports: number }
const WINDOW_SELECT = `SELECT w.id::int, w.org_id::int, o.name AS org_name, w.year, w.title, ${at('w.opens_at')} AS opens_at, ${at('w.closes_at')} AS closes_at,
       now() >= w.opens_at AND now() < w.closes_at AS open, (SELECT count(*)::int FROM commitment_reports r WHERE r.window_id = w.id) AS reports
  FROM commitment_windows w LEFT JOIN org_labels o ON o.id = w.org_id`;
const toWindow = (w: WindowRow) => ({ id: w.id, orgId: w.org_id, orgName: w.org_name, year: w.year, title: w.title, opensAt: w.opens_at, closesAt: w.closes_at, open: w.open, reports: w.reports });

export async function windows(q: Queryable, orgId?: number) {
  const w = conditions();
  if (orgId !== undefined) w.add('w.org_id = $?', orgId);
  return (await q.query<WindowRow>(`${WINDOW_SELECT} ${w.sql} ORDER BY w.opens_at DESC LIMIT 200`, w.params)).map(toWindow);
}

/**
 * The community opens a report window: every commitment in force there in
 * that year gets its draft report, in one statement.
 */
export async function openWindow(q: Queryable, scope: Scope, input: { orgId: number; year: number; title: string; opensAt: string; closesAt: string }) {
  const place = await community(q, input.orgId);
  if (!isCommunityAt(scope, place.path)) throw E.community_only({ action: { zh: '安排述诺', en: 'open a report window' } });
  if (!place.isCommunity) throw E.not_community();
  const [w] = await q.query<{ id: number }>(
    `INSERT INTO commitment_windows (org_id, year, title, opens_at, closes_at, opened_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::int`,
    [input.orgId, input.year, input.title, input.opensAt, input.closesAt, scope.userName ?? ''],
  );
  await draftReports(q, w!.id);
  const [row] = await q.query<WindowRow>(`${WINDOW_SELECT} WHERE w.id = $1`, [w!.id]);
  return toWindow(row!);
}

/** Draft reports of a window for the commitments in force in its community and year that have none yet. */
export async function draftReports(q: Queryable, windowId: number): Promise<void> {
  await q.query(
    `INSERT INTO commitment_reports (org_id, window_id, commitment_id, kind, party_name, member_user_id, unit_id)
     SELECT c.org_id, w.id, c.id, c.kind, c.party_name, c.member_user_id, c.unit_id FROM commitment_windows w JOIN commitments c ON c.org_id = w.org_id
      WHERE w.id = $1 AND c.status = 'in_force' AND c.starts_on <= make_date(w.year, 12, 31) AND c.ends_on >= make_date(w.year, 1, 1)
     ON CONFLICT DO NOTHING`,
    [windowId],
  );
}

// ---- Reports (述诺), questions (问诺), ratings (评诺) ----

interface ReportRow {
  id: number;
  org_id: number;
  org_name: string | null;
  org_path: string | null;
  window_id: number;
  window_title: string;
  opens_at: string;
  closes_at: string;
  window_open: boolean;
  commitment_id: number;
  kind: CommitmentKind;
  party_name: string;
  member_user_id: number | null;
  unit_id: number | null;
  statement: string;
  findings: CommitmentItem[] | null;
  status: ReportStatus;
  submitted_by: string | null;
  submitted_at: string | null;
  published_at: string | null;
  satisfied: number;
  basically: number;
  dissatisfied: number;
  in_audience: boolean;
  my_rating: Grade | null;
}

const REPORT_SELECT = `SELECT r.id::int, r.org_id::int, coalesce(o.name, gj_org_name(r.org_id)) AS org_name, o.path::text AS org_path, r.window_id::int, w.title AS window_title,
       ${at('w.opens_at')} AS opens_at, ${at('w.closes_at')} AS closes_at, now() >= w.opens_at AND now() < w.closes_at AS window_open,
       r.commitment_id::int, r.kind, r.party_name, r.member_user_id::int, r.unit_id::int, r.statement, r.findings, r.status, r.submitted_by,
       ${at('r.submitted_at')} AS submitted_at, ${at('r.published_at')} AS published_at, r.satisfied, r.basically, r.dissatisfied,
       r.org_id = ANY ((SELECT gj_commitment_audience())::bigint[]) AS in_audience,
       (SELECT g.grade FROM commitment_ratings g WHERE g.report_id = r.id AND g.rater_user_id = gj_user_id()) AS my_rating
  FROM commitment_reports r JOIN commitment_windows w ON w.id = r.window_id
  LEFT JOIN org_labels o ON o.id = r.org_id`;

const REPORT_STEPS: Record<ReportAction, { zh: string; en: string }> = {
  submit: { zh: '述诺', en: 'submit the report' },
  return: { zh: '退回述诺', en: 'return the report' },
  publish: { zh: '公开述诺', en: 'publish the report' },
  ask: { zh: '问诺', en: 'ask about the report' },
  rate: { zh: '评诺', en: 'rate the report' },
};

const roleOf = (scope: Scope, r: ReportRow): RaterRole | null => raterRole(scope, { kind: r.kind, orgPath: r.org_path, inAudience: r.in_audience });

/** Why the caller may not take this step on the report now, or null: the one rule for `actions` and for the routes. */
function reportRefusal(scope: Scope, r: ReportRow, action: ReportAction): AppError | null {
  const step = REPORT_STEPS[action];
  const refuse = () => E.step_refused({ status: REPORT_STATUSES.term(r.status), step });
  switch (action) {
    case 'submit':
      if (!isParty(scope, r)) return E.not_party({ action: step });
      return r.status === 'draft' ? null : refuse();
    case 'return':
    case 'publish':
      if (!isCommunityAt(scope, r.org_path)) return E.community_only({ action: step });
      return r.status === 'submitted' ? null : refuse();
    case 'ask':
    case 'rate':
      if (isParty(scope, r)) return E.own_report({ action: step });
      if (r.status !== 'published') return E.not_published({ action: step });
      if (roleOf(scope, r) === null) return E.no_standing({ action: step });
      if (action === 'ask') return null;
      if (r.my_rating !== null) return E.rated_twice();
      return r.window_open ? null : E.window_closed({ opens: r.opens_at, closes: r.closes_at });
  }
}

/** The result of the ratings (评诺结果), derived: 满意 with two thirds satisfied, 不满意 with more than a third dissatisfied, else 基本满意. */
/**
 * Units whose co-building pledge the year's report (述诺) was rated
 * satisfying by the community that reviewed it (双述双评: two thirds
 * satisfied), under the organization: commendation candidates for the
 * year-end report, one line per unit and community.
 */
export async function wellRatedUnits(q: Queryable, orgId: number, year: number): Promise<Commended[]> {
  const rows = await q.query<{ name: string; org_name: string | null; satisfied: number; basically: number; dissatisfied: number }>(
    `SELECT DISTINCT ON (unit_id, org_id) party_name AS name, gj_org_name(org_id) AS org_name, satisfied, basically, dissatisfied
       FROM gj_commitment_results($1, '{}', ARRAY(SELECT o.id FROM org_labels o WHERE o.path <@ (SELECT p.path FROM org_labels p WHERE p.id = $2)))
      WHERE kind = 'unit' ORDER BY unit_id, org_id, report_id DESC`,
    [year, orgId],
  );
  return byName(rows.filter((r) => resultOf(r) === 'satisfied').map((r) => ({
    name: r.name, orgName: r.org_name,
    because: {
      zh: `双述双评满意（满意 ${r.satisfied}、基本满意 ${r.basically}、不满意 ${r.dissatisfied}）`,
      en: `Rated satisfying (${r.satisfied} satisfied, ${r.basically} fairly, ${r.dissatisfied} not)`,
    },
  })));
}

export function resultOf(t: { satisfied: number; basically: number; dissatisfied: number }): Grade | null {
  const total = t.satisfied + t.basically + t.dissatisfied;
  if (total === 0) return null;
  if (t.dissatisfied * 3 > total) return 'dissatisfied';
  return t.satisfied * 3 >= total * 2 ? 'satisfied' : 'basically';
}

function toReport(scope: Scope, r: ReportRow): Report {
  return {
    id: r.id, orgId: r.org_id, orgName: r.org_name, windowId: r.window_id, windowTitle: r.window_title, opensAt: r.opens_at, closesAt: r.closes_at,
    windowOpen: r.window_open, commitmentId: r.commitment_id, kind: r.kind, partyName: r.party_name, statement: r.statement, status: r.status,
    submittedBy: r.submitted_by, submittedAt: r.submitted_at, publishedAt: r.published_at,
    tally: { satisfied: r.satisfied, basically: r.basically, dissatisfied: r.dissatisfied, total: r.satisfied + r.basically + r.dissatisfied },
    result: resultOf(r), myRating: r.my_rating, myRole: isParty(scope, r) ? null : roleOf(scope, r),
    actions: REPORT_ACTIONS.filter((a) => reportRefusal(scope, r, a) === null),
  };
}

async function reportRow(q: Queryable, id: number, unseen: () => AppError = () => notFound(REPORT)): Promise<ReportRow> {
  const [r] = await q.query<ReportRow>(`${REPORT_SELECT} WHERE r.id = $1`, [id]);
  if (!r) throw unseen();
  return r;
}

async function allowedReport(q: Queryable, scope: Scope, id: number, action: ReportAction): Promise<ReportRow> {
  // Asking and rating reach only the reports a community published to its own people.
  const r = await reportRow(q, id, action === 'ask' || action === 'rate' ? E.not_your_community : () => notFound(REPORT));
  const no = reportRefusal(scope, r, action);
  if (no) throw no;
  return r;
}

export async function reports(
  q: Queryable, scope: Scope, f: { orgId?: number; windowId?: number; status?: ReportStatus; mine?: boolean; page: number; pageSize: number },
): Promise<{ total: number; items: Report[] }> {
  const w = conditions();
  if (f.orgId !== undefined) w.add('r.org_id = $?', f.orgId);
  if (f.windowId !== undefined) w.add('r.window_id = $?', f.windowId);
  if (f.status) w.add('r.status = $?', f.status);
  if (f.mine) w.add('(r.member_user_id = $? OR r.unit_id = ANY (gj_unit_ids()))', scope.userId);
  const [{ n } = { n: 0 }] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM commitment_reports r ${w.sql}`, w.params);
  const rows = await q.query<ReportRow>(
    `${REPORT_SELECT} ${w.sql} ORDER BY w.opens_at DESC, r.id LIMIT ${w.next(f.pageSize)} OFFSET ${w.next((f.page - 1) * f.pageSize)}`,
    w.params,
  );
  return { total: n, items: rows.map((r) => toReport(scope, r)) };
}

/** A draft shows the records found now; a submitted report what was found when it was submitted. */
export async function report(q: Queryable, scope: Scope, id: number): Promise<ReportDetail> {
  const r = await reportRow(q, id);
  const items = r.findings ?? await liveItems(q, scope, await commitmentRow(q, r.commitment_id));
  const party = isParty(scope, r);
  const questions = await q.query<ReportDetail['questions'][number] & { answered: boolean }>(
    `SELECT id::int, asker_name AS "askerName", asker_role AS "askerRole", body, ${at('asked_at')} AS "askedAt", answer, answered_by AS "answeredBy",
            ${at('answered_at')} AS "answeredAt" FROM commitment_questions WHERE report_id = $1 ORDER BY asked_at, id`,
    [id],
  );
  return {
    ...toReport(scope, r),
    items: r.findings ? items.map((i) => ({ ...i, actions: [] })) : items,
    questions: questions.map((x) => ({ ...x, canAnswer: party && x.answer === null })),
  };
}

export async function submit(q: Queryable, scope: Scope, id: number, statement: string): Promise<ReportDetail> {
  const r = await allowedReport(q, scope, id, 'submit');
  const items = (await liveItems(q, scope, await commitmentRow(q, r.commitment_id))).map((i) => ({ ...i, actions: [] }));
  await q.query(
    `UPDATE commitment_reports SET status = 'submitted', statement = $2, findings = $3, submitted_by = $4, submitted_at = now() WHERE id = $1`,
    [id, statement, JSON.stringify(items), scope.userName ?? ''],
  );
  return report(q, scope, id);
}

/** The community sends a report back for another go: the records are found afresh when it is submitted again. */
export async function giveBack(q: Queryable, scope: Scope, id: number): Promise<ReportDetail> {
  await allowedReport(q, scope, id, 'return');
  await q.query(`UPDATE commitment_reports SET status = 'draft', findings = NULL, submitted_by = NULL, submitted_at = NULL WHERE id = $1`, [id]);
  return report(q, scope, id);
}

export async function publish(q: Queryable, scope: Scope, id: number): Promise<ReportDetail> {
  await allowedReport(q, scope, id, 'publish');
  await q.query(`UPDATE commitment_reports SET status = 'published', published_by = $2, published_at = now() WHERE id = $1`, [id, scope.userName ?? '']);
  return report(q, scope, id);
}

export async function ask(q: Queryable, scope: Scope, id: number, body: string): Promise<ReportDetail> {
  const r = await allowedReport(q, scope, id, 'ask');
  await q.query(
    `INSERT INTO commitment_questions (org_id, report_id, asker_user_id, asker_name, asker_role, body) VALUES ($1, $2, $3, $4, $5, $6)`,
    [r.org_id, id, scope.userId, scope.userName ?? '', roleOf(scope, r), body],
  );
  return report(q, scope, id);
}

export async function answer(q: Queryable, scope: Scope, id: number, questionId: number, text: string): Promise<ReportDetail> {
  const r = await reportRow(q, id);
  const [x] = await q.query<{ answer: string | null }>(`SELECT answer FROM commitment_questions WHERE id = $1 AND report_id = $2`, [questionId, id]);
  if (!x) throw notFound(QUESTION);
  if (!isParty(scope, r)) throw E.not_party({ action: { zh: '答复问诺', en: 'answer questions' } });
  if (x.answer !== null) throw E.answered();
  await q.query(`UPDATE commitment_questions SET answer = $2, answered_by = $3, answered_at = now() WHERE id = $1`, [questionId, text, scope.userName ?? '']);
  return report(q, scope, id);
}

export async function rate(q: Queryable, scope: Scope, id: number, grade: Grade): Promise<ReportDetail> {
  const r = await allowedReport(q, scope, id, 'rate');
  await q.query(
    `INSERT INTO commitment_ratings (org_id, report_id, rater_user_id, rater_name, rater_role, grade) VALUES ($1, $2, $3, $4, $5, $6)`,
    [r.org_id, id, scope.userId, scope.userName ?? '', roleOf(scope, r), grade],
  );
  return report(q, scope, id);
}
