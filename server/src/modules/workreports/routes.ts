import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { CommentWorkReport, FileWorkReport, PeriodQuery, WorkReport, WorkReportDraft, WorkReportList, WorkReportParams, WorkReportQuery } from './schema.ts';
import * as reports from './service.ts';

const tags = ['述职（工作报告）'];

export function workReportRoutes(app: FastifyInstance, { db }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/work-reports', tags, summary: '工作报告：本组织及下级报送的，或报送给本组织的',
    querystring: WorkReportQuery, response: WorkReportList,
    handler: ({ q, scope, query }) => reports.list(q, scope, query),
  });
  route(app, db, {
    method: 'GET', url: '/api/work-reports/draft', tags, summary: '报告草稿：从记录汇总的报告期内完成任务、办结需求和开展活动',
    querystring: PeriodQuery, response: WorkReportDraft,
    handler: ({ q, scope, query }) => reports.draft(q, scope, query),
  });
  route(app, db, {
    method: 'POST', url: '/api/work-reports', tags, summary: '报送工作报告：向上级组织报送已结束报告期的工作',
    body: FileWorkReport, response: WorkReport,
    handler: ({ q, scope, body }) => reports.file(q, scope, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/work-reports/:workReportId/comments', tags, summary: '点评工作报告（接收报告的上级组织）',
    params: WorkReportParams, body: CommentWorkReport, response: WorkReport,
    handler: ({ q, scope, params, body }) => reports.comment(q, scope, params.workReportId, body.body),
  });
}
