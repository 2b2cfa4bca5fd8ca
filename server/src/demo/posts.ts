import * as grids from '../modules/grids/service.ts';
import * as needs from '../modules/needs/service.ts';
import * as people from '../modules/people/service.ts';
import type { PostKind } from '../modules/posts/schema.ts';
import * as posts from '../modules/posts/service.ts';
import { addDays, regionToday } from '../kernel/time.ts';
import type { DemoContext } from './types.ts';

/**
 * Duty posts (docs/domain/seed-models.md, 定福里): each of the six themed grids
 * publishes seven posts that its members hold (42 holders, "40余名党员主动认岗"),
 * and the community two posts of its own with claims waiting. The mediation
 * grid's branch secretary holds its mediator post, and the 16 disputes he
 * settled are records under the post — fifteen entries and the neighbours'
 * leak the needs list closed — beside two that did not settle, so the figure
 * is counted, never typed. 光明社区 publishes open posts its members claim from
 * their phones (the browser test's member is one of them).
 */

const GRID_POSTS: { kind: PostKind; name: string; duty: string; seats: number }[] = [
  { kind: 'mediator', name: '纠纷调解岗', duty: '调解邻里、家庭纠纷，登记调解结果', seats: 1 },
  { kind: 'building_head', name: '楼栋长', duty: '联系本楼住户，收集社情民意，通知社区事务', seats: 2 },
  { kind: 'patrol', name: '治安巡逻岗', duty: '佩戴红袖章义务巡逻，发现隐患及时报告', seats: 2 },
  { kind: 'disability_aid', name: '扶贫助残岗', duty: '与困难户、残疾人结对帮扶', seats: 1 },
  { kind: 'green_care', name: '爱草护绿岗', duty: '认养树木，清理小广告，美化楼前空地', seats: 1 },
  { kind: 'science', name: '科普宣传岗', duty: '讲解营养配餐、科学保健等生活常识', seats: 1 },
  { kind: 'policy_explainer', name: '政策宣讲岗', duty: '向居民宣讲惠民政策', seats: 1 },
];
/** Holders per grid: the seven posts' first seats. */
const HELD_PER_GRID = GRID_POSTS.length;
const DISPUTES_SETTLED = 16;
const daysAgo = (d: number) => addDays(regionToday(), -d);

async function dingfuli(ctx: DemoContext) {
  const communityId = ctx.org('dingfuli');
  const gridList = await grids.listGrids(ctx.q, communityId);
  const specs = gridList.flatMap((g) => GRID_POSTS.map((p) => ({ orgId: g.branchId ?? g.communityId, gridId: g.id, ...p })));
  const community = [
    { orgId: communityId, gridId: null, kind: 'public_opinion' as const, name: '社情民意岗', duty: '收集居民意见建议，每月汇总报社区党委', seats: 3 },
    { orgId: communityId, gridId: null, kind: 'policy_explainer' as const, name: '社区政策宣讲员', duty: '在居民议事会上宣讲政策', seats: 2 },
  ];
  const ids = await posts.publishMany(ctx.q, [...specs, ...community]);

  const seats: posts.BulkSeat[] = [];
  let mediator: { postId: number; orgId: number; personId: number } | null = null;
  for (const [i, g] of gridList.entries()) {
    const members = (await people.rosterUnder(ctx.q, g.branchId ?? g.communityId)).filter((p) => p.isMember);
    for (let k = 0; k < HELD_PER_GRID; k++) {
      const postId = ids[i * GRID_POSTS.length + k]!;
      // The branch secretary (the grid's first member) mediates, as 杜连清 did for the mediation branch.
      const personId = members[k % members.length]!.id;
      seats.push({ orgId: specs[i * GRID_POSTS.length + k]!.orgId, postId, personId, decidedBy: '定福里社区党委' });
      if (g.theme === '调解' && GRID_POSTS[k]!.kind === 'mediator') mediator = { postId, orgId: specs[i * GRID_POSTS.length + k]!.orgId, personId };
    }
  }
  await posts.seatMany(ctx.q, seats);
  if (!mediator) return;

  const [leak] = (await needs.list(ctx.q, { orgId: ctx.org('dfl-g1'), q: '邻里纠纷', page: 1, pageSize: 1 })).items;
  const work: posts.BulkWork[] = Array.from({ length: DISPUTES_SETTLED + 2 }, (_, d) => ({
    ...mediator!, kind: 'dispute' as const, doneOn: daysAgo(12 + d * 11), parties: 2 + (d % 3),
    outcome: d === 3 ? ('referred' as const) : d === 9 ? ('unsettled' as const) : ('settled' as const),
    note: ['楼上漏水，协商维修费用分担', '楼道堆物占道，双方同意清理', '宠物扰邻，约定遛狗时间', '停车位争执，移交物业协调'][d % 4]!,
    needId: null, serviceLogId: null, recordedBy: '定福里社区党委',
  }));
  // The needs list's own record of one settled dispute stands for that entry.
  if (leak) Object.assign(work[0]!, { needId: leak.id, note: null });
  await posts.workMany(ctx.q, work);
}

async function guangming(ctx: DemoContext) {
  const communityId = ctx.org('guangming');
  const [grid] = await grids.listGrids(ctx.q, communityId);
  await posts.publishMany(ctx.q, [
    { orgId: communityId, gridId: null, kind: 'policy_explainer', name: '政策宣讲岗', duty: '每月在小区宣讲一次惠民政策', seats: 3 },
    { orgId: communityId, gridId: null, kind: 'patrol', name: '治安巡逻岗', duty: '晚间义务巡逻，发现隐患及时报告', seats: 4 },
    ...(grid ? [{ orgId: grid.branchId ?? communityId, gridId: grid.id, kind: 'building_head' as const, name: '楼栋长', duty: '联系本楼住户，通知社区事务', seats: 2 }] : []),
  ]);
}

export async function postsDemo(ctx: DemoContext): Promise<void> {
  await dingfuli(ctx);
  await guangming(ctx);
}
