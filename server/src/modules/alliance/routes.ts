import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { allianceCalendar, atomFeed } from './feed.ts';
import { AlliancePage, AlliancePageParams, PublicAlliancePage, PublicPageParams, UpdateAlliancePage } from './schema.ts';
import * as alliance from './service.ts';

const tags = ['联盟公开页'];

export function allianceRoutes(app: FastifyInstance, { db }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/orgs/:orgId/alliance-page', tags, summary: '联盟公开页的设置：公开哪些内容、页面地址',
    params: AlliancePageParams, response: AlliancePage,
    handler: ({ q, scope, params }) => alliance.getPage(q, scope, params.orgId),
  });
  route(app, db, {
    method: 'PATCH', url: '/api/orgs/:orgId/alliance-page', tags, summary: '设置联盟公开页（社区书记或上级管理员；不选任何内容即不公开）',
    params: AlliancePageParams, body: UpdateAlliancePage, response: AlliancePage,
    handler: ({ q, scope, params, body }) => alliance.updatePage(q, scope, params.orgId, body),
  });

  // The public pages count each request in a transaction of its own, so that
  // a refusal (no such page) is counted too: asking id after id is throttled
  // like anything else.
  const publicPage = async (req: FastifyRequest, reply: FastifyReply, key: string) => {
    if (!(await db.scoped(req.scope, (q) => alliance.admit(q, req.ip)))) {
      reply.header('retry-after', '60');
      throw alliance.tooMany();
    }
    return db.scoped(req.scope, (q) => alliance.publicPage(q, key));
  };
  route(app, db, {
    method: 'GET', url: '/api/alliance/:allianceKey', tags,
    summary: '联盟公开页（无需登录）：面向居民的活动、开放阵地、共建项目、微心愿统计和共建单位承诺，只含社区选择公开的内容，不含个人信息',
    public: true, scoped: false, cacheSeconds: alliance.PUBLIC_MAX_AGE, params: PublicPageParams, response: PublicAlliancePage, errors: { 429: '访问过于频繁' },
    handler: async ({ params, req, reply }) => {
      return publicPage(req, reply, params.allianceKey);
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/alliance/:allianceKey/feed.atom', tags, summary: '联盟公开页的 Atom 订阅（无需登录）：近期活动和共建项目',
    public: true, scoped: false, cacheSeconds: alliance.PUBLIC_MAX_AGE, params: PublicPageParams, response: 'file', errors: { 429: '访问过于频繁' },
    handler: async ({ params, req, reply }) => {
      const xml = atomFeed(await publicPage(req, reply, params.allianceKey), `${req.protocol}://${req.host}`);
      return { name: 'alliance.atom', type: 'application/atom+xml; charset=utf-8', inline: true, body: Buffer.from(xml) };
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/alliance/:allianceKey/calendar.ics', tags, summary: '联盟公开页的日历订阅（iCal，无需登录）：面向居民的近期活动',
    public: true, scoped: false, cacheSeconds: alliance.PUBLIC_MAX_AGE, params: PublicPageParams, response: 'file', errors: { 429: '访问过于频繁' },
    handler: async ({ params, req, reply }) => {
      const ics = allianceCalendar(await publicPage(req, reply, params.allianceKey), `${req.protocol}://${req.host}`);
      return { name: 'alliance.ics', type: 'text/calendar; charset=utf-8', inline: true, body: Buffer.from(ics) };
    },
  });
}
