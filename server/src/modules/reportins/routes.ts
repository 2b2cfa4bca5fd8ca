import type { FastifyInstance } from 'fastify';
import { XLSX, route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { Queryable } from '../../kernel/db.ts';
import { allowedAtAny, ensureAllowed, viewedFrom } from '../../kernel/actions.ts';
import type { Scope } from '../../kernel/scope.ts';
import { listVerdicts, unitsOf } from './policy.ts';
import {
  Commitment, CommunityList, CommunityQuery, ReportInCounts, DeclineReportIn, IssueReportIn, REPORT_IN_LIST_ACTIONS, ReportIn, ReportInList, ReportInParams,
  ReportInQuery, UnitParams, UnregisteredList, type ReportInAction,
} from './schema.ts';
import * as reportIns from './service.ts';

const tags = ['双报到'];

export function reportInRoutes(app: FastifyInstance, { db }: Kernel): void {
  const one = async (q: Queryable, scope: Scope, r: ReportIn) => (await reportIns.withActions(q, scope, [r]))[0]!;
  /** Takes a step the caller's verdict on the registration allows, and answers with the registration as it stands then. */
  const step = async (q: Queryable, scope: Scope, id: number, action: ReportInAction, take: () => Promise<ReportIn>) => {
    await reportIns.ensureAction(q, scope, id, action);
    return one(q, scope, await take());
  };
  route(app, db, {
    method: 'GET', url: '/api/report-ins', tags, summary: '报到登记（社区看报到到本社区的，单位看本单位的，党员看自己的）',
    querystring: ReportInQuery, response: ReportInList,
    handler: async ({ q, scope, query }) => ({
      items: await reportIns.withActions(q, scope, await reportIns.list(q, query)),
      actions: allowedAtAny(REPORT_IN_LIST_ACTIONS, viewedFrom(scope, undefined), (path) => listVerdicts(scope, path)),
    }),
  });
  route(app, db, {
    method: 'GET', url: '/api/report-ins/export', tags, summary: '导出报到台账（Excel）',
    querystring: ReportInQuery, response: 'file',
    handler: async ({ q, query }) => ({ name: '报到台账.xlsx', type: XLSX, body: await reportIns.ledger(q, query) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/report-ins/counts', tags, summary: '报到登记数（按状态）',
    response: ReportInCounts,
    handler: ({ q }) => reportIns.counts(q),
  });
  route(app, db, {
    method: 'GET', url: '/api/report-ins/:reportInId', tags, summary: '报到登记详情',
    params: ReportInParams, response: ReportIn,
    handler: async ({ q, scope, params }) => one(q, scope, await reportIns.get(q, params.reportInId)),
  });
  route(app, db, {
    method: 'GET', url: '/api/report-ins/communities', tags, summary: '可报到的社区（本区域内的社区名录）',
    querystring: CommunityQuery, response: CommunityList,
    handler: async ({ q, query }) => ({ items: await reportIns.communities(q, query.q) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/units/:unitId/unregistered', tags, summary: '本单位尚未到社区报到的在职党员',
    params: UnitParams, response: UnregisteredList,
    handler: async ({ q, params }) => ({ items: await reportIns.unregistered(q, params.unitId) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/report-ins', tags, summary: '单位为在职党员开具报到登记',
    body: IssueReportIn, response: ReportIn,
    handler: async ({ q, scope, body }) => {
      ensureAllowed(listVerdicts(scope, null), 'issue');
      return one(q, scope, await reportIns.issue(q, unitsOf(scope), body));
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/report-ins/:reportInId/withdraw', tags, summary: '单位撤回报到登记',
    params: ReportInParams, response: ReportIn,
    handler: ({ q, scope, params }) => step(q, scope, params.reportInId, 'withdraw', () => reportIns.withdraw(q, params.reportInId)),
  });
  route(app, db, {
    method: 'POST', url: '/api/report-ins/:reportInId/accept', tags, summary: '社区接收报到，向单位回执',
    params: ReportInParams, response: ReportIn,
    handler: ({ q, scope, params }) => step(q, scope, params.reportInId, 'accept', () => reportIns.accept(q, params.reportInId)),
  });
  route(app, db, {
    method: 'POST', url: '/api/report-ins/:reportInId/decline', tags, summary: '社区退回报到登记',
    params: ReportInParams, body: DeclineReportIn, response: ReportIn,
    handler: ({ q, scope, params, body }) => step(q, scope, params.reportInId, 'decline', () => reportIns.decline(q, params.reportInId, body.reason)),
  });
  route(app, db, {
    method: 'POST', url: '/api/report-ins/:reportInId/commitment', tags, summary: '认领服务项目、作出承诺',
    params: ReportInParams, body: Commitment, response: ReportIn,
    handler: ({ q, scope, params, body }) => step(q, scope, params.reportInId, 'commit', () => reportIns.commit(q, params.reportInId, body)),
  });
}
