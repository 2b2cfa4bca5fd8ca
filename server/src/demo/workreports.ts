import { addDays, regionInstant, regionToday } from '../kernel/time.ts';
import * as activities from '../modules/activities/service.ts';
import * as orgs from '../modules/orgs/service.ts';
import * as reports from '../modules/workreports/service.ts';
import { scopeOf } from './needs.ts';
import type { DemoContext } from './types.ts';

/**
 * 天宁 "1+3" (docs/domain/seed-models.md §3): the city-management field office
 * reports monthly to the street's administrative group. Last month it held a
 * joint patrol and a policy stall; its report is assembled from its records
 * (tasks done, needs done, activities held, as found), with the office's
 * statement, and the administrative group has commented on it.
 */
export async function workReportsDemo(ctx: DemoContext): Promise<void> {
  const { q } = ctx;
  const office = ctx.org('tn-cityman-branch');
  const group = ctx.org('tn-admin');
  const asAdmin = await scopeOf(q, ctx.user('admin'));
  const today = regionToday();
  const from = `${addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
  const to = reports.periodTo('month', from);
  const day = (n: number) => addDays(from, n);
  for (const [n, title, place] of [[6, '商圈联合夜间巡查', '天宁商务大厦周边'], [17, '市容法规进社区宣传', '红梅社区广场']] as const) {
    await activities.create(q, asAdmin, {
      orgId: office, kind: 'volunteer', title, organizerKind: 'community', place, capacity: 20, audience: ['residents'], services: [],
      startsAt: regionInstant(`${day(n)}T19:00`).toISOString(), endsAt: regionInstant(`${day(n)}T21:00`).toISOString(),
    });
  }
  const records = await reports.assemble(q, asAdmin, office, from, to);
  const [id] = await reports.fileMany(q, [{
    orgId: office, toOrgId: group, periodKind: 'month', periodFrom: from, periodTo: to, records, filedBy: '天宁城管中队党支部',
    statement: '本月围绕商圈环境整治开展工作：组织联合夜间巡查，配合非公企业联合党委治理商务大厦周边占道经营；进社区宣传市容法规。下月继续落实街道党工委交办的商圈夜间巡查任务。',
  }]);
  const name = (await orgs.get(q, group)).name;
  await reports.commentMany(q, [{ orgId: group, reportId: id!, reportOrgId: office, body: '巡查成效明显，请在下月报告中写明占道摊点复发情况。', byName: name }]);
}
