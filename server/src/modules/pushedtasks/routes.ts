import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { CreatePushedTask, DepartmentPushes, DepartmentQuery, PushedTask, PushedTaskList, PushedTaskParams, PushedTaskQuery } from './schema.ts';
import * as pushed from './service.ts';

const tags = ['社区工作事项准入'];

export function pushedTaskRoutes(app: FastifyInstance, { db }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/pushed-tasks', tags, summary: '交办事项：压到社区的工作事项，含权限、经费和行政性事务占比',
    querystring: PushedTaskQuery, response: PushedTaskList,
    handler: ({ q, scope, query }) => pushed.list(q, scope, query),
  });
  route(app, db, {
    method: 'GET', url: '/api/pushed-tasks/departments', tags, summary: '各职能部门交办事项统计（权随事走、费随事转）',
    querystring: DepartmentQuery, response: DepartmentPushes,
    handler: ({ q, query }) => pushed.byDepartment(q, query),
  });
  route(app, db, {
    method: 'POST', url: '/api/pushed-tasks', tags, summary: '登记交办事项：职能部门交给社区的工作，及随事转移的权限和经费',
    body: CreatePushedTask, response: PushedTask,
    handler: ({ q, scope, body }) => pushed.create(q, scope, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/pushed-tasks/:pushedTaskId/withdraw', tags, summary: '撤回交办事项',
    params: PushedTaskParams, response: PushedTask,
    handler: ({ q, scope, params }) => pushed.withdraw(q, scope, params.pushedTaskId),
  });
}
