import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import * as orgs from '../orgs/service.ts';
import * as people from '../people/service.ts';
import { E } from './errors.ts';
import { isCommunityAt } from './policy.ts';
import {
  Answer, Ask, CommitmentDetail, CommitmentPage, CommitmentParams, CommitmentQuery, CreateCommitment, CreateWindow, Fulfil, ItemParams,
  QuestionParams, Rate, ReplaceItems, ReportDetail, ReportPage, ReportParams, ReportQuery, Submit, Window, WindowList, WindowQuery,
} from './schema.ts';
import * as commitments from './service.ts';

const tags = ['承诺践诺'];

export function commitmentRoutes(app: FastifyInstance, { db }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/commitments', tags, summary: '承诺（党员承诺、共建承诺书）：工作人员看辖区的，党员和单位看自己的',
    querystring: CommitmentQuery, response: CommitmentPage,
    handler: ({ q, scope, query }) => commitments.list(q, scope, { ...query, mine: query.mine === 'true' }),
  });
  route(app, db, {
    method: 'GET', url: '/api/commitments/:commitmentId', tags, summary: '承诺详情：事项、每项从记录中找到的践诺情况、述诺',
    params: CommitmentParams, response: CommitmentDetail,
    handler: ({ q, scope, params }) => commitments.detail(q, scope, params.commitmentId),
  });
  route(app, db, {
    method: 'POST', url: '/api/commitments', tags, summary: '作出承诺：党员（本人或社区代录）或共建单位（联络员或社区起草承诺书）',
    body: CreateCommitment, response: CommitmentDetail,
    handler: async ({ q, scope, body }) =>
      commitments.create(q, scope, body, async () => {
        if (body.kind === 'unit') {
          if (body.unitId === undefined) throw E.pledge_by();
          return { name: (await orgs.getUnit(q, body.unitId)).name };
        }
        if (body.personId === undefined) {
          const self = scope.userId === null ? null : await people.ofAccount(q, scope.userId);
          if (!self?.isMember) throw E.member_by();
          return { name: self.name, personId: self.id, userId: scope.userId };
        }
        // The community records a member's commitment for them.
        if (!isCommunityAt(scope, await orgs.pathIfSeen(q, body.orgId))) throw E.member_by();
        const p = await people.get(q, body.personId);
        return { name: p.name, personId: p.id, userId: await people.accountOf(q, p.id) };
      }),
  });
  route(app, db, {
    method: 'PUT', url: '/api/commitments/:commitmentId/items', tags, summary: '修改承诺事项（签订前）',
    params: CommitmentParams, body: ReplaceItems, response: CommitmentDetail,
    handler: ({ q, scope, params, body }) => commitments.replaceItems(q, scope, params.commitmentId, body.items),
  });
  route(app, db, {
    method: 'POST', url: '/api/commitments/:commitmentId/sign', tags, summary: '签字：承诺方（党员本人、单位联络员）或社区；双方签字后生效',
    params: CommitmentParams, response: CommitmentDetail,
    handler: async ({ q, scope, params }) => {
      const c = await commitments.detail(q, scope, params.commitmentId);
      const side = c.actions.includes('signAsCommunity') ? 'community' : 'party';
      return commitments.sign(q, scope, params.commitmentId, side);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/commitments/:commitmentId/end', tags, summary: '终止承诺（到期或单位撤出）',
    params: CommitmentParams, response: CommitmentDetail,
    handler: ({ q, scope, params }) => commitments.end(q, scope, params.commitmentId),
  });
  route(app, db, {
    method: 'POST', url: '/api/commitments/:commitmentId/items/:itemId/fulfil', tags, summary: '践诺说明：没有记录可查的事项，由承诺人写明做了什么（不要截图）',
    params: ItemParams, body: Fulfil, response: CommitmentDetail,
    handler: ({ q, scope, params, body }) => commitments.fulfil(q, scope, params.commitmentId, params.itemId, body.evidence),
  });

  route(app, db, {
    method: 'GET', url: '/api/commitment-windows', tags, summary: '述诺安排：社区设定的述诺、问诺、评诺时间',
    querystring: WindowQuery, response: WindowList,
    handler: async ({ q, query }) => ({ items: await commitments.windows(q, query.orgId) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/commitment-windows', tags, summary: '安排述诺：为社区生效的承诺生成述诺草稿，并设定评诺时间',
    body: CreateWindow, response: Window,
    handler: ({ q, scope, body }) => commitments.openWindow(q, scope, body),
  });

  route(app, db, {
    method: 'GET', url: '/api/commitment-reports', tags, summary: '述诺：工作人员看辖区的，承诺人看自己的，居民和党员看社区公开的',
    querystring: ReportQuery, response: ReportPage,
    handler: ({ q, scope, query }) => commitments.reports(q, scope, { ...query, mine: query.mine === 'true' }),
  });
  route(app, db, {
    method: 'GET', url: '/api/commitment-reports/:reportId', tags, summary: '述诺详情：从记录汇总的践诺情况、陈述、问诺和评诺结果',
    params: ReportParams, response: ReportDetail,
    handler: ({ q, scope, params }) => commitments.report(q, scope, params.reportId),
  });
  const step = (path: string, summary: string, run: typeof commitments.publish) =>
    route(app, db, {
      method: 'POST', url: `/api/commitment-reports/:reportId/${path}`, tags, summary, params: ReportParams, response: ReportDetail,
      handler: ({ q, scope, params }) => run(q, scope, params.reportId),
    });
  route(app, db, {
    method: 'POST', url: '/api/commitment-reports/:reportId/submit', tags, summary: '述诺：承诺人确认从记录汇总的践诺情况并写一段陈述',
    params: ReportParams, body: Submit, response: ReportDetail,
    handler: ({ q, scope, params, body }) => commitments.submit(q, scope, params.reportId, body.statement),
  });
  step('return', '社区退回述诺（重新汇总后再述）', commitments.giveBack);
  step('publish', '社区公开述诺：本社区居民、党员和共建单位可以问诺、评诺', commitments.publish);
  route(app, db, {
    method: 'POST', url: '/api/commitment-reports/:reportId/questions', tags, summary: '问诺：本社区居民、党员、共建单位和社区提问',
    params: ReportParams, body: Ask, response: ReportDetail,
    handler: ({ q, scope, params, body }) => commitments.ask(q, scope, params.reportId, body.body),
  });
  route(app, db, {
    method: 'POST', url: '/api/commitment-reports/:reportId/questions/:questionId/answer', tags, summary: '承诺人答复问诺',
    params: QuestionParams, body: Answer, response: ReportDetail,
    handler: ({ q, scope, params, body }) => commitments.answer(q, scope, params.reportId, params.questionId, body.answer),
  });
  route(app, db, {
    method: 'POST', url: '/api/commitment-reports/:reportId/ratings', tags, summary: '评诺：满意、基本满意、不满意，每人每份述诺一次，须在评诺时间内',
    params: ReportParams, body: Rate, response: ReportDetail,
    handler: ({ q, scope, params, body }) => commitments.rate(q, scope, params.reportId, body.grade),
  });
}
