import type { FastifyInstance } from 'fastify';
import { ImportReport } from '../../kernel/excel.ts';
import { XLSX, route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { ModuleContext } from '../../kernel/manifest.ts';
import * as people from '../people/service.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { Scope } from '../../kernel/scope.ts';
import { coverage } from './coverage.ts';
import * as excel from './excel.ts';
import * as network from './network.ts';
import { ensureCanManageOrgs } from './policy.ts';
import {
  Chart, ChartQuery, Coverage, ImportOrgs, CreateOrg, CreateSeat, CreateTie, CreateUnit, MergeOrg, MoveOrg, Org, OrgDetail, OrgList, OrgPage, OrgParams,
  OrgSearchQuery, OrgSummary, RetireOrg, Seat, SeatList, SeatParams, Tie, TieList, TieParams, Unit, UnitList, UnitParams, UnitQuery, UpdateOrg,
  UpdateSeat, UpdateTie, UpdateUnit,
} from './schema.ts';
import * as orgs from './service.ts';

const tags = ['组织体系'];

/** Every organization an action touches must be one the caller administers (held there or above). */
async function ensureManages(q: Queryable, scope: Scope, ...orgIds: (number | undefined)[]): Promise<void> {
  for (const id of orgIds) if (id !== undefined) ensureCanManageOrgs(scope, await orgs.pathOf(q, id));
}

export function orgRoutes(app: FastifyInstance, { db }: Kernel, { orgHoldings }: ModuleContext): void {
  route(app, db, {
    method: 'GET', url: '/api/orgs/roots', tags, summary: '我可见的组织树顶层',
    response: OrgList,
    handler: async ({ q }) => ({ items: await orgs.roots(q) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs', tags, summary: '查找组织（简体、繁体、拼音首字母或全拼）',
    querystring: OrgSearchQuery, response: OrgPage,
    handler: ({ q, query }) => orgs.search(q, query.q || undefined, query.page, query.pageSize),
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId', tags, summary: '组织详情',
    params: OrgParams, response: OrgDetail,
    handler: ({ q, params }) => orgs.detail(q, params.orgId),
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/children', tags, summary: '下级组织',
    params: OrgParams, response: OrgList,
    handler: async ({ q, params }) => ({ items: await orgs.children(q, params.orgId) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/summary', tags, summary: '组织及其下级的数量统计',
    params: OrgParams, response: OrgSummary,
    handler: async ({ q, params }) => {
      const orgCount = await orgs.countUnder(q, params.orgId);
      return { orgId: params.orgId, orgCount, ...(await people.countUnder(q, params.orgId)) };
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/orgs', tags, summary: '新建下级组织',
    body: CreateOrg, response: Org,
    handler: async ({ q, scope, body }) => {
      await ensureManages(q, scope, body.parentId);
      return orgs.create(q, body);
    },
  });
  route(app, db, {
    method: 'PATCH', url: '/api/orgs/:orgId', tags, summary: '修改组织名称、类型或基本信息',
    params: OrgParams, body: UpdateOrg, response: Org,
    handler: async ({ q, scope, params, body }) => {
      await ensureManages(q, scope, params.orgId);
      return orgs.update(q, params.orgId, body);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/orgs/:orgId/move', tags, summary: '调整隶属关系（连同全部下级）',
    params: OrgParams, body: MoveOrg, response: Org,
    handler: async ({ q, scope, params, body }) => {
      await ensureManages(q, scope, params.orgId, body.parentId);
      return orgs.move(q, params.orgId, body.parentId);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/orgs/:orgId/dissolve', tags, summary: '撤销组织（下级、人员、单位须转入其他组织）',
    params: OrgParams, body: RetireOrg, response: Org,
    handler: async ({ q, scope, params, body }) => {
      await ensureManages(q, scope, params.orgId, body.transferTo);
      return orgs.retire(q, params.orgId, { status: 'dissolved', on: body.on, transferTo: body.transferTo }, orgHoldings);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/orgs/:orgId/merge', tags, summary: '合并到另一组织',
    params: OrgParams, body: MergeOrg, response: Org,
    handler: async ({ q, scope, params, body }) => {
      await ensureManages(q, scope, params.orgId, body.into);
      return orgs.retire(q, params.orgId, { status: 'merged', on: body.on, transferTo: body.into }, orgHoldings);
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/coverage', tags, summary: '覆盖情况：纵向到底、横向到边的空白点',
    params: OrgParams, response: Coverage,
    handler: ({ q, params }) => coverage(q, params.orgId),
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/chart', tags, summary: '组织架构图数据（隶属关系与横向关系）',
    params: OrgParams, querystring: ChartQuery, response: Chart,
    handler: ({ q, params, query }) => network.chart(q, params.orgId, query.depth),
  });

  route(app, db, {
    method: 'GET', url: '/api/orgs/import-template', tags, summary: '下载组织导入模板（Excel）',
    response: 'file',
    handler: async () => ({ name: '组织导入模板.xlsx', type: XLSX, body: await excel.template() }),
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/export', tags, summary: '导出组织及其全部下级（Excel，可再导入）',
    params: OrgParams, response: 'file',
    handler: async ({ q, params }) => ({ type: XLSX, ...(await excel.exportSubtree(q, params.orgId)) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/orgs/:orgId/import', tags, summary: '从 Excel 导入下级组织（先校验；有错误时不导入，或只导入正确的行）',
    params: OrgParams, body: ImportOrgs, response: ImportReport,
    handler: async ({ q, scope, params, body }) => {
      await ensureManages(q, scope, params.orgId);
      return excel.importSheet(q, params.orgId, Buffer.from(body.file, 'base64'), body.mode);
    },
  });

  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/ties', tags, summary: '共建、协调指导、结对、联建关系',
    params: OrgParams, response: TieList,
    handler: async ({ q, params }) => ({ items: await network.ties(q, params.orgId) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/orgs/:orgId/ties', tags, summary: '建立横向关系',
    params: OrgParams, body: CreateTie, response: Tie,
    handler: async ({ q, scope, params, body }) => {
      await ensureManages(q, scope, params.orgId);
      return network.createTie(q, params.orgId, body);
    },
  });
  route(app, db, {
    method: 'PATCH', url: '/api/ties/:tieId', tags, summary: '修改或结束横向关系',
    params: TieParams, body: UpdateTie, response: Tie,
    handler: async ({ q, scope, params, body }) => {
      await ensureManages(q, scope, (await network.getTie(q, params.tieId)).orgId);
      return network.updateTie(q, params.tieId, body);
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/seats', tags, summary: '委员会成员（含兼职委员）',
    params: OrgParams, response: SeatList,
    handler: async ({ q, params }) => ({ items: await network.seats(q, params.orgId) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/orgs/:orgId/seats', tags, summary: '增补委员',
    params: OrgParams, body: CreateSeat, response: Seat,
    handler: async ({ q, scope, params, body }) => {
      await ensureManages(q, scope, params.orgId);
      return network.createSeat(q, params.orgId, body);
    },
  });
  route(app, db, {
    method: 'PATCH', url: '/api/seats/:seatId', tags, summary: '调整职务或离任',
    params: SeatParams, body: UpdateSeat, response: Seat,
    handler: async ({ q, scope, params, body }) => {
      await ensureManages(q, scope, (await network.getSeat(q, params.seatId)).orgId);
      return network.updateSeat(q, params.seatId, body);
    },
  });

  route(app, db, {
    method: 'GET', url: '/api/units', tags, summary: '驻区单位、企业、社会组织与职能部门',
    querystring: UnitQuery, response: UnitList,
    handler: async ({ q, query }) => ({ items: await orgs.listUnits(q, query.orgId) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/units/:unitId', tags, summary: '单位详情',
    params: UnitParams, response: Unit,
    handler: ({ q, params }) => orgs.getUnit(q, params.unitId),
  });
  route(app, db, {
    method: 'POST', url: '/api/units', tags, summary: '登记单位',
    body: CreateUnit, response: Unit,
    handler: async ({ q, scope, body }) => {
      await ensureManages(q, scope, body.orgId);
      return orgs.createUnit(q, body);
    },
  });
  route(app, db, {
    method: 'PATCH', url: '/api/units/:unitId', tags, summary: '修改单位信息',
    params: UnitParams, body: UpdateUnit, response: Unit,
    handler: async ({ q, scope, params, body }) => {
      await ensureManages(q, scope, (await orgs.getUnit(q, params.unitId)).orgId);
      return orgs.updateUnit(q, params.unitId, body);
    },
  });
}
