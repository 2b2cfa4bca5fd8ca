import type { FastifyInstance } from 'fastify';
import { ImportReport } from '../../kernel/excel.ts';
import { XLSX, route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { z } from '../../kernel/validation.ts';
import { mapInTurn, type Queryable } from '../../kernel/db.ts';
import type { Scope } from '../../kernel/scope.ts';
import * as orgs from '../orgs/service.ts';
import { card } from './cards.ts';
import * as excel from './excel.ts';
import { ensureGridAction, ensureGridListAction, ensureHouseholdAction, gridActions, gridListActions, householdActions } from './policy.ts';
import { BUILDING, GRID, GRID_ROLE } from './errors.ts';
import {
  AddGridUnit, AssignRole, BaseImage, BookEntry, BookEntryList, BookQuery, Building, BuildingList, BuildingParams, CardQuery, CommunityQuery,
  CreateBookEntry, CreateBuilding, CreateGrid, CreateHousehold, CreateVisitPlan, DueQuery, DueVisitList,
  Grid, GridList, GridMap, GridParams, GridUnit, Household, HouseholdList, ImportHouseholds, HouseholdParams, HouseholdQuery, MapQuery, RoleHolder,
  RoleList, RoleParams, UpdateBuilding, UpdateGrid, UpdateHousehold, VisitPlan, VisitPlanList,
} from './schema.ts';
import * as grids from './service.ts';

const tags = ['网格化'];
const Done = z.object({ ok: z.literal(true) });
/** Where a grid's rows belong (its branch, or the community while it has none): the roles that count are those held there. */
const gridPath = (q: Queryable, gridId: number) => orgs.pathOfRow(q, 'grids', gridId, GRID);
/** Grids and households as the caller receives them: each with what the caller may do to it, asked at its grid's organization. */
async function withGridActions(q: Queryable, scope: Scope, items: Grid[]) {
  return mapInTurn(items, async (g) => ({ ...g, actions: gridActions(scope, await gridPath(q, g.id)) }));
}
/** Households, and the visits due at them: what the caller may do to each household. */
async function withHouseholdActions<H extends { gridId: number }>(q: Queryable, scope: Scope, items: H[]) {
  const paths = new Map<number, string | null>();
  for (const gridId of new Set(items.map((h) => h.gridId))) paths.set(gridId, await gridPath(q, gridId));
  return items.map((h) => ({ ...h, actions: householdActions(scope, paths.get(h.gridId) ?? null) }));
}
const one = async <T>(items: Promise<T[]>): Promise<T> => (await items)[0]!;

export function gridRoutes(app: FastifyInstance, { db, cipher }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/grids', tags, summary: '网格列表：指定社区的网格，或不指定时本人负责的网格',
    querystring: CommunityQuery.partial(), response: GridList,
    handler: async ({ q, scope, query }) => ({
      items: await withGridActions(q, scope, query.orgId ? await grids.listGrids(q, query.orgId) : await grids.myGrids(q)),
      actions: query.orgId ? gridListActions(scope, await orgs.pathIfSeen(q, query.orgId)) : [],
    }),
  });
  route(app, db, {
    method: 'GET', url: '/api/grids/map', tags, summary: '网格一图：边界、楼栋、驻区单位，按指标着色',
    querystring: MapQuery, response: GridMap,
    handler: ({ q, query }) => grids.gridMap(q, query.orgId, query.indicator),
  });
  route(app, db, {
    method: 'GET', url: '/api/grids/base-image', tags, summary: '网格地图底图（图片）',
    querystring: CommunityQuery, response: 'file',
    handler: async ({ q, query }) => ({ name: 'base-map', inline: true, ...(await grids.baseImage(q, query.orgId)) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/grids/base-image', tags, summary: '上传网格地图底图（离线使用，存入数据库）',
    body: BaseImage, response: Done,
    handler: async ({ q, scope, body }) => {
      ensureGridListAction(scope, await orgs.pathIfSeen(q, body.communityId), 'create');
      await grids.setBaseImage(q, body.communityId, body.image);
      return { ok: true as const };
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/grids', tags, summary: '划分网格（边界不得与本社区其他网格重叠）',
    body: CreateGrid, response: Grid,
    handler: async ({ q, scope, body }) => {
      ensureGridListAction(scope, await orgs.pathIfSeen(q, body.communityId), 'create');
      return one(withGridActions(q, scope, [await grids.createGrid(q, body)]));
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/grids/:gridId', tags, summary: '网格详情',
    params: GridParams, response: Grid,
    handler: async ({ q, scope, params }) => one(withGridActions(q, scope, [await grids.getGrid(q, params.gridId)])),
  });
  route(app, db, {
    method: 'PATCH', url: '/api/grids/:gridId', tags, summary: '修改网格：名称、主题、网格党支部、边界',
    params: GridParams, body: UpdateGrid, response: Grid,
    handler: async ({ q, scope, params, body }) => {
      ensureGridAction(scope, await gridPath(q, params.gridId), 'edit');
      return one(withGridActions(q, scope, [await grids.updateGrid(q, params.gridId, body)]));
    },
  });

  route(app, db, {
    method: 'GET', url: '/api/grids/:gridId/buildings', tags, summary: '网格内的楼栋',
    params: GridParams, response: BuildingList,
    handler: async ({ q, params }) => ({ items: await grids.listBuildings(q, params.gridId) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/grids/:gridId/buildings', tags, summary: '在网格内放置楼栋',
    params: GridParams, body: CreateBuilding, response: Building,
    handler: async ({ q, scope, params, body }) => {
      ensureGridAction(scope, await gridPath(q, params.gridId), 'edit');
      return grids.createBuilding(q, params.gridId, body);
    },
  });
  route(app, db, {
    method: 'PATCH', url: '/api/buildings/:buildingId', tags, summary: '设置楼栋党小组',
    params: BuildingParams, body: UpdateBuilding, response: Building,
    handler: async ({ q, scope, params, body }) => {
      ensureGridAction(scope, await orgs.pathOfRow(q, 'buildings', params.buildingId, BUILDING), 'edit');
      return grids.setBuildingGroup(q, params.buildingId, body.groupId);
    },
  });

  route(app, db, {
    method: 'GET', url: '/api/households', tags, summary: '住户（地址、电话脱敏；只有本网格工作人员和社区可见）',
    querystring: HouseholdQuery, response: HouseholdList,
    handler: async ({ q, scope, query }) => {
      const found = await grids.listHouseholds(q, query);
      return { ...found, items: await withHouseholdActions(q, scope, found.items) };
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/grids/:gridId/households.xlsx', tags, summary: '导出网格住户台账（Excel，个人信息脱敏）',
    params: GridParams, response: 'file',
    handler: async ({ q, params }) => ({ type: XLSX, ...(await grids.exportHouseholds(q, params.gridId)) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/households/import-template', tags, summary: '下载住户台账导入模板（Excel）',
    response: 'file',
    handler: async () => ({ name: '住户台账导入模板.xlsx', type: XLSX, body: await excel.template() }),
  });
  route(app, db, {
    method: 'POST', url: '/api/grids/:gridId/households/import', tags, summary: '从 Excel 导入网格住户台账（先校验；有错误时不导入，或只导入正确的行；按住址合并）',
    params: GridParams, body: ImportHouseholds, response: ImportReport,
    handler: async ({ q, scope, params, body }) => {
      ensureGridAction(scope, await gridPath(q, params.gridId), 'register');
      return excel.importHouseholds(q, cipher, params.gridId, Buffer.from(body.file, 'base64'), body.mode);
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/households/:householdId', tags, summary: '住户详情',
    params: HouseholdParams, response: Household,
    handler: async ({ q, scope, params }) => one(withHouseholdActions(q, scope, [await grids.getHousehold(q, params.householdId)])),
  });
  route(app, db, {
    method: 'POST', url: '/api/households', tags, summary: '登记住户（一户只能属于一个网格）',
    body: CreateHousehold, response: Household,
    handler: async ({ q, scope, body }) => {
      ensureGridAction(scope, await gridPath(q, body.gridId), 'register');
      return one(withHouseholdActions(q, scope, [await grids.createHousehold(q, cipher, body)]));
    },
  });
  route(app, db, {
    method: 'PATCH', url: '/api/households/:householdId', tags, summary: '修改住户信息和标签',
    params: HouseholdParams, body: UpdateHousehold, response: Household,
    handler: async ({ q, scope, params, body }) => {
      ensureHouseholdAction(scope, await grids.householdPath(q, params.householdId), 'edit');
      return one(withHouseholdActions(q, scope, [await grids.updateHousehold(q, cipher, params.householdId, body)]));
    },
  });

  route(app, db, {
    method: 'GET', url: '/api/grids/:gridId/roles', tags, summary: '六包干与五员',
    params: GridParams, response: RoleList,
    handler: async ({ q, params }) => ({ items: await grids.listRoles(q, params.gridId) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/grids/:gridId/roles', tags, summary: '指定包干责任人或五员',
    params: GridParams, body: AssignRole, response: RoleHolder,
    handler: async ({ q, scope, params, body }) => {
      ensureGridAction(scope, await gridPath(q, params.gridId), 'edit');
      return grids.assignRole(q, params.gridId, body);
    },
  });
  route(app, db, {
    method: 'DELETE', url: '/api/grid-roles/:gridRoleId', tags, summary: '撤下网格职责',
    params: RoleParams, response: Done,
    handler: async ({ q, scope, params }) => {
      ensureGridAction(scope, await orgs.pathOfRow(q, 'grid_roles', params.gridRoleId, GRID_ROLE), 'edit');
      await grids.removeRole(q, params.gridRoleId);
      return { ok: true as const };
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/grids/:gridId/units', tags, summary: '纳入网格的驻区单位',
    params: GridParams, response: z.object({ items: z.array(GridUnit) }),
    handler: async ({ q, params }) => ({ items: await grids.listGridUnits(q, params.gridId) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/grids/:gridId/units', tags, summary: '把驻区单位纳入网格',
    params: GridParams, body: AddGridUnit, response: z.object({ items: z.array(GridUnit) }),
    handler: async ({ q, scope, params, body }) => {
      ensureGridAction(scope, await gridPath(q, params.gridId), 'edit');
      return { items: await grids.addGridUnit(q, params.gridId, body.unitId) };
    },
  });

  route(app, db, {
    method: 'GET', url: '/api/visits/due', tags, summary: '三必访：到期和逾期的走访',
    querystring: DueQuery, response: DueVisitList,
    handler: async ({ q, scope, query }) => ({ items: await withHouseholdActions(q, scope, await grids.dueVisits(q, query)) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/visit-plans', tags, summary: '社区的走访计划',
    querystring: CommunityQuery, response: VisitPlanList,
    handler: async ({ q, query }) => ({ items: await grids.listPlans(q, query.orgId) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/visit-plans', tags, summary: '制定走访计划（如空巢老人户每月走访）',
    body: CreateVisitPlan, response: VisitPlan,
    handler: async ({ q, scope, body }) => {
      ensureGridListAction(scope, await orgs.pathIfSeen(q, body.communityId), 'create');
      return grids.createPlan(q, body);
    },
  });

  route(app, db, {
    method: 'GET', url: '/api/grids/:gridId/book', tags, summary: '二簿：民情建议簿、活动记录簿',
    params: GridParams, querystring: BookQuery, response: BookEntryList,
    handler: async ({ q, params, query }) => ({ items: await grids.listBook(q, params.gridId, query.book) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/grids/:gridId/book', tags, summary: '记入台账',
    params: GridParams, body: CreateBookEntry, response: BookEntry,
    handler: async ({ q, scope, params, body }) => {
      ensureGridAction(scope, await gridPath(q, params.gridId), 'register');
      return grids.addBookEntry(q, params.gridId, body);
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/grids/:gridId/cards', tags, summary: '四卡：组织卡、党员卡、人才卡、志愿者卡（打印）',
    params: GridParams, querystring: CardQuery, response: 'file',
    handler: async ({ q, params, query }) => ({
      name: `${params.gridId}-${query.kind}.html`, type: 'text/html; charset=utf-8', inline: true, body: Buffer.from(await card(q, params.gridId, query.kind)),
    }),
  });
}
