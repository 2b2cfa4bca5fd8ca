import type { FastifyInstance } from 'fastify';
import { route, XLSX } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import * as people from '../people/service.ts';
import {
  Confirm, DepartmentQuery, DepartmentTable, GradeParams, GradeQuery, MyGrades, OpenRound, ReportBack, RoundList, RoundParams, RoundQuery, RoundTable,
  UnitParams, UnitQuery, UnitTable,
} from './schema.ts';
import * as evaluation from './service.ts';

const tags = ['评议考评'];

export function evaluationRoutes(app: FastifyInstance, { db }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/evaluation-rounds', tags, summary: '民主评议党员：各支部（社区）每年一轮',
    querystring: RoundQuery, response: RoundList,
    handler: ({ q, scope, query }) => evaluation.rounds(q, scope, query.orgId),
  });
  route(app, db, {
    method: 'POST', url: '/api/evaluation-rounds', tags, summary: '开展民主评议：支部为一个年度开展一轮（每年一轮）',
    body: OpenRound, response: RoundTable,
    handler: ({ q, scope, body }) => evaluation.open(q, scope, body),
  });
  route(app, db, {
    method: 'GET', url: '/api/evaluation-rounds/:roundId', tags, summary: '评议表：每名党员从记录得出的数据、建议等次和确认等次',
    params: RoundParams, response: RoundTable,
    handler: ({ q, scope, params }) => evaluation.table(q, scope, params.roundId),
  });
  route(app, db, {
    method: 'GET', url: '/api/evaluation-rounds/:roundId/table.xlsx', tags, summary: '导出评议表（Excel）',
    params: RoundParams, response: 'file',
    handler: async ({ q, scope, params }) => ({ type: XLSX, ...(await evaluation.workbook(q, scope, params.roundId)) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/evaluation-rounds/:roundId/grades/:personId', tags, summary: '确认等次：与建议等次不同时须写明理由',
    params: GradeParams, body: Confirm, response: RoundTable,
    handler: ({ q, scope, params, body }) => evaluation.confirm(q, scope, params.roundId, params.personId, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/evaluation-rounds/:roundId/close', tags, summary: '结束评议：每名党员的等次都已确认',
    params: RoundParams, response: RoundTable,
    handler: ({ q, scope, params }) => evaluation.close(q, scope, params.roundId),
  });
  route(app, db, {
    method: 'GET', url: '/api/evaluation-grades', tags, summary: '评议结果：党员看本人的，工作人员看一名党员的',
    querystring: GradeQuery, response: MyGrades,
    handler: async ({ q, scope, query }) =>
      evaluation.grades(q, scope, query.personId, scope.userId === null ? null : (await people.ofAccount(q, scope.userId))?.id ?? null),
  });
  route(app, db, {
    method: 'GET', url: '/api/evaluation/units', tags, summary: '双述双评：社区对驻区单位的年度评议（承诺践诺、述诺评价、反馈）',
    querystring: UnitQuery, response: UnitTable,
    handler: ({ q, scope, query }) => evaluation.units(q, scope, query.orgId, query.year),
  });
  route(app, db, {
    method: 'GET', url: '/api/evaluation/units/table.xlsx', tags, summary: '导出驻区单位年度评议表（Excel）',
    querystring: UnitQuery, response: 'file',
    handler: async ({ q, scope, query }) => ({ type: XLSX, ...(await evaluation.unitsWorkbook(q, scope, query.orgId, query.year)) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/evaluation/units/:unitId/report-back', tags, summary: '社区向单位及其党组织反馈年度评议情况',
    params: UnitParams, body: ReportBack, response: UnitTable,
    handler: ({ q, scope, params, body }) => evaluation.reportBack(q, scope, params.unitId, body),
  });
  route(app, db, {
    method: 'GET', url: '/api/evaluation/departments', tags, summary: '社区评议职能部门：每个部门每年的评价件数、满意率、超期件数',
    querystring: DepartmentQuery, response: DepartmentTable,
    handler: async ({ q, query }) => evaluation.departments(q, query.year),
  });
}
