import * as grids from '../../../server/src/modules/grids/service.ts';
import { writeWorkbook } from '../../../server/src/kernel/excel.ts';
import { regionToday as today } from '../../../server/src/kernel/time.ts';
import { testCipher } from '../../support/db.ts';
import type { IsolationPart } from './types.ts';

const square = (x: number, y: number, w: number) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + w, y], [x + w, y + w], [x, y + w], [x, y]]] as [number, number][][] });
/** A 1×1 PNG. */
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
/** A household ledger of one street-address household, base64 as the import route takes it. */
const LEDGER = (
  await writeWorkbook([
    {
      name: '住户台账',
      columns: [{ key: 'address', header: '住址' }, { key: 'headName', header: '户主' }, { key: 'size', header: '人口' }],
      rows: [{ address: '越权导入住址', headName: '越权户主', size: 1 }],
    },
  ])
).toString('base64');

export const gridsPart: IsolationPart = {
  plant: async (q, b) => {
    const grid = await grids.createGrid(q, { communityId: b.communityId, name: `${b.tag}网格`, theme: `${b.tag}主题`, branchId: b.gridBranchId, boundary: square(100, 100, 200) });
    const [buildingId] = await grids.createBuildings(q, grid.id, [{ name: `${b.tag}楼`, entrances: 2, x: 200, y: 200 }]);
    const [householdId] = await grids.createHouseholds(q, testCipher, grid.id, [
      { buildingId, entrance: 1, room: '101', headName: `${b.tag}户主`, size: 2, phone: '13900002222', tags: ['empty_nest'], freeTags: [`${b.tag}标签`] },
    ]);
    const role = await grids.assignRole(q, grid.id, { personId: b.personId, role: 'mediator' });
    await grids.addGridUnit(q, grid.id, b.unitId);
    await grids.createPlan(q, { communityId: b.communityId, name: `${b.tag}走访计划`, tag: 'empty_nest', everyDays: 30 });
    await grids.recordVisit(q, testCipher, { userId: b.userId, name: `${b.tag}网格员` }, { householdId: householdId!, visitedOn: today(), learned: `${b.tag}民情` });
    await grids.addBookEntry(q, grid.id, { book: 'suggestions', enteredOn: today(), title: `${b.tag}建议` });
    await grids.setBaseImage(q, b.communityId, PIXEL);
    return { gridId: grid.id, buildingId: buildingId!, householdId: householdId!, gridRoleId: role.id };
  },
  writes: {
    'POST /api/grids': (t) => [{ body: { communityId: t.orgId, name: '越权网格', boundary: square(500, 500, 50) } }],
    'PATCH /api/grids/:gridId': (t, own) => [{ body: { name: '越权改名' } }, { body: { boundary: square(600, 100, 50) } }, { body: { branchId: own.orgId } }],
    'POST /api/grids/base-image': (t) => [{ body: { communityId: t.orgId, image: PIXEL } }],
    'POST /api/grids/:gridId/buildings': () => [{ body: { name: '越权楼', entrances: 1, x: 150, y: 150 } }],
    'PATCH /api/buildings/:buildingId': () => [{ body: { groupId: null } }],
    'POST /api/households': (t) => [{ body: { gridId: t.ids.gridId, address: '越权住址', headName: '越权户主', size: 1, tags: [], freeTags: [] } }],
    'POST /api/grids/:gridId/households/import': () => [{ body: { file: LEDGER, mode: 'valid' } }, { body: { file: LEDGER, mode: 'all' } }],
    'PATCH /api/households/:householdId': () => [{ body: { headName: '越权改名' } }, { body: { tags: [] } }],
    'POST /api/grids/:gridId/roles': (t) => [{ body: { personId: t.personId, role: 'patrol' } }],
    'DELETE /api/grid-roles/:gridRoleId': () => [{}],
    'POST /api/grids/:gridId/units': (t) => [{ body: { unitId: t.unitId } }],
    'POST /api/visits': (t) => [
      { body: { householdId: t.ids.householdId, visitedOn: today(), learned: '越权走访' } },
      { body: { householdId: t.ids.householdId, visitedOn: today(), learned: '越权走访', need: { kind: 'request', category: 'other', title: '越权需求' } } },
    ],
    'POST /api/visit-plans': (t) => [{ body: { communityId: t.orgId, name: '越权计划', tag: 'disabled', everyDays: 30 } }],
    'POST /api/grids/:gridId/book': () => [{ body: { book: 'activities', enteredOn: today(), title: '越权活动' } }],
  },
  digest: ['grids', 'buildings', 'households', 'grid_roles', 'grid_units', 'visits', 'visit_plans', 'grid_book_entries', 'grid_base_maps'].map(
    (table) => `SELECT t::text FROM ${table} t WHERE org_id IN (SELECT id FROM o)`,
  ),
};
