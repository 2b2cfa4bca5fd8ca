import type { FastifyInstance } from 'fastify';
import { ImportReport } from '../../kernel/excel.ts';
import { XLSX, route } from '../../kernel/http.ts';
import { langOf } from '../../kernel/errors.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { ModuleContext } from '../../kernel/manifest.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { Scope } from '../../kernel/scope.ts';
import { coverage } from './coverage.ts';
import * as excel from './excel.ts';
import * as network from './network.ts';
import { ensureCanManageOrgs, ensureOrgAction, orgActions, partActions } from './policy.ts';
import {
  Chart, ChartQuery, Coverage, ImportOrgs, CreateOrg, CreateSeat, CreateTie, CreateUnit, MergeOrg, MoveOrg, Org, OrgDetail, OrgList, OrgPage, OrgParams,
  OrgSearchQuery, OrgSummary, RetireOrg, Seat, SeatList, SeatParams, Tie, TieList, TieParams, Unit, UnitList, UnitParams, UnitQuery, UpdateOrg,
  UpdateSeat, UpdateTie, UpdateUnit, type OrgAction,
} from './schema.ts';
import * as orgs from './service.ts';

const tags = ['组织体系'];

/** The organization that receives what an action moves must be one the caller administers too. */
async function ensureManages(q: Queryable, scope: Scope, orgId: number | undefined): Promise<void> {
  if (orgId !== undefined) ensureCanManageOrgs(scope, await orgs.pathOf(q, orgId));
}

/** Refuses the action unless the organization lists it for the caller. */
async function ensureAction(q: Queryable, scope: Scope, orgId: number, action: OrgAction): Promise<void> {
  ensureOrgAction(scope, await orgs.get(q, orgId), action);
}

/** Records as the caller receives them: each with what the caller may do to it. */
const withActions = <T extends Org>(scope: Scope, org: T) => ({ ...org, actions: orgActions(scope, org) });
async function withPartActions<T extends { orgId: number }>(q: Queryable, scope: Scope, items: T[]) {
  const paths = await orgs.pathsOf(q, items.map((i) => i.orgId));
  return items.map((i) => ({ ...i, actions: partActions(scope, paths.get(i.orgId) ?? null) }));
}
const withPartAction = async <T extends { orgId: number }>(q: Queryable, scope: Scope, item: T) => (await withPartActions(q, scope, [item]))[0]!;

export function orgRoutes(app: FastifyInstance, { db }: Kernel, { orgHoldings, orgFigures, coverageGaps }: ModuleContext): void {
  route(app, db, {
    method: 'GET', url: '/api/orgs/roots', tags, summary: '我可见的组织树顶层',
    response: OrgList,
    handler: async ({ q, scope }) => ({ items: (await orgs.roots(q)).map((o) => withActions(scope, o)) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs', tags, summary: '查找组织（简体、繁体、拼音首字母或全拼）',
    querystring: OrgSearchQuery, response: OrgPage,
    handler: async ({ q, scope, query }) => {
      const found = await orgs.search(q, query.q || undefined, query.page, query.pageSize);
      return { ...found, items: found.items.map((o) => withActions(scope, o)) };
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId', tags, summary: '组织详情',
    params: OrgParams, response: OrgDetail,
    handler: async ({ q, scope, params }) => withActions(scope, await orgs.detail(q, params.orgId)),
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/children', tags, summary: '下级组织',
    params: OrgParams, response: OrgList,
    handler: async ({ q, scope, params }) => ({ items: (await orgs.children(q, params.orgId)).map((o) => withActions(scope, o)) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/summary', tags, summary: '组织及其下级的数量统计',
    params: OrgParams, response: OrgSummary,
    handler: async ({ q, params }) => {
      const summary = { orgId: params.orgId, orgCount: await orgs.countUnder(q, params.orgId), peopleCount: 0, memberCount: 0 };
      for (const figures of orgFigures) Object.assign(summary, await figures(q, params.orgId));
      return summary;
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/orgs', tags, summary: '新建下级组织',
    body: CreateOrg, response: Org,
    handler: async ({ q, scope, body }) => {
      await ensureAction(q, scope, body.parentId, 'addChild');
      return withActions(scope, await orgs.create(q, body));
    },
  });
  route(app, db, {
    method: 'PATCH', url: '/api/orgs/:orgId', tags, summary: '修改组织名称、类型或基本信息',
    params: OrgParams, body: UpdateOrg, response: Org,
    handler: async ({ q, scope, params, body }) => {
      await ensureAction(q, scope, params.orgId, 'edit');
      return withActions(scope, await orgs.update(q, params.orgId, body));
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/orgs/:orgId/move', tags, summary: '调整隶属关系（连同全部下级）',
    params: OrgParams, body: MoveOrg, response: Org,
    handler: async ({ q, scope, params, body }) => {
      await ensureAction(q, scope, params.orgId, 'move');
      await ensureManages(q, scope, body.parentId);
      return withActions(scope, await orgs.move(q, params.orgId, body.parentId));
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/orgs/:orgId/dissolve', tags, summary: '撤销组织（下级、人员、单位须转入其他组织）',
    params: OrgParams, body: RetireOrg, response: Org,
    handler: async ({ q, scope, params, body }) => {
      await ensureAction(q, scope, params.orgId, 'retire');
      await ensureManages(q, scope, body.transferTo);
      return withActions(scope, await orgs.retire(q, params.orgId, { status: 'dissolved', on: body.on, transferTo: body.transferTo }, orgHoldings));
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/orgs/:orgId/merge', tags, summary: '合并到另一组织',
    params: OrgParams, body: MergeOrg, response: Org,
    handler: async ({ q, scope, params, body }) => {
      await ensureAction(q, scope, params.orgId, 'retire');
      await ensureManages(q, scope, body.into);
      return withActions(scope, await orgs.retire(q, params.orgId, { status: 'merged', on: body.on, transferTo: body.into }, orgHoldings));
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/coverage', tags, summary: '覆盖情况：纵向到底、横向到边的空白点',
    params: OrgParams, response: Coverage,
    handler: ({ q, params, req }) => coverage(q, params.orgId, coverageGaps, langOf(req.headers['accept-language'])),
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
      await ensureAction(q, scope, params.orgId, 'addChild');
      return excel.importSheet(q, params.orgId, Buffer.from(body.file, 'base64'), body.mode);
    },
  });

  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/ties', tags, summary: '共建、协调指导、结对、联建关系',
    params: OrgParams, response: TieList,
    handler: async ({ q, scope, params }) => ({ items: await withPartActions(q, scope, await network.ties(q, params.orgId)) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/orgs/:orgId/ties', tags, summary: '建立横向关系',
    params: OrgParams, body: CreateTie, response: Tie,
    handler: async ({ q, scope, params, body }) => {
      await ensureAction(q, scope, params.orgId, 'addTie');
      return withPartAction(q, scope, await network.createTie(q, params.orgId, body));
    },
  });
  route(app, db, {
    method: 'PATCH', url: '/api/ties/:tieId', tags, summary: '修改或结束横向关系',
    params: TieParams, body: UpdateTie, response: Tie,
    handler: async ({ q, scope, params, body }) => {
      await ensureManages(q, scope, (await network.getTie(q, params.tieId)).orgId);
      return withPartAction(q, scope, await network.updateTie(q, params.tieId, body));
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/seats', tags, summary: '委员会成员（含兼职委员）',
    params: OrgParams, response: SeatList,
    handler: async ({ q, scope, params }) => ({ items: await withPartActions(q, scope, await network.seats(q, params.orgId)) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/orgs/:orgId/seats', tags, summary: '增补委员',
    params: OrgParams, body: CreateSeat, response: Seat,
    handler: async ({ q, scope, params, body }) => {
      await ensureAction(q, scope, params.orgId, 'addSeat');
      return withPartAction(q, scope, await network.createSeat(q, params.orgId, body));
    },
  });
  route(app, db, {
    method: 'PATCH', url: '/api/seats/:seatId', tags, summary: '调整职务或离任',
    params: SeatParams, body: UpdateSeat, response: Seat,
    handler: async ({ q, scope, params, body }) => {
      await ensureManages(q, scope, (await network.getSeat(q, params.seatId)).orgId);
      return withPartAction(q, scope, await network.updateSeat(q, params.seatId, body));
    },
  });

  route(app, db, {
    method: 'GET', url: '/api/units', tags, summary: '驻区单位、企业、社会组织与职能部门',
    querystring: UnitQuery, response: UnitList,
    handler: async ({ q, scope, query }) => ({ items: await withPartActions(q, scope, await orgs.listUnits(q, query.orgId)) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/units/:unitId', tags, summary: '单位详情',
    params: UnitParams, response: Unit,
    handler: async ({ q, scope, params }) => withPartAction(q, scope, await orgs.getUnit(q, params.unitId)),
  });
  route(app, db, {
    method: 'POST', url: '/api/units', tags, summary: '登记单位',
    body: CreateUnit, response: Unit,
    handler: async ({ q, scope, body }) => {
      await ensureAction(q, scope, body.orgId, 'addUnit');
      return withPartAction(q, scope, await orgs.createUnit(q, body));
    },
  });
  route(app, db, {
    method: 'PATCH', url: '/api/units/:unitId', tags, summary: '修改单位信息',
    params: UnitParams, body: UpdateUnit, response: Unit,
    handler: async ({ q, scope, params, body }) => {
      await ensureManages(q, scope, (await orgs.getUnit(q, params.unitId)).orgId);
      return withPartAction(q, scope, await orgs.updateUnit(q, params.unitId, body));
    },
  });
}
