import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import {
  AssignSeat, CreatePost, Post, PostDetail, PostList, PostParams, PostQuery, PostWork, RecordWork, SeatNote, SeatParams, UpdatePost,
} from './schema.ts';
import * as posts from './service.ts';

const tags = ['设岗定责'];

export function postRoutes(app: FastifyInstance, { db }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/posts', tags, summary: '岗位（工作人员看辖区的，含认领、在岗人员和工作数）',
    querystring: PostQuery, response: PostList,
    handler: async ({ q, scope, query }) => ({ items: await posts.list(q, scope, query) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/posts/board', tags, summary: '可认领的岗位：本人所在社区发布、认领中的岗位',
    response: PostList,
    handler: async ({ q, scope }) => ({ items: await posts.board(q, scope) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/posts/mine', tags, summary: '我的岗位：本人认领或担任的岗位',
    response: PostList,
    handler: async ({ q, scope }) => ({ items: await posts.mine(q, scope) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/posts/:postId', tags, summary: '岗位详情：名额、在岗人员及工作记录',
    params: PostParams, response: PostDetail,
    handler: ({ q, scope, params }) => posts.detail(q, scope, params.postId),
  });
  route(app, db, {
    method: 'POST', url: '/api/posts', tags, summary: '发布岗位（社区或网格）',
    body: CreatePost, response: Post,
    handler: ({ q, scope, body }) => posts.create(q, scope, body),
  });
  route(app, db, {
    method: 'PATCH', url: '/api/posts/:postId', tags, summary: '修改岗位：名称、职责、名额，停止或恢复认领',
    params: PostParams, body: UpdatePost, response: Post,
    handler: ({ q, scope, params, body }) => posts.update(q, scope, params.postId, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/posts/:postId/claim', tags, summary: '认岗：党员本人认领一个名额，待社区审核',
    params: PostParams, response: Post,
    handler: ({ q, scope, params }) => posts.claim(q, scope, params.postId),
  });
  route(app, db, {
    method: 'POST', url: '/api/posts/:postId/seats', tags, summary: '安排党员上岗（直接在岗）',
    params: PostParams, body: AssignSeat, response: Post,
    handler: ({ q, scope, params, body }) => posts.assign(q, scope, params.postId, body.personId),
  });
  for (const step of ['approve', 'reject', 'release'] as const) {
    route(app, db, {
      method: 'POST', url: `/api/post-seats/:seatId/${step}`, tags,
      summary: { approve: '通过认岗申请', reject: '不通过认岗申请', release: '离岗：释放名额' }[step],
      params: SeatParams, body: SeatNote, response: Post,
      handler: ({ q, scope, params, body }) => posts.seatStep(q, scope, params.seatId, step, body.note),
    });
  }
  route(app, db, {
    method: 'POST', url: '/api/posts/:postId/work', tags, summary: '记录岗位工作：一条工作记录，或把办结的需求、服务日志记在岗位上',
    params: PostParams, body: RecordWork, response: PostWork,
    handler: ({ q, scope, params, body }) => posts.recordWork(q, scope, params.postId, body),
  });
}
