import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { Deliver, DeliveryParams, DeliveryQuery, Homebound, HomeboundList, HomeboundParams, HomeboundQuery, MarkHomebound, ScheduleDelivery, StudyDelivery, StudyDeliveryList } from './schema.ts';
import * as homestudy from './service.ts';

const tags = ['送学上门'];

export function homestudyRoutes(app: FastifyInstance, { db }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/homebound-members', tags, summary: '送学上门对象（因年老体弱、患病等不能参加组织生活的党员）',
    querystring: HomeboundQuery, response: HomeboundList,
    handler: ({ q, scope, query }) => homestudy.listHomebound(q, scope, query.orgId),
  });
  route(app, db, {
    method: 'POST', url: '/api/homebound-members', tags, summary: '登记送学上门对象（支部或社区工作人员）',
    body: MarkHomebound, response: Homebound,
    handler: ({ q, scope, body }) => homestudy.markHomebound(q, scope, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/homebound-members/:homeboundId/deliveries', tags, summary: '安排送学上门：把本月学习送到党员家中，作为一名党员的任务',
    params: HomeboundParams, body: ScheduleDelivery, response: StudyDelivery,
    handler: ({ q, scope, params, body }) => homestudy.schedule(q, scope, params.homeboundId, body),
  });
  route(app, db, {
    method: 'GET', url: '/api/study-deliveries', tags, summary: '送学任务（mine=true：本人送学的任务）',
    querystring: DeliveryQuery, response: StudyDeliveryList,
    handler: ({ q, scope, query }) => homestudy.listDeliveries(q, scope, { orgId: query.orgId, mine: query.mine === 'true' }),
  });
  route(app, db, {
    method: 'POST', url: '/api/study-deliveries/:deliveryId/deliver', tags, summary: '登记送达（送学人本人，只登记一次；计为该党员参加本月学习）',
    params: DeliveryParams, body: Deliver, response: StudyDelivery,
    handler: ({ q, scope, params, body }) => homestudy.deliver(q, scope, params.deliveryId, body.note),
  });
}
