import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { ModuleContext } from '../../kernel/manifest.ts';
import { TodoList } from './schema.ts';
import * as home from './service.ts';

const tags = ['首页'];

export function homeRoutes(app: FastifyInstance, { db }: Kernel, ctx: ModuleContext): void {
  route(app, db, {
    method: 'GET', url: '/api/home/todo', tags, summary: '今日待办（按角色，来自各模块的记录）',
    response: TodoList,
    handler: async ({ q, scope }) => ({ items: await home.todo(q, scope, ctx.todo) }),
  });
}
