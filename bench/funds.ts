import type { Database } from '../server/src/kernel/db.ts';
import type { GeneratedRegion } from './generate.ts';

/**
 * The fund ledger of a whole district (`--suite funds`): the reference
 * model's three sources held at the region's root with their yearly budgets,
 * allocated to every street and by the streets to every community, and the
 * rest of `--fund-entries` (10^6 by default) spent by the communities over
 * the year, one in fifty still pending. Loaded in one statement per kind of
 * entry with the ledger's row triggers off (audit, region, the balance check
 * and the owners' trigger: the generator writes what they would check or
 * copy), as generate.ts does for the network.
 */
export const FUNDS_YEAR = 2025;
const SOURCES = [
  { kind: 'city_budget', name: '社区工作和服务群众经费（市财政列支）', fen: 4_000_000_00 },
  { kind: 'party_fee_reward', name: '社区党建活动经费（党费以奖代补）', fen: 300_000_00 },
  { kind: 'department', name: '共建部门帮扶民生资金', fen: 800_000_00 },
];
const TRIGGERS = ['gj_audit', 'gj_region', 'gj_fund_entry_check', 'gj_fund_entry_by_source'];

export interface FundsRegion {
  entries: number;
  expenses: number;
  communities: number;
  /** The community whose balances are timed: the first of the first street. */
  community: { id: number; name: string };
  seconds: number;
}

export async function generateFunds(db: Database, region: GeneratedRegion, total: number, log: (s: string) => void): Promise<FundsRegion> {
  const started = performance.now();
  const made = await db.system(async (q) => {
    const [user] = await q.query<{ id: number }>(`SELECT id FROM users WHERE username = $1`, [region.districtUser.username]);
    const sources = await q.query<{ id: number }>(
      `INSERT INTO fund_sources (org_id, kind, name) SELECT $1, k, n FROM unnest($2::text[], $3::text[]) AS s(k, n) RETURNING id`,
      [region.rootId, SOURCES.map((s) => s.kind), SOURCES.map((s) => s.name)],
    );
    const ids = sources.map((s) => s.id);
    await q.query(
      `INSERT INTO fund_budgets (org_id, source_id, year, amount_fen) SELECT $1, s, $2, a FROM unnest($3::bigint[], $4::bigint[]) AS b(s, a)`,
      [region.rootId, FUNDS_YEAR, ids, SOURCES.map((s) => s.fen)],
    );
    const [rule] = await q.query<{ id: number }>(
      `INSERT INTO fund_rules (org_id, rule_key, title, effect) VALUES ($1, '第一条', '经费用于社区工作和服务群众', 'allow') RETURNING id`,
      [region.rootId],
    );
    await q.exec(TRIGGERS.map((t) => `ALTER TABLE fund_entries DISABLE TRIGGER ${t};`).join(' '));
    const streets = await q.query<{ id: number }>(`SELECT id FROM organizations WHERE region_id = $1 AND kind = 'street_committee' ORDER BY id`, [region.rootId]);
    const communities = await q.query<{ id: number; name: string; parent_id: number }>(
      `SELECT id, name, parent_id FROM organizations WHERE region_id = $1 AND kind IN ('community_committee', 'comprehensive_committee', 'residential_committee') ORDER BY id`,
      [region.rootId],
    );
    const allocate = (moves: { from: number; to: number }[], share: number) =>
      q.query<{ n: number }>(
        `WITH ins AS (
           INSERT INTO fund_entries (region_id, org_id, to_org_id, source_id, year, kind, status, amount_fen, entry_on, note, recorded_by, recorder_name)
           SELECT $1, f, t, s, $2, 'allocation', 'posted', $3, make_date($2, 1, 5), '年度经费下拨', $4, '基准测试'
             FROM unnest($5::bigint[], $6::bigint[]) AS m(f, t) CROSS JOIN unnest($7::bigint[]) AS s
           RETURNING 1)
         SELECT count(*)::int AS n FROM ins`,
        [region.rootId, FUNDS_YEAR, share, user!.id, moves.map((m) => m.from), moves.map((m) => m.to), ids],
      );
    const [toStreets] = await allocate(streets.map((s) => ({ from: region.rootId, to: s.id })), 100_000_00);
    const [toCommunities] = await allocate(communities.map((c) => ({ from: c.parent_id, to: c.id })), 10_000_00);
    const expenses = Math.max(0, total - toStreets!.n - toCommunities!.n);
    // Expense k: community k mod n, source k mod 3, a day of the year, 1 to 500 yuan; one in fifty pending.
    const [spent] = await q.query<{ n: number }>(
      `WITH c AS (SELECT c, row_number() OVER () - 1 AS i FROM unnest($1::bigint[]) AS c),
       ins AS (
         INSERT INTO fund_entries (region_id, org_id, source_id, year, kind, status, amount_fen, entry_on, paid_for_kind, paid_for_label, payee, rule_id, recorded_by, recorder_name)
         SELECT $2, c.c, ($3::bigint[])[1 + (g % 3)::int], $4, 'expense', CASE WHEN g % 50 = 0 THEN 'pending' ELSE 'posted' END,
                100 + (g * 7919) % 50000, make_date($4, 1, 1) + ((g * 37) % 365)::int, 'venue_upkeep', '阵地维护', '基准测试收款方', $5, $6, '基准测试'
           FROM generate_series(0::bigint, $7::bigint - 1) g JOIN c ON c.i = g % $8
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [communities.map((c) => c.id), region.rootId, ids, FUNDS_YEAR, rule!.id, user!.id, expenses, communities.length],
    );
    await q.exec(TRIGGERS.map((t) => `ALTER TABLE fund_entries ENABLE TRIGGER ${t};`).join(' '));
    return { entries: toStreets!.n + toCommunities!.n + spent!.n, expenses: spent!.n, communities: communities.length, community: communities[0]! };
  });
  await db.maintenance('VACUUM (ANALYZE) fund_entries, fund_budgets, fund_sources, fund_rules');
  const seconds = (performance.now() - started) / 1000;
  log(`  fund ledger: ${made.entries.toLocaleString('en')} entries (${made.expenses.toLocaleString('en')} expenses over ${made.communities} communities) in ${seconds.toFixed(1)} s`);
  return { ...made, community: { id: made.community.id, name: made.community.name }, seconds };
}

/**
 * The balances of one organization in plain SQL on the system connection:
 * per source its budget there, received, allocated, spent, pending, left,
 * and spent by month — what `GET /api/funds/balances` answers.
 */
export const RAW_BALANCES = `
SELECT s.id AS "sourceId",
       coalesce((SELECT amount_fen FROM fund_budgets b WHERE b.source_id = s.id AND b.org_id = $1 AND b.year = $2), 0) AS budget,
       coalesce((SELECT sum(amount_fen) FROM fund_entries e WHERE e.to_org_id = $1 AND e.source_id = s.id AND e.year = $2 AND e.status = 'posted'), 0) AS received,
       coalesce(x.allocated, 0) AS allocated, coalesce(x.spent, 0) AS spent, coalesce(x.pending, 0) AS pending,
       coalesce(x.months, '{}') AS months
  FROM fund_sources s
  LEFT JOIN (
    SELECT source_id,
           sum(amount_fen) FILTER (WHERE kind = 'allocation' AND status = 'posted') AS allocated,
           sum(amount_fen) FILTER (WHERE kind = 'expense' AND status = 'posted') AS spent,
           sum(amount_fen) FILTER (WHERE status = 'pending') AS pending,
           (SELECT jsonb_object_agg(m, v) FROM (SELECT extract(month FROM entry_on)::int AS m, sum(amount_fen) AS v FROM fund_entries y
              WHERE y.org_id = $1 AND y.year = $2 AND y.source_id = z.source_id AND y.kind = 'expense' AND y.status = 'posted' GROUP BY 1) mm) AS months
      FROM fund_entries z WHERE org_id = $1 AND year = $2 GROUP BY source_id
  ) x ON x.source_id = s.id
 WHERE s.id IN (SELECT source_id FROM fund_entries WHERE (org_id = $1 OR to_org_id = $1) AND year = $2 UNION SELECT source_id FROM fund_budgets WHERE org_id = $1 AND year = $2)
 ORDER BY s.id`;

export interface BalanceAnswer {
  rows: [number, number, number, number, number, number, number, number[]][];
}

export const fromRaw = (rows: { sourceId: number; budget: number; received: number; allocated: number; spent: number; pending: number; months: Record<string, number> }[]): BalanceAnswer => ({
  rows: rows.map((r) => {
    const [b, rc, a, s, p] = [r.budget, r.received, r.allocated, r.spent, r.pending].map(Number) as [number, number, number, number, number];
    return [r.sourceId, b, rc, a, s, p, b + rc - a - s - p, Array.from({ length: 12 }, (_, i) => Number(r.months[String(i + 1)] ?? 0))];
  }),
});

export const fromApi = (body: { rows: { sourceId: number; budgetFen: number; receivedFen: number; allocatedFen: number; spentFen: number; pendingFen: number; leftFen: number; spentByMonthFen: number[] }[] }): BalanceAnswer => ({
  rows: body.rows.map((r) => [r.sourceId, r.budgetFen, r.receivedFen, r.allocatedFen, r.spentFen, r.pendingFen, r.leftFen, r.spentByMonthFen]),
});

/**
 * The whole district by source, organization and month in plain SQL: what
 * every organization of the region spent of each source each month, over
 * all 10^6 entries. The API has no such roll-up (balances are asked per
 * organization); this is the reference a district report would be held to.
 */
export const RAW_DISTRICT_ROLLUP = `
SELECT count(*)::int AS groups, sum(spent)::bigint AS spent FROM (
  SELECT source_id, org_id, extract(month FROM entry_on)::int AS month, sum(amount_fen) AS spent
    FROM fund_entries WHERE region_id = $1 AND year = $2 AND kind = 'expense' AND status = 'posted'
   GROUP BY 1, 2, 3) t`;
