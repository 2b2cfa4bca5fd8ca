import type { Queryable } from '../../kernel/db.ts';
import * as network from '../orgs/network.ts';
import * as orgs from '../orgs/service.ts';
import * as people from '../people/service.ts';
import type { ResourceCategory } from '../resources/schema.ts';
import * as resources from '../resources/service.ts';
import type { NeedCategory } from './schema.ts';
import { NEED_CATEGORIES } from './schema.ts';
import * as needs from './service.ts';

// Matching (供需对接): for a need, the members, units and departments that fit
// its category and place, each with the reasons it was suggested, so the
// community decides rather than trusts a score.

/** Words in a skill, a unit's name or its pledge that fit a category. */
export const CATEGORY_WORDS: Record<NeedCategory, string[]> = {
  living: ['家政', '维修', '帮扶', '陪护', '理发', '送餐', '代购', '水电', '助老'],
  health: ['医', '护', '健康', '按摩', '康复', '义诊'],
  education: ['教', '辅导', '助学', '学校', '小学', '中学', '图书'],
  employment: ['就业', '培训', '创业', '技能', '招聘'],
  legal: ['法律', '律师', '调解', '税法', '普法'],
  environment: ['环卫', '绿化', '保洁', '环境', '城管'],
  facilities: ['电工', '水暖', '维修', '施工', '供电', '供水', '住房', '住建', '城管', '房管'],
  safety: ['巡逻', '安全', '消防', '治安', '派出所', '武警'],
  culture: ['文艺', '体育', '书法', '舞蹈', '摄影', '文化', '操场'],
  other: [],
};
/** The resources list's categories that can meet a need of each category. */
const RESOURCE_FIT: Record<NeedCategory, ResourceCategory[]> = {
  living: ['aid', 'convenience', 'elderly'],
  health: ['health', 'elderly'],
  education: ['education'],
  employment: ['employment'],
  legal: ['legal'],
  environment: ['environment'],
  facilities: ['convenience'],
  safety: ['safety'],
  culture: ['culture'],
  other: [],
};
const COMMUNITY_KINDS = new Set(['community_committee', 'comprehensive_committee', 'residential_committee', 'joint_committee']);
const CORRECTIVE: ReadonlySet<NeedCategory> = new Set(['facilities', 'environment', 'safety']);

export interface Match {
  kind: 'member' | 'unit' | 'resource';
  id: number;
  name: string;
  reasons: string[];
  score: number;
}

/** The community a place belongs to (the place itself when it is one), as far up as the caller can see. */
async function communityOf(q: Queryable, orgId: number): Promise<number> {
  const place = await orgs.detail(q, orgId);
  if (COMMUNITY_KINDS.has(place.kind)) return orgId;
  for (const a of [...place.ancestors].reverse()) {
    const org = await orgs.find(q, a.id);
    if (org && COMMUNITY_KINDS.has(org.kind)) return org.id;
  }
  return orgId;
}

const hits = (text: string, words: string[]) => words.filter((w) => text.includes(w));

export async function matches(q: Queryable, needId: number): Promise<Match[]> {
  const need = await needs.get(q, needId);
  const words = CATEGORY_WORDS[need.category];
  const label = NEED_CATEGORIES[need.category];
  const community = await communityOf(q, need.orgId);
  const out: Match[] = [];

  const nearby = new Set(await orgs.subtreeIds(q, need.orgId));
  for (const p of await people.withSkills(q, await orgs.subtreeIds(q, community), words)) {
    const fit = p.skills.filter((s) => words.some((w) => s.includes(w)));
    const reasons = [`特长「${fit.join('、')}」与「${label}」相符`];
    if (nearby.has(p.orgId) && need.orgId !== community) reasons.push(`同在${need.orgName ?? '需求所在网格'}`);
    else reasons.push(`住在本社区（${p.orgName ?? ''}）`);
    if (p.isMember) reasons.push('党员');
    out.push({ kind: 'member', id: p.id, name: p.name, reasons, score: fit.length * 2 + (nearby.has(p.orgId) ? 2 : 0) + (p.isMember ? 1 : 0) });
  }

  const pledges = new Map<number, string>();
  for (const t of await network.ties(q, community)) {
    if (t.toUnitId !== null && t.endedOn === null) pledges.set(t.toUnitId, t.pledge ?? '');
  }
  const handled = await needs.handledByUnit(q, need.category);
  for (const u of await needs.dispatchTargets(q)) {
    const reasons: string[] = [];
    let score = 0;
    const because = (reason: string, points: number) => {
      reasons.push(reason);
      score += points;
    };
    const nameFit = hits(u.name, words);
    if (nameFit.length) because(`单位名称含「${nameFit.join('、')}」，与「${label}」相符`, 3);
    const pledge = pledges.get(u.id);
    if (pledge !== undefined) because(pledge ? `与本社区共建，承诺：${pledge}` : '与本社区共建', 1 + hits(pledge, words).length * 2);
    if (u.kind === 'department' && CORRECTIVE.has(need.category)) because('职能部门，可吹哨派单', 2);
    const n = handled.get(u.id);
    if (n) because(`曾办结同类需求 ${n} 件`, Math.min(n, 3));
    if (score > 1) out.push({ kind: 'unit', id: u.id, name: u.name, reasons, score });
  }
  for (const category of RESOURCE_FIT[need.category]) {
    for (const r of (await resources.list(q, { orgId: community, category, status: 'available' }, 1, 20)).items) {
      const reasons = [`资源类别「${r.categoryLabel}」与「${label}」相符`, `${r.kindLabel}，${r.unitName ?? r.orgName}提供`];
      if (r.availability) reasons.push(`可用时间：${r.availability}`);
      if (r.conditions) reasons.push(`条件：${r.conditions}`);
      out.push({ kind: 'resource', id: r.id, name: r.name, reasons, score: 3 + hits(`${r.name}${r.description ?? ''}`, words).length * 2 });
    }
  }
  return out.sort((a, b) => b.score - a.score).slice(0, 20);
}
