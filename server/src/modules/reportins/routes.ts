import type { FastifyInstance } from 'fastify';
import { XLSX, route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { Queryable } from '../../kernel/db.ts';
import * as orgs from '../orgs/service.ts';
import { ensureCommunityAdmin, ensureLiaisonOf, ensureMayCommit, ensureUnitLiaison } from './policy.ts';
import {
  Commitment, CommunityList, CommunityQuery, ReportInCounts, DeclineReportIn, IssueReportIn, ReportIn, ReportInList, ReportInParams, ReportInQuery, UnitParams,
  UnregisteredList,
} from './schema.ts';
import { REPORT_IN } from './errors.ts';
import * as reportIns from './service.ts';

const tags = ['双报到'];
/** The registration's community (null where the caller, a member, cannot see it): the roles that count are those held there. */
const reportInPath = (q: Queryable, id: number) => orgs.pathOfRow(q, 'report_ins', id, REPORT_IN);

export function reportInRoutes(app: FastifyInstance, { db }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/report-ins', tags, summary: '报到登记（社区看报到到本社区的，单位看本单位的，党员看自己的）',
    querystring: ReportInQuery, response: ReportInList,
    handler: async ({ q, query }) => ({ items: await reportIns.list(q, query) }),
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
    handler: ({ q, params }) => reportIns.get(q, params.reportInId),
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
    handler: ({ q, scope, body }) => reportIns.issue(q, ensureUnitLiaison(scope), body),
  });
  route(app, db, {
    method: 'POST', url: '/api/report-ins/:reportInId/withdraw', tags, summary: '单位撤回报到登记',
    params: ReportInParams, response: ReportIn,
    handler: async ({ q, scope, params }) => {
      ensureLiaisonOf(scope, (await reportIns.get(q, params.reportInId)).unitId);
      return reportIns.withdraw(q, params.reportInId);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/report-ins/:reportInId/accept', tags, summary: '社区接收报到，向单位回执',
    params: ReportInParams, response: ReportIn,
    handler: async ({ q, scope, params }) => {
      ensureCommunityAdmin(scope, await reportInPath(q, params.reportInId));
      return reportIns.accept(q, params.reportInId);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/report-ins/:reportInId/decline', tags, summary: '社区退回报到登记',
    params: ReportInParams, body: DeclineReportIn, response: ReportIn,
    handler: async ({ q, scope, params, body }) => {
      ensureCommunityAdmin(scope, await reportInPath(q, params.reportInId));
      return reportIns.decline(q, params.reportInId, body.reason);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/report-ins/:reportInId/commitment', tags, summary: '认领服务项目、作出承诺',
    params: ReportInParams, body: Commitment, response: ReportIn,
    handler: async ({ q, scope, params, body }) => {
      ensureMayCommit(scope, await reportIns.isOwn(q, params.reportInId, scope.userId!), await reportInPath(q, params.reportInId));
      return reportIns.commit(q, params.reportInId, body);
    },
  });
}
