import { regionYear } from '../kernel/time.ts';
import * as evaluation from '../modules/evaluation/service.ts';
import { scopeOf } from './needs.ts';
import type { DemoContext } from './types.ts';

// Democratic evaluation of members (民主评议党员) at 光明社区党委, whose
// members have the demo's commitments, reports, points and duty posts: last
// year's round confirmed at the proposals and closed, this year's in
// progress with nothing confirmed yet. The figures come from the records
// (evaluation/service.ts figuresOf), confirmed for every member in one statement.
// 向阳 has already reported back (双述双评's last step) to the hospital whose
// pledge its residents rated; 光明's units still wait for theirs.
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
  const xiangyang = ctx.org('xiangyang');
  await evaluation.reportBack(q, await scopeOf(q, ctx.user('xiangyang')), ctx.unit('hospital'), {
    orgId: xiangyang, year, body: '全年坚持每月第一个周五到社区义诊，履行共建承诺，居民评价满意。',
  });
}
