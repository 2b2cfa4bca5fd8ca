import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { E } from './errors.ts';
import * as orgs from '../orgs/service.ts';
import * as people from '../people/service.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { Scope } from '../../kernel/scope.ts';
import { allowedAtAny, ensureAllowed, viewedFrom } from '../../kernel/actions.ts';
import { listVerdicts } from './policy.ts';
import {
  DestinationQuery, Destinations, RequestTransfer, Resubmit, ReturnTransfer, TRANSFER_LIST_ACTIONS, Transfer, TransferList, TransferParams, TransferQuery,
  type TransferAction,
} from './schema.ts';
import * as transfers from './service.ts';

const tags = ['组织关系接转'];

export function transferRoutes(app: FastifyInstance, { db }: Kernel): void {
  const one = async (q: Queryable, scope: Scope, t: Transfer) => (await transfers.withActions(q, scope, [t]))[0]!;
  /** Takes a step the caller's verdict on the transfer allows, and answers with the transfer as it stands then. */
  const step = async (q: Queryable, scope: Scope, id: number, action: TransferAction, take: () => Promise<Transfer>) => {
    await transfers.ensureAction(q, scope, id, action);
    return one(q, scope, await take());
  };
  route(app, db, {
    method: 'GET', url: '/api/transfers', tags, summary: '组织关系转接（转出方和转入方都能看到）',
    querystring: TransferQuery, response: TransferList,
    handler: async ({ q, scope, query }) => ({
      items: await transfers.withActions(q, scope, await transfers.list(q, query.status)),
      actions: allowedAtAny(TRANSFER_LIST_ACTIONS, viewedFrom(scope, undefined), (path) => listVerdicts(scope, path)),
    }),
  });
  route(app, db, {
    method: 'GET', url: '/api/transfers/destinations', tags, summary: '可转入的党组织（本区域名录）',
    querystring: DestinationQuery, response: Destinations,
    handler: async ({ q, query }) => ({ items: await transfers.destinations(q, query.q) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/transfers/:transferId', tags, summary: '转接详情，含当前可办理的步骤',
    params: TransferParams, response: Transfer,
    handler: async ({ q, scope, params }) => one(q, scope, await transfers.get(q, params.transferId)),
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
      ensureAllowed(listVerdicts(scope, await orgs.pathIfSeen(q, member.orgId)), 'create');
      return one(q, scope, await transfers.request(q, body));
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/transfers/:transferId/approve', tags, summary: '转出方审批同意（开具介绍信）',
    params: TransferParams, response: Transfer,
    handler: ({ q, scope, params }) => step(q, scope, params.transferId, 'approve', () => transfers.approve(q, params.transferId)),
  });
  route(app, db, {
    method: 'POST', url: '/api/transfers/:transferId/return', tags, summary: '退回修改',
    params: TransferParams, body: ReturnTransfer, response: Transfer,
    handler: ({ q, scope, params, body }) => step(q, scope, params.transferId, 'return', () => transfers.giveBack(q, params.transferId, body.note)),
  });
  route(app, db, {
    method: 'POST', url: '/api/transfers/:transferId/withdraw', tags, summary: '撤回转接',
    params: TransferParams, response: Transfer,
    handler: ({ q, scope, params }) => step(q, scope, params.transferId, 'withdraw', () => transfers.withdraw(q, params.transferId)),
  });
  route(app, db, {
    method: 'POST', url: '/api/transfers/:transferId/resubmit', tags, summary: '修改后重新提交',
    params: TransferParams, body: Resubmit, response: Transfer,
    handler: ({ q, scope, params, body }) => step(q, scope, params.transferId, 'resubmit', () => transfers.resubmit(q, params.transferId, body)),
  });
  route(app, db, {
    method: 'POST', url: '/api/transfers/:transferId/receive', tags, summary: '转入方接收（办结）',
    params: TransferParams, response: Transfer,
    handler: ({ q, scope, params }) => step(q, scope, params.transferId, 'receive', () => transfers.receive(q, params.transferId)),
  });
}
