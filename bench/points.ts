import type { Database } from '../server/src/kernel/db.ts';
import type { GeneratedRegion } from './generate.ts';

/**
 * Year-end points of a whole region (a province at the default size): ten
 * ledger entries per person of the region on average, spread unevenly over
 * the members so the ranking has a long tail on both sides of the 24-point
 * threshold. Loaded in one statement with the triggers (audit, region, and
 * the spendable credit: no spendable rule here) off, as generate.ts does for
 * the network.
 */
export const ENTRIES_PER_PERSON = 10;
export const BENCH_YEAR = 2025;
export const PAGE = 50;

export async function generatePoints(db: Database, region: GeneratedRegion, log: (s: string) => void): Promise<{ entries: number; seconds: number }> {
  const started = performance.now();
  const entries = await db.system(async (q) => {
    await q.exec(`ALTER TABLE points_entries DISABLE TRIGGER gj_audit; ALTER TABLE points_entries DISABLE TRIGGER gj_region; ALTER TABLE points_entries DISABLE TRIGGER gj_spendable_credit;`);
    await q.query(
      `INSERT INTO points_rules (org_id, kind, name, points, effective_from) VALUES ($1, 'attend', '参加一次活动', 1, make_date($2, 1, 1)),
              ($1, 'bonus', '受到表彰', 3, make_date($2, 1, 1)), ($1, 'threshold', '年度积分达标线', 24, make_date($2, 1, 1))`,
      [region.rootId, BENCH_YEAR],
    );
    // Member k gets (k * 7919) mod (2 × average) entries: 0 to twice the average.
    const twice = Math.max(2, Math.round((2 * ENTRIES_PER_PERSON * region.people) / Math.max(1, region.members)));
    const [row] = await q.query<{ n: number }>(
      `WITH m AS (SELECT id, org_id, unit_id, row_number() OVER (ORDER BY id) AS k FROM people WHERE region_id = $1 AND is_member),
       ins AS (
         INSERT INTO points_entries (region_id, org_id, person_id, unit_id, earned_on, kind, points, reason)
         SELECT $1, m.org_id, m.id, m.unit_id, make_date($2, 1, 1) + ((g * 37 + m.k) % 365)::int,
                CASE WHEN g % 12 = 0 THEN 'bonus' ELSE 'attend' END, CASE WHEN g % 12 = 0 THEN 3 ELSE 1 END, '基准测试'
           FROM m CROSS JOIN LATERAL generate_series(1, ((m.k * 7919) % $3)::int) g
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [region.rootId, BENCH_YEAR, twice],
    );
    await q.exec(`ALTER TABLE points_entries ENABLE TRIGGER gj_audit; ALTER TABLE points_entries ENABLE TRIGGER gj_region; ALTER TABLE points_entries ENABLE TRIGGER gj_spendable_credit;`);
    return row!.n;
  });
  await db.maintenance('VACUUM (ANALYZE) points_entries, points_rules');
  const seconds = (performance.now() - started) / 1000;
  log(`  points ledger: ${entries.toLocaleString('en')} entries in ${seconds.toFixed(1)} s`);
  return { entries, seconds };
}

/**
 * The same answer in plain SQL on the system connection: every member of
 * the region ranked by the year's points (hours from the service log beside
 * them), how many are below the threshold, and the first page.
 */
export const RAW_POINTS = `
WITH m AS (SELECT p.id, p.name, p.org_id FROM people p
            WHERE p.is_member AND p.org_id IN (SELECT id FROM organizations WHERE path <@ $1::ltree)),
e AS (SELECT person_id, sum(points) AS points, count(*) FILTER (WHERE kind = 'attend' AND NOT correction) AS activities
        FROM points_entries WHERE year = $2 GROUP BY person_id),
l AS (SELECT person_id, sum(hours) AS hours FROM service_logs
       WHERE served_on >= make_date($2, 1, 1) AND served_on < make_date($2 + 1, 1, 1) AND confirmed_at IS NOT NULL GROUP BY person_id),
r AS (SELECT m.id, coalesce(e.points, 0) AS points, coalesce(l.hours, 0) AS hours, rank() OVER (ORDER BY coalesce(e.points, 0) DESC)::int AS rank
        FROM m LEFT JOIN e ON e.person_id = m.id LEFT JOIN l ON l.person_id = m.id)
SELECT r.id, r.points, r.rank, count(*) OVER ()::int AS total, (count(*) FILTER (WHERE r.points < $3) OVER ())::int AS below
  FROM r ORDER BY r.rank, r.hours DESC, r.id LIMIT $4`;

export interface PointsAnswer {
  total: number;
  below: number;
  page: [number, number, number][];
}

export const fromRaw = (rows: { id: number; points: number; rank: number; total: number; below: number }[]): PointsAnswer => ({
  total: rows[0]?.total ?? 0,
  below: rows[0]?.below ?? 0,
  page: rows.map((r) => [r.id, Number(r.points), r.rank]),
});

export const fromApi = (body: { total: number; below: number; items: { personId: number; points: number; rank: number }[] }): PointsAnswer => ({
  total: body.total,
  below: body.below,
  page: body.items.map((i) => [i.personId, i.points, i.rank]),
});
