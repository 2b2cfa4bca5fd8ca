import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { Queryable } from '../../kernel/db.ts';
import * as orgs from '../orgs/service.ts';
import { RECRUITMENT } from './errors.ts';
import { ensureMayRecruit, withdrawnBy } from './policy.ts';
import { Advance, Notice, Recruitment, RecruitmentList, RecruitmentParams, RecruitmentQuery, Sponsors, StartRecruitment, Withdraw } from './schema.ts';
import * as recruitment from './service.ts';

const tags = ['发展党员'];
/** Where a recruitment record belongs: the roles that count are those held there. */
const recordPath = (q: Queryable, id: number) => orgs.pathOfRow(q, 'recruitments', id, RECRUITMENT);

export function recruitmentRoutes(app: FastifyInstance, { db, cipher }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/recruitments', tags, summary: '发展党员名册（按组织、阶段）',
    querystring: RecruitmentQuery, response: RecruitmentList,
    handler: ({ q, query }) => recruitment.list(q, query),
  });
  route(app, db, {
    method: 'GET', url: '/api/recruitments/mine', tags, summary: '我的入党申请：本人的发展党员记录和所处阶段',
    response: RecruitmentList,
    handler: ({ q, scope }) => recruitment.mine(q, scope.userId!),
  });
  route(app, db, {
    method: 'GET', url: '/api/recruitments/:recruitmentId', tags, summary: '发展党员记录详情',
    params: RecruitmentParams, response: Recruitment,
    handler: ({ q, params }) => recruitment.get(q, params.recruitmentId),
  });
  route(app, db, {
    method: 'POST', url: '/api/recruitments', tags, summary: '登记入党申请人',
    body: StartRecruitment, response: Recruitment,
    handler: async ({ q, scope, body }) => {
      ensureMayRecruit(scope, await orgs.pathIfSeen(q, body.orgId));
      return recruitment.start(q, body);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/recruitments/:recruitmentId/advance', tags, summary: '进入下一阶段（不能跳过，公示期满之后才能接收或转正）',
    params: RecruitmentParams, body: Advance, response: Recruitment,
    handler: async ({ q, scope, params, body }) => {
      ensureMayRecruit(scope, await recordPath(q, params.recruitmentId));
      return recruitment.advance(q, cipher, params.recruitmentId, body);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/recruitments/:recruitmentId/withdraw', tags, summary: '撤回入党申请（申请人本人）或终止发展（党组织，须写明原因）',
    params: RecruitmentParams, body: Withdraw, response: Recruitment,
    handler: async ({ q, scope, params, body }) => {
      const own = await recruitment.isOwn(q, params.recruitmentId, scope.userId!);
      return recruitment.withdraw(q, params.recruitmentId, withdrawnBy(scope, own, await recordPath(q, params.recruitmentId)), body);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/recruitments/:recruitmentId/sponsors', tags, summary: '确定两名入党介绍人',
    params: RecruitmentParams, body: Sponsors, response: Recruitment,
    handler: async ({ q, scope, params, body }) => {
      ensureMayRecruit(scope, await recordPath(q, params.recruitmentId));
      return recruitment.setSponsors(q, params.recruitmentId, body.sponsorIds);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/recruitments/:recruitmentId/notice', tags, summary: '公示（接收预备党员或转正之前）',
    params: RecruitmentParams, body: Notice, response: Recruitment,
    handler: async ({ q, scope, params, body }) => {
      ensureMayRecruit(scope, await recordPath(q, params.recruitmentId));
      return recruitment.setNotice(q, params.recruitmentId, body);
    },
  });
}
