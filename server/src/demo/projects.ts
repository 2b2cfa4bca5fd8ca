import * as needs from '../modules/needs/service.ts';
import * as people from '../modules/people/service.ts';
import * as projects from '../modules/projects/service.ts';
import { actAs, scopeOf } from './needs.ts';
import type { DemoContext } from './types.ts';

/**
 * Alliance projects of the seed models: 梅河口's "one sector, one feature"
 * projects (the 12157 service train on the first Friday of each month, the
 * micro-wish drive), 平房区's repairs by departments (12 problems solved),
 * 三顺店's fitness path funded by units. They answer needs the needs step made.
 */
interface ProjectSpec {
  org: string;
  name: string;
  summary: string;
  startedOn: string;
  units: [string, string][];
  members?: [string, string][];
  /** Needs of the leading organization answered by the project, by kind. */
  needKind?: 'micro_wish' | 'livelihood';
  updates: [string, number][];
  outcome?: string;
}

const SPECS: ProjectSpec[] = [
  {
    org: 'guangming', name: '“12157”便民服务直通车', startedOn: '2025-01-03',
    summary: '每月第一个周五开放日，提供理发、照相、按摩、法律咨询、健康指导、代缴费用等 7 项免费服务',
    units: [['tax', '税法咨询与代办'], ['school5', '开放操场作为服务场地'], ['market', '提供义卖摊位']],
    members: [['gm-g2', '义务理发']],
    updates: [['1 月开放日服务居民 120 人次', 30], ['3 月开放日增加健康指导，服务 160 人次', 60]],
  },
  {
    org: 'guangming', name: '党员干部进社区·点亮微心愿', startedOn: '2025-03-01',
    summary: '在职党员报到后认领一个微心愿，与困难居民结对', units: [['tax', '党员认领微心愿并资助']], members: [['gm-g1', '认领并上门帮办']],
    needKind: 'micro_wish', updates: [['已发布心愿 7 个，认领 4 个', 50]],
  },
  {
    org: 'xinyi', name: '民生实事攻坚：路面、路灯、无障碍坡道', startedOn: '2015-08-01',
    summary: '区城管、残联、供电所等单位为辖区居民解决破损路面回填、偏远小区路灯建设、残疾人坡道修建等实际问题',
    units: [['pf-power', '路灯建设与维护'], ['pf-property', '施工期间协调小区出入']], needKind: 'livelihood',
    updates: [['完成路面回填 4 处', 40], ['路灯、坡道全部完工', 100]], outcome: '解决破损路面回填、偏远小区路灯建设、残疾人坡道修建等实际问题 12 件',
  },
  {
    org: 'sanshundian', name: '共建健身步道与院墙修缮', startedOn: '2013-04-01',
    summary: '驻区单位出资修建健身步道、修补院墙，运动场每晚向居民开放', units: [['ssd-u1', '出资 3 万元'], ['ssd-u7', '院墙修缮施工'], ['ssd-u2', '运动场每晚开放']],
    needKind: 'livelihood', updates: [['健身步道完工', 70]],
  },
];

export async function projectsDemo(ctx: DemoContext): Promise<void> {
  const { q } = ctx;
  const admin = await scopeOf(q, ctx.user('admin'));
  await actAs(q, admin);
  for (const s of SPECS) {
    const orgId = ctx.org(s.org);
    const p = await projects.create(q, admin, { orgId, name: s.name, summary: s.summary, startedOn: s.startedOn });
    for (const [unit, pledge] of s.units) await projects.addParty(q, admin, p.id, { unitId: ctx.unit(unit), pledge });
    for (const [grid, pledge] of s.members ?? []) {
      const [member] = (await people.list(q, { orgId: ctx.org(grid), page: 1, pageSize: 20 })).items.filter((x) => x.isMember);
      if (member) await projects.addParty(q, admin, p.id, { personId: member.id, pledge });
    }
    if (s.needKind) {
      for (const n of (await needs.list(q, { orgId, kind: s.needKind, page: 1, pageSize: 50 })).items) {
        if (n.status !== 'rejected' && n.status !== 'cancelled') await projects.linkNeed(q, admin, p.id, n.id);
      }
    }
    for (const [body, progress] of s.updates) await projects.addUpdate(q, admin, p.id, { body, progress });
    if (s.outcome) await projects.finish(q, admin, p.id, 'completed', s.outcome);
  }
  await actAs(q, { userId: null, userName: '演示数据', grants: [] });
}
