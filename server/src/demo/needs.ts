import type { Queryable } from '../kernel/db.ts';
import { scopeSettings, type Scope } from '../kernel/scope.ts';
import * as needs from '../modules/needs/service.ts';
import type { NeedCategory, NeedKind, NeedSource } from '../modules/needs/schema.ts';
import * as orgs from '../modules/orgs/service.ts';
import type { Availability } from '../modules/people/schema.ts';
import * as people from '../modules/people/service.ts';
import * as users from '../modules/users/service.ts';
import type { DemoContext } from './types.ts';

/**
 * Needs in every state of the loop, across the seed models (docs/domain/seed-models.md):
 * 梅河口's micro-wishes claimed by reported-in members and units and its
 * livelihood matters dispatched to departments; 平房区's twelve problems solved
 * by departments (road fills, street lights, ramps for the disabled); 三顺店's
 * wall repair; 天宁's street trading handled by the city-management team;
 * 定福里's mediation. Every step goes through the needs service as the person
 * who would take it, so the history reads as it would in use.
 */

type Step =
  | ['accept' | 'start' | 'check' | 'close' | 'confirm']
  | ['reject' | 'cancel' | 'return', string]
  | ['claim', 'member' | string]
  | ['dispatch', string, number]
  | ['respond' | 'done', string]
  | ['rate' | 'rateDepartment', number, string?]
  | ['late'];

interface Story {
  org: string;
  kind: NeedKind;
  category: NeedCategory;
  title: string;
  requester: string;
  source?: NeedSource;
  place?: string;
  description?: string;
  urgency?: 'normal' | 'urgent' | 'critical';
  /** Raised by the demo resident (jumin) on the phone page. */
  byResident?: boolean;
  steps: Step[];
}

const wish = (title: string, requester: string, category: NeedCategory, steps: Step[], extra: Partial<Story> = {}): Story => ({
  org: 'gm-g1', kind: 'micro_wish', category, title, requester, source: 'visit', steps, ...extra,
});
const CLAIMED_DONE: Step[] = [['accept'], ['claim', 'member'], ['done', '已送到居民家中，居民很满意']];

const MEIHEKOU: Story[] = [
  wish('想要一台收音机听戏', '吴秀英', 'living', [...CLAIMED_DONE, ['check'], ['confirm'], ['rate', 5, '党员同志很热心']], {
    byResident: true, org: 'guangming', description: '独居老人，眼睛不好，想听戏曲广播',
  }),
  wish('给孙子买一套初中数学辅导书', '李桂兰', 'education', [['accept']], { description: '孙子上初二，家里困难' }),
  wish('冬天想要一件厚棉大衣', '赵永红', 'living', [['accept'], ['claim', 'tax']], { org: 'gm-g2', place: '光明社区4号楼' }),
  wish('轮椅坏了需要维修', '陈国庆', 'living', [['accept'], ['claim', 'member'], ['start']], { place: '光明社区2号楼' }),
  wish('希望有人每周陪老伴聊聊天', '吴秀英', 'living', [], { byResident: true, org: 'guangming', source: 'resident' }),
  wish('想学会用智能手机视频通话', '吴秀英', 'culture', [['cancel', '女儿已经教会了']], { byResident: true, org: 'guangming', source: 'resident' }),
  wish('想要一个电饭煲', '黄淑珍', 'living', CLAIMED_DONE, { org: 'gm-g2' }),
  {
    org: 'gm-g2', kind: 'livelihood', category: 'facilities', title: '3号楼前路灯不亮', requester: '张德明', place: '光明社区3号楼前', source: 'joint_meeting',
    steps: [['accept'], ['dispatch', 'housing', 5], ['respond', '已安排维修队'], ['done', '更换路灯灯头 2 个，已恢复照明'], ['check'], ['close'], ['rateDepartment', 4, '响应及时']],
  },
  {
    org: 'gm-g1', kind: 'livelihood', category: 'facilities', title: '小区排水管道堵塞，雨天积水', requester: '刘桂兰', place: '光明社区1号楼西侧', source: 'visit', urgency: 'urgent',
    steps: [['accept'], ['dispatch', 'housing', 3], ['late']],
  },
  {
    org: 'gm-g1', kind: 'livelihood', category: 'facilities', title: '单元门禁损坏', requester: '王海燕', place: '光明社区2号楼1单元', source: 'reception',
    steps: [['accept'], ['dispatch', 'housing', 7]],
  },
  {
    org: 'gm-g2', kind: 'livelihood', category: 'environment', title: '垃圾分类亭需要增设', requester: '孙立新', place: '光明社区4号楼北侧', source: 'joint_meeting',
    steps: [['accept'], ['dispatch', 'housing', 10], ['respond', '已列入本月计划'], ['done', '增设分类亭一处'], ['check']],
  },
  { org: 'guangming', kind: 'request', category: 'environment', title: '楼道堆放杂物', requester: '张建国', steps: [['reject', '属物业管理职责，已转交物业公司']] },
  {
    org: 'guangming', kind: 'request', category: 'culture', title: '广场舞音响声音太大', requester: '马玉兰', source: 'reception',
    steps: [['accept'], ['start'], ['done', '已与舞蹈队约定音量'], ['return', '居民反映晚上仍然很吵，请再协调']],
  },
  {
    org: 'xy-g1', kind: 'micro_wish', category: 'health', title: '想要一个电子血压计', requester: '高春梅', source: 'visit',
    steps: [['accept'], ['claim', 'hospital'], ['done', '中心医院党支部送去血压计并教会使用'], ['check'], ['close']],
  },
];

// 平房区: "区城管、残联等单位先后为辖区居民解决破损路面回填、偏远小区路灯建设、残疾人坡道修建等实际问题12件".
const PF_DEPARTMENTS = [
  { key: 'pf-cityman', name: '平房区城市管理局' },
  { key: 'pf-disabled', name: '平房区残疾人联合会' },
];
const pfProblems: [string, string, string, number][] = [
  ['破损路面回填', '新谊路与兴业街交口', 'pf-cityman', 5], ['破损路面回填', '新谊小区南门', 'pf-cityman', 4], ['破损路面回填', '新谊小学门前', 'pf-cityman', 5],
  ['破损路面回填', '华鑫机械厂宿舍路', 'pf-cityman', 3], ['偏远小区路灯建设', '新谊东区', 'pf-power', 5], ['偏远小区路灯建设', '新谊西区', 'pf-power', 4],
  ['偏远小区路灯建设', '铁路家属区', 'pf-power', 5], ['偏远小区路灯建设', '平房邮政支局后街', 'pf-power', 4], ['残疾人坡道修建', '新谊社区卫生服务站', 'pf-disabled', 5],
  ['残疾人坡道修建', '新谊社区服务中心', 'pf-disabled', 5], ['残疾人坡道修建', '平房农商银行新谊支行', 'pf-disabled', 4], ['残疾人坡道修建', '新谊小区3号楼', 'pf-disabled', 5],
];
const PINGFANG: Story[] = [
  ...pfProblems.map(([title, place, unit, rating], i): Story => ({
    org: `pf-g${(i % 4) + 1}`, kind: 'livelihood', category: title.includes('坡道') ? 'facilities' : title.includes('路灯') ? 'facilities' : 'environment',
    title: `${place}${title}`, requester: `新谊居民${i + 1}号`, place, source: i % 3 === 0 ? 'joint_meeting' : 'visit',
    steps: [['accept'], ['dispatch', unit, 10], ['respond', '已到现场查看'], ['done', `${title}完成，已现场验收`], ['check'], ['close'], ['rateDepartment', rating]],
  })),
  {
    org: 'pf-g2', kind: 'livelihood', category: 'facilities', title: '新谊菜市场入口残疾人坡道', requester: '新谊居民13号', place: '新谊菜市场',
    steps: [['accept'], ['dispatch', 'pf-disabled', 15], ['respond', '已测量，等待施工']],
  },
  {
    org: 'pf-g3', kind: 'livelihood', category: 'facilities', title: '新谊北区路灯建设', requester: '新谊居民14号', place: '新谊北区', urgency: 'urgent',
    steps: [['accept'], ['dispatch', 'pf-power', 7], ['late']],
  },
];

const OTHERS: Story[] = [
  {
    org: 'sanshundian', kind: 'livelihood', category: 'facilities', title: '第二院落院墙破损需修补', requester: '三顺店居民', place: '三顺店第二居民院落', source: 'visit',
    steps: [['accept'], ['dispatch', 'ssd-u7', 20], ['respond', '房管所已派人测量']],
  },
  {
    org: 'tn-hm-g1', kind: 'request', category: 'environment', title: '商务楼周边占道经营', requester: '红梅社区居民', place: '天宁商务大厦北侧', source: 'reception',
    steps: [['accept'], ['dispatch', 'tn-cityman', 7], ['respond', '已巡查'], ['done', '劝离占道摊点 6 处，设置便民疏导点'], ['check']],
  },
  {
    org: 'dfl-g1', kind: 'request', category: 'legal', title: '楼上漏水引发邻里纠纷', requester: '定福里居民', source: 'visit',
    steps: [['accept'], ['start'], ['done', '调解员上门调解，双方签订协议'], ['check'], ['close']],
  },
];

/** Members with skills, and when they are free, that the matching can find (能人库). */
const SKILLS: [string, string[], Availability[]][] = [
  ['gm-g1', ['水电维修', '电工'], ['weekend', 'evening']],
  ['gm-g2', ['理发'], ['weekday']],
  ['xy-g1', ['法律咨询', '调解'], ['evening']],
  ['pf-g1', ['康复护理'], ['weekday', 'weekend']],
];

export async function scopeOf(q: Queryable, userId: number): Promise<Scope> {
  const u = await users.get(q, userId);
  return { userId: u.id, userName: u.displayName, grants: u.grants.map((g) => ({ ...g, regionId: 0 })) };
}

/** A unit acting through a liaison the demo has no account for. */
const unitScope = (unitId: number, orgId: number, name: string): Scope => ({
  userId: null,
  userName: `${name}联络员`,
  grants: [{ id: 0, role: 'unit_liaison', orgId, orgPath: '', orgName: '', unitId, unitName: name, regionId: 0 }],
});

/** The rest of the step runs as this caller: the scope functions the services and policies read say so. */
export async function actAs(q: Queryable, scope: Scope): Promise<void> {
  const s = scopeSettings(scope);
  for (const [k, v] of Object.entries(s)) await q.query(`SELECT set_config($1, $2, true)`, [k, v]);
}

export async function needsDemo(ctx: DemoContext): Promise<void> {
  const { q, cipher } = ctx;
  const departments = new Map<string, number>();
  for (const d of PF_DEPARTMENTS) departments.set(d.key, (await orgs.createUnit(q, { orgId: ctx.org('xinjiang'), name: d.name, kind: 'department' })).id);
  const unitId = (key: string) => departments.get(key) ?? ctx.unit(key);
  for (const [grid, skills, availability] of SKILLS) {
    const [p] = (await people.list(q, { orgId: ctx.org(grid), page: 1, pageSize: 50 })).items.filter((x) => x.isMember);
    if (p) await people.update(q, cipher, p.id, { skills, availability });
  }

  const secretaryOf = new Map<string, Scope>();
  const staff = async (org: string): Promise<Scope> => {
    // The demo's community secretaries where there is an account, the district admin elsewhere.
    const username = org.startsWith('gm') || org === 'guangming' ? 'guangming' : org.startsWith('xy') ? 'xiangyang' : 'admin';
    if (!secretaryOf.has(username)) secretaryOf.set(username, await scopeOf(q, ctx.user(username)));
    return secretaryOf.get(username)!;
  };
  const member = await scopeOf(q, ctx.user('dangyuan'));
  const resident = await scopeOf(q, ctx.user('jumin'));
  const liaisonOf = async (unitKey: string): Promise<Scope> => {
    if (unitKey === 'tax') return scopeOf(q, ctx.user('liaison'));
    const unit = await orgs.getUnit(q, unitId(unitKey));
    return unitScope(unit.id, unit.orgId, unit.name);
  };

  for (const s of [...MEIHEKOU, ...PINGFANG, ...OTHERS]) {
    const office = await staff(s.org);
    await actAs(q, s.byResident ? resident : office);
    const created = await needs.createNeed(q, cipher, {
      orgId: ctx.org(s.org), kind: s.kind, category: s.category, source: s.byResident ? 'resident' : (s.source ?? 'staff'), title: s.title,
      description: s.description, placeText: s.place, urgency: s.urgency, requesterName: s.requester, requesterUserId: s.byResident ? ctx.user('jumin') : null,
      phone: s.byResident ? '13904351234' : null,
    });
    const id = created.id;
    let handler: Scope = office;
    for (const step of s.steps) {
      switch (step[0]) {
        case 'accept':
          await actAs(q, office);
          await needs.accept(q, id, s.kind === 'micro_wish' ? '发布到心愿池' : null);
          break;
        case 'reject':
        case 'return':
          await actAs(q, office);
          await (step[0] === 'reject' ? needs.reject(q, id, step[1]) : needs.giveBack(q, id, step[1]));
          break;
        case 'cancel':
          await actAs(q, s.byResident ? resident : office);
          await needs.cancel(q, id, step[1]);
          break;
        case 'claim':
          handler = step[1] === 'member' ? member : await liaisonOf(step[1]);
          await actAs(q, handler);
          await needs.claim(q, id, step[1] === 'member' ? { name: '周志强' } : { name: handler.grants[0]!.unitName!, unitId: handler.grants[0]!.unitId! });
          break;
        case 'dispatch': {
          await actAs(q, office);
          await needs.dispatch(q, id, office.userName ?? '', { unitId: unitId(step[1]), deadline: new Date(Date.now() + step[2] * 86_400_000).toISOString() });
          handler = await liaisonOf(step[1]);
          break;
        }
        case 'respond':
          await actAs(q, handler);
          await needs.respond(q, id, step[1]);
          break;
        case 'start':
          await actAs(q, s.steps.some((x) => x[0] === 'claim') ? handler : office);
          await needs.start(q, id, null);
          break;
        case 'done':
          await actAs(q, handler);
          await needs.done(q, id, step[1], [], null);
          break;
        case 'check':
        case 'close':
          await actAs(q, office);
          await (step[0] === 'check' ? needs.check(q, id, null) : needs.close(q, id, 'close'));
          break;
        case 'confirm':
          await actAs(q, resident);
          await needs.close(q, id, 'confirm');
          break;
        case 'rate':
          await actAs(q, resident);
          await needs.rate(q, id, { rating: step[1], comment: step[2] });
          break;
        case 'rateDepartment':
          await actAs(q, office);
          await needs.rateDepartment(q, id, office.userName ?? '', { rating: step[1], comment: step[2] });
          break;
        case 'late':
          // The demo is loaded today but its stories happened over the past weeks:
          // this matter's deadline passed yesterday, and the sweep escalates it.
          await q.query(`UPDATE needs SET deadline = now() - interval '1 day' WHERE id = $1`, [id]);
          await q.query(`UPDATE need_dispatches SET deadline = now() - interval '1 day' WHERE need_id = $1 AND status = 'active'`, [id]);
          await actAs(q, office);
          await needs.sweepOverdue(q, ctx.org(s.org));
          break;
      }
    }
  }
  await actAs(q, { userId: null, userName: '演示数据', grants: [] });
}
