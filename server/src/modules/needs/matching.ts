import type { Queryable } from '../../kernel/db.ts';
import type { Grid, Polygon } from '../grids/schema.ts';
import * as grids from '../grids/service.ts';
import { ORG_KIND_GROUPS } from '../orgs/schema.ts';
import * as orgs from '../orgs/service.ts';
import { AVAILABILITY, type Availability, type Talent } from '../people/schema.ts';
import * as people from '../people/service.ts';
import type { ResourceCategory } from '../resources/schema.ts';
import * as resources from '../resources/service.ts';
import type { NeedCategory } from './schema.ts';
import { NEED_CATEGORIES } from './schema.ts';
import * as needs from './service.ts';

// Matching (供需对接): for a need, the members, units and departments that fit
// its category and place, each with the reasons it was suggested, so the
// community decides rather than trusts a score. Members come from the talent
// pool, nearest grid first and free now before free later.

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
const CORRECTIVE: ReadonlySet<NeedCategory> = new Set(['facilities', 'environment', 'safety']);
/** Enough to choose from; the nearer rings are read first, so the farther ones are read only when these are not yet found. */
const MEMBERS_WANTED = 10;
const PER_KIND = 10;

/**
 * Why a match was suggested: a code the web reads (those under `place.` say
 * where it is, the rest what it can do) and the sentence it shows.
 */
export interface Reason {
  code: string;
  text: string;
}
const why = (code: string, text: string): Reason => ({ code, text });

export interface Match {
  kind: 'member' | 'unit' | 'resource';
  id: number;
  name: string;
  reasons: Reason[];
  score: number;
}

/**
 * The time of week a moment falls in, as the talent pool records when people
 * are free: Saturday and Sunday are the weekend, other days before 18:00
 * (China Standard Time) the working day, after it the evening.
 */
export function slotAt(at: Date): Availability {
  const local = new Date(at.getTime() + 8 * 3600_000);
  const day = local.getUTCDay();
  if (day === 0 || day === 6) return 'weekend';
  return local.getUTCHours() < 18 ? 'weekday' : 'evening';
}

type Ring = number[][];
/** Closer than this (map units) two boundaries share an edge or a corner: neighbouring grids. */
const TOUCH = 1;

function segmentDistance([px, py]: number[], [ax, ay]: number[], [bx, by]: number[]): number {
  const dx = bx! - ax!;
  const dy = by! - ay!;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px! - ax!) * dx + (py! - ay!) * dy) / len));
  return Math.hypot(px! - (ax! + t * dx), py! - (ay! + t * dy));
}

const touches = (a: Ring, b: Ring) => a.some((p) => b.some((q, i) => i > 0 && segmentDistance(p, b[i - 1]!, q) <= TOUCH));
export const neighbours = (a: Polygon, b: Polygon) => touches(a.coordinates[0]!, b.coordinates[0]!) || touches(b.coordinates[0]!, a.coordinates[0]!);

interface Place {
  community: { id: number; name: string };
  /** The community's street, when the caller sees it: the ring beyond the community. */
  street: { id: number; name: string } | null;
  grid: Grid | null;
  /** Grids of the same community whose boundaries touch the need's grid. */
  around: Grid[];
}

/** The community a place belongs to (the place itself when it is one) and its street, as far up as the caller can see. */
export async function communityOf(q: Queryable, orgId: number): Promise<Pick<Place, 'community' | 'street'>> {
  const org = await orgs.detail(q, orgId);
  const line = [...org.ancestors, { id: org.id, name: org.name }];
  let at = line.length - 1;
  for (let i = line.length - 1; i >= 0; i--) {
    const o = i === line.length - 1 ? org : await orgs.find(q, line[i]!.id);
    if (o && ORG_KIND_GROUPS.needCommunity.includes(o.kind)) {
      at = i;
      break;
    }
  }
  return { community: line[at]!, street: at > 0 ? line[at - 1]! : null };
}

/** Where the need is: its grid (named, or the grid of its grid branch), the grids around it, its community and street. */
async function placeOf(q: Queryable, need: { orgId: number; gridId: number | null }): Promise<Place> {
  const { community, street } = await communityOf(q, need.orgId);
  const all = await grids.listGrids(q, community.id);
  const grid = all.find((g) => (need.gridId !== null ? g.id === need.gridId : g.branchId === need.orgId)) ?? null;
  const around = grid ? all.filter((g) => g.id !== grid.id && neighbours(g.boundary, grid.boundary)) : [];
  return { community, street, grid, around };
}

const hits = (text: string, words: string[]) => words.filter((w) => text.includes(w));

interface Found {
  talent: Talent;
  /** 4 the need's grid, 3 a grid next to it, 2 its community, 1 its street. */
  ring: number;
  where: Reason;
}

/**
 * Members and residents of the talent pool with a skill that fits, nearest
 * first: the need's grid, then its community (telling the grids next to it
 * apart), then its street — each ring read only while too few are found.
 */
async function nearbyTalents(q: Queryable, place: Place, words: string[]): Promise<Found[]> {
  const found = new Map<number, Found>();
  const aroundOrgs = new Map<number, string>();
  for (const g of place.around) if (g.branchId) for (const id of await orgs.subtreeIds(q, g.branchId)) aroundOrgs.set(id, g.name);
  const rings: { orgId: number; ring: number; where: (t: Talent) => [number, Reason] }[] = [];
  if (place.grid?.branchId) rings.push({ orgId: place.grid.branchId, ring: 4, where: () => [4, why('place.same_grid', `同一网格（${place.grid!.name}）`)] });
  rings.push({
    orgId: place.community.id, ring: 2,
    where: (t) =>
      aroundOrgs.has(t.orgId)
        ? [3, why('place.adjacent_grid', `相邻网格（${aroundOrgs.get(t.orgId)}）`)]
        : [2, why('place.same_community', `同一社区（${place.community.name}）`)],
  });
  if (place.street) rings.push({ orgId: place.street.id, ring: 1, where: () => [1, why('place.same_street', `同一街道（${place.street!.name}）`)] });
  for (const ring of rings) {
    if (found.size >= MEMBERS_WANTED) break;
    for (const skill of words) {
      for (const talent of (await people.talentPool(q, { skill, orgId: ring.orgId, page: 1, pageSize: MEMBERS_WANTED * 2 })).items) {
        if (found.has(talent.id)) continue;
        const [n, where] = ring.where(talent);
        found.set(talent.id, { talent, ring: n, where });
      }
    }
  }
  return [...found.values()];
}

export async function matches(q: Queryable, needId: number, now = new Date()): Promise<Match[]> {
  const need = await needs.get(q, needId);
  const words = CATEGORY_WORDS[need.category];
  const label = NEED_CATEGORIES.labels[need.category];
  const place = await placeOf(q, need);
  const slot = slotAt(now);

  // Nearer first, then free now, then the closer the skill fits.
  const members: Match[] = (await nearbyTalents(q, place, words)).map(({ talent: p, ring, where }) => {
    const fit = p.skills.filter((s) => words.some((w) => s.includes(w)));
    const free = p.availability as Availability[];
    const freeNow = free.includes(slot);
    const reasons = [where, why('skill', `技能：${fit.join('、')}`)];
    if (freeNow) reasons.push(why('free_now', `${AVAILABILITY.labels[slot]}有空（正当其时）`));
    else if (free.length) reasons.push(why('free', `${free.map((a) => AVAILABILITY.labels[a]).join('、')}有空`));
    if (p.isMember) reasons.push(why('member', '党员'));
    return { kind: 'member', id: p.id, name: p.name, reasons, score: ring * 100 + (freeNow ? 10 : 0) + Math.min(fit.length, 5) + (p.isMember ? 1 : 0) };
  });

  const pledges = new Map<number, string>();
  for (const t of await orgs.ties(q, place.community.id)) {
    if (t.toUnitId !== null && t.endedOn === null) pledges.set(t.toUnitId, t.pledge ?? '');
  }
  const inGrid = new Set(place.grid ? (await grids.listGridUnits(q, place.grid.id)).map((u) => u.unitId) : []);
  const inCommunity = new Set((await orgs.listUnits(q, place.community.id)).map((u) => u.id));
  const handled = await needs.handledByUnit(q, need.category);
  const units: Match[] = [];
  for (const u of await needs.dispatchTargets(q)) {
    const reasons: Reason[] = [];
    let fits = 0;
    const fit = (reason: Reason, points: number) => {
      reasons.push(reason);
      fits += points;
    };
    const nameFit = hits(u.name, words);
    if (nameFit.length) fit(why('unit_name', `单位名称含「${nameFit.join('、')}」，与「${label}」相符`), 3);
    const pledge = pledges.get(u.id);
    if (pledge) fit(why('pledge', `与本社区共建，承诺：${pledge}`), hits(pledge, words).length * 2);
    else if (pledge !== undefined) reasons.push(why('partner', '与本社区共建'));
    if (u.kind === 'department' && CORRECTIVE.has(need.category)) fit(why('department', '职能部门，可吹哨派单'), 2);
    const n = handled.get(u.id);
    if (n) fit(why('handled_before', `曾办结同类需求 ${n} 件`), Math.min(n, 3));
    // A unit is suggested for what it can do; being near only ranks it among those that can.
    if (fits === 0) continue;
    const [near, where] = inGrid.has(u.id)
      ? [4, why('place.unit_in_grid', `驻同一网格（${place.grid!.name}）`)]
      : inCommunity.has(u.id)
        ? [2, why('place.unit_in_community', `驻本社区（${place.community.name}）`)]
        : [0, null];
    units.push({ kind: 'unit', id: u.id, name: u.name, reasons: where ? [where, ...reasons] : reasons, score: fits + near + (pledge !== undefined ? 1 : 0) });
  }

  const resourceRings = [{ orgId: place.community.id, where: why('place.community_resource', `本社区的资源（${place.community.name}）`), near: 4 }];
  if (place.street) resourceRings.push({ orgId: place.street.id, where: why('place.street_resource', `街道的资源（${place.street.name}）`), near: 0 });
  const offered = new Map<number, Match>();
  for (const ring of resourceRings) {
    for (const category of RESOURCE_FIT[need.category]) {
      for (const r of (await resources.list(q, { orgId: ring.orgId, category, status: 'available' }, 1, 20)).items) {
        if (offered.has(r.id)) continue;
        const reasons = [ring.where, why('resource_category', `资源类别「${r.categoryLabel}」与「${label}」相符`), why('provider', `${r.kindLabel}，${r.unitName ?? r.orgName}提供`)];
        const byGridUnit = r.unitId !== null && inGrid.has(r.unitId);
        if (byGridUnit) reasons.push(why('provider_in_grid', '由驻同一网格的单位提供'));
        if (r.availability) reasons.push(why('availability', `可用时间：${r.availability}`));
        if (r.conditions) reasons.push(why('conditions', `条件：${r.conditions}`));
        const score = ring.near + (byGridUnit ? 2 : 0) + hits(`${r.name}${r.description ?? ''}`, words).length * 2;
        offered.set(r.id, { kind: 'resource', id: r.id, name: r.name, reasons, score });
      }
    }
  }
  const best = (xs: Match[]) => xs.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, PER_KIND);
  return [...best(members), ...best(units), ...best([...offered.values()])];
}
