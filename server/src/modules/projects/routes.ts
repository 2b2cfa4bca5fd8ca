import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { listRoutes } from './lists.ts';
import { AddParty, AddUpdate, CancelProject, Complete, CreateProject, LinkNeed, ProjectDetail, ProjectList, ProjectParams, ProjectQuery } from './schema.ts';
import * as projects from './service.ts';

const tags = ['项目清单'];

export function projectRoutes(app: FastifyInstance, k: Kernel): void {
  const { db } = k;
  route(app, db, {
    method: 'GET', url: '/api/projects', tags, summary: '党建联盟项目',
    querystring: ProjectQuery, response: ProjectList,
    handler: async ({ q, scope, query }) => ({ items: await projects.list(q, scope, query.orgId), actions: await projects.listActions(q, scope, query.orgId) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/projects/:projectId', tags, summary: '项目详情：参与方及认领的资源、对接的需求、进展',
    params: ProjectParams, response: ProjectDetail,
    handler: ({ q, scope, params }) => projects.detail(q, scope, params.projectId),
  });
  route(app, db, {
    method: 'POST', url: '/api/projects', tags, summary: '新建项目',
    body: CreateProject, response: ProjectDetail,
    handler: ({ q, scope, body }) => projects.create(q, scope, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/projects/:projectId/parties', tags, summary: '加入参与单位或党员（及其认领的资源）',
    params: ProjectParams, body: AddParty, response: ProjectDetail,
    handler: ({ q, scope, params, body }) => projects.addParty(q, scope, params.projectId, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/projects/:projectId/needs', tags, summary: '把需求纳入项目',
    params: ProjectParams, body: LinkNeed, response: ProjectDetail,
    handler: ({ q, scope, params, body }) => projects.linkNeed(q, scope, params.projectId, body.needId),
  });
  route(app, db, {
    method: 'POST', url: '/api/projects/:projectId/updates', tags, summary: '记录项目进展',
    params: ProjectParams, body: AddUpdate, response: ProjectDetail,
    handler: ({ q, scope, params, body }) => projects.addUpdate(q, scope, params.projectId, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/projects/:projectId/complete', tags, summary: '项目完成（须填写成效）',
    params: ProjectParams, body: Complete, response: ProjectDetail,
    handler: ({ q, scope, params, body }) => projects.finish(q, scope, params.projectId, 'completed', body.outcome),
  });
  route(app, db, {
    method: 'POST', url: '/api/projects/:projectId/cancel', tags, summary: '终止项目',
    params: ProjectParams, body: CancelProject, response: ProjectDetail,
    handler: ({ q, scope, params, body }) => projects.finish(q, scope, params.projectId, 'cancelled', body.reason),
  });
  listRoutes(app, k);
}
