import type { FastifyInstance } from 'fastify';
import { XLSX, route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { ModuleContext } from '../../kernel/manifest.ts';
import { AnnualReport, AnnualReportQuery, Statistics, StatisticsAreas, StatisticsParams, StatisticsQuery } from './schema.ts';
import { annualReport, annualWorkbook, areas, periodOf, statistics } from './service.ts';

const tags = ['统计'];

export function statisticsRoutes(app: FastifyInstance, { db }: Kernel, { statistics: figures, commendations }: ModuleContext): void {
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/statistics', tags, summary: '统计：组织及其下级在一个期间的各项数据（均由记录统计得出），按月趋势，下级并列对比',
    params: StatisticsParams, querystring: StatisticsQuery, response: Statistics,
    handler: ({ q, scope, params, query }) => statistics(q, scope, figures, params.orgId, periodOf(query)),
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/statistics/areas', tags, summary: '区域图：所辖各社区（社区为其下级组织）在期间内的主要数据，供大屏着色',
    params: StatisticsParams, querystring: StatisticsQuery, response: StatisticsAreas,
    handler: ({ q, scope, params, query }) => areas(q, scope, figures, params.orgId, periodOf(query)),
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/annual-report', tags, summary: '年度报告：本年度各项数据与上年度对照，评优候选（均由记录得出）',
    params: StatisticsParams, querystring: AnnualReportQuery, response: AnnualReport,
    handler: ({ q, scope, params, query }) => annualReport(q, scope, figures, commendations, params.orgId, query.year),
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/annual-report/export', tags, summary: '导出年度报告（Excel）',
    params: StatisticsParams, querystring: AnnualReportQuery, response: 'file',
    handler: async ({ q, scope, params, query }) => ({ type: XLSX, ...(await annualWorkbook(await annualReport(q, scope, figures, commendations, params.orgId, query.year))) }),
  });
}
