import { addDays, regionToday } from '../kernel/time.ts';
import { ANONYMOUS } from '../kernel/scope.ts';
import type { NeedCategory } from '../modules/needs/schema.ts';
import * as needs from '../modules/needs/service.ts';
import type { RepresentativeKind } from '../modules/reception/schema.ts';
import * as reception from '../modules/reception/service.ts';
import { actAs, scopeOf } from './needs.ts';
import type { DemoContext } from './types.ts';

/**
 * 平房区's reception office (docs/domain/seed-models.md §1): the street keeps
 * the "两代表一委员" roster at its reported size, 432 representatives, each
 * with a constituency and a duty slot over the last twelve weeks, written
 * set-based. The reported 789 visitors, each received by a representative
 * on duty, are needs of 新谊社区 with source reception; 132 of them went
 * through the needs loop to the community's check, and the office's "solved"
 * is those, counted. The needs are written and walked through the loop a
 * batch at a time (needs' bulk path), so the full figures cost the demo little.
 */

const ROSTER: { kind: RepresentativeKind; n: number; constituency: (i: number) => string }[] = [
  { kind: 'people_deputy', n: 180, constituency: (i) => `平房区第${(i % 18) + 1}选区` },
  { kind: 'cppcc_member', n: 120, constituency: (i) => ['教育界', '医卫界', '经济界', '农业界', '社会福利界', '科技界'][i % 6]! },
  { kind: 'party_delegate', n: 132, constituency: (i) => `新疆街道第${(i % 12) + 1}代表团` },
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['建国', '秀英', '志强', '桂兰', '海燕', '德明', '春梅', '国庆', '玉兰', '文博', '晓东', '永红'];
const ISSUES: [NeedCategory, string][] = [
  ['facilities', '楼前路面坑洼需填平'], ['facilities', '小区路灯不亮'], ['facilities', '单元口缺少无障碍坡道'], ['environment', '垃圾清运不及时'],
  ['safety', '楼道堆放杂物存在消防隐患'], ['living', '独居老人需要助餐服务'], ['legal', '物业费纠纷咨询'], ['employment', '下岗职工再就业咨询'],
];
const VISITS = 789;
const SOLVED = 132;
/** Every sixth visitor's problem solved: 132 of 789. */
const SOLVED_EVERY = 6;

export async function receptionDemo(ctx: DemoContext): Promise<void> {
  const { q, cipher } = ctx;
  const office = ctx.org('xinjiang');
  const community = ctx.org('xinyi');
  const specs = ROSTER.flatMap((r) => Array.from({ length: r.n }, (_, i) => ({
    orgId: office, kind: r.kind, personId: null, constituency: r.constituency(i),
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}${i >= SURNAMES.length * GIVEN.length ? String(i) : ''}`,
  })));
  const ids = await reception.enrolMany(q, specs);
  // Twelve weeks of duty, two half-days a working day: every representative takes one.
  const slots = ids.map((representativeId, i) => ({
    orgId: office, representativeId, onDate: addDays(regionToday(), -1 - Math.floor(i / 6) - 2 * Math.floor(i / 30)), period: i % 2 ? 'afternoon' as const : 'morning' as const,
  }));
  await reception.slotMany(q, slots);

  await actAs(q, await scopeOf(q, ctx.user('admin')));
  const received = Array.from({ length: VISITS }, (_, v) => ({ slot: slots[(v * 7) % slots.length]!, issue: ISSUES[v % ISSUES.length]! }));
  const needIds = await needs.createMany(q, cipher, received.map(({ issue: [category, title] }, v) => ({
    orgId: community, kind: 'request' as const, category, source: 'reception' as const, title, requesterName: `${SURNAMES[(v * 3) % SURNAMES.length]}先生`,
    description: `接待站来访反映：${title}`,
  })));
  const solved = needIds.filter((_, v) => v % SOLVED_EVERY === 0);
  if (solved.length !== SOLVED) throw new Error(`reception demo: ${solved.length} solved, not ${SOLVED}`);
  await needs.seeThroughMany(q, solved, '已协调相关部门解决', '回访来访人，问题已解决');
  await reception.visitMany(q, received.map(({ slot }, v) => ({
    orgId: office, representativeId: slot.representativeId, visitedOn: slot.onDate, needId: needIds[v]!, recordedBy: '新疆街道接待站',
  })));
  await actAs(q, ANONYMOUS);
}
