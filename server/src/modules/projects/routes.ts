import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { Queryable } from '../../kernel/db.ts';
import { ensureStaff } from '../needs/policy.ts';
import * as orgs from '../orgs/service.ts';
import { listRoutes } from './lists.ts';
import { AddParty, AddUpdate, CancelProject, Complete, CreateProject, LinkNeed, ProjectDetail, ProjectList, ProjectParams, ProjectQuery } from './schema.ts';
import * as projects from './service.ts';

/** Where a project belongs: the roles that count are those held there. */
const projectPath = (q: Queryable, projectId: number) => orgs.pathOfRow(q, 'projects', projectId, '项目');

const tags = ['项目清单'];

export function projectRoutes(app: FastifyInstance, k: Kernel): void {
  const { db } = k;
  route(app, db, {
    method: 'GET', url: '/api/projects', tags, summary: '党建联盟项目',
    querystring: ProjectQuery, response: ProjectList,
    handler: async ({ q, query }) => ({ items: await projects.list(q, query.orgId) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/projects/:projectId', tags, summary: '项目详情：参与方及认领的资源、对接的需求、进展',
    params: ProjectParams, response: ProjectDetail,
    handler: ({ q, params }) => projects.detail(q, params.projectId),
  });
  route(app, db, {
    method: 'POST', url: '/api/projects', tags, summary: '新建项目',
    body: CreateProject, response: ProjectDetail,
    handler: async ({ q, scope, body }) => {
      ensureStaff(scope, { zh: '新建项目', en: 'create projects' }, await orgs.pathIfSeen(q, body.orgId));
      return projects.create(q, body);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/projects/:projectId/parties', tags, summary: '加入参与单位或党员（及其认领的资源）',
    params: ProjectParams, body: AddParty, response: ProjectDetail,
    handler: async ({ q, scope, params, body }) => {
      ensureStaff(scope, { zh: '修改项目', en: 'change projects' }, await projectPath(q, params.projectId));
      return projects.addParty(q, params.projectId, body);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/projects/:projectId/needs', tags, summary: '把需求纳入项目',
    params: ProjectParams, body: LinkNeed, response: ProjectDetail,
    handler: async ({ q, scope, params, body }) => {
      ensureStaff(scope, { zh: '修改项目', en: 'change projects' }, await projectPath(q, params.projectId));
      return projects.linkNeed(q, params.projectId, body.needId);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/projects/:projectId/updates', tags, summary: '记录项目进展',
    params: ProjectParams, body: AddUpdate, response: ProjectDetail,
    handler: async ({ q, scope, params, body }) => {
      ensureStaff(scope, { zh: '记录项目进展', en: 'record project progress' }, await projectPath(q, params.projectId));
      return projects.addUpdate(q, params.projectId, scope.userName ?? '', body);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/projects/:projectId/complete', tags, summary: '项目完成（须填写成效）',
    params: ProjectParams, body: Complete, response: ProjectDetail,
    handler: async ({ q, scope, params, body }) => {
      ensureStaff(scope, { zh: '完成项目', en: 'complete projects' }, await projectPath(q, params.projectId));
      return projects.finish(q, params.projectId, 'completed', body.outcome);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/projects/:projectId/cancel', tags, summary: '终止项目',
    params: ProjectParams, body: CancelProject, response: ProjectDetail,
    handler: async ({ q, scope, params, body }) => {
      ensureStaff(scope, { zh: '终止项目', en: 'end projects' }, await projectPath(q, params.projectId));
      return projects.finish(q, params.projectId, 'cancelled', body.reason);
    },
  });
  listRoutes(app, k);
}
