import type { FastifyInstance } from 'fastify';
import { ImportReport } from '../../kernel/excel.ts';
import { XLSX, route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { ModuleContext } from '../../kernel/manifest.ts';
import * as excel from './excel.ts';
import {
  AddInKind, Allocate, Balances, CreateRule, CreateSource, EntryNote, FundEntry, FundEntryParams, FundLedger, FundRule, FundRuleList, FundRuleParams, FundRuleVersions, FundTargetList, OwnersFunds, TargetQuery,
  FundSource, FundSourceList, FundSourceParams, ImportBudgets, InKind, PaidForCost, PaidForQuery, PlaceQuery, RuleQuery, SetBudget, Spend, Sponsored,
  UnitQuery, UpdateRule,
} from './schema.ts';
import * as funds from './service.ts';

const tags = ['经费管理'];

export function fundRoutes(app: FastifyInstance, { db }: Kernel, { fundTargets }: Pick<ModuleContext, 'fundTargets'>): void {
  route(app, db, {
    method: 'GET', url: '/api/fund-sources', tags, summary: '经费来源：本组织及上级持有、可用于本组织的来源，含所选年度预算',
    querystring: PlaceQuery, response: FundSourceList,
    handler: async ({ q, scope, query }) => ({ items: await funds.sources(q, query.orgId, query.year), actions: await funds.placeActions(q, scope, query.orgId) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/fund-sources', tags, summary: '登记经费来源',
    body: CreateSource, response: FundSource,
    handler: ({ q, scope, body }) => funds.createSource(q, scope, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/fund-sources/:fundSourceId/budget', tags, summary: '设定来源的年度预算（元以分计）',
    params: FundSourceParams, body: SetBudget, response: FundSource,
    handler: ({ q, scope, params, body }) => funds.setBudget(q, scope, params.fundSourceId, body.year, body.amountFen),
  });
  route(app, db, {
    method: 'GET', url: '/api/fund-budgets/import-template', tags, summary: '下载经费预算导入模板（Excel）',
    response: 'file',
    handler: async () => ({ name: '经费预算导入模板.xlsx', type: XLSX, body: await excel.budgetTemplate() }),
  });
  route(app, db, {
    method: 'POST', url: '/api/fund-budgets/import', tags, summary: '从 Excel 导入经费预算（先校验；有错误时不导入，或只导入正确的行）',
    body: ImportBudgets, response: ImportReport,
    handler: ({ q, scope, body }) => excel.importBudgets(q, scope, body.orgId, Buffer.from(body.file, 'base64'), body.mode),
  });
  route(app, db, {
    method: 'POST', url: '/api/fund-allocations', tags, summary: '下拨经费给下级组织（记入台账）',
    body: Allocate, response: FundEntry,
    handler: ({ q, scope, body }) => funds.allocate(q, scope, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/fund-expenses', tags, summary: '登记经费支出（按经费使用规则检查；超额的待审批）',
    body: Spend, response: FundEntry,
    handler: ({ q, scope, body }) => funds.spend(q, scope, fundTargets, body),
  });
  route(app, db, {
    method: 'GET', url: '/api/fund-entries', tags, summary: '经费台账：本组织所选年度的下拨、收到和支出',
    querystring: PlaceQuery, response: FundLedger,
    handler: ({ q, scope, query }) => funds.ledger(q, scope, query.orgId, query.year),
  });
  route(app, db, {
    method: 'GET', url: '/api/fund-entries/export', tags, summary: '导出经费台账（Excel，按组织和年度）',
    querystring: PlaceQuery, response: 'file',
    handler: async ({ q, scope, query }) => ({ type: XLSX, ...(await excel.exportLedger(q, scope, query.orgId, query.year)) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/fund-entries/:fundEntryId', tags, summary: '一条经费记录',
    params: FundEntryParams, response: FundEntry,
    handler: ({ q, scope, params }) => funds.entry(q, scope, params.fundEntryId),
  });
  route(app, db, {
    method: 'GET', url: '/api/fund-entries/:fundEntryId/invoice', tags, summary: '支出所附发票',
    params: FundEntryParams, response: 'file',
    handler: async ({ q, params }) => {
      const i = await funds.invoice(q, params.fundEntryId);
      return { name: i.name, type: i.mime, inline: true, body: i.content };
    },
  });
  for (const step of ['approve', 'reject'] as const) {
    route(app, db, {
      method: 'POST', url: `/api/fund-entries/:fundEntryId/${step}`, tags,
      summary: { approve: '批准支出（不能审批自己登记的）', reject: '不批准支出' }[step],
      params: FundEntryParams, response: FundEntry,
      handler: ({ q, scope, params }) => funds.decide(q, scope, params.fundEntryId, step),
    });
  }
  route(app, db, {
    method: 'POST', url: '/api/fund-entries/:fundEntryId/reverse', tags, summary: '冲销：记一笔金额相反的记录，原记录不变',
    params: FundEntryParams, body: EntryNote, response: FundEntry,
    handler: ({ q, scope, params, body }) => funds.reverse(q, scope, params.fundEntryId, body.note),
  });
  route(app, db, {
    method: 'GET', url: '/api/funds/balances', tags, summary: '经费收支：按来源的预算、收到、下拨、支出、余额及逐月支出；实物投入另列',
    querystring: PlaceQuery, response: Balances,
    handler: ({ q, scope, query }) => funds.balances(q, scope, query.orgId, query.year),
  });
  route(app, db, {
    method: 'GET', url: '/api/funds/cost', tags, summary: '项目、活动、需求或交办事项花了多少钱、来自哪些来源',
    querystring: PaidForQuery, response: PaidForCost,
    handler: ({ q, query }) => funds.costOf(q, query.paidForKind, query.paidForId),
  });
  route(app, db, {
    method: 'GET', url: '/api/funds/targets', tags, summary: '按名称（汉字、拼音或首字母）查找支出可对应的项目、活动、需求或部门交办事项',
    querystring: TargetQuery, response: FundTargetList,
    handler: ({ q, scope, query }) => funds.targets(q, scope, fundTargets, query.orgId, query.paidForKind, query.q),
  });
  route(app, db, {
    method: 'GET', url: '/api/owners-funds', tags, summary: '业主资金公示：本组织及下级持有的业主资金及其经业主委员会批准的支出；待业委会审批的支出',
    querystring: PlaceQuery, response: OwnersFunds,
    handler: ({ q, scope, query }) => funds.ownersFunds(q, scope, query.orgId, query.year),
  });
  route(app, db, {
    method: 'GET', url: '/api/funds/sponsored', tags, summary: '单位出资和实物投入',
    querystring: UnitQuery, response: Sponsored,
    handler: ({ q, query }) => funds.sponsored(q, query.unitId),
  });
  route(app, db, {
    method: 'POST', url: '/api/fund-in-kind', tags, summary: '登记实物投入（场地、工时等，按各自单位计，不折算为金额）',
    body: AddInKind, response: InKind,
    handler: ({ q, scope, body }) => funds.addInKind(q, scope, fundTargets, body),
  });
  route(app, db, {
    method: 'GET', url: '/api/fund-rules', tags, summary: '本组织适用的经费使用规则（本级和上级制定的现行版本）',
    querystring: RuleQuery, response: FundRuleList,
    handler: ({ q, scope, query }) => funds.rules(q, scope, query.orgId),
  });
  route(app, db, {
    method: 'GET', url: '/api/fund-rules/:fundRuleId/versions', tags, summary: '经费使用规则的各个版本（每笔支出保留其适用的版本）',
    params: FundRuleParams, response: FundRuleVersions,
    handler: ({ q, scope, params }) => funds.ruleVersions(q, scope, params.fundRuleId),
  });
  route(app, db, {
    method: 'POST', url: '/api/fund-rules', tags, summary: '新增经费使用规则',
    body: CreateRule, response: FundRule,
    handler: ({ q, scope, body }) => funds.createRule(q, scope, body),
  });
  route(app, db, {
    method: 'PATCH', url: '/api/fund-rules/:fundRuleId', tags, summary: '修改经费使用规则（生成新版本，已用的版本保留）',
    params: FundRuleParams, body: UpdateRule, response: FundRule,
    handler: ({ q, scope, params, body }) => funds.updateRule(q, scope, params.fundRuleId, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/fund-rules/:fundRuleId/retire', tags, summary: '停用经费使用规则',
    params: FundRuleParams, response: FundRule,
    handler: ({ q, scope, params }) => funds.retireRule(q, scope, params.fundRuleId),
  });
}
