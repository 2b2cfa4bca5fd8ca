import type { FieldCipher } from '../../kernel/crypto.ts';
import { maskAddress, maskPhone } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import { notFound } from '../../kernel/errors.ts';
import type { CoverageGaps, StatFigure } from '../../kernel/manifest.ts';
import { hasRole, type Scope } from '../../kernel/scope.ts';
import type { TodoItem } from '../../kernel/todo.ts';
import { BASE_MAP, BUILDING, E, GAPS, GRID, GRID_ROLE, HOUSEHOLD } from './errors.ts';
import { writeWorkbook } from '../../kernel/excel.ts';
import { conditions, countRows } from '../../kernel/sql.ts';
import * as orgs from '../orgs/service.ts';
import { ORG_KIND_GROUPS } from '../orgs/schema.ts';
import * as people from '../people/service.ts';
import { checkBoundary, contains, overlaps } from './geometry.ts';
import { type GridIndicator, findIndicator, listIndicators } from './indicators.ts';

// Another module shows its figure per grid on the map by naming it in its manifest.
export type { GridIndicator };
// A visit may raise a need: the needs module records it through these, handing over the raising.
export { listVisits, recordCadreVisit, recordVisit, type VisitedHousehold } from './visits.ts';
import {
  GRID_ROLES, HOUSEHOLD_TAGS, MAP_HEIGHT, MAP_WIDTH,
  type Book, type Building, type Grid, type GridRole, type Household, type HouseholdTag, type Polygon,
} from './schema.ts';

// Grids and what is in them. Every query runs on the caller's scoped
// connection; row-level security (org_id = the grid's branch, or its
// community) decides which grids, households and visits the caller sees.


const GRID_SELECT = `SELECT g.id, g.community_id, c.name AS community_name, g.branch_id, b.name AS branch_name, g.name, g.theme, g.boundary,
       (SELECT count(*) FROM buildings x WHERE x.grid_id = g.id) AS building_count,
       (SELECT count(*) FROM households h WHERE h.grid_id = g.id) AS household_count,
       (SELECT p.name FROM grid_roles r JOIN person_labels p ON p.id = r.person_id WHERE r.grid_id = g.id AND r.role = 'responsible_member') AS responsible_name,
       (SELECT p.name FROM grid_roles r JOIN person_labels p ON p.id = r.person_id WHERE r.grid_id = g.id AND r.role = 'branch_secretary') AS secretary_name
  FROM grids g
  LEFT JOIN org_labels c ON c.id = g.community_id
  LEFT JOIN org_labels b ON b.id = g.branch_id`;

interface GridRow {
  id: number;
  community_id: number;
  community_name: string | null;
  branch_id: number | null;
  branch_name: string | null;
  name: string;
  theme: string | null;
  boundary: Polygon;
  building_count: number;
  household_count: number;
  responsible_name: string | null;
  secretary_name: string | null;
}

const toGrid = (r: GridRow): Grid => ({
  id: r.id,
  communityId: r.community_id,
  communityName: r.community_name,
  branchId: r.branch_id,
  branchName: r.branch_name,
  name: r.name,
  theme: r.theme,
  boundary: r.boundary,
  buildingCount: r.building_count,
  householdCount: r.household_count,
  responsibleName: r.responsible_name,
  secretaryName: r.secretary_name,
});

export async function listGrids(q: Queryable, communityId: number): Promise<Grid[]> {
  return (await q.query<GridRow>(`${GRID_SELECT} WHERE g.community_id = $1 ORDER BY g.id`, [communityId])).map(toGrid);
}

/** The grids the caller works in (a grid worker: their own; a community: all of its). */
export async function myGrids(q: Queryable): Promise<Grid[]> {
  return (await q.query<GridRow>(`${GRID_SELECT} ORDER BY g.community_id, g.id LIMIT 500`)).map(toGrid);
}

export async function getGrid(q: Queryable, gridId: number): Promise<Grid> {
  const [row] = await q.query<GridRow>(`${GRID_SELECT} WHERE g.id = $1`, [gridId]);
  if (!row) throw notFound(GRID);
  return toGrid(row);
}

async function checkCommunity(q: Queryable, communityId: number): Promise<void> {
  const org = await orgs.find(q, communityId);
  if (!org || !ORG_KIND_GROUPS.community.includes(org.kind)) throw E.community_required();
}

/** A grid's branch is a grid branch directly under its community. */
async function checkBranch(q: Queryable, communityId: number, branchId: number): Promise<void> {
  const org = await orgs.find(q, branchId);
  if (!org || !ORG_KIND_GROUPS.grid.includes(org.kind) || org.parentId !== communityId || org.status !== 'active') {
    throw E.branch_invalid();
  }
}

/**
 * Boundaries of one community are checked against each other under a lock
 * on the community, so two grids drawn at the same moment cannot both claim
 * the same ground: the second waits and then sees the first.
 */
async function checkPlace(q: Queryable, communityId: number, boundary: Polygon, exceptGridId: number | null): Promise<void> {
  checkBoundary(boundary);
  await q.query(`SELECT pg_advisory_xact_lock(7420200, $1::int)`, [communityId % 2_000_000_000]);
  const others = await q.query<{ id: number; name: string; boundary: Polygon }>(
    `SELECT id, name, boundary FROM grids WHERE community_id = $1 AND id IS DISTINCT FROM $2`,
    [communityId, exceptGridId],
  );
  const hit = others.find((o) => overlaps(boundary, o.boundary));
  if (hit) throw E.boundary_overlap({ name: hit.name });
}

export async function createGrid(
  q: Queryable,
  input: { communityId: number; name: string; theme?: string | null; branchId?: number | null; boundary: Polygon },
): Promise<Grid> {
  await checkCommunity(q, input.communityId);
  if (input.branchId) await checkBranch(q, input.communityId, input.branchId);
  await checkPlace(q, input.communityId, input.boundary, null);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO grids (community_id, branch_id, org_id, name, theme, boundary) VALUES ($1, $2::bigint, coalesce($2::bigint, $1::bigint), $3, $4, $5) RETURNING id`,
    [input.communityId, input.branchId ?? null, input.name, input.theme || null, JSON.stringify(input.boundary)],
  );
  return getGrid(q, row!.id);
}

/**
 * Linking a branch moves the grid's organization; the foreign keys carry it
 * (ON UPDATE CASCADE) to every building, household, visit and entry of the
 * grid, so they become visible to the branch's workers at once.
 */
export async function updateGrid(
  q: Queryable,
  gridId: number,
  patch: { name?: string; theme?: string | null; branchId?: number | null; boundary?: Polygon },
): Promise<Grid> {
  const grid = await getGrid(q, gridId);
  if (patch.branchId) await checkBranch(q, grid.communityId, patch.branchId);
  if (patch.boundary) {
    await checkPlace(q, grid.communityId, patch.boundary, gridId);
    // A redrawn boundary keeps the grid's buildings: one left outside would sit in no grid on the map.
    const left = (await listBuildings(q, gridId)).find((b) => !contains(patch.boundary!, b.x, b.y));
    if (left) throw E.boundary_leaves_building({ name: left.name });
  }
  const set = conditions();
  const cols: string[] = [];
  const add = (col: string, v: unknown) => cols.push(`${col} = ${set.next(v)}`);
  if (patch.name !== undefined) add('name', patch.name);
  if (patch.theme !== undefined) add('theme', patch.theme || null);
  if (patch.boundary !== undefined) add('boundary', JSON.stringify(patch.boundary));
  if (patch.branchId !== undefined) {
    const branch = set.next(patch.branchId);
    cols.push(`branch_id = ${branch}::bigint`, `org_id = coalesce(${branch}::bigint, community_id)`);
  }
  if (cols.length) await q.query(`UPDATE grids SET ${cols.join(', ')} WHERE id = ${set.next(gridId)}`, set.params);
  return getGrid(q, gridId);
}

// Buildings ----------------------------------------------------------------

const BUILDING_SELECT = `SELECT x.id, x.grid_id, x.name, x.entrances, x.group_id, o.name AS group_name, x.x::float8 AS x, x.y::float8 AS y,
       (SELECT count(*) FROM households h WHERE h.building_id = x.id) AS household_count
  FROM buildings x LEFT JOIN org_labels o ON o.id = x.group_id`;
interface BuildingRow {
  id: number;
  grid_id: number;
  name: string;
  entrances: number;
  group_id: number | null;
  group_name: string | null;
  x: number;
  y: number;
  household_count: number;
}
const toBuilding = (r: BuildingRow): Building => ({
  id: r.id, gridId: r.grid_id, name: r.name, entrances: r.entrances, groupId: r.group_id, groupName: r.group_name, x: r.x, y: r.y, householdCount: r.household_count,
});

export async function listBuildings(q: Queryable, gridId: number): Promise<Building[]> {
  await getGrid(q, gridId);
  return (await q.query<BuildingRow>(`${BUILDING_SELECT} WHERE x.grid_id = $1 ORDER BY x.id`, [gridId])).map(toBuilding);
}

async function getBuilding(q: Queryable, buildingId: number): Promise<Building> {
  const [row] = await q.query<BuildingRow>(`${BUILDING_SELECT} WHERE x.id = $1`, [buildingId]);
  if (!row) throw notFound(BUILDING);
  return toBuilding(row);
}

/** A building's group is a building group in the grid's branch (or, without a branch, anywhere in its community). */
async function checkGroup(q: Queryable, grid: Grid, groupId: number): Promise<void> {
  const group = await orgs.find(q, groupId);
  const under = grid.branchId ?? grid.communityId;
  if (!group || group.kind !== 'building_group' || !group.path.split('.').includes(String(under))) {
    throw E.group_invalid();
  }
}

export async function createBuilding(
  q: Queryable,
  gridId: number,
  input: { name: string; entrances: number; groupId?: number | null; x: number; y: number },
): Promise<Building> {
  const grid = await getGrid(q, gridId);
  if (!contains(grid.boundary, input.x, input.y)) throw E.building_outside({ grid: grid.name });
  if (input.groupId) await checkGroup(q, grid, input.groupId);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO buildings (community_id, grid_id, org_id, name, entrances, group_id, x, y) VALUES ($8, $1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [gridId, grid.branchId ?? grid.communityId, input.name, input.entrances, input.groupId ?? null, input.x, input.y, grid.communityId],
  );
  return getBuilding(q, row!.id);
}

/** Many buildings of one grid in one statement (the demo and the benchmark generator). */
export async function createBuildings(q: Queryable, gridId: number, items: { name: string; entrances: number; groupId?: number | null; x: number; y: number }[]): Promise<number[]> {
  const grid = await getGrid(q, gridId);
  const outside = items.find((b) => !contains(grid.boundary, b.x, b.y));
  if (outside) throw E.building_left_outside({ name: outside.name, grid: grid.name });
  const rows = await q.query<{ id: number }>(
    `INSERT INTO buildings (community_id, grid_id, org_id, name, entrances, group_id, x, y)
     SELECT $4, $1, $2, b.name, b.entrances, b.group_id, b.x, b.y
       FROM jsonb_to_recordset($3::jsonb) AS b(name text, entrances int, group_id bigint, x numeric, y numeric)
     RETURNING id`,
    [gridId, grid.branchId ?? grid.communityId, JSON.stringify(items.map((b) => ({ name: b.name, entrances: b.entrances, group_id: b.groupId ?? null, x: b.x, y: b.y }))), grid.communityId],
  );
  return rows.map((r) => r.id);
}

export async function setBuildingGroup(q: Queryable, buildingId: number, groupId: number | null): Promise<Building> {
  const building = await getBuilding(q, buildingId);
  if (groupId) await checkGroup(q, await getGrid(q, building.gridId), groupId);
  await q.query(`UPDATE buildings SET group_id = $2 WHERE id = $1`, [buildingId, groupId]);
  return getBuilding(q, buildingId);
}

// Households ---------------------------------------------------------------

const HOUSEHOLD_SELECT = `SELECT h.id, h.grid_id, g.name AS grid_name, h.building_id, x.name AS building_name, h.entrance, h.room, h.head_name, h.size,
       h.address_mask, h.phone_mask, h.tags, h.free_tags,
       (SELECT max(v.visited_on)::text FROM visits v WHERE v.household_id = h.id) AS last_visited_on
  FROM households h JOIN grids g ON g.id = h.grid_id LEFT JOIN buildings x ON x.id = h.building_id`;
interface HouseholdRow {
  id: number;
  grid_id: number;
  grid_name: string | null;
  building_id: number | null;
  building_name: string | null;
  entrance: number | null;
  room: string | null;
  head_name: string;
  size: number;
  address_mask: string;
  phone_mask: string | null;
  tags: HouseholdTag[];
  free_tags: string[];
  last_visited_on: string | null;
}
const toHousehold = (r: HouseholdRow): Household => ({
  id: r.id, gridId: r.grid_id, gridName: r.grid_name, buildingId: r.building_id, buildingName: r.building_name, entrance: r.entrance, room: r.room,
  headName: r.head_name, size: r.size, addressMasked: r.address_mask, phoneMasked: r.phone_mask, tags: r.tags, freeTags: r.free_tags, lastVisitedOn: r.last_visited_on,
});

/**
 * Households are read through the grids the caller can see (a small table),
 * by grid id: the row-level-security test on households alone cannot use an
 * index and would scan every household of the region.
 */
async function byGrid(q: Queryable, where: ReturnType<typeof conditions>, gridId: number | undefined, joined = false): Promise<void> {
  if (gridId !== undefined) where.add('h.grid_id = $?', gridId);
  else {
    const ids = (await q.query<{ id: number }>(`SELECT id FROM grids`)).map((g) => g.id);
    where.add('h.grid_id = ANY ($?::bigint[])', ids);
    // Said again of the joined grids: the planner does not carry "= ANY"
    // across the join, and would otherwise walk every grid of the province
    // through its policy (bench/README.md, due list at 10^4 grids).
    if (joined) where.add('g.id = ANY ($?::bigint[])', ids);
  }
}

export async function listHouseholds(q: Queryable, f: { gridId?: number; tag?: HouseholdTag; q?: string }): Promise<{ total: number; items: Household[] }> {
  const where = conditions();
  await byGrid(q, where, f.gridId);
  if (f.tag) where.add('h.tags @> ARRAY[$?]::text[]', f.tag);
  if (f.q) where.add(`h.head_name LIKE '%' || $? || '%'`, f.q);
  const [c] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM households h ${where.sql}`, where.params);
  const rows = await q.query<HouseholdRow>(`${HOUSEHOLD_SELECT} ${where.sql} ORDER BY h.grid_id, x.name, h.entrance, h.room, h.id LIMIT 500`, where.params);
  return { total: c?.n ?? 0, items: rows.map(toHousehold) };
}

/** The grid's household ledger (住户台账) as Excel: masked personal data, as on screen. */
export async function exportHouseholds(q: Queryable, gridId: number): Promise<{ name: string; body: Buffer }> {
  const grid = await getGrid(q, gridId);
  const { items } = await listHouseholds(q, { gridId });
  const body = await writeWorkbook([
    {
      name: '住户台账',
      columns: [
        { key: 'building', header: '楼栋' }, { key: 'entrance', header: '单元', width: 8 }, { key: 'room', header: '门牌', width: 8 },
        { key: 'address', header: '住址（脱敏）', width: 24 }, { key: 'head', header: '户主' }, { key: 'size', header: '人口', width: 8 },
        { key: 'phone', header: '联系电话（脱敏）' }, { key: 'tags', header: '六清楚', width: 30 }, { key: 'free', header: '其他标签', width: 20 },
        { key: 'visited', header: '最近走访' },
      ],
      rows: items.map((h) => ({
        building: h.buildingName, entrance: h.entrance, room: h.room, address: h.addressMasked, head: h.headName, size: h.size, phone: h.phoneMasked,
        tags: h.tags.map((t) => HOUSEHOLD_TAGS.labels[t as HouseholdTag]).join('、'), free: h.freeTags.join('、'), visited: h.lastVisitedOn,
      })),
    },
  ]);
  return { name: `${grid.name}住户台账.xlsx`, body };
}

export async function getHousehold(q: Queryable, householdId: number): Promise<Household> {
  const [row] = await q.query<HouseholdRow>(`${HOUSEHOLD_SELECT} WHERE h.id = $1`, [householdId]);
  if (!row) throw notFound(HOUSEHOLD);
  return toHousehold(row);
}

/** Where a household is, for a person's file: its community, grid, building and room. */
export interface HouseholdPlace {
  householdId: number;
  communityId: number;
  communityName: string | null;
  gridId: number;
  gridName: string;
  buildingId: number | null;
  buildingName: string | null;
  entrance: number | null;
  room: string | null;
  addressMasked: string;
  /** Only for a lookup by address: the address asked for, as given. */
  address?: string;
}

/**
 * Households by id, or by their address within a community as registered
 * (楼栋 + 单元 + 门牌, e.g. "3号楼2单元301"), matched on the blind index as
 * the address key does: where people live, for person files and the census.
 * Only households the caller can see are found.
 */
export async function householdPlaces(
  q: Queryable,
  f: { ids: number[] } | { cipher: FieldCipher; at: { communityId: number; address: string }[] },
): Promise<HouseholdPlace[]> {
  const byAddress = 'at' in f;
  const hashes = byAddress ? f.at.map((a) => f.cipher.blindIndex(a.address.replace(/\s+/g, ''))) : [];
  if (byAddress ? !f.at.length : !f.ids.length) return [];
  const rows = await q.query<{ id: number; community_id: number; community_name: string | null; grid_id: number; grid_name: string; building_id: number | null; building_name: string | null; entrance: number | null; room: string | null; address_mask: string; address: string | null }>(
    `SELECT h.id, h.community_id, h.community_name, h.grid_id, h.grid_name, h.building_id, h.building_name, h.entrance, h.room, h.address_mask,
            ${byAddress ? 'a.address' : 'NULL AS address'}
       FROM household_places h
       ${byAddress
         ? `JOIN households k ON k.id = h.id
            JOIN unnest($1::bigint[], $2::text[], $3::text[]) AS a(community_id, address_hash, address) ON k.community_id = a.community_id AND k.address_hash = a.address_hash`
         : 'WHERE h.id = ANY ($1::bigint[])'}`,
    byAddress ? [f.at.map((a) => a.communityId), hashes, f.at.map((a) => a.address)] : [f.ids],
  );
  return rows.map((r) => ({
    householdId: r.id, communityId: r.community_id, communityName: r.community_name, gridId: r.grid_id, gridName: r.grid_name,
    buildingId: r.building_id, buildingName: r.building_name, entrance: r.entrance, room: r.room, addressMasked: r.address_mask, ...(r.address === null ? {} : { address: r.address }),
  }));
}

export interface HouseholdInput {
  gridId: number;
  buildingId?: number;
  entrance?: number;
  room?: string;
  address?: string;
  headName: string;
  size: number;
  phone?: string | null;
  tags: HouseholdTag[];
  freeTags: string[];
}

/** The household's address within its community: its room in a building, or a street address where there is no building. */
export function addressOf(building: Building | null, input: HouseholdInput): string {
  if (building) {
    if (!input.entrance || !input.room) throw E.room_required();
    if (input.entrance > building.entrances) throw E.entrance_range({ building: building.name, n: building.entrances });
    return `${building.name}${input.entrance}单元${input.room}`;
  }
  if (!input.address) throw E.address_required();
  return input.address;
}

/** What makes a household one and the same across the community (spaces aside): the blind index of its address. */
export const addressKey = (cipher: FieldCipher, address: string) => cipher.blindIndex(address.replace(/\s+/g, ''));

/** Columns of a batch of households of one grid, personal data sealed. */
async function householdRows(q: Queryable, cipher: FieldCipher, grid: Grid, items: Omit<HouseholdInput, 'gridId'>[]) {
  const buildings = new Map((await listBuildings(q, grid.id)).map((b) => [b.id, b]));
  return items.map((input) => {
    const building = input.buildingId ? buildings.get(input.buildingId) : null;
    if (input.buildingId && !building) throw E.building_not_in_grid({ grid: grid.name });
    const address = addressOf(building ?? null, { ...input, gridId: grid.id });
    return {
      building_id: building?.id ?? null,
      entrance: building ? input.entrance : null,
      room: building ? input.room : null,
      head_name: input.headName,
      size: input.size,
      address_enc: cipher.encrypt(address),
      address_mask: maskAddress(address),
      address_hash: addressKey(cipher, address),
      phone_enc: input.phone ? cipher.encrypt(input.phone) : null,
      phone_mask: input.phone ? maskPhone(input.phone) : null,
      tags: [...new Set(input.tags)],
      free_tags: [...new Set(input.freeTags)],
    };
  });
}

/**
 * Inserts households of one grid in one statement; the address key refuses a
 * household already in any grid of the community. With `skipTaken` such a
 * household is left out instead (an import reports it by row): its id is null.
 */
export async function createHouseholds(q: Queryable, cipher: FieldCipher, gridId: number, items: Omit<HouseholdInput, 'gridId'>[]): Promise<number[]>;
export async function createHouseholds(q: Queryable, cipher: FieldCipher, gridId: number, items: Omit<HouseholdInput, 'gridId'>[], skipTaken: true): Promise<(number | null)[]>;
export async function createHouseholds(
  q: Queryable, cipher: FieldCipher, gridId: number, items: Omit<HouseholdInput, 'gridId'>[], skipTaken = false,
): Promise<(number | null)[]> {
  const grid = await getGrid(q, gridId);
  const rows = await householdRows(q, cipher, grid, items);
  const ids = await q.query<{ id: number; address_hash: string }>(
    `INSERT INTO households (community_id, grid_id, org_id, building_id, entrance, room, head_name, size, address_enc, address_mask, address_hash, phone_enc, phone_mask, tags, free_tags)
     SELECT $1, $2, $3, r.building_id, r.entrance, r.room, r.head_name, r.size, r.address_enc, r.address_mask, r.address_hash, r.phone_enc, r.phone_mask,
            ARRAY(SELECT jsonb_array_elements_text(r.tags)), ARRAY(SELECT jsonb_array_elements_text(r.free_tags))
       FROM jsonb_to_recordset($4::jsonb) AS r(building_id bigint, entrance int, room text, head_name text, size int, address_enc text, address_mask text,
            address_hash text, phone_enc text, phone_mask text, tags jsonb, free_tags jsonb)
     ${skipTaken ? 'ON CONFLICT (region_id, community_id, address_hash) DO NOTHING' : ''}
     RETURNING id, address_hash`,
    [grid.communityId, grid.id, grid.branchId ?? grid.communityId, JSON.stringify(rows)],
  );
  const byKey = new Map(ids.map((r) => [r.address_hash, r.id]));
  return rows.map((r) => byKey.get(r.address_hash) ?? null);
}

/** Where a household belongs (null where the caller cannot see it): its grid's organization. */
export const householdPath = (q: Queryable, householdId: number): Promise<string | null> => orgs.pathOfRow(q, 'households', householdId, HOUSEHOLD);

export async function createHousehold(q: Queryable, cipher: FieldCipher, input: HouseholdInput): Promise<Household> {
  const [id] = await createHouseholds(q, cipher, input.gridId, [input]);
  return getHousehold(q, id!);
}

export async function updateHousehold(
  q: Queryable,
  cipher: FieldCipher,
  householdId: number,
  patch: { headName?: string; size?: number; phone?: string | null; tags?: HouseholdTag[]; freeTags?: string[] },
): Promise<Household> {
  await getHousehold(q, householdId);
  const set = conditions();
  const cols: string[] = [];
  const add = (col: string, v: unknown) => cols.push(`${col} = ${set.next(v)}`);
  if (patch.headName !== undefined) add('head_name', patch.headName);
  if (patch.size !== undefined) add('size', patch.size);
  if (patch.phone !== undefined) {
    add('phone_enc', patch.phone ? cipher.encrypt(patch.phone) : null);
    add('phone_mask', patch.phone ? maskPhone(patch.phone) : null);
  }
  if (patch.tags !== undefined) add('tags', [...new Set(patch.tags)]);
  if (patch.freeTags !== undefined) add('free_tags', [...new Set(patch.freeTags)]);
  if (cols.length) await q.query(`UPDATE households SET ${cols.join(', ')} WHERE id = ${set.next(householdId)}`, set.params);
  return getHousehold(q, householdId);
}

// Responsibilities, roles, duty posts, units ----------------------------------

const ROLE_SELECT = `SELECT r.id, r.grid_id, r.person_id, p.name AS person_name, r.role FROM grid_roles r LEFT JOIN person_labels p ON p.id = r.person_id`;
const toRole = (r: { id: number; grid_id: number; person_id: number; person_name: string | null; role: GridRole }) => ({
  id: r.id, gridId: r.grid_id, personId: r.person_id, personName: r.person_name, role: r.role, roleLabel: GRID_ROLES.labels[r.role],
});

export async function listRoles(q: Queryable, gridId: number) {
  await getGrid(q, gridId);
  return (await q.query<Parameters<typeof toRole>[0]>(`${ROLE_SELECT} WHERE r.grid_id = $1 ORDER BY r.role, r.id`, [gridId])).map(toRole);
}

export async function assignRole(q: Queryable, gridId: number, input: { personId: number; role: GridRole }) {
  const grid = await getGrid(q, gridId);
  const person = await people.find(q, input.personId);
  if (!person) throw E.person_not_found();
  if (!person.isMember && input.role !== 'responsible_member') throw E.role_members_only({ name: person.name, role: GRID_ROLES.term(input.role) });
  const [row] = await q.query<{ id: number }>(`INSERT INTO grid_roles (grid_id, org_id, person_id, role) VALUES ($1, $2, $3, $4) RETURNING id`, [
    gridId, grid.branchId ?? grid.communityId, input.personId, input.role,
  ]);
  const [role] = await q.query<Parameters<typeof toRole>[0]>(`${ROLE_SELECT} WHERE r.id = $1`, [row!.id]);
  return toRole(role!);
}

export async function removeRole(q: Queryable, gridRoleId: number): Promise<void> {
  const rows = await q.query(`DELETE FROM grid_roles WHERE id = $1 RETURNING id`, [gridRoleId]);
  if (!rows.length) throw notFound(GRID_ROLE);
}

export async function listGridUnits(q: Queryable, gridId: number) {
  await getGrid(q, gridId);
  const rows = await q.query<{ id: number; unit_id: number; unit_name: string | null }>(
    `SELECT gu.id, gu.unit_id, u.name AS unit_name FROM grid_units gu LEFT JOIN unit_labels u ON u.id = gu.unit_id WHERE gu.grid_id = $1 ORDER BY gu.id`,
    [gridId],
  );
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, unitName: r.unit_name }));
}

/** Brings a resident unit of the community into the grid (one grid per unit). */
export async function addGridUnit(q: Queryable, gridId: number, unitId: number) {
  const grid = await getGrid(q, gridId);
  const unit = await orgs.findUnit(q, unitId);
  if (!unit || !(await orgs.subtreeIds(q, grid.communityId)).includes(unit.orgId)) throw E.unit_outside();
  await q.query(`INSERT INTO grid_units (grid_id, org_id, unit_id) VALUES ($1, $2, $3)`, [gridId, grid.branchId ?? grid.communityId, unitId]);
  return listGridUnits(q, gridId);
}

// Visit plans -----------------------------------------------------------------

const toPlan = (r: { id: number; org_id: number; name: string; tag: HouseholdTag; every_days: number; starts_on: string }) => ({
  id: r.id, orgId: r.org_id, name: r.name, tag: r.tag, tagLabel: HOUSEHOLD_TAGS.labels[r.tag], everyDays: r.every_days, startsOn: r.starts_on,
});
const PLAN_SELECT = `SELECT id, org_id, name, tag, every_days, starts_on::text FROM visit_plans`;

export async function listPlans(q: Queryable, communityId: number) {
  return (await q.query<Parameters<typeof toPlan>[0]>(`${PLAN_SELECT} WHERE org_id = $1 ORDER BY id`, [communityId])).map(toPlan);
}

export async function createPlan(q: Queryable, input: { communityId: number; name: string; tag: HouseholdTag; everyDays: number; startsOn?: string }) {
  await checkCommunity(q, input.communityId);
  const [row] = await q.query<Parameters<typeof toPlan>[0]>(
    `INSERT INTO visit_plans (org_id, name, tag, every_days, starts_on) VALUES ($1, $2, $3, $4, coalesce($5::date, current_date))
     RETURNING id, org_id, name, tag, every_days, starts_on::text`,
    [input.communityId, input.name, input.tag, input.everyDays, input.startsOn ?? null],
  );
  return toPlan(row!);
}

/**
 * 三必访: for every household the caller can see that a plan of its community
 * covers, the day the next visit is due (the last visit plus the plan's
 * period, or the plan's start when never visited) — those due within the next
 * `within` days, overdue first. A household under two plans is due by the
 * stricter one.
 */
export async function dueVisits(q: Queryable, f: { gridId?: number; within: number }) {
  const where = conditions();
  await byGrid(q, where, f.gridId, true);
  const within = where.next(f.within);
  const rows = await q.query<{
    household_id: number; head_name: string; address_mask: string; grid_id: number; grid_name: string | null; plan_name: string; last_visited_on: string | null; due_on: string; overdue: boolean;
  }>(
    `SELECT d.household_id, d.head_name, d.address_mask, d.grid_id, d.grid_name, d.plan_name, d.last_visited_on, d.due_on::text AS due_on,
            d.due_on < current_date AS overdue FROM (
       SELECT h.id AS household_id, h.head_name, h.address_mask, h.grid_id, g.name AS grid_name, p.name AS plan_name, lv.last::text AS last_visited_on,
              coalesce(lv.last + p.every_days, p.starts_on) AS due_on
         FROM households h
         JOIN grids g ON g.id = h.grid_id
         JOIN visit_plans p ON p.org_id = h.community_id AND p.tag = ANY (h.tags)
         LEFT JOIN LATERAL (SELECT max(v.visited_on) AS last FROM visits v WHERE v.household_id = h.id) lv ON true
        ${where.sql}) d
      WHERE d.due_on <= current_date + ${within}::int
      ORDER BY d.due_on, d.household_id
      LIMIT 1000`,
    where.params,
  );
  const seen = new Set<number>();
  return rows
    .filter((r) => !seen.has(r.household_id) && seen.add(r.household_id))
    .map((r) => ({
      householdId: r.household_id, headName: r.head_name, addressMasked: r.address_mask, gridId: r.grid_id, gridName: r.grid_name, planName: r.plan_name,
      lastVisitedOn: r.last_visited_on, dueOn: r.due_on, overdue: r.overdue,
    }));
}

/**
 * A grid worker's visits due today and overdue (今日待办), overdue first, the
 * first few by household and the rest as one count. Only a grid worker's:
 * a community's administrators see every household and plan the visits.
 */
export async function todo(q: Queryable, scope: Scope): Promise<TodoItem[]> {
  if (!hasRole(scope, ['grid_worker'])) return [];
  const due = await dueVisits(q, { within: 0 });
  const shown = due.slice(0, TODO_SHOWN).map((d): TodoItem => ({
    kind: d.overdue ? 'visit_overdue' : 'visit_due', title: d.headName, count: null, dueOn: d.dueOn, overdue: d.overdue, link: '/visits',
  }));
  const rest = due.slice(TODO_SHOWN);
  for (const overdue of [true, false]) {
    const n = rest.filter((d) => d.overdue === overdue).length;
    if (n) shown.push({ kind: overdue ? 'visit_overdue' : 'visit_due', title: '', count: n, dueOn: null, overdue, link: '/visits' });
  }
  return shown;
}
const TODO_SHOWN = 8;

// Books --------------------------------------------------------------------------

const toEntry = (r: { id: number; grid_id: number; book: Book; entered_on: string; title: string; content: string | null; person_name: string | null }) => ({
  id: r.id, gridId: r.grid_id, book: r.book, enteredOn: r.entered_on, title: r.title, content: r.content, personName: r.person_name,
});
const ENTRY_COLUMNS = `id, grid_id, book, entered_on::text, title, content, person_name`;

export async function listBook(q: Queryable, gridId: number, book: Book) {
  await getGrid(q, gridId);
  return (
    await q.query<Parameters<typeof toEntry>[0]>(`SELECT ${ENTRY_COLUMNS} FROM grid_book_entries WHERE grid_id = $1 AND book = $2 ORDER BY entered_on DESC, id DESC`, [gridId, book])
  ).map(toEntry);
}

export async function addBookEntry(q: Queryable, gridId: number, input: { book: Book; enteredOn: string; title: string; content?: string | null; personName?: string | null }) {
  const grid = await getGrid(q, gridId);
  const [row] = await q.query<Parameters<typeof toEntry>[0]>(
    `INSERT INTO grid_book_entries (grid_id, org_id, book, entered_on, title, content, person_name) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${ENTRY_COLUMNS}`,
    [gridId, grid.branchId ?? grid.communityId, input.book, input.enteredOn, input.title, input.content || null, input.personName || null],
  );
  return toEntry(row!);
}

// The map --------------------------------------------------------------------------

/** The grid map's own figures; other modules add theirs in their manifests. */
export const GRID_INDICATORS: GridIndicator[] = [
  {
    key: 'households',
    label: '住户数',
    values: async (q, grids) =>
      new Map(
        (await q.query<{ grid_id: number; n: number }>(`SELECT grid_id, count(*) AS n FROM households WHERE grid_id = ANY ($1::bigint[]) GROUP BY grid_id`, [grids.map((g) => g.id)])).map(
          (r) => [r.grid_id, r.n],
        ),
      ),
  },
  {
    key: 'members',
    label: '党员数',
    values: async (q, grids) => {
      const out = new Map<number, number>();
      for (const g of grids) if (g.branchId) out.set(g.id, (await people.countUnder(q, g.branchId)).memberCount);
      return out;
    },
  },
  {
    key: 'visits_quarter',
    label: '本季度走访次数',
    values: async (q, grids) =>
      new Map(
        (
          await q.query<{ grid_id: number; n: number }>(
            `SELECT grid_id, count(*) AS n FROM visits WHERE grid_id = ANY ($1::bigint[]) AND visited_on >= date_trunc('quarter', current_date) GROUP BY grid_id`,
            [grids.map((g) => g.id)],
          )
        ).map((r) => [r.grid_id, r.n]),
      ),
  },
];

export async function gridMap(q: Queryable, communityId: number, indicatorKey: string) {
  const indicator = findIndicator(indicatorKey);
  if (!indicator) throw E.no_indicator();
  const grids = await listGrids(q, communityId);
  const values = await indicator.values(q, grids);
  const ids = grids.map((g) => g.id);
  const buildings = await q.query<{ id: number; grid_id: number; name: string; x: number; y: number }>(
    `SELECT id, grid_id, name, x::float8 AS x, y::float8 AS y FROM buildings WHERE grid_id = ANY ($1::bigint[]) ORDER BY id`,
    [ids],
  );
  const units = await q.query<{ id: number; grid_id: number; name: string }>(
    `SELECT u.id, gu.grid_id, u.name FROM grid_units gu JOIN unit_labels u ON u.id = gu.unit_id WHERE gu.grid_id = ANY ($1::bigint[]) ORDER BY u.id`,
    [ids],
  );
  const [base] = await q.query(`SELECT 1 FROM grid_base_maps WHERE org_id = $1`, [communityId]);
  return {
    communityId,
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    hasBaseImage: Boolean(base),
    indicator: indicator.key,
    indicators: listIndicators(),
    grids: grids.map((g) => ({ id: g.id, name: g.name, theme: g.theme, branchName: g.branchName, boundary: g.boundary, value: values.get(g.id) ?? 0 })),
    buildings: buildings.map((b) => ({ id: b.id, gridId: b.grid_id, name: b.name, x: b.x, y: b.y })),
    units: units.map((u) => ({ id: u.id, gridId: u.grid_id, name: u.name })),
  };
}

export async function baseImage(q: Queryable, communityId: number): Promise<{ type: string; body: Buffer }> {
  const [row] = await q.query<{ image: string }>(`SELECT image FROM grid_base_maps WHERE org_id = $1`, [communityId]);
  if (!row) throw notFound(BASE_MAP);
  const [, type, data] = /^data:([^;]+);base64,(.*)$/.exec(row.image)!;
  return { type: type!, body: Buffer.from(data!, 'base64') };
}

export async function setBaseImage(q: Queryable, communityId: number, image: string): Promise<void> {
  await checkCommunity(q, communityId);
  await q.query(
    `INSERT INTO grid_base_maps (org_id, image) VALUES ($1, $2) ON CONFLICT (region_id, org_id) DO UPDATE SET image = excluded.image, updated_at = now()`,
    [communityId, image],
  );
}

/** The coverage report's gaps in grids (orgs asks through grids' manifest): grids without a branch, buildings without a group. */
export const coverageGaps: CoverageGaps = async (q, { path }) => {
  const noBranch = await q.query<{ id: number; name: string; community_id: number; community_name: string }>(
    `SELECT g.id, g.name, g.community_id, c.name AS community_name FROM grids g JOIN org_labels c ON c.id = g.community_id
      WHERE c.path <@ $1::ltree AND g.branch_id IS NULL ORDER BY c.path, g.id`,
    [path],
  );
  const noGroup = await q.query<{ id: number; name: string; grid_id: number; grid_name: string; org_id: number }>(
    `SELECT x.id, x.name, x.grid_id, g.name AS grid_name, x.org_id FROM buildings x JOIN grids g ON g.id = x.grid_id JOIN org_labels c ON c.id = g.community_id
      WHERE c.path <@ $1::ltree AND x.group_id IS NULL ORDER BY c.path, g.id, x.id`,
    [path],
  );
  return [
    ...noBranch.map((g) => ({ kind: 'grid_without_branch', orgId: g.community_id, unitId: null, gridId: g.id, name: g.name, detail: GAPS.gap_without_branch({ community: g.community_name }) })),
    ...noGroup.map((b) => ({ kind: 'building_without_group', orgId: b.org_id, unitId: null, gridId: b.grid_id, buildingId: b.id, name: b.name, detail: GAPS.gap_without_group({ grid: b.grid_name }) })),
  ];
};

// Areas (大走访) ------------------------------------------------------------
// A visit campaign (modules/campaigns) gives each cadre an area: whole grids,
// buildings or a list of households. Grids answers what is in an area and
// what its visits found, so the campaign reads no grid table itself.

export interface VisitArea { gridIds: number[]; buildingIds: number[]; householdIds: number[] }
export interface VisitWindow { from: string; to: string }

const IN_AREA = `(h.grid_id = ANY ($1::bigint[]) OR h.building_id = ANY ($2::bigint[]) OR h.id = ANY ($3::bigint[]))`;
const areaParams = (a: VisitArea) => [a.gridIds, a.buildingIds, a.householdIds];

/**
 * The organization path of each grid, building or household named (the
 * grid's organization: its branch, or the community), for those the caller
 * can see: a campaign's area must lie under the campaign's organization.
 */
export async function areaPlaces(q: Queryable, area: VisitArea): Promise<{ kind: 'grid' | 'building' | 'household'; id: number; path: string }[]> {
  return q.query(
    `SELECT 'grid' AS kind, g.id, o.path::text AS path FROM grids g JOIN org_labels o ON o.id = g.org_id WHERE g.id = ANY ($1::bigint[])
     UNION ALL SELECT 'building', x.id, o.path::text FROM buildings x JOIN org_labels o ON o.id = x.org_id WHERE x.id = ANY ($2::bigint[])
     UNION ALL SELECT 'household', h.id, o.path::text FROM households h JOIN org_labels o ON o.id = h.org_id WHERE h.id = ANY ($3::bigint[])`,
    areaParams(area),
  );
}

/** The households of an area the caller can see, whether visited in the window, unvisited first: a cadre's list of doors. */
export async function areaHouseholds(q: Queryable, area: VisitArea, window: VisitWindow): Promise<(Household & { visitedInWindow: boolean })[]> {
  const rows = await q.query<HouseholdRow & { visited: boolean }>(
    `SELECT * FROM (${HOUSEHOLD_SELECT} WHERE ${IN_AREA}) a,
       LATERAL (SELECT EXISTS (SELECT 1 FROM visits v WHERE v.household_id = a.id AND v.visited_on BETWEEN $4 AND $5) AS visited) w
      ORDER BY w.visited, a.grid_id, a.building_name, a.entrance, a.room, a.id LIMIT 1000`,
    [...areaParams(area), window.from, window.to],
  );
  return rows.map((r) => ({ ...toHousehold(r), visitedInWindow: r.visited }));
}

/**
 * The households of an area given to the caller in a visit campaign, as a
 * grid worker sees them (the masked address, no phone), whether or not the
 * caller holds a grant there: a reported member sees their own area's doors
 * and no other (`gj_cadre_area_households` keeps to the caller's own
 * assignments, whatever area is asked).
 */
export async function cadreAreaHouseholds(q: Queryable, area: VisitArea, window: VisitWindow): Promise<(Household & { visitedInWindow: boolean })[]> {
  const rows = await q.query<Omit<HouseholdRow, 'phone_mask'> & { visited: boolean }>(
    `SELECT id, grid_id, grid_name, building_id, building_name, entrance, room, head_name, size, address_mask, tags, free_tags,
            last_visited_on::text, visited
       FROM gj_cadre_area_households($1, $2, $3, $4, $5)`,
    [...areaParams(area), window.from, window.to],
  );
  return rows.map((r) => ({ ...toHousehold({ ...r, phone_mask: null }), visitedInWindow: r.visited }));
}

/**
 * What an area's visits in a window covered: households in the area and
 * visited, each of the six kinds (六清楚) the same way, the visits, the
 * needs they raised, and the grids the area spans. A household in two
 * cadres' areas counts once.
 */
export async function areaCoverage(q: Queryable, area: VisitArea, window: VisitWindow) {
  const [r] = await q.query<{
    households: number; visited: number; visits: number; need_ids: number[]; grid_ids: number[];
    by_tag: { tag: HouseholdTag; households: number; visited: number }[];
  }>(
    `WITH a AS (SELECT h.id, h.grid_id, h.tags FROM households h WHERE ${IN_AREA}),
          v AS (SELECT v.household_id, v.need_id FROM visits v WHERE v.household_id IN (SELECT id FROM a) AND v.visited_on BETWEEN $4 AND $5)
     SELECT (SELECT count(*) FROM a)::int AS households,
            (SELECT count(DISTINCT household_id) FROM v)::int AS visited,
            (SELECT count(*) FROM v)::int AS visits,
            (SELECT coalesce(array_agg(need_id ORDER BY need_id), '{}') FROM v WHERE need_id IS NOT NULL) AS need_ids,
            (SELECT coalesce(array_agg(DISTINCT grid_id), '{}') FROM a) AS grid_ids,
            (SELECT coalesce(json_agg(t ORDER BY t.tag), '[]') FROM (
               SELECT x.tag, count(*)::int AS households, count(*) FILTER (WHERE a.id IN (SELECT household_id FROM v))::int AS visited
                 FROM a, unnest(a.tags) AS x (tag) GROUP BY x.tag) t) AS by_tag`,
    [...areaParams(area), window.from, window.to],
  );
  const byTag = new Map(r!.by_tag.map((t) => [t.tag, t]));
  return {
    households: r!.households, visited: r!.visited, visits: r!.visits, needIds: r!.need_ids.map(Number), gridIds: r!.grid_ids.map(Number),
    byTag: HOUSEHOLD_TAGS.values.map((tag) => ({ tag, households: byTag.get(tag)?.households ?? 0, visited: byTag.get(tag)?.visited ?? 0 })),
  };
}

/** Its figures on the statistics page (statistics imports no module; the manifest hands them over). */
export function statisticsFigures(): StatFigure[] {
  return [
    {
      key: 'grids.grids', label: { zh: '网格', en: 'Grids' },
      count: async (q, orgId) => countRows(q, 'grids g', [await orgs.underCondition(q, orgId, 'g')]),
      link: (orgId) => `/grids?orgId=${orgId}`,
    },
    {
      key: 'grids.households', label: { zh: '住户', en: 'Households' },
      count: async (q, orgId) => countRows(q, 'households h', [await orgs.underCondition(q, orgId, 'h')]),
      link: (orgId) => `/grids?orgId=${orgId}`,
    },
    {
      key: 'grids.visits', label: { zh: '走访', en: 'Visits' }, period: true, trend: true,
      count: async (q, orgId, p) => countRows(q, 'visits v', [await orgs.underCondition(q, orgId, 'v'), ['v.visited_on >= $?::date', p.from], ['v.visited_on <= $?::date', p.to]]),
      link: (orgId) => `/visits?orgId=${orgId}`,
    },
  ];
}
