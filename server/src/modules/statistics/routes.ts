import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { ModuleContext } from '../../kernel/manifest.ts';
import { Statistics, StatisticsParams, StatisticsQuery } from './schema.ts';
import { periodOf, statistics } from './service.ts';

const tags = ['统计'];

export function statisticsRoutes(app: FastifyInstance, { db }: Kernel, { statistics: figures }: ModuleContext): void {
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/statistics', tags, summary: '统计：组织及其下级在一个期间的各项数据（均由记录统计得出），按月趋势，下级并列对比',
    params: StatisticsParams, querystring: StatisticsQuery, response: Statistics,
    handler: ({ q, scope, params, query }) => statistics(q, scope, figures, params.orgId, periodOf(query)),
  });
}
