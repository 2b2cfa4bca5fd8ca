import { ANONYMOUS } from '../kernel/scope.ts';
import { addDays, regionToday } from '../kernel/time.ts';
import * as campaigns from '../modules/campaigns/service.ts';
import * as funds from '../modules/funds/service.ts';
import type { Building, Grid, Household } from '../modules/grids/schema.ts';
import * as grids from '../modules/grids/service.ts';
import { recordVisit } from '../modules/needs/visits.ts';
import type { NeedCategory } from '../modules/needs/schema.ts';
import * as needs from '../modules/needs/service.ts';
import { actAs, scopeOf } from './needs.ts';
import type { DemoContext } from './types.ts';

/**
 * 梅河口's "万名党员干部党群连心大走访" (seed 004: 1.1万余名党员干部深入居民
 * 家中征求意见建议357条, 投入资金1870余万元, 解决民生实事6500余件), scaled
 * 1:100 onto the demo's own four communities: 110 cadres (6 grid workers
 * with a grid each, the 3 part-time committee members with a building each,
 * 101 reported members with a household each), 4 suggestions (357 ÷ 100,
 * rounded up) raised by their visits, 65 livelihood matters in the
 * campaign's grids seen through within its window, 187,000 yuan spent on
 * them. The campaign page counts every one of these from the visits, needs
 * and fund entries; none is typed. 网格员 陈晓燕 (wangge) has her grid with
 * doors still to knock on, for the phone page.
 */

const SCALE = 100;
const CADRES = 11_000 / SCALE;
const SUGGESTIONS = Math.ceil(357 / SCALE);
const SOLVED = 6_500 / SCALE;
const SPENT_FEN = (18_700_000 / SCALE) * 100;
const COMMUNITIES = ['guangming', 'minzhu', 'xiangyang', 'shengli'];
const COMMITTEE = [{ name: '孙伟', community: 'guangming' }, { name: '李文博', community: 'guangming' }, { name: '马玉兰', community: 'xiangyang' }];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['振华', '淑芬', '立军', '秀梅', '国栋', '春燕', '建平', '红梅', '永刚', '丽娟', '志刚', '桂芳', '德胜', '玉梅', '宏伟', '凤英'];
/** A name per reported member, distinct for the first 320. */
const memberName = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`;
const SUGGESTED: [NeedCategory, string][] = [
  ['environment', '建议小区增设分类垃圾箱'], ['facilities', '建议修缮楼前破损路面'], ['safety', '建议楼道安装感应灯'], ['culture', '建议开放社区活动室供老人下棋'],
];
const LIVELIHOOD: [NeedCategory, string][] = [
  ['environment', '小区夜间施工噪音扰民'], ['environment', '楼后卫生死角清理'], ['facilities', '单元门禁损坏维修'], ['facilities', '下水管道堵塞疏通'],
  ['safety', '楼道堆放杂物清理'], ['living', '独居老人助餐对接'], ['facilities', '小区路灯更换'],
];

export async function campaignsDemo(ctx: DemoContext): Promise<void> {
  const { q, cipher } = ctx;
  const today = regionToday();
  const startsOn = addDays(today, -30);
  const cityId = ctx.org('city');
  const [campaignId] = await campaigns.createMany(q, [{
    orgId: cityId, name: '万名党员干部党群连心大走访', startsOn, endsOn: addDays(today, 30),
    goal: '每名干部包一片，入户征求意见建议，六类住户（六清楚）全走到',
  }]);

  const areas: { grid: Grid; community: string; buildings: Building[]; households: Household[] }[] = [];
  for (const c of COMMUNITIES) {
    for (const g of await grids.listGrids(q, ctx.org(c))) {
      areas.push({ grid: g, community: c, buildings: await grids.listBuildings(q, g.id), households: (await grids.listHouseholds(q, { gridId: g.id })).items });
    }
  }
  const cadre = (x: Omit<campaigns.BulkCadre, 'orgId' | 'campaignId' | 'personId' | 'gridId' | 'buildingId' | 'householdIds'> & Partial<campaigns.BulkCadre>): campaigns.BulkCadre => ({
    orgId: cityId, campaignId: campaignId!, personId: null, gridId: null, buildingId: null, householdIds: [], ...x,
  });
  // The grid worker's own grid is 光明社区第一网格 (gm-g1); the others' grid workers have no account in the demo.
  const wangge = areas.find((a) => a.grid.branchId === ctx.org('gm-g1'))!;
  const staff = areas.map((a) => cadre({
    cadreKind: 'staff', name: a === wangge ? '陈晓燕' : `${a.grid.name}网格员`, userId: a === wangge ? ctx.user('wangge') : null, areaKind: 'grid', gridId: a.grid.id,
  }));
  const committee = COMMITTEE.map((m, i) => {
    const buildings = areas.filter((a) => a.community === m.community && a !== wangge).flatMap((a) => a.buildings);
    return cadre({ cadreKind: 'committee_member', name: m.name, userId: null, areaKind: 'building', buildingId: buildings[i % buildings.length]!.id });
  });
  const doors = areas.filter((a) => a !== wangge).flatMap((a) => a.households);
  const reported = Array.from({ length: CADRES - staff.length - committee.length }, (_, i) =>
    cadre({ cadreKind: 'reported_member', name: memberName(i), userId: null, areaKind: 'households', householdIds: [doors[i % doors.length]!.id] }));
  await campaigns.assignMany(q, [...staff, ...committee, ...reported]);

  // Each reported member visits their household; the first few raise a suggestion as a need.
  await actAs(q, await scopeOf(q, ctx.user('admin')));
  for (const [i, r] of reported.entries()) {
    const suggestion = i < SUGGESTIONS ? SUGGESTED[i % SUGGESTED.length]! : null;
    await recordVisit(q, cipher, { userId: null, name: r.name }, {
      householdId: r.householdIds[0]!, visitedOn: addDays(today, -1 - (i % 28)),
      learned: suggestion ? `住户${suggestion[1]}` : ['家中情况良好，对社区工作满意', '反映子女在外地，希望多来看看', '了解低保和医保政策', '希望社区多组织文体活动'][i % 4]!,
      need: suggestion ? { kind: 'request', category: suggestion[0], urgency: 'normal', title: suggestion[1] } : undefined,
    });
  }

  // The livelihood matters solved in the campaign's grids, set-based through the needs loop, and what they cost.
  const solved = await needs.createMany(q, cipher, Array.from({ length: SOLVED }, (_, i) => {
    const a = areas[i % areas.length]!;
    const [category, title] = LIVELIHOOD[i % LIVELIHOOD.length]!;
    return { orgId: a.grid.communityId, kind: 'livelihood' as const, category, source: 'visit' as const, title, gridId: a.grid.id, requesterName: `${a.grid.name}居民`, description: `大走访中居民反映：${title}` };
  }));
  await needs.seeThroughMany(q, solved, '大走访包片干部协调解决', '回访居民，问题已解决');
  const admin = await scopeOf(q, ctx.user('admin'));
  const source = (await funds.sources(q, cityId, Number(today.slice(0, 4)))).find((s) => s.kind === 'department')!;
  const each = Math.floor(SPENT_FEN / SOLVED);
  for (const [i, id] of solved.entries()) {
    const a = areas[i % areas.length]!;
    await funds.spend(q, admin, ctx.fundTargets, {
      orgId: a.grid.communityId, sourceId: source.id, amountFen: i === 0 ? SPENT_FEN - each * (SOLVED - 1) : each, entryOn: today, payee: '梅河口市民生服务社',
      paidForKind: 'need', paidForId: id, note: '大走访解决民生实事',
    });
  }
  await actAs(q, ANONYMOUS);
}
