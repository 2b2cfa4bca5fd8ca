import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { Scope } from '../../kernel/scope.ts';
import { allowedAtAny, ensureAllowed, viewedFrom } from '../../kernel/actions.ts';
import * as orgs from '../orgs/service.ts';
import { listVerdicts, withdrawnBy } from './policy.ts';
import {
  Advance, Notice, OwnRecruitments, RECRUITMENT_LIST_ACTIONS, Recruitment, RecruitmentList, RecruitmentParams, RecruitmentQuery, Sponsors, StartRecruitment, Withdraw,
} from './schema.ts';
import * as recruitment from './service.ts';

const tags = ['发展党员'];

export function recruitmentRoutes(app: FastifyInstance, { db, cipher }: Kernel): void {
  const one = async (q: Queryable, scope: Scope, r: Recruitment) => (await recruitment.withActions(q, scope, [r]))[0]!;
  route(app, db, {
    method: 'GET', url: '/api/recruitments', tags, summary: '发展党员名册（按组织、阶段）',
    querystring: RecruitmentQuery, response: RecruitmentList,
    handler: async ({ q, scope, query }) => {
      const found = await recruitment.list(q, query);
      const places = viewedFrom(scope, query.orgId === undefined ? undefined : await orgs.pathIfSeen(q, query.orgId));
      return { ...found, items: await recruitment.withActions(q, scope, found.items), actions: allowedAtAny(RECRUITMENT_LIST_ACTIONS, places, (path) => listVerdicts(scope, path)) };
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/recruitments/mine', tags, summary: '我的入党申请：本人的发展党员记录和所处阶段',
    response: OwnRecruitments,
    handler: async ({ q, scope }) => {
      const found = await recruitment.mine(q, scope.userId!);
      return { ...found, items: await recruitment.withActions(q, scope, found.items) };
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/recruitments/:recruitmentId', tags, summary: '发展党员记录详情',
    params: RecruitmentParams, response: Recruitment,
    handler: async ({ q, scope, params }) => one(q, scope, await recruitment.get(q, params.recruitmentId)),
  });
  route(app, db, {
    method: 'POST', url: '/api/recruitments', tags, summary: '登记入党申请人',
    body: StartRecruitment, response: Recruitment,
    handler: async ({ q, scope, body }) => {
      ensureAllowed(listVerdicts(scope, await orgs.pathIfSeen(q, body.orgId)), 'create');
      return one(q, scope, await recruitment.start(q, body));
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/recruitments/:recruitmentId/advance', tags, summary: '进入下一阶段（不能跳过，公示期满之后才能接收或转正）',
    params: RecruitmentParams, body: Advance, response: Recruitment,
    handler: async ({ q, scope, params, body }) => {
      await recruitment.ensureAction(q, scope, params.recruitmentId, 'advance');
      return one(q, scope, await recruitment.advance(q, cipher, params.recruitmentId, body));
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/recruitments/:recruitmentId/withdraw', tags, summary: '撤回入党申请（申请人本人）或终止发展（党组织，须写明原因）',
    params: RecruitmentParams, body: Withdraw, response: Recruitment,
    handler: async ({ q, scope, params, body }) => {
      const { orgPath } = await recruitment.ensureAction(q, scope, params.recruitmentId, 'withdraw');
      return one(q, scope, await recruitment.withdraw(q, params.recruitmentId, withdrawnBy(scope, orgPath), body));
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/recruitments/:recruitmentId/sponsors', tags, summary: '确定两名入党介绍人',
    params: RecruitmentParams, body: Sponsors, response: Recruitment,
    handler: async ({ q, scope, params, body }) => {
      await recruitment.ensureAction(q, scope, params.recruitmentId, 'sponsors');
      return one(q, scope, await recruitment.setSponsors(q, params.recruitmentId, body.sponsorIds));
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/recruitments/:recruitmentId/notice', tags, summary: '公示（接收预备党员或转正之前）',
    params: RecruitmentParams, body: Notice, response: Recruitment,
    handler: async ({ q, scope, params, body }) => {
      await recruitment.ensureAction(q, scope, params.recruitmentId, 'notice');
      return one(q, scope, await recruitment.setNotice(q, params.recruitmentId, body));
    },
  });
}
