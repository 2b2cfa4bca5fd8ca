import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { ModuleContext } from '../../kernel/manifest.ts';
import { z } from '../../kernel/validation.ts';
import { E } from './errors.ts';
import { jobRegions } from './policy.ts';
import {
  CreateSubscription, DeliveryList, DeliveryQuery, EditSubscription, EventList, EventQuery, JobList, JobParams, JobQuery, JobRecord,
  MarkRead, MessageList, MessageQuery, Subscription, SubscriptionList, SubscriptionParams, SubscriptionQuery, Unread,
} from './schema.ts';
import * as broadcast from './service.ts';

const tags = ['联盟推送'];

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : (v as string | null));
const jobRecord = (j: Awaited<ReturnType<ModuleContext['jobs']['list']>>['items'][number]) => ({
  id: j.id, name: j.name, periodic: j.everyMs !== null, status: j.status, runAt: iso(j.runAt)!, attempts: j.attempts, maxAttempts: j.maxAttempts,
  lastError: j.lastError, createdAt: iso(j.createdAt)!, finishedAt: iso(j.finishedAt),
});

export function broadcastRoutes(app: FastifyInstance, { db, cipher }: Kernel, { webhooksAnywhere, jobs }: ModuleContext): void {
  route(app, db, {
    method: 'GET', url: '/api/broadcast/events', tags, summary: '站内消息：所辖范围内发生的事件（微心愿认领、派单、超时、任务分派、报到、活动）',
    querystring: EventQuery, response: EventList,
    handler: ({ q, query }) => broadcast.events(q, query) as never,
  });
  route(app, db, {
    method: 'GET', url: '/api/messages', tags, summary: '消息中心：近 90 天本人可见的事件，新的在前，标明已读未读',
    querystring: MessageQuery, response: MessageList,
    handler: ({ q, query }) => broadcast.messages(q, query) as never,
  });
  route(app, db, {
    method: 'GET', url: '/api/messages/unread', tags, summary: '未读消息数（红点）',
    response: Unread,
    handler: async ({ q }) => ({ unread: await broadcast.unreadCount(q) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/messages/read', tags, summary: '标为已读：指定的消息，或全部',
    body: MarkRead, response: Unread,
    handler: ({ q, body }) => broadcast.markRead(q, body),
  });
  route(app, db, {
    method: 'GET', url: '/api/broadcast/subscriptions', tags, summary: '推送订阅：组织的群机器人与个人的邮件、短信',
    querystring: SubscriptionQuery, response: SubscriptionList,
    handler: ({ q, scope, query }) => broadcast.subscriptions(q, scope, query.orgId),
  });
  route(app, db, {
    method: 'POST', url: '/api/broadcast/subscriptions', tags, summary: '添加订阅（地址与密钥加密保存，不再显示）',
    body: CreateSubscription, response: Subscription,
    handler: ({ q, scope, body }) => broadcast.create(q, cipher, scope, body, webhooksAnywhere),
  });
  route(app, db, {
    method: 'PATCH', url: '/api/broadcast/subscriptions/:subscriptionId', tags, summary: '修改订阅：启停、事件、摘要、免打扰',
    params: SubscriptionParams, body: EditSubscription, response: Subscription,
    handler: ({ q, scope, params, body }) => broadcast.edit(q, scope, params.subscriptionId, body),
  });
  route(app, db, {
    method: 'DELETE', url: '/api/broadcast/subscriptions/:subscriptionId', tags, summary: '删除订阅',
    params: SubscriptionParams, response: z.object({ ok: z.literal(true) }),
    handler: async ({ q, scope, params }) => {
      await broadcast.remove(q, scope, params.subscriptionId);
      return { ok: true as const };
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/broadcast/subscriptions/:subscriptionId/unsubscribe', tags, summary: '退订（本人）',
    params: SubscriptionParams, response: Subscription,
    handler: ({ q, scope, params }) => broadcast.unsubscribe(q, scope, params.subscriptionId),
  });
  route(app, db, {
    method: 'GET', url: '/api/broadcast/deliveries', tags, summary: '推送记录：送达、重试与失败',
    querystring: DeliveryQuery, response: DeliveryList,
    handler: async ({ q, query }) => {
      const r = await broadcast.deliveries(q, query);
      return { total: r.total, items: r.items.map((d) => ({ ...(d as Record<string, unknown>), sentAt: iso((d as { sentAt: unknown }).sentAt), createdAt: iso((d as { createdAt: unknown }).createdAt) })) } as never;
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/jobs', tags, summary: '后台任务：定时任务与推送，失败与待处理的在前（区级管理员）',
    // The queue is read on the runner's own connection: inside a scoped
    // transaction that wait never ends on PGlite, whose one connection the
    // transaction holds.
    scoped: false, querystring: JobQuery, response: JobList,
    handler: async ({ scope, query }) => {
      const regions = jobRegions(scope);
      if (regions.length === 0) throw E.admin_jobs_only({ action: { zh: '查看后台任务', en: 'see the jobs' } });
      const r = await jobs.list(regions, query);
      return { total: r.total, items: r.items.map(jobRecord) };
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/jobs/:jobId/retry', tags, summary: '重试失败的后台任务（区级管理员）',
    scoped: false, params: JobParams, response: JobRecord,
    handler: async ({ scope, params }) => {
      const regions = jobRegions(scope);
      if (regions.length === 0) throw E.admin_jobs_only({ action: { zh: '重试后台任务', en: 'retry a job' } });
      const j = await jobs.retry(regions, params.jobId);
      if (!j) throw E.job_not_dead();
      return jobRecord(j);
    },
  });
}
