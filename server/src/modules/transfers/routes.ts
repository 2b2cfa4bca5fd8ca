import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { E } from './errors.ts';
import * as orgs from '../orgs/service.ts';
import * as people from '../people/service.ts';
import { ensureMayRequest } from './policy.ts';
import { DestinationQuery, Destinations, RequestTransfer, Resubmit, ReturnTransfer, Transfer, TransferList, TransferParams, TransferQuery } from './schema.ts';
import * as transfers from './service.ts';

const tags = ['组织关系接转'];

export function transferRoutes(app: FastifyInstance, { db }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/transfers', tags, summary: '组织关系转接（转出方和转入方都能看到）',
    querystring: TransferQuery, response: TransferList,
    handler: async ({ q, query }) => ({ items: await transfers.list(q, query.status) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/transfers/destinations', tags, summary: '可转入的党组织（本区域名录）',
    querystring: DestinationQuery, response: Destinations,
    handler: async ({ q, query }) => ({ items: await transfers.destinations(q, query.q) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/transfers/:transferId', tags, summary: '转接详情，含当前可办理的步骤',
    params: TransferParams, response: Transfer,
    handler: ({ q, params }) => transfers.get(q, params.transferId),
  });
  route(app, db, {
    method: 'GET', url: '/api/transfers/:transferId/letter', tags, summary: '打印组织关系介绍信（HTML）',
    params: TransferParams, response: 'file',
    handler: async ({ q, params }) => ({
      name: `组织关系介绍信-${params.transferId}.html`, type: 'text/html; charset=utf-8', inline: true, body: Buffer.from(await transfers.letter(q, params.transferId)),
    }),
  });
  route(app, db, {
    method: 'POST', url: '/api/transfers', tags, summary: '发起组织关系转接',
    body: RequestTransfer, response: Transfer,
    handler: async ({ q, scope, body }) => {
      const member = await people.find(q, body.personId);
      if (!member) throw E.member_not_found();
      ensureMayRequest(scope, await orgs.pathIfSeen(q, member.orgId));
      return transfers.request(q, body);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/transfers/:transferId/approve', tags, summary: '转出方审批同意（开具介绍信）',
    params: TransferParams, response: Transfer,
    handler: ({ q, params }) => transfers.approve(q, params.transferId),
  });
  route(app, db, {
    method: 'POST', url: '/api/transfers/:transferId/return', tags, summary: '退回修改',
    params: TransferParams, body: ReturnTransfer, response: Transfer,
    handler: ({ q, params, body }) => transfers.giveBack(q, params.transferId, body.note),
  });
  route(app, db, {
    method: 'POST', url: '/api/transfers/:transferId/withdraw', tags, summary: '撤回转接',
    params: TransferParams, response: Transfer,
    handler: ({ q, params }) => transfers.withdraw(q, params.transferId),
  });
  route(app, db, {
    method: 'POST', url: '/api/transfers/:transferId/resubmit', tags, summary: '修改后重新提交',
    params: TransferParams, body: Resubmit, response: Transfer,
    handler: ({ q, params, body }) => transfers.resubmit(q, params.transferId, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/transfers/:transferId/receive', tags, summary: '转入方接收（办结）',
    params: TransferParams, response: Transfer,
    handler: ({ q, params }) => transfers.receive(q, params.transferId),
  });
}
