import * as grids from '../modules/grids/service.ts';
import { ORG_KIND_GROUPS } from '../modules/orgs/schema.ts';
import type { HouseholdTag, Polygon } from '../modules/grids/schema.ts';
import { MAP_HEIGHT, MAP_WIDTH } from '../modules/grids/schema.ts';
import * as people from '../modules/people/service.ts';
import { REGION, personName } from './meihekou.ts';
import type { DemoContext, DemoStep, OrgNode } from './types.ts';
import { addDays, regionToday } from '../kernel/time.ts';

/**
 * Grids of the demo communities (docs/domain/seed-models.md): 定福里's six themed grid
 * branches with ~10 entrances each, 1031 households and 99 registered
 * members (§5); one grid per grid branch elsewhere, its buildings those of its
 * building groups; 三顺店's courtyards as a grid still without a branch (a
 * coverage gap), and one building of 民主社区 without a group (another).
 */

const DINGFULI = { households: 1031, members: 99, entrances: [3, 3, 2, 2], disputesSettled: 16 };
/** A talent pool (人才库): some members' skills, for the talent cards. */
const SKILLS = ['理发', '法律咨询', '书法', '电器维修', '推拿'];
const FIVE_ROLES = ['info_reporter', 'patrol', 'mediator', 'sanitation_monitor', 'youth_mentor'] as const;
const UNITS_BY_THEME: Record<string, string> = { 武警: 'dfl-armed', 科普: 'dfl-school', 互助: 'dfl-clinic', 志愿者: 'dfl-bank' };

/** Grid i of n as a rectangle in a grid of cells that share their edges: neighbours touch, never overlap. */
function cell(i: number, n: number): Polygon {
  const cols = Math.min(n, 3);
  const rows = Math.ceil(n / cols);
  const w = (MAP_WIDTH - 100) / cols;
  const h = (MAP_HEIGHT - 100) / rows;
  const x = 50 + (i % cols) * w;
  const y = 50 + Math.floor(i / cols) * h;
  return { type: 'Polygon', coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]] };
}

function bounds(boundary: Polygon): [number, number, number, number] {
  const xs = boundary.coordinates[0]!.map((p) => p[0]!);
  const ys = boundary.coordinates[0]!.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Building j of n spread along the middle of a grid's cell. */
function spot(boundary: Polygon, j: number, n: number): { x: number; y: number } {
  const [x0, y0, x1, y1] = bounds(boundary);
  return { x: Math.round(x0 + ((x1 - x0) * (j + 1)) / (n + 1)), y: Math.round(y0 + ((y1 - y0) * (j % 2 ? 1 : 2)) / 3) };
}

/** The six tags, spread deterministically with the rough shares of an old residential community. */
function tagsOf(n: number): HouseholdTag[] {
  const tags: HouseholdTag[] = [];
  if (n % 9 === 0) tags.push('empty_nest');
  if (n % 31 === 3) tags.push('low_income');
  if (n % 47 === 5) tags.push('disabled');
  if (n % 43 === 7) tags.push('laid_off');
  if (n % 11 === 1) tags.push('party_member');
  if (n % 17 === 2) tags.push('floating');
  return tags;
}

const daysAgo = (d: number) => addDays(regionToday(), -d);

/** Households filling a grid's buildings entrance by entrance, six floors of three rooms. */
function householdsFor(buildings: { id: number; entrances: number }[], count: number, seed: number) {
  const slots = buildings.flatMap((b) => Array.from({ length: b.entrances }, (_, e) => ({ buildingId: b.id, entrance: e + 1 })));
  return Array.from({ length: count }, (_, i) => {
    const slot = slots[i % slots.length]!;
    const k = Math.floor(i / slots.length);
    const n = seed + i;
    return {
      buildingId: slot.buildingId, entrance: slot.entrance, room: `${Math.floor(k / 3) + 1}0${(k % 3) + 1}`,
      headName: personName(n * 7 + 3), size: 1 + (n % 4), phone: `138${String(1000_0000 + n * 7919).slice(-8)}`,
      tags: tagsOf(n), freeTags: n % 23 === 0 ? ['独居'] : [],
    };
  });
}

/** Some households visited at different times, so the due list has overdue, due and done ones. */
async function visitSome(ctx: DemoContext, householdIds: number[], visitor: string) {
  for (const [i, id] of householdIds.entries()) {
    if (i % 4 !== 0) continue;
    await grids.recordVisit(ctx.q, ctx.cipher, { userId: null, name: visitor }, {
      householdId: id, visitedOn: daysAgo(5 + (i % 50)), learned: ['身体状况良好，生活能自理', '反映楼道灯损坏', '子女在外地，希望多联系', '咨询低保政策'][(i / 4) % 4]!,
      followUp: i % 8 === 0 ? '下周回访' : null,
    });
  }
}

async function dingfuli(ctx: DemoContext, community: OrgNode) {
  const communityId = ctx.org(community.key);
  const branches = community.children!.filter((c) => c.kind === 'grid_branch');
  await grids.createPlan(ctx.q, { communityId, name: '空巢老人户每月走访', tag: 'empty_nest', everyDays: 30, startsOn: daysAgo(60) });
  await grids.createPlan(ctx.q, { communityId, name: '低保困难户每月走访', tag: 'low_income', everyDays: 30, startsOn: daysAgo(60) });
  await grids.createPlan(ctx.q, { communityId, name: '残疾人户每季度走访', tag: 'disabled', everyDays: 90, startsOn: daysAgo(60) });

  // Members: the people the organization network already placed, topped up to the document's 99.
  const have = (await people.countUnder(ctx.q, communityId)).memberCount;
  for (let i = 0; i < DINGFULI.members - have; i++) {
    await people.create(ctx.q, ctx.cipher, {
      orgId: ctx.org(branches[i % branches.length]!.key), name: personName(500 + i * 5), gender: i % 2 ? 'female' : 'male', phone: null,
      isMember: true, category: i % 3 ? 'retired' : 'employed', skills: i % 5 === 0 ? [SKILLS[(i / 5) % SKILLS.length]!] : [],
    });
  }
  const secretary = (await people.rosterUnder(ctx.q, communityId)).find((p) => p.name === community.seats?.[0]?.person);

  for (const [i, branch] of branches.entries()) {
    const theme = /定福里(.+)网格党支部/.exec(branch.name)?.[1] ?? null;
    const boundary = cell(i, branches.length);
    const grid = await grids.createGrid(ctx.q, { communityId, name: `${theme}网格`, theme, branchId: ctx.org(branch.key), boundary });
    const ids = await grids.createBuildings(ctx.q, grid.id, DINGFULI.entrances.map((entrances, j) => ({ name: `${i + 1}-${j + 1}号楼`, entrances, ...spot(boundary, j, DINGFULI.entrances.length) })));
    const share = Math.floor(DINGFULI.households / branches.length) + (i < DINGFULI.households % branches.length ? 1 : 0);
    const households = await grids.createHouseholds(ctx.q, ctx.cipher, grid.id, householdsFor(ids.map((id, j) => ({ id, entrances: DINGFULI.entrances[j]! })), share, i * 1000));
    await visitSome(ctx, households, `${theme}网格员`);

    const members = (await people.rosterUnder(ctx.q, ctx.org(branch.key))).filter((p) => p.isMember);
    if (secretary) await grids.assignRole(ctx.q, grid.id, { personId: secretary.id, role: 'responsible_member' });
    await grids.assignRole(ctx.q, grid.id, { personId: members[0]!.id, role: 'branch_secretary' });
    for (const [r, role] of FIVE_ROLES.entries()) await grids.assignRole(ctx.q, grid.id, { personId: members[(r + 1) % members.length]!.id, role });
    const unit = theme ? UNITS_BY_THEME[theme] : undefined;
    if (unit) await grids.addGridUnit(ctx.q, grid.id, ctx.unit(unit));
    if (theme === '调解') {
      for (let d = 0; d < DINGFULI.disputesSettled; d++) {
        await grids.addBookEntry(ctx.q, grid.id, { book: 'activities', enteredOn: daysAgo(10 + d * 11), title: `调解邻里纠纷（第 ${d + 1} 起）`, personName: members[3 % members.length]!.name });
      }
    }
    await grids.addBookEntry(ctx.q, grid.id, { book: 'suggestions', enteredOn: daysAgo(3 + i), title: '建议增设楼道扶手', content: '老人上下楼不便', personName: personName(i * 13) });
  }
}

/** Elsewhere: a grid per grid branch, whose buildings are its building groups' buildings. */
async function community(ctx: DemoContext, node: OrgNode) {
  const communityId = ctx.org(node.key);
  const branches = (node.children ?? []).filter((c) => c.kind === 'grid_branch');
  const yards = (node.children ?? []).filter((c) => c.kind === 'building_group');
  const planned = branches.length + (yards.length ? 1 : 0);
  if (!planned) return;
  await grids.createPlan(ctx.q, { communityId, name: '空巢老人户每月走访', tag: 'empty_nest', everyDays: 30, startsOn: daysAgo(45) });
  const make = async (i: number, name: string, branchId: number | null, groups: OrgNode[], extra: string | null) => {
    const boundary = cell(i, planned);
    const grid = await grids.createGrid(ctx.q, { communityId, name, branchId, boundary });
    const specs = [
      ...groups.map((g) => ({ name: g.name.replace(/党小组$/, ''), groupId: ctx.org(g.key) })),
      ...(extra ? [{ name: `${name.replace(/^.*社区/, '')}${extra}`, groupId: null }] : []),
    ];
    const ids = await grids.createBuildings(ctx.q, grid.id, specs.map((s, j) => ({ name: s.name, entrances: 2, groupId: s.groupId, ...spot(boundary, j, specs.length) })));
    const households = await grids.createHouseholds(ctx.q, ctx.cipher, grid.id, householdsFor(ids.map((id) => ({ id, entrances: 2 })), 24, communityId * 7 + i * 100));
    await visitSome(ctx, households, '网格员');
  };
  for (const [i, b] of branches.entries()) {
    const groups = (b.children ?? []).filter((c) => c.kind === 'building_group');
    // 民主社区 has a new building no group covers yet: a coverage gap in the demo.
    await make(i, b.name.replace(/党支部$/, ''), ctx.org(b.key), groups, node.key === 'minzhu' ? '新建住宅楼' : groups.length ? null : '1号楼');
  }
  // 三顺店: "group in the courtyard" — the courtyards form a grid that has no branch yet.
  if (yards.length) await make(branches.length, `${node.name.replace(/党.*$/, '')}院落网格`, null, yards, null);
}

export const gridsDemo: DemoStep = async (ctx) => {
  const walk = async (node: OrgNode): Promise<void> => {
    if (ORG_KIND_GROUPS.community.includes(node.kind)) await (node.key === 'dingfuli' ? dingfuli(ctx, node) : community(ctx, node));
    for (const child of node.children ?? []) await walk(child);
  };
  await walk(REGION);
};
