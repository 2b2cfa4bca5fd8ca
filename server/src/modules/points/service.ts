import type { Queryable } from '../../kernel/db.ts';
import { byName, type Commended, type StatFigure } from '../../kernel/manifest.ts';
import { notFound } from '../../kernel/errors.ts';
import { E, RULE } from './errors.ts';
import { conditions } from '../../kernel/sql.ts';
import * as orgs from '../orgs/service.ts';
import * as people from '../people/service.ts';
import { REGION_TIME_ZONE } from '../../kernel/time.ts';
import { allowed } from '../../kernel/actions.ts';
import type { Scope } from '../../kernel/scope.ts';
import { ruleVerdicts } from './policy.ts';
import { RULE_ACTIONS, RULE_KINDS, type RuleKind } from './schema.ts';

// Points (积分): rules, the append-only ledger, yearly totals and the yearly
// threshold, and the spendable ledger beside it. Attendance is credited by the
// database as activities record it (gj_award_points, a trigger on their
// sign-ups); the ledger refuses UPDATE and DELETE; a rule change reaches past
// entries only through rerun(), as correction entries. The tables were created
// by activities' migrations 0040 and 0061 and belong here (owns.ts); what is
// read of activities' records goes through the functions activities publishes
// (gj_hosted_signups, gj_confirmed_service, migration 0241).

interface RuleRow {
  id: number;
  org_id: number;
  org_path: string | null;
  org_name: string | null;
  kind: RuleKind;
  name: string;
  points: number;
  effective_from: string;
  current: boolean;
}

const toRule = (scope: Scope, r: RuleRow) => ({
  id: r.id, orgId: r.org_id, orgName: r.org_name ?? '', kind: r.kind, kindLabel: RULE_KINDS.labels[r.kind], name: r.name, points: r.points,
  effectiveFrom: r.effective_from, current: r.current, actions: allowed(RULE_ACTIONS, ruleVerdicts(scope, { orgPath: r.org_path })),
});

const RULE_SELECT = `SELECT r.id, r.org_id, o.path::text AS org_path, gj_org_name(r.org_id) AS org_name, r.kind, r.name, r.points, r.effective_from::text,
       r.effective_from <= current_date AND NOT EXISTS (
         SELECT 1 FROM points_rules n WHERE n.org_id = r.org_id AND n.kind = r.kind AND n.name = r.name
            AND n.effective_from <= current_date AND (n.effective_from, n.id) > (r.effective_from, r.id)) AS current
  FROM points_rules r LEFT JOIN org_labels o ON o.id = r.org_id`;

/** Every rule version the caller can see: their subtree's and those set above them. */
export async function rules(q: Queryable, scope: Scope) {
  return (await q.query<RuleRow>(`${RULE_SELECT} ORDER BY r.kind, r.name, r.effective_from DESC, r.id DESC`)).map((r) => toRule(scope, r));
}

async function getRule(q: Queryable, scope: Scope, id: number) {
  const [row] = await q.query<RuleRow>(`${RULE_SELECT} WHERE r.id = $1`, [id]);
  if (!row) throw notFound(RULE);
  return toRule(scope, row);
}

/** A new rule, or a new version of one. It applies from its date on; entries already made keep their points. */
export async function createRule(q: Queryable, scope: Scope, input: { orgId: number; kind: RuleKind; name: string; points: number; effectiveFrom: string }) {
  await orgs.place(q, input.orgId);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO points_rules (org_id, kind, name, points, effective_from) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [input.orgId, input.kind, input.name, input.points, input.effectiveFrom],
  );
  return getRule(q, scope, row!.id);
}

/** The yearly minimum that applies to an organization (null: none set). */
export async function threshold(q: Queryable, orgId: number, year: number): Promise<number | null> {
  const [row] = await q.query<{ points: number }>(`SELECT points FROM gj_points_rule($1, 'threshold', make_date($2, 12, 31))`, [orgId, year]);
  return row?.points ?? null;
}

/**
 * Re-applies the rules now in force to a year's attendance under an
 * organization: where the ledger differs from what the rules give, a
 * correction entry makes up the difference. Nothing is rewritten.
 */
export async function rerun(q: Queryable, userId: number, orgId: number, year: number): Promise<{ corrections: number; points: number }> {
  const ids = await orgs.subtreeIds(q, orgId);
  const rows = await q.query<{ points: number }>(
    `WITH s AS (
       SELECT s.id, s.org_id, s.person_id, s.user_id, s.unit_id, s.status, s.is_leader, s.host, s.title,
              (s.starts_at AT TIME ZONE '${REGION_TIME_ZONE}')::date AS day
         FROM gj_hosted_signups($1::bigint[], make_date($2, 1, 1)::timestamp AT TIME ZONE '${REGION_TIME_ZONE}',
                                make_date($2 + 1, 1, 1)::timestamp AT TIME ZONE '${REGION_TIME_ZONE}') s
     ), want AS (
       SELECT s.*, k.kind, r.id AS rule_id,
              CASE WHEN (k.kind = 'attend' AND s.status = 'attended') OR (k.kind = 'lead' AND s.status = 'attended' AND s.is_leader)
                     OR (k.kind = 'absent' AND s.status = 'absent') THEN coalesce(r.points, 0) ELSE 0 END AS expected
         FROM s CROSS JOIN (VALUES ('attend'), ('lead'), ('absent')) k (kind)
         LEFT JOIN LATERAL gj_points_rule(s.host, k.kind, s.day) r ON true
     ), have AS (
       SELECT signup_id, kind, sum(points) AS points FROM points_entries WHERE signup_id IN (SELECT id FROM s) GROUP BY signup_id, kind
     )
     INSERT INTO points_entries (org_id, person_id, user_id, unit_id, earned_on, kind, points, rule_id, signup_id, correction, reason, created_by)
     SELECT w.org_id, w.person_id, w.user_id, w.unit_id, w.day, w.kind, w.expected - coalesce(h.points, 0), w.rule_id, w.id, true,
            '按现行规则重算：' || w.title, $3
       FROM want w LEFT JOIN have h ON h.signup_id = w.id AND h.kind = w.kind
      WHERE w.expected - coalesce(h.points, 0) <> 0
     RETURNING points`,
    [ids, year, userId],
  );
  return { corrections: rows.length, points: rows.reduce((n, r) => n + r.points, 0) };
}

/** A bonus or deduction by hand: an item from the rules, with the reason. */
export async function addEntry(q: Queryable, scope: Scope, input: { personId: number; orgId: number; ruleId: number; reason: string; on: string }) {
  const person = await people.find(q, input.personId);
  if (!person) throw E.person_not_found();
  await people.ensureDayInMembership(q, person, input.on, 'on', { zh: '记分日期', en: 'on' });
  await orgs.place(q, input.orgId);
  const rule = await getRule(q, scope, input.ruleId);
  if (rule.kind !== 'bonus' && rule.kind !== 'deduction') throw E.manual_kinds();
  if (rule.effectiveFrom > input.on) throw E.rule_not_yet({ from: rule.effectiveFrom });
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO points_entries (org_id, person_id, user_id, unit_id, earned_on, kind, points, rule_id, reason, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [input.orgId, person.id, await people.accountOf(q, person.id), person.unitId, input.on, rule.kind, rule.points, rule.id, `${rule.name}：${input.reason}`, scope.userId],
  );
  return (await entries(q, { id: row!.id }))[0]!;
}

interface EntryRow {
  id: number;
  person_id: number;
  person_name: string | null;
  org_name: string | null;
  year: number;
  kind: RuleKind;
  points: number;
  correction: boolean;
  reason: string;
  created_at: Date;
}

export async function entries(q: Queryable, f: { id?: number; personId?: number; orgId?: number; year?: number }) {
  const where = conditions();
  if (f.id !== undefined) where.add('e.id = $?', f.id);
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'e')));
  if (f.personId !== undefined) where.add('e.person_id = $?', f.personId);
  if (f.year !== undefined) where.add('e.year = $?', f.year);
  const rows = await q.query<EntryRow>(
    `SELECT e.id, e.person_id, p.name AS person_name, gj_org_name(e.org_id) AS org_name, e.year, e.kind, e.points, e.correction, e.reason, e.created_at
       FROM points_entries e LEFT JOIN person_labels p ON p.id = e.person_id ${where.sql} ORDER BY e.id DESC LIMIT 1000`,
    where.params,
  );
  return rows.map((r) => ({
    id: r.id, personId: r.person_id, personName: r.person_name ?? '', orgName: r.org_name ?? '', year: r.year, kind: r.kind,
    kindLabel: RULE_KINDS.labels[r.kind], points: r.points, correction: r.correction, reason: r.reason, createdAt: new Date(r.created_at).toISOString(),
  }));
}

export interface Figures {
  points: number;
  hours: number;
  activities: number;
}

// Activities attended are counted by their attendance entries in the ledger
// (one per sign-up, corrections aside), so every figure of a person comes
// from the ledger and the service log alone.
const ATTENDED = `count(*) FILTER (WHERE kind = 'attend' AND NOT correction)`;

/**
 * Points earned, activities attended and confirmed hours per person, over
 * the rows the caller sees, between two days. orgIds limits it to what
 * those organizations recorded.
 */
export async function figures(q: Queryable, personIds: number[], from: string, to: string, orgIds?: number[]): Promise<Map<number, Figures>> {
  // Only when asked: a catch-all "$4 IS NULL OR …" would hide the predicate from the planner.
  const only = orgIds ? 'org_id = ANY ($4::bigint[])' : null;
  const rows = await q.query<{ person_id: number; points: number; hours: number; activities: number }>(
    `WITH p (id) AS (SELECT unnest($1::bigint[])),
     e AS (SELECT person_id, sum(points) AS points, ${ATTENDED} AS activities FROM points_entries
            WHERE person_id = ANY ($1::bigint[]) AND earned_on BETWEEN $2 AND $3 ${only ? `AND ${only}` : ''} GROUP BY person_id),
     l AS (SELECT person_id, sum(hours) AS hours FROM gj_confirmed_service($1::bigint[], $2, $3)
            ${only ? `WHERE ${only}` : ''} GROUP BY person_id)
     SELECT p.id AS person_id, coalesce(e.points, 0) AS points, coalesce(l.hours, 0) AS hours, coalesce(e.activities, 0)::int AS activities
       FROM p LEFT JOIN e ON e.person_id = p.id LEFT JOIN l ON l.person_id = p.id`,
    orgIds ? [personIds, from, to, orgIds] : [personIds, from, to],
  );
  return new Map(rows.map((r) => [r.person_id, { points: r.points, hours: r.hours, activities: r.activities }]));
}

export interface TotalsFilter {
  year: number;
  orgId?: number;
  unitId?: number;
  onlyBelow?: boolean;
  page: number;
  pageSize: number;
}

/**
 * The year's ranking of the members under an organization (or of a unit),
 * with those below the yearly threshold counted and marked — members who
 * earned nothing at all rank too. One statement, paged: a whole province's
 * members are ranked in the database, not in memory.
 */
export async function totals(q: Queryable, f: TotalsFilter, thresholdOrgId: number) {
  if (f.unitId !== undefined) await orgs.getUnit(q, f.unitId);
  const members = f.unitId !== undefined ? people.membersSql({ unitId: '$1' }) : people.membersSql({ orgIds: '$1' });
  const scopeParam = f.unitId ?? (await orgs.subtreeIds(q, f.orgId ?? thresholdOrgId));
  const limit = await threshold(q, f.orgId ?? thresholdOrgId, f.year);
  const rows = await q.query<{ id: number; name: string; org_name: string | null; points: number; hours: number; activities: number; rank: number; total: number; below: number }>(
    `WITH m AS (${members}),
     e AS (SELECT person_id, sum(points) AS points, ${ATTENDED} AS activities FROM points_entries
            WHERE year = $2 AND person_id IN (SELECT id FROM m) GROUP BY person_id),
     l AS (SELECT person_id, sum(hours) AS hours FROM gj_confirmed_service((SELECT array_agg(id) FROM m), make_date($2, 1, 1), make_date($2, 12, 31))
            GROUP BY person_id),
     r AS (SELECT m.id, m.name, m.org_id, coalesce(e.points, 0) AS points, coalesce(l.hours, 0) AS hours, coalesce(e.activities, 0)::int AS activities,
                  rank() OVER (ORDER BY coalesce(e.points, 0) DESC)::int AS rank
             FROM m LEFT JOIN e ON e.person_id = m.id LEFT JOIN l ON l.person_id = m.id),
     c AS (SELECT r.*, count(*) OVER ()::int AS total, (count(*) FILTER (WHERE r.points < $3) OVER ())::int AS below FROM r)
     SELECT c.id, c.name, gj_org_name(c.org_id) AS org_name, c.points, c.hours, c.activities, c.rank, c.total, c.below
       FROM c ${f.onlyBelow ? 'WHERE c.points < $3' : ''}
      ORDER BY c.rank, c.hours DESC, c.id LIMIT $4 OFFSET $5`,
    [scopeParam, f.year, limit, f.pageSize, (f.page - 1) * f.pageSize],
  );
  return {
    year: f.year,
    threshold: limit,
    // Counted over all members, whichever page or filter is shown.
    total: rows[0]?.total ?? (await countMembers(q, members, scopeParam)),
    below: rows[0]?.below ?? 0,
    items: rows.map((r) => ({
      personId: r.id, personName: r.name, orgName: r.org_name, points: r.points, hours: r.hours, activities: r.activities, rank: r.rank,
      belowThreshold: limit !== null && r.points < limit,
    })),
  };
}

/** A page past the end has no rows to carry the count: count apart. */
async function countMembers(q: Queryable, members: string, scopeParam: unknown): Promise<number> {
  const [row] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${members}) m`, [scopeParam]);
  return row?.n ?? 0;
}

// Spendable points (migration 0061): credited from earned points by the
// database where a "spendable" rule sets a rate, debited by redemptions. A
// separate ledger: redeeming never touches the earned totals or the list of
// those below the yearly threshold.

interface SpendableRow {
  id: number;
  kind: 'credit' | 'redeem';
  points: number;
  reason: string;
  org_name: string | null;
  created_at: Date;
}

/** A person's spendable balance and its entries, newest first (what the caller may see of them). */
export async function spendable(q: Queryable, personId: number) {
  const rows = await q.query<SpendableRow>(
    `SELECT s.id, s.kind, s.points, s.reason, gj_org_name(s.org_id) AS org_name, s.created_at
       FROM points_spendable s WHERE s.person_id = $1 ORDER BY s.id DESC LIMIT 1000`,
    [personId],
  );
  const [sum] = await q.query<{ balance: number }>(`SELECT coalesce(sum(points), 0) AS balance FROM points_spendable WHERE person_id = $1`, [personId]);
  return {
    personId,
    balance: sum!.balance,
    items: rows.map((r) => ({
      id: r.id, kind: r.kind, kindLabel: r.kind === 'credit' ? '积分转入' : '兑换', points: r.points, reason: r.reason, orgName: r.org_name ?? '',
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}

/** A redemption (兑换) with its reason; the database refuses one the balance does not cover, under concurrency too. */
export async function redeem(q: Queryable, userId: number, input: { personId: number; orgId: number; points: number; reason: string }) {
  const person = await people.find(q, input.personId);
  if (!person) throw E.person_not_found();
  await orgs.place(q, input.orgId);
  const { balance } = await spendable(q, person.id);
  if (input.points > balance) throw E.balance_short({ name: person.name, balance, points: input.points });
  await q.query(
    `INSERT INTO points_spendable (org_id, person_id, user_id, unit_id, kind, points, reason, created_by) VALUES ($1, $2, $3, $4, 'redeem', $5, $6, $7)`,
    [input.orgId, person.id, await people.accountOf(q, person.id), person.unitId, -input.points, input.reason, userId],
  );
  return spendable(q, person.id);
}

/**
 * Its figure on the statistics page: how many members under the
 * organization are below the yearly threshold (of the period's last year), for
 * their branches to follow up — a count, never a list or ranking of people.
 */
export function statisticsFigures(): StatFigure[] {
  return [
    {
      key: 'points.belowThreshold', label: { zh: '积分未达标党员', en: 'Members below the points threshold' }, period: true,
      count: async (q, orgId, p) => {
        const year = Number(p.to.slice(0, 4));
        const limit = await threshold(q, orgId, year);
        if (limit === null) return 0;
        const [row] = await q.query<{ n: number }>(
          `WITH m AS (${people.membersSql({ orgIds: '$1' })}),
           e AS (SELECT person_id, sum(points) AS points FROM points_entries WHERE year = $2 AND person_id IN (SELECT id FROM m) GROUP BY person_id)
           SELECT count(*)::int AS n FROM m LEFT JOIN e ON e.person_id = m.id WHERE coalesce(e.points, 0) < $3`,
          [await orgs.subtreeIds(q, orgId), year, limit],
        );
        return row?.n ?? 0;
      },
    },
  ];
}

/** Members under the organization whose points of the year reached its threshold: commendation candidates, in name order. */
export async function reachedThreshold(q: Queryable, orgId: number, year: number): Promise<Commended[]> {
  const limit = await threshold(q, orgId, year);
  if (limit === null) return [];
  const rows = await q.query<{ name: string; org_name: string | null; points: number }>(
    `WITH m AS (${people.membersSql({ orgIds: '$1' })})
     SELECT m.name, gj_org_name(m.org_id) AS org_name, sum(e.points)::int AS points
       FROM m JOIN points_entries e ON e.person_id = m.id AND e.year = $2
      GROUP BY m.id, m.name, m.org_id HAVING sum(e.points) >= $3`,
    [await orgs.subtreeIds(q, orgId), year, limit],
  );
  return byName(rows.map((r) => ({
    name: r.name, orgName: r.org_name,
    because: { zh: `年度积分 ${r.points} 分（标准 ${limit} 分）`, en: `${r.points} points this year (threshold ${limit})` },
  })));
}
