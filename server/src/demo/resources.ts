import type { Scope } from '../kernel/scope.ts';
import type { CreateResource, CreateVenue } from '../modules/resources/schema.ts';
import * as resources from '../modules/resources/service.ts';
import * as users from '../modules/users/service.ts';
import type { DemoContext, DemoStep } from './types.ts';
import { addDays, regionToday } from '../kernel/time.ts';

// The resources list and venues of the seed models (docs/domain/seed-models.md),
// entered through the resources service as the community and the units would.

type Offer = Omit<CreateResource, 'orgId' | 'unitId'> & { org?: string; unit?: string };
type Room = Omit<CreateVenue, 'orgId' | 'unitId' | 'category' | 'openDays' | 'bookable' | 'needsApproval'> &
  Partial<Pick<CreateVenue, 'category' | 'openDays' | 'bookable' | 'needsApproval'>> & { org?: string; unit?: string };

const WEEKDAYS = [1, 2, 3, 4, 5];
const OFFICE = { opensAt: '08:30', closesAt: '17:00', openDays: WEEKDAYS };
const ROOM = { opensAt: '08:00', closesAt: '21:00' };

// 梅河口 "6+1+7+n": 6 service windows, 1 reception desk (便民解困接待站),
// 7 basic function rooms, n special rooms, in every community.
const WINDOWS = ['党员服务窗口', '民政救助窗口', '社会保障窗口', '卫生计生窗口', '综治信访窗口', '便民代办窗口'];
const FUNCTION_ROOMS: [string, number, 'party' | 'culture' | 'elderly' | 'education' | 'legal' | 'health'][] = [
  ['党员活动室', 40, 'party'],
  ['多功能活动室', 80, 'culture'],
  ['图书阅览室', 30, 'education'],
  ['老年人日间照料室', 25, 'elderly'],
  ['未成年人活动室', 30, 'education'],
  ['人民调解室', 10, 'legal'],
  ['健康小屋', 10, 'health'],
];
const SPECIAL_ROOMS: Record<string, [string, number][]> = {
  guangming: [['书画室', 20], ['“守望幸福先锋队”队部', 15]],
  xiangyang: [['舞蹈排练室', 30]],
  minzhu: [['手工编织室', 15], ['棋牌室', 20]],
  shengli: [['电子阅览室', 20]],
};

function sixPlusOnePlusSeven(org: string): Room[] {
  return [
    ...WINDOWS.map((name) => ({ org, name, venueType: 'service_window' as const, bookable: false, ...OFFICE })),
    { org, name: '便民解困接待站', venueType: 'reception' as const, bookable: false, category: 'aid' as const, ...OFFICE },
    ...FUNCTION_ROOMS.map(([name, capacity, category]) => ({ org, name, venueType: 'function_room' as const, capacity, category, ...ROOM })),
    ...(SPECIAL_ROOMS[org] ?? []).map(([name, capacity]) => ({ org, name, venueType: 'special_room' as const, capacity, category: 'culture' as const, ...ROOM })),
  ];
}

const UNIT_VENUES: Room[] = [
  // Units open courts, meeting rooms and libraries to residents (梅河口), on their terms.
  { unit: 'tax', name: '税务局三楼会议室', venueType: 'meeting_room', capacity: 60, needsApproval: true, conditions: '提前三天申请', ...OFFICE },
  { unit: 'school5', name: '第五中学操场', venueType: 'court', capacity: 300, category: 'culture', needsApproval: true, openDays: [6, 7], opensAt: '07:00', closesAt: '19:00', conditions: '节假日向居民开放' },
  { unit: 'school5', name: '第五中学图书室', venueType: 'library', capacity: 50, category: 'education', openDays: [6, 7], opensAt: '09:00', closesAt: '16:00', conditions: '节假日向居民开放' },
  { unit: 'hospital', name: '中心医院健康教育室', venueType: 'meeting_room', capacity: 40, category: 'health', needsApproval: true, ...OFFICE },
  // 三顺店: the culture centre's free e-reading room.
  { unit: 'ssd-u8', name: '回民区文化馆电子阅览室', venueType: 'library', capacity: 40, category: 'education', opensAt: '09:00', closesAt: '20:00', conditions: '向居民免费开放' },
  // 天宁: the street's 800 m² party members' activity centre.
  { org: 'tianning', name: '天宁街道党员活动中心（800平方米）', venueType: 'activity_center', capacity: 200, needsApproval: true, ...ROOM },
  // 定福里: four resident units brought into the grid.
  { unit: 'dfl-school', name: '定福里小学操场', venueType: 'court', capacity: 200, category: 'culture', openDays: [6, 7], opensAt: '06:00', closesAt: '20:00' },
];

const OFFERS: Offer[] = [
  // 梅河口's money (city budget, party fees paid as rewards, department aid) is
  // in funds, its figures summed from the ledger; here only what departments offer.
  { unit: 'housing', kind: 'fund', category: 'convenience', name: '共建部门帮扶民生资金', conditions: '用于社区民生实事，见经费台账' },
  // The "12157" service train: the first Friday of each month, free services.
  ...(
    [['免费理发', 'convenience'], ['义务照相', 'convenience'], ['保健按摩', 'health'], ['法律咨询', 'legal'], ['健康向导', 'health'], ['代缴代办', 'convenience']] as const
  ).map(([name, category]): Offer => ({ org: 'guangming', kind: 'service', category, name: `便民服务直通车：${name}`, availability: '每月第一周的周五', conditions: '免费' })),
  { unit: 'tax', kind: 'talent', category: 'legal', name: '税务政策宣讲员', quantity: 3, quantityUnit: '人', availability: '每季度一次', contactName: '孙伟', contactPhone: '0435-4222000' },
  { unit: 'school5', kind: 'talent', category: 'education', name: '“四点半课堂”志愿教师', quantity: 6, quantityUnit: '人', availability: '工作日 16:30–18:00' },
  { unit: 'market', kind: 'goods', category: 'aid', name: '爱心平价菜', quantity: 200, quantityUnit: '份', availability: '每周六', conditions: '困难群众凭社区证明' },
  { unit: 'hospital', kind: 'service', category: 'health', name: '专家义诊', availability: '每月第一个周五', quantity: 4, quantityUnit: '人', contactName: '医务科', contactPhone: '0435-4213120' },
  { unit: 'power', kind: 'service', category: 'convenience', name: '用电故障上门检修', availability: '24 小时' },
  { org: 'guangming', kind: 'talent', category: 'safety', name: '“守望幸福先锋队”老党员巡逻队', quantity: 12, quantityUnit: '人', availability: '每天 19:00–21:00' },
  // 平房区: 13 resident units with 24-hour services; the donation wall; departments fixing roads, lights, ramps.
  ...(['pf-power', 'pf-water', 'pf-property', 'pf-bank'] as const).map((unit): Offer => ({ unit, kind: 'service', category: 'convenience', name: '24 小时便民惠民服务', availability: '24 小时' })),
  { org: 'xinyi', kind: 'goods', category: 'aid', name: '“友善墙”捐赠衣物和学习生活用品', quantity: 300, quantityUnit: '件', conditions: '辖区困难居民自取' },
  { unit: 'pf-market-sup', kind: 'service', category: 'safety', name: '食品安全检查与投诉受理' },
  // 三顺店: units fund fitness paths and wall repairs; joint patrols.
  { unit: 'ssd-u6', kind: 'fund', category: 'environment', name: '小区健身路径、危墙修缮出资', conditions: '经联合党委议定的项目' },
  { unit: 'ssd-u4', kind: 'service', category: 'safety', name: '义务巡逻队（划分责任区）', availability: '每晚' },
  // 天宁: field offices' two-way service.
  { unit: 'tn-health', kind: 'service', category: 'health', name: '家庭医生签约服务', availability: '工作日' },
  { unit: 'tn-property', kind: 'service', category: 'environment', name: '无物业小区托管保洁' },
  // 定福里: the talent pool and the resident units in the grid.
  { org: 'dingfuli', kind: 'talent', category: 'legal', name: '能人库：人民调解员', quantity: 1, quantityUnit: '人', conditions: '已调解纠纷 16 起' },
  { unit: 'dfl-armed', kind: 'service', category: 'safety', name: '武警官兵助老助残服务', availability: '每月一次' },
  { unit: 'dfl-clinic', kind: 'service', category: 'health', name: '上门测血压', availability: '每周二' },
];

/** The demo account's scope, as if they had signed in. */
async function as(ctx: DemoContext, username: string): Promise<Scope> {
  const user = await users.get(ctx.q, ctx.user(username));
  return { userId: user.id, userName: user.displayName, grants: user.grants.map((g) => ({ ...g, regionId: ctx.org('city') })) };
}

const today = regionToday;
const shift = (days: number) => addDays(today(), days);
/** The first Friday of next month: the open day of the "12157" service train. */
function openDay(): string {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1, 1);
  while (d.getUTCDay() !== 5) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The next date (after today) that falls on an ISO weekday. */
function next(isoDay: number, weeksLater = 0): string {
  const d = new Date(`${today()}T00:00:00Z`);
  const ahead = ((isoDay - (d.getUTCDay() || 7) + 7) % 7) || 7;
  return addDays(today(), ahead + 7 * weeksLater);
}

export const resourcesStep: DemoStep = async (ctx) => {
  const { q, cipher } = ctx;
  const place = (x: { org?: string; unit?: string }) => (x.unit ? { unitId: ctx.unit(x.unit) } : { orgId: ctx.org(x.org!) });
  // The city's administrator keeps the lists of the whole region.
  const admin = await as(ctx, 'admin');
  for (const { org, unit, ...offer } of OFFERS) await resources.create(q, admin, cipher, { ...offer, ...place({ org, unit }) });

  const venues = new Map<string, number>();
  for (const { org, unit, ...room } of [...['guangming', 'xiangyang', 'minzhu', 'shengli'].flatMap(sixPlusOnePlusSeven), ...UNIT_VENUES]) {
    const v = await resources.createVenue(q, admin, cipher, {
      category: 'party', openDays: [1, 2, 3, 4, 5, 6, 7], bookable: true, needsApproval: false, ...room, ...place({ org, unit }),
    });
    venues.set(`${org ?? unit}:${room.name}`, v.id);
  }
  const venue = (key: string) => venues.get(key)!;

  const secretary = await as(ctx, 'guangming');
  const liaison = await as(ctx, 'liaison');
  const slot = (date: string, from: string, to: string, purpose: string, attendees?: number) => ({ startsAt: `${date}T${from}`, endsAt: `${date}T${to}`, purpose, attendees });
  const past = { recordPast: true };
  // Past use, entered from the paper register.
  await resources.book(q, secretary, venue('guangming:党员活动室'), slot(shift(-28), '09:00', '11:00', '主题党日：学习党章', 35), past);
  await resources.book(q, secretary, venue('guangming:多功能活动室'), slot(shift(-21), '14:00', '16:30', '居民议事会：老旧小区改造', 60), past);
  await resources.book(q, secretary, venue('guangming:老年人日间照料室'), slot(shift(-7), '09:00', '10:30', '“党员干部进社区”微心愿对接会', 20), past);
  // Coming up.
  await resources.book(q, secretary, venue('guangming:党员活动室'), slot(next(3), '09:00', '11:00', '主题党日：在职党员报到交流', 38));
  await resources.book(q, secretary, venue('guangming:多功能活动室'), slot(openDay(), '08:30', '11:30', '便民服务直通车开放日', 80));
  await resources.book(q, secretary, venue('guangming:图书阅览室'), slot(next(2), '15:00', '17:00', '“四点半课堂”', 25));
  await resources.book(q, liaison, venue('tax:税务局三楼会议室'), slot(next(4), '14:00', '16:00', '税务局党支部党课', 40));
  // Waiting for the unit's approval: the community asks to use units' venues.
  await resources.book(q, secretary, venue('tax:税务局三楼会议室'), slot(next(2), '14:00', '16:00', '社区党建联席会议', 25));
  await resources.book(q, secretary, venue('school5:第五中学操场'), slot(next(6, 1), '08:00', '11:00', '社区趣味运动会', 150));
  const cancelled = await resources.book(q, secretary, venue('guangming:多功能活动室'), slot(next(1, 1), '19:00', '21:00', '广场舞培训'));
  await resources.cancelBooking(q, secretary, cancelled.id, '培训老师临时有事，改期另约');
};
