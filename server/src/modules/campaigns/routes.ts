import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { AssignCadre, Cadre, CadreParams, Campaign, CampaignDetail, CampaignList, CampaignParams, CampaignQuery, CampaignVisit, CreateCampaign, MyAssignmentList } from './schema.ts';
import * as campaigns from './service.ts';
import { VisitEntry } from '../grids/schema.ts';
import { z } from '../../kernel/validation.ts';

const Done = z.object({ ok: z.literal(true) });

const tags = ['大走访'];

export function campaignRoutes(app: FastifyInstance, { db }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/campaigns', tags, summary: '大走访：组织及其下级发起的走访活动',
    querystring: CampaignQuery, response: CampaignList,
    handler: ({ q, scope, query }) => campaigns.list(q, scope, query),
  });
  route(app, db, {
    method: 'POST', url: '/api/campaigns', tags, summary: '发起大走访（起止日期）',
    body: CreateCampaign, response: Campaign,
    handler: ({ q, scope, body }) => campaigns.create(q, scope, body),
  });
  route(app, db, {
    method: 'GET', url: '/api/campaigns/mine', tags, summary: '我的走访片区：分给本人的片区和要走访的住户',
    response: MyAssignmentList,
    handler: async ({ q }) => ({ items: await campaigns.mine(q) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/campaigns/visits', tags, summary: '登记大走访走访：分给本人的片区内的住户，大走访期间（报到党员、兼职委员也可），可同时提出意见建议（成为该户的需求）',
    body: CampaignVisit, response: VisitEntry,
    handler: ({ q, scope, body }) => campaigns.visit(q, scope, body),
  });
  route(app, db, {
    method: 'GET', url: '/api/campaigns/:campaignId', tags, summary: '大走访详情：走访干部、片区覆盖（按六类住户）、意见建议、解决问题、投入资金，均由记录统计',
    params: CampaignParams, response: CampaignDetail,
    handler: ({ q, scope, params }) => campaigns.detail(q, scope, params.campaignId),
  });
  route(app, db, {
    method: 'POST', url: '/api/campaigns/:campaignId/cadres', tags, summary: '分配走访片区：干部及其网格、楼栋或住户名单',
    params: CampaignParams, body: AssignCadre, response: Cadre,
    handler: ({ q, scope, params, body }) => campaigns.assign(q, scope, params.campaignId, body),
  });
  route(app, db, {
    method: 'DELETE', url: '/api/campaign-cadres/:cadreId', tags, summary: '撤下走访干部',
    params: CadreParams, response: Done,
    handler: async ({ q, scope, params }) => {
      await campaigns.removeCadre(q, scope, params.cadreId);
      return { ok: true as const };
    },
  });
}
