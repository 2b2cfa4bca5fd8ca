import type { Database } from '../server/src/kernel/db.ts';
import type { GeneratedRegion } from './generate.ts';
import { BENCH_YEAR, generatePoints } from './points.ts';

/**
 * A street's year-end evaluation table (民主评议党员): every member of the
 * street with their figures and proposed grade, as the street admin opens it
 * (`GET /api/evaluation-rounds/:roundId`). The region gets the year's points
 * ledger (points.ts, unless the points suite made it already) and, in the
 * street, one mediator post per community with every tenth member holding a
 * seat and recording three pieces of work in the year. The generated region
 * has no commitments or ratings: the API still runs its statements for them
 * (over no rows), and the raw SQL leaves them out, so its proposed grade is
 * the rule with no ratings and no commitment: 基本合格 where nothing is on
 * record, otherwise 合格.
 */
export const WORK_PER_HOLDER = 3;

export async function generateEvaluation(db: Database, region: GeneratedRegion, log: (s: string) => void): Promise<{ holders: number; work: number }> {
  const [had] = await db.system((q) => q.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM points_entries WHERE region_id = $1 LIMIT 1) x`, [region.rootId]));
  if (!had!.n) await generatePoints(db, region, log);
  const started = performance.now();
  const made = await db.system(async (q) => {
    const off = (on: boolean) =>
      q.exec(['duty_posts', 'duty_post_seats', 'duty_post_work']
        .map((t) => `ALTER TABLE ${t} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER gj_audit; ALTER TABLE ${t} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER gj_region;`).join(' ')
        + ` ALTER TABLE duty_post_seats ${on ? 'ENABLE' : 'DISABLE'} TRIGGER gj_post_seat_count;`);
    await off(false);
    // The street's communities are its children; a member's community is the ancestor one level below the street.
    await q.query(
      `INSERT INTO duty_posts (region_id, org_id, grid_id, kind, name, duty, seats, status)
       SELECT $1, o.id, NULL, 'mediator', '纠纷调解岗', '调解邻里纠纷', 200, 'open' FROM organizations o WHERE o.parent_id = $2`,
      [region.rootId, region.street.id],
    );
    const [seats] = await q.query<{ n: number }>(
      `WITH m AS (SELECT p.id, ltree2text(subpath(o.path, nlevel($2::ltree), 1))::bigint AS community, row_number() OVER (ORDER BY p.id) AS k
                    FROM people p JOIN organizations o ON o.id = p.org_id
                   WHERE p.is_member AND o.path <@ $2::ltree AND nlevel(o.path) > nlevel($2::ltree)),
       ins AS (INSERT INTO duty_post_seats (region_id, org_id, post_id, person_id, source, status, decided_at, decided_by)
               SELECT $1, d.org_id, d.id, m.id, 'assigned', 'active', now(), 'bench' FROM m JOIN duty_posts d ON d.org_id = m.community AND d.name = '纠纷调解岗'
                WHERE m.k % 10 = 0 RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [region.rootId, region.street.path],
    );
    await q.query(`UPDATE duty_posts d SET taken = (SELECT count(*) FROM duty_post_seats s WHERE s.post_id = d.id AND s.status = 'active') WHERE d.org_id IN (SELECT id FROM organizations WHERE parent_id = $1)`, [region.street.id]);
    const [work] = await q.query<{ n: number }>(
      `WITH ins AS (INSERT INTO duty_post_work (region_id, org_id, post_id, person_id, kind, done_on, recorded_by)
                    SELECT s.region_id, s.org_id, s.post_id, s.person_id, 'patrol', make_date($2, 1, 1) + ((g * 97 + s.id) % 365)::int, 'bench'
                      FROM duty_post_seats s CROSS JOIN generate_series(1, $3) g WHERE s.region_id = $1 AND s.decided_by = 'bench' RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [region.rootId, BENCH_YEAR, WORK_PER_HOLDER],
    );
    await off(true);
    return { holders: seats!.n, work: work!.n };
  });
  await db.maintenance('VACUUM (ANALYZE) duty_posts, duty_post_seats, duty_post_work');
  log(`  duty posts of the street: ${made.holders.toLocaleString('en')} holders, ${made.work.toLocaleString('en')} work records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return made;
}

/**
 * The same table in plain SQL on the system connection: every member under
 * the street, their points and duty-post work of the year, and the grade the
 * rule proposes from them (no ratings or commitments exist here).
 */
export const RAW_EVALUATION = `
WITH m AS (SELECT p.id FROM people p WHERE p.is_member AND p.org_id IN (SELECT id FROM organizations WHERE path <@ $1::ltree)),
e AS (SELECT person_id, sum(points)::int AS points FROM points_entries
       WHERE person_id IN (SELECT id FROM m) AND earned_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31) GROUP BY person_id),
w AS (SELECT person_id, count(*)::int AS work FROM duty_post_work
       WHERE person_id IN (SELECT id FROM m) AND done_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31) GROUP BY person_id)
SELECT m.id, coalesce(e.points, 0) AS points, coalesce(w.work, 0) AS work,
       CASE WHEN coalesce(e.points, 0) <= 0 AND coalesce(w.work, 0) = 0 THEN 'basically_qualified' ELSE 'qualified' END AS proposed
  FROM m LEFT JOIN e ON e.person_id = m.id LEFT JOIN w ON w.person_id = m.id ORDER BY m.id`;

export type EvaluationRow = [number, number, number, string];

export const evaluationFromRaw = (rows: { id: number; points: number; work: number; proposed: string }[]): EvaluationRow[] =>
  rows.map((r) => [Number(r.id), Number(r.points), Number(r.work), r.proposed]);

export const evaluationFromApi = (body: { rows: { personId: number; figures: { points: number; postWork: number }; proposed: string }[] }): EvaluationRow[] =>
  body.rows.map((r) => [r.personId, r.figures.points, r.figures.postWork, r.proposed]);

/** What the run prints and keeps of the answer: the counts, not every member. */
export function evaluationDigest(rows: EvaluationRow[]) {
  const grades: Record<string, number> = {};
  for (const r of rows) grades[r[3]] = (grades[r[3]] ?? 0) + 1;
  return { members: rows.length, points: rows.reduce((s, r) => s + r[1], 0), work: rows.reduce((s, r) => s + r[2], 0), grades, first: rows.slice(0, 3) };
}
