import { regionYear } from '../kernel/time.ts';
import * as evaluation from '../modules/evaluation/service.ts';
import type { DemoContext } from './types.ts';

// Democratic evaluation of members (民主评议党员) at 光明社区党委, whose
// members have the demo's commitments, reports, points and duty posts: last
// year's round confirmed at the proposals and closed, this year's in
// progress with nothing confirmed yet. The figures come from the records
// (evaluation/service.ts figuresOf), confirmed for every member in one statement.
export async function evaluationDemo(ctx: DemoContext): Promise<void> {
  const { q } = ctx;
  const year = regionYear();
  const orgId = ctx.org('guangming');
  const [last] = await q.query<{ id: number }>(
    `INSERT INTO evaluation_rounds (org_id, year, opened_by, opened_at) VALUES ($1, $2::int, '社区党委书记', make_date($2::int + 1, 1, 10)), ($1, $3::int, '社区党委书记', now())
     RETURNING id::int`,
    [orgId, year - 1, year],
  );
  await evaluation.confirmProposals(q, last!.id, '社区党委书记');
  await q.query(`UPDATE evaluation_rounds SET status = 'closed', closed_by = '社区党委书记', closed_at = make_date($2::int + 1, 1, 20) WHERE id = $1`, [last!.id, year - 1]);
}
