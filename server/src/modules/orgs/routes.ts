import type { FastifyInstance } from 'fastify';
import type { Kernel } from '../../kernel/kernel.ts';
import { route } from '../../kernel/http.ts';
import * as people from '../people/service.ts';
import { ensureCanManageOrgs } from './policy.ts';
import { CreateOrg, Org, OrgDetail, OrgList, OrgPage, OrgParams, OrgSearchQuery, OrgSummary, RenameOrg, UnitList, UnitQuery } from './schema.ts';
import * as orgs from './service.ts';

const tags = ['组织体系'];

export function orgRoutes(app: FastifyInstance, { db }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/orgs/roots', tags, summary: '我可见的组织树顶层',
    response: OrgList,
    handler: async ({ q }) => ({ items: await orgs.roots(q) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs', tags, summary: '按名称查找组织',
    querystring: OrgSearchQuery, response: OrgPage,
    handler: ({ q, query }) => orgs.search(q, query.q || undefined, query.page, query.pageSize),
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId', tags, summary: '组织详情',
    params: OrgParams, response: OrgDetail,
    handler: ({ q, params }) => orgs.detail(q, params.orgId),
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/children', tags, summary: '下级组织',
    params: OrgParams, response: OrgList,
    handler: async ({ q, params }) => ({ items: await orgs.children(q, params.orgId) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/summary', tags, summary: '组织及其下级的数量统计',
    params: OrgParams, response: OrgSummary,
    handler: async ({ q, params }) => {
      const { path, orgCount } = await orgs.countUnder(q, params.orgId);
      return { orgId: params.orgId, orgCount, ...(await people.countUnder(q, path)) };
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/orgs', tags, summary: '新建下级组织',
    body: CreateOrg, response: Org,
    handler: ({ q, scope, body }) => {
      ensureCanManageOrgs(scope);
      return orgs.create(q, body);
    },
  });
  route(app, db, {
    method: 'PATCH', url: '/api/orgs/:orgId', tags, summary: '重命名组织',
    params: OrgParams, body: RenameOrg, response: Org,
    handler: ({ q, scope, params, body }) => {
      ensureCanManageOrgs(scope);
      return orgs.rename(q, params.orgId, body.name);
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/units', tags, summary: '驻区单位、企业、社会组织与职能部门',
    querystring: UnitQuery, response: UnitList,
    handler: async ({ q, query }) => ({ items: await orgs.listUnits(q, query.orgId) }),
  });
}
