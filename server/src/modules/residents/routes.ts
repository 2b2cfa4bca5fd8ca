import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { PublicCommunities, RegisterResident, Registered } from './schema.ts';
import * as residents from './service.ts';

const tags = ['居民'];

export function residentRoutes(app: FastifyInstance, { db, cipher }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/residents/communities', tags, summary: '可选择的社区（居民注册用，无需登录）',
    public: true, response: PublicCommunities,
    handler: async ({ q }) => ({ items: await residents.communities(q) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/residents/register', tags,
    summary: '居民用手机号注册（无需登录；已注册的手机号得到同样的答复而不做任何事；每个来源每小时、每个手机号每天限几次）',
    public: true, body: RegisterResident, response: Registered,
    handler: async ({ q, body, req, reply }) => {
      const accepted = await residents.register(q, cipher, body, req.ip);
      reply.code(202);
      return accepted;
    },
  });
}
