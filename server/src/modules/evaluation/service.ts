import type { Queryable } from '../../kernel/db.ts';
import { notFound, type AppError } from '../../kernel/errors.ts';
import { allowed, allowedAtAny, ensureAllowed, viewedFrom, type Verdicts } from '../../kernel/actions.ts';
import { writeWorkbook } from '../../kernel/excel.ts';
import { byName, type Commended, type StatFigure } from '../../kernel/manifest.ts';
import type { Scope } from '../../kernel/scope.ts';
import { conditions, countRows, inPeriod } from '../../kernel/sql.ts';
import { REGION_TIME_ZONE } from '../../kernel/time.ts';
import { GRADES } from '../commitments/schema.ts';
import { resultOf } from '../commitments/service.ts';
import * as orgs from '../orgs/service.ts';
import { ORG_KIND_GROUPS } from '../orgs/schema.ts';
import * as points from '../points/service.ts';
import { E, ROUND } from './errors.ts';
import { isBranchAt, isStaffAt } from './policy.ts';
import {
  EVALUATION_GRADES, ROUND_ACTIONS, ROUND_LIST_ACTIONS, UNIT_ACTIONS,
  type EvaluationGrade, type MemberFigures, type Round, type RoundAction, type RoundListAction, type RoundMember, type RoundStatus, type RoundTable, type UnitAction,
} from './schema.ts';

// Evaluation (评议/考评): the year-end democratic evaluation of members, units
// evaluated by communities (双述双评) and departments rated by communities.
// Every figure is read from the records of the module that keeps them,
// through what it publishes (commitments: gj_commitment_results; points:
// figures and threshold; posts: gj_post_work_of; needs: gj_department_ratings),
// and nothing here is typed but the branch's decision and its reason.
// Anti-formalism (issue 15): study time, likes, shares and check-in counts
// are no criterion; a check-in counts only as the points its rule gives.

const at = (col: string) => `to_char(${col} AT TIME ZONE '${REGION_TIME_ZONE}', 'YYYY-MM-DD HH24:MI')`;
const yearSpan = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
const noTally = () => ({ satisfied: 0, basically: 0, dissatisfied: 0 });

/**
 * The proposed grade (建议等次), from the figures alone:
 * - 不合格: at least three peer and residents' ratings, more than half of them 不满意;
 * - 基本合格: more than a third of the ratings 不满意, or nothing on record for
 *   the year (no points, no commitment item fulfilled, no duty-post work);
 * - 优秀: at least three ratings with two thirds 满意 and none 不满意, every
 *   item of the commitment found fulfilled by its report, and the yearly
 *   points threshold reached (any points where none is set);
 * - otherwise 合格.
 * The community's own rating of the report is left out: the branch decides.
 */
export function proposeGrade(f: MemberFigures): EvaluationGrade {
  const s = f.peer.satisfied + f.residents.satisfied;
  const d = f.peer.dissatisfied + f.residents.dissatisfied;
  const total = s + d + f.peer.basically + f.residents.basically;
  if (total >= 3 && d * 2 > total) return 'unqualified';
  const nothing = f.points <= 0 && !f.fulfilled && f.postWork === 0;
  if ((total > 0 && d * 3 > total) || nothing) return 'basically_qualified';
  const reached = f.threshold === null ? f.points > 0 : f.points >= f.threshold;
  if (total >= 3 && d === 0 && s * 3 >= total * 2 && f.items > 0 && f.fulfilled === f.items && reached) return 'excellent';
  return 'qualified';
}

interface ResultRow {
  commitment_id: number; report_id: number; org_id: number; person_id: number | null; unit_id: number | null; party_name: string;
  items: number; fulfilled: number | null; satisfied: number; basically: number; dissatisfied: number;
  peer_satisfied: number; peer_basically: number; peer_dissatisfied: number; resident_satisfied: number; resident_basically: number; resident_dissatisfied: number;
}
const RESULT_COLUMNS = `commitment_id::int, report_id::int, org_id::int, person_id::int, unit_id::int, party_name, items, fulfilled, satisfied, basically, dissatisfied,
  peer_satisfied, peer_basically, peer_dissatisfied, resident_satisfied, resident_basically, resident_dissatisfied`;

/** Each member's figures for the year, as the caller sees the records: a few statements for the whole list. */
export async function figuresOf(q: Queryable, personIds: number[], year: number, orgId: number): Promise<Map<number, MemberFigures>> {
  const { from, to } = yearSpan(year);
  const [results, earned, threshold, work] = [
    // The year's latest report of each member's commitment.
    await q.query<ResultRow>(
      `SELECT DISTINCT ON (person_id) ${RESULT_COLUMNS} FROM gj_commitment_results($1, $2::bigint[], '{}') WHERE kind = 'member' ORDER BY person_id, report_id DESC`,
      [year, personIds],
    ),
    await points.figures(q, personIds, from, to),
    await points.threshold(q, orgId, year),
    await q.query<{ person_id: number; post_id: number; post_name: string; entries: number }>(
      `SELECT person_id::int, post_id::int, post_name, entries FROM gj_post_work_of($1::bigint[], $2, $3) ORDER BY person_id, post_id`,
      [personIds, from, to],
    ),
  ];
  const reports = new Map(results.map((r) => [r.person_id!, r]));
  const posts = new Map<number, MemberFigures['posts']>();
  for (const w of work) posts.set(w.person_id, [...(posts.get(w.person_id) ?? []), { postId: w.post_id, name: w.post_name, entries: w.entries }]);
  return new Map(personIds.map((id) => {
    const r = reports.get(id);
    const held = posts.get(id) ?? [];
    return [id, {
      commitmentId: r?.commitment_id ?? null, reportId: r?.report_id ?? null, items: r?.items ?? 0, fulfilled: r ? r.fulfilled : null,
      peer: r ? { satisfied: r.peer_satisfied, basically: r.peer_basically, dissatisfied: r.peer_dissatisfied } : noTally(),
      residents: r ? { satisfied: r.resident_satisfied, basically: r.resident_basically, dissatisfied: r.resident_dissatisfied } : noTally(),
      points: earned.get(id)?.points ?? 0, threshold, postWork: held.reduce((n, p) => n + p.entries, 0), posts: held,
    }];
  }));
}

// ---- Rounds (民主评议党员) ----

interface RoundRow {
  id: number; org_id: number; org_name: string | null; org_path: string | null; year: number; status: RoundStatus;
  opened_by: string; opened_at: string; closed_by: string | null; closed_at: string | null; confirmed: number;
}
const ROUND_SELECT = `SELECT r.id::int, r.org_id::int, o.name AS org_name, o.path::text AS org_path, r.year, r.status, r.opened_by, ${at('r.opened_at')} AS opened_at,
       r.closed_by, ${at('r.closed_at')} AS closed_at, (SELECT count(*)::int FROM evaluation_grades g WHERE g.round_id = r.id) AS confirmed
  FROM evaluation_rounds r LEFT JOIN org_labels o ON o.id = r.org_id`;

const STEP = {
  confirm: { zh: '确认评议等次', en: 'confirm grades' },
  close: { zh: '结束评议', en: 'close the round' },
  create: { zh: '开展民主评议', en: 'open an evaluation round' },
  reportBack: { zh: '向单位反馈', en: 'report back to a unit' },
};

/** The one rule for a round's `actions` and for the routes that take them. */
function roundVerdicts(scope: Scope, r: RoundRow, members: number): Verdicts<RoundAction> {
  const branch = isBranchAt(scope, r.org_path);
  const refuse = (action: RoundAction): (() => AppError) | null => {
    if (!branch) return () => E.branch_only({ action: STEP[action] });
    if (r.status === 'closed') return () => E.round_closed();
    if (action === 'close' && r.confirmed < members) return () => E.unconfirmed({ n: members - r.confirmed });
    return null;
  };
  return { confirm: refuse('confirm'), close: refuse('close') };
}

const listVerdicts = (scope: Scope, orgPath: string | null): Verdicts<RoundListAction> => ({
  create: isBranchAt(scope, orgPath) ? null : () => E.branch_only({ action: STEP.create }),
});

/** A unit's year at a community: the one rule for its `actions` and for the report back. */
const unitVerdicts = (scope: Scope, communityPath: string | null, reportedBack: boolean): Verdicts<UnitAction> => ({
  reportBack: !isBranchAt(scope, communityPath) ? () => E.branch_only({ action: STEP.reportBack }) : reportedBack ? () => E.reported_back() : null,
});

interface MemberRow { id: number; name: string; org_name: string | null; user_id: number | null }

/** The members a round evaluates: everyone with membership in the organization's subtree now, and anyone already graded there. */
async function membersOf(q: Queryable, r: { id: number; org_id: number }): Promise<MemberRow[]> {
  return q.query<MemberRow>(
    `SELECT p.id::int, p.name, o.name AS org_name, p.user_id::int FROM person_labels p LEFT JOIN org_labels o ON o.id = p.org_id
      WHERE p.is_member AND p.org_id = ANY ($1::bigint[])
     UNION
     SELECT g.person_id::int, g.person_name, NULL, g.member_user_id::int FROM evaluation_grades g
      WHERE g.round_id = $2 AND g.person_id NOT IN (SELECT id FROM person_labels WHERE is_member AND org_id = ANY ($1::bigint[]))
     ORDER BY 1`,
    [await orgs.subtreeIds(q, r.org_id), r.id],
  );
}

const toRound = (scope: Scope, r: RoundRow, members: number): Round => ({
  id: r.id, orgId: r.org_id, orgName: r.org_name, year: r.year, status: r.status, openedBy: r.opened_by, openedAt: r.opened_at,
  closedBy: r.closed_by, closedAt: r.closed_at, members, confirmed: r.confirmed, actions: allowed(ROUND_ACTIONS, roundVerdicts(scope, r, members)),
});

async function roundRow(q: Queryable, id: number): Promise<RoundRow> {
  const [r] = await q.query<RoundRow>(`${ROUND_SELECT} WHERE r.id = $1`, [id]);
  if (!r) throw notFound(ROUND);
  return r;
}

export async function rounds(q: Queryable, scope: Scope, orgId?: number): Promise<{ items: Round[]; actions: RoundListAction[] }> {
  const w = conditions();
  if (orgId !== undefined) w.add('r.org_id = $?', orgId);
  const rows = await q.query<RoundRow & { members: number }>(
    `SELECT x.*, (SELECT count(*)::int FROM person_labels p JOIN org_labels po ON po.id = p.org_id WHERE p.is_member AND po.path <@ x.org_path::ltree) AS members
       FROM (${ROUND_SELECT} ${w.sql}) x ORDER BY x.year DESC, x.id DESC LIMIT 200`,
    w.params,
  );
  const place = orgId === undefined ? undefined : await orgs.pathIfSeen(q, orgId);
  return {
    items: rows.map((r) => toRound(scope, r, Math.max(r.members, r.confirmed))),
    actions: allowedAtAny(ROUND_LIST_ACTIONS, viewedFrom(scope, place), (p) => listVerdicts(scope, p)),
  };
}

/** A branch opens its round for a year; a second one for the same year is refused by the database. */
export async function open(q: Queryable, scope: Scope, input: { orgId: number; year: number }): Promise<RoundTable> {
  ensureAllowed(listVerdicts(scope, await orgs.pathIfSeen(q, input.orgId)), 'create');
  const [r] = await q.query<{ id: number }>(
    `INSERT INTO evaluation_rounds (org_id, year, opened_by) VALUES ($1, $2, $3) RETURNING id::int`,
    [input.orgId, input.year, scope.userName ?? ''],
  );
  return table(q, scope, r!.id);
}

interface GradeRow {
  person_id: number; grade: EvaluationGrade; proposed: EvaluationGrade; figures: MemberFigures; reason: string | null; confirmed_by: string; confirmed_at: string;
}

/**
 * The round's table: every member, their figures and proposed grade, and the
 * confirmed grade beside the proposal as it stood. While the round is open
 * the figures are read from the records now; once closed, as confirmed.
 */
export async function table(q: Queryable, scope: Scope, id: number): Promise<RoundTable> {
  const r = await roundRow(q, id);
  if (!isStaffAt(scope, r.org_path)) throw E.staff_only();
  const members = await membersOf(q, r);
  const grades = new Map((await q.query<GradeRow>(
    `SELECT person_id::int, grade, proposed, figures, reason, confirmed_by, ${at('confirmed_at')} AS confirmed_at FROM evaluation_grades WHERE round_id = $1`,
    [id],
  )).map((g) => [g.person_id, g]));
  const live = r.status === 'open' ? await figuresOf(q, members.map((m) => m.id), r.year, r.org_id) : new Map<number, MemberFigures>();
  const rows: RoundMember[] = members.map((m) => {
    const g = grades.get(m.id);
    const figures = live.get(m.id) ?? g!.figures;
    return {
      personId: m.id, name: m.name, orgName: m.org_name, figures, proposed: r.status === 'open' ? proposeGrade(figures) : g!.proposed,
      confirmed: g ? { grade: g.grade, proposed: g.proposed, figures: g.figures, reason: g.reason, by: g.confirmed_by, at: g.confirmed_at } : null,
    };
  });
  const distribution = EVALUATION_GRADES.values.map((grade) => ({
    grade, proposed: rows.filter((x) => x.proposed === grade).length, confirmed: rows.filter((x) => x.confirmed?.grade === grade).length,
  }));
  return { ...toRound(scope, r, rows.length), rows, distribution };
}

/** The branch confirms a member's grade, or changes the proposal with a reason; who and when are kept, the proposal beside it. */
export async function confirm(q: Queryable, scope: Scope, id: number, personId: number, input: { grade: EvaluationGrade; reason?: string | null }): Promise<RoundTable> {
  const r = await roundRow(q, id);
  const members = await membersOf(q, r);
  ensureAllowed(roundVerdicts(scope, r, members.length), 'confirm');
  const m = members.find((x) => x.id === personId);
  if (!m) throw E.not_in_round();
  const figures = (await figuresOf(q, [personId], r.year, r.org_id)).get(personId)!;
  const proposed = proposeGrade(figures);
  const reason = input.reason?.trim() || null;
  if (input.grade !== proposed && reason === null) throw E.reason_required();
  await q.query(
    `INSERT INTO evaluation_grades (org_id, round_id, year, person_id, member_user_id, person_name, figures, proposed, grade, reason, confirmed_by, confirmed_by_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (region_id, round_id, person_id) DO UPDATE SET figures = EXCLUDED.figures, proposed = EXCLUDED.proposed, grade = EXCLUDED.grade,
       reason = EXCLUDED.reason, confirmed_by = EXCLUDED.confirmed_by, confirmed_by_id = EXCLUDED.confirmed_by_id, confirmed_at = now()`,
    [r.org_id, id, r.year, personId, m.user_id, m.name, JSON.stringify(figures), proposed, input.grade, reason, scope.userName ?? '', scope.userId],
  );
  return table(q, scope, id);
}

/**
 * Confirms every member not yet confirmed at their proposal, in one
 * statement (the demo's bulk path; a branch confirms one by one).
 */
export async function confirmProposals(q: Queryable, id: number, by: string): Promise<number> {
  const r = await roundRow(q, id);
  const members = await membersOf(q, r);
  const figures = await figuresOf(q, members.map((m) => m.id), r.year, r.org_id);
  const col = <T>(f: (m: MemberRow) => T) => members.map(f);
  const rows = await q.query(
    `INSERT INTO evaluation_grades (org_id, round_id, year, person_id, member_user_id, person_name, figures, proposed, grade, confirmed_by)
     SELECT $1, $2, $3, t.person_id, t.user_id, t.name, t.figures, t.proposed, t.proposed, $4
       FROM unnest($5::bigint[], $6::bigint[], $7::text[], $8::jsonb[], $9::text[]) AS t (person_id, user_id, name, figures, proposed)
     ON CONFLICT DO NOTHING RETURNING id`,
    [r.org_id, id, r.year, by, col((m) => m.id), col((m) => m.user_id), col((m) => m.name),
      col((m) => JSON.stringify(figures.get(m.id))), col((m) => proposeGrade(figures.get(m.id)!))],
  );
  return rows.length;
}

export async function close(q: Queryable, scope: Scope, id: number): Promise<RoundTable> {
  const r = await roundRow(q, id);
  ensureAllowed(roundVerdicts(scope, r, (await membersOf(q, r)).length), 'close');
  await q.query(`UPDATE evaluation_rounds SET status = 'closed', closed_by = $2, closed_at = now() WHERE id = $1`, [id, scope.userName ?? '']);
  return table(q, scope, id);
}

/**
 * Confirmed grades: a member's own (row-level security shows a member only
 * theirs), or one person's as staff see them. A member asking for someone
 * else's is refused, not shown an empty list.
 */
export async function grades(q: Queryable, scope: Scope, personId: number | undefined, ownPersonId: number | null) {
  const staff = scope.grants.some((g) => isStaffAt(scope, g.orgPath));
  if (personId !== undefined && personId !== ownPersonId && !staff) throw E.own_only();
  const w = conditions();
  if (personId !== undefined) w.add('g.person_id = $?', personId);
  else w.add('g.member_user_id = $?', scope.userId);
  const rows = await q.query<GradeRow & { round_id: number; year: number; org_name: string | null }>(
    `SELECT g.round_id::int, g.year, gj_org_name(g.org_id) AS org_name, g.grade, g.proposed, g.figures, g.reason, ${at('g.confirmed_at')} AS confirmed_at
       FROM evaluation_grades g ${w.sql} ORDER BY g.year DESC`,
    w.params,
  );
  return {
    items: rows.map((g) => ({
      roundId: g.round_id, year: g.year, orgName: g.org_name, grade: g.grade, proposed: g.proposed, figures: g.figures, reason: g.reason, at: g.confirmed_at,
    })),
  };
}

const COLUMNS = [
  { key: 'name', header: '姓名', width: 12 }, { key: 'org', header: '所在组织', width: 20 },
  { key: 'items', header: '承诺事项', width: 10 }, { key: 'fulfilled', header: '已践诺', width: 10 },
  { key: 'peer', header: '党员互评（满意/基本满意/不满意）', width: 22 }, { key: 'residents', header: '群众评议（满意/基本满意/不满意）', width: 22 },
  { key: 'points', header: '年度积分', width: 10 }, { key: 'postWork', header: '履岗记录', width: 10 },
  { key: 'proposed', header: '建议等次', width: 10 }, { key: 'grade', header: '确认等次', width: 10 }, { key: 'reason', header: '理由', width: 24 },
  { key: 'by', header: '确认人', width: 12 }, { key: 'at', header: '确认时间', width: 18 },
];

/** The round's table as an Excel ledger. */
export async function workbook(q: Queryable, scope: Scope, id: number): Promise<{ name: string; body: Buffer }> {
  const t = await table(q, scope, id);
  const tally = (x: { satisfied: number; basically: number; dissatisfied: number }) => `${x.satisfied}/${x.basically}/${x.dissatisfied}`;
  const rows = t.rows.map((m) => ({
    name: m.name, org: m.orgName ?? '', items: m.figures.items, fulfilled: m.figures.fulfilled ?? '未述诺', peer: tally(m.figures.peer),
    residents: tally(m.figures.residents), points: m.figures.points, postWork: m.figures.postWork, proposed: EVALUATION_GRADES.labels[m.proposed],
    grade: m.confirmed ? EVALUATION_GRADES.labels[m.confirmed.grade] : '', reason: m.confirmed?.reason ?? '', by: m.confirmed?.by ?? '', at: m.confirmed?.at ?? '',
  }));
  return { name: `${t.orgName ?? ''}${t.year}年度民主评议党员.xlsx`, body: await writeWorkbook([{ name: '民主评议', columns: COLUMNS, rows }]) };
}

// ---- Units evaluated by communities (双述双评) ----

async function communityPath(q: Queryable, orgId: number): Promise<string | null> {
  const o = await orgs.find(q, orgId);
  if (o && !ORG_KIND_GROUPS.community.includes(o.kind)) throw E.not_community();
  return o ? await orgs.pathIfSeen(q, orgId) : null;
}

/** The community's yearly table of its units: each pledge's items fulfilled and its report's ratings, and the report back sent. */
export async function units(q: Queryable, scope: Scope, orgId: number, year: number) {
  const path = await communityPath(q, orgId);
  if (!isStaffAt(scope, path)) throw E.staff_only();
  const rows = await q.query<ResultRow>(
    `SELECT DISTINCT ON (unit_id) ${RESULT_COLUMNS} FROM gj_commitment_results($1, '{}', $2::bigint[]) WHERE kind = 'unit' AND org_id = $3 ORDER BY unit_id, report_id DESC`,
    [year, [orgId], orgId],
  );
  const sent = new Map((await q.query<{ unit_id: number; body: string; sent_by: string; sent_at: string }>(
    `SELECT unit_id::int, body, sent_by, ${at('sent_at')} AS sent_at FROM evaluation_unit_reports WHERE org_id = $1 AND year = $2`,
    [orgId, year],
  )).map((s) => [s.unit_id, s]));
  return {
    items: rows.map((r) => {
      const s = sent.get(r.unit_id!);
      return {
        unitId: r.unit_id!, unitName: r.party_name, commitmentId: r.commitment_id, reportId: r.report_id, items: r.items, fulfilled: r.fulfilled,
        tally: { satisfied: r.satisfied, basically: r.basically, dissatisfied: r.dissatisfied }, result: resultOf(r),
        reportedBack: s ? { body: s.body, by: s.sent_by, at: s.sent_at } : null,
        actions: allowed(UNIT_ACTIONS, unitVerdicts(scope, path, s !== undefined)),
      };
    }).sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN')),
  };
}

const UNIT_COLUMNS = [
  { key: 'unit', header: '单位', width: 24 }, { key: 'items', header: '承诺事项', width: 10 }, { key: 'fulfilled', header: '已践诺', width: 10 },
  { key: 'tally', header: '述诺评价（满意/基本满意/不满意）', width: 24 }, { key: 'result', header: '评价结果', width: 12 },
  { key: 'back', header: '反馈意见', width: 40 }, { key: 'by', header: '反馈人', width: 12 }, { key: 'at', header: '反馈时间', width: 18 },
];

/** The community's units table for a year as an Excel ledger (what it reports back to the units and their organization departments). */
export async function unitsWorkbook(q: Queryable, scope: Scope, orgId: number, year: number): Promise<{ name: string; body: Buffer }> {
  const t = await units(q, scope, orgId, year);
  const rows = t.items.map((u) => ({
    unit: u.unitName, items: u.items, fulfilled: u.fulfilled ?? '未述诺', tally: `${u.tally.satisfied}/${u.tally.basically}/${u.tally.dissatisfied}`,
    result: u.result ? GRADES.labels[u.result] : '', back: u.reportedBack?.body ?? '', by: u.reportedBack?.by ?? '', at: u.reportedBack?.at ?? '',
  }));
  const org = await orgs.find(q, orgId);
  return { name: `${org?.name ?? ''}${year}年度驻区单位评议.xlsx`, body: await writeWorkbook([{ name: '驻区单位评议', columns: UNIT_COLUMNS, rows }]) };
}

/** The community reports back to the unit (and through its liaison the unit's organization): the year's figures as they stand, and words. */
export async function reportBack(q: Queryable, scope: Scope, unitId: number, input: { orgId: number; year: number; body: string }) {
  const path = await communityPath(q, input.orgId);
  // Who may is asked before whether the unit has a pledge here, so a caller who may not learns nothing of it.
  ensureAllowed(unitVerdicts(scope, path, false), 'reportBack');
  const row = (await units(q, scope, input.orgId, input.year)).items.find((u) => u.unitId === unitId);
  if (!row) throw E.no_pledge();
  ensureAllowed(unitVerdicts(scope, path, row.reportedBack !== null), 'reportBack');
  const { actions: _, reportedBack: __, ...figures } = row;
  await q.query(
    `INSERT INTO evaluation_unit_reports (org_id, unit_id, year, unit_name, figures, body, sent_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [input.orgId, unitId, input.year, row.unitName, JSON.stringify(figures), input.body, scope.userName ?? ''],
  );
  return units(q, scope, input.orgId, input.year);
}

// ---- Departments rated by communities (宽城) ----

/** One yearly row per department from the communities' ratings of its dispatches: 4 or 5 of 5 counts as satisfied. */
export async function departments(q: Queryable, year: number) {
  const { from, to } = yearSpan(year);
  const rows = await q.query<{ unit_id: number; unit_name: string; rated: number; satisfied: number; overdue: number; average: number; need_ids: number[] }>(
    `SELECT unit_id::int, min(unit_name) AS unit_name, count(*)::int AS rated, count(*) FILTER (WHERE rating >= 4)::int AS satisfied,
            count(*) FILTER (WHERE overdue)::int AS overdue, round(avg(rating), 2)::float8 AS average, array_agg(DISTINCT need_id::int) AS need_ids
       FROM gj_department_ratings($1, $2) GROUP BY unit_id ORDER BY 3 DESC, 2 LIMIT 500`,
    [from, to],
  );
  return {
    items: rows.map((r) => ({
      unitId: r.unit_id, unitName: r.unit_name, rated: r.rated, satisfied: r.satisfied, satisfiedShare: Math.round((r.satisfied / r.rated) * 1000) / 10,
      overdue: r.overdue, average: r.average, needIds: r.need_ids,
    })),
  };
}

/** Members graded excellent (优秀) in the year's democratic evaluation under the organization: commendation candidates. */
export async function excellentMembers(q: Queryable, orgId: number, year: number): Promise<Commended[]> {
  const w = conditions();
  const [sql, value] = await orgs.underCondition(q, orgId, 'g');
  w.add(sql, value);
  w.add('g.year = $?', year);
  w.always(`g.grade = 'excellent'`);
  const rows = await q.query<{ name: string; org_name: string | null; reason: string | null }>(
    `SELECT g.person_name AS name, gj_org_name(g.org_id) AS org_name, g.reason FROM evaluation_grades g ${w.sql}`,
    w.params,
  );
  return byName(rows.map((r) => ({
    name: r.name, orgName: r.org_name,
    because: { zh: `民主评议优秀${r.reason ? `：${r.reason}` : ''}`, en: `Graded excellent${r.reason ? `: ${r.reason}` : ''}` },
  })));
}

/** 双述双评's last step for the statistics page and the year-end report: the units a community reported back to in the period. */
export function statisticsFigures(): StatFigure[] {
  return [{
    key: 'evaluation.reportedBack', label: { zh: '已反馈评议结果的驻区单位', en: 'Units given the year’s feedback' }, period: true,
    count: async (q, orgId, p) => countRows(q, 'evaluation_unit_reports r', [await orgs.underCondition(q, orgId, 'r'), ...inPeriod('r.sent_at', p)]),
  }];
}
