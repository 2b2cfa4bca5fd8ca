import type { FastifyInstance } from 'fastify';
import { E, NEED } from './errors.ts';
import { route } from '../../kernel/http.ts';
import { SUBTREE_ROLES, hasRole } from '../../kernel/scope.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { z } from '../../kernel/validation.ts';
import * as orgs from '../orgs/service.ts';
import * as people from '../people/service.ts';
import * as grids from '../grids/service.ts';
import { ensureHouseholdAction } from '../grids/policy.ts';
import { VisitQuery } from '../grids/schema.ts';
import { matches } from './matching.ts';
import { ensureMayClaim, ensureStaff, isAdminAt, isStaffAt, selfSubmitOrg } from './policy.ts';
import { dispatchSlip } from './slip.ts';
import {
  AddPhotos, Claim, CreateNeed, DepartmentRatings, Dispatch, Done, Matches, NeedDetail, NeedPage, NeedParams, NeedQuery, OptionalNote, PhotoParams, Pool,
  Rate, RatingQuery, Reason, Respond, RevealField, Revealed, SweepBody, SweepResult, CreateVisit, Visit, VisitList,
} from './schema.ts';
import * as needs from './service.ts';
import * as visits from './visits.ts';

const tags = ['需求清单'];
/** Where a need belongs (null where the caller cannot see it): the roles that count are those held there. */
const needPath = (q: Queryable, needId: number) => orgs.pathOfRow(q, 'needs', needId, NEED);
const Released = z.object({ id: z.number(), status: z.string() });
const Targets = z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string(), orgName: z.string() })) });

export function needRoutes(app: FastifyInstance, { db, cipher }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/needs', tags, summary: '需求清单（工作人员看辖区的，居民看自己提交的，承办单位看派给自己的）',
    querystring: NeedQuery, response: NeedPage,
    handler: ({ q, query }) => needs.list(q, { ...query, overdue: query.overdue === 'true', escalated: query.escalated === 'true' }),
  });
  route(app, db, {
    method: 'GET', url: '/api/needs/pool', tags, summary: '微心愿池：本社区已发布、待认领的心愿（匿名）',
    response: Pool,
    handler: async ({ q }) => ({ items: await needs.pool(q) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/needs/dispatch-targets', tags, summary: '可派单的单位和职能部门（名录）',
    response: Targets,
    handler: async ({ q }) => ({ items: await needs.dispatchTargets(q) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/needs/department-ratings', tags, summary: '承办单位评价：每个单位每年的件数、平均分、按时办结数',
    querystring: RatingQuery, response: DepartmentRatings,
    handler: async ({ q, query }) => ({ items: await needs.departmentRatings(q, query.year) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/needs/:needId', tags, summary: '需求详情：办理经过、派单、认领、照片，及当前可办理的步骤',
    params: NeedParams, response: NeedDetail,
    handler: ({ q, params }) => needs.detail(q, params.needId),
  });
  route(app, db, {
    method: 'GET', url: '/api/needs/:needId/matches', tags, summary: '为需求推荐党员、单位（及推荐理由）',
    params: NeedParams, response: Matches,
    handler: async ({ q, scope, params }) => {
      ensureStaff(scope, { zh: '查看推荐', en: 'see suggestions' }, await needPath(q, params.needId));
      return { items: await matches(q, params.needId) };
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/needs/:needId/slip', tags, summary: '打印派单（吹哨报到，HTML）：事项、承办单位、时限、派单社区、编号和签字栏',
    params: NeedParams, response: 'file',
    handler: async ({ q, params }) => {
      const slip = await dispatchSlip(q, params.needId);
      return { name: `派单-${slip.number}.html`, type: 'text/html; charset=utf-8', inline: true, body: Buffer.from(slip.html) };
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/needs/:needId/photos/:photoId', tags, summary: '需求或办结佐证的照片',
    params: PhotoParams, response: 'file',
    handler: async ({ q, params }) => {
      const p = await needs.photo(q, params.needId, params.photoId);
      return { name: `photo-${params.photoId}`, type: p.mime, inline: true, body: p.content };
    },
  });

  route(app, db, {
    method: 'POST', url: '/api/needs', tags, summary: '提交需求（居民在手机上提交；工作人员录入走访、接待、联席会议收集的需求）',
    body: CreateNeed, response: NeedDetail,
    handler: async ({ q, scope, body }) => {
      const { phone, address, photos, description, placeText } = body;
      const common = { kind: body.kind, category: body.category, urgency: body.urgency, title: body.title, description, placeText, phone, address, photos };
      // Without an organization, only which refusal to give depends on being staff somewhere.
      const staff = body.orgId === undefined ? hasRole(scope, SUBTREE_ROLES) : isStaffAt(scope, await orgs.pathIfSeen(q, body.orgId));
      if (!staff) {
        const orgId = selfSubmitOrg(scope);
        if (body.orgId !== undefined && body.orgId !== orgId) throw E.own_community_only();
        const self = await people.ofAccount(q, scope.userId!);
        const requesterName = body.requesterName ?? self?.name;
        if (!requesterName) throw E.requester_name();
        return needs.createNeed(q, cipher, { ...common, orgId, source: 'resident', requesterName, requesterUserId: scope.userId });
      }
      if (body.orgId === undefined) throw E.place_required();
      if (!body.requesterName) throw E.requester_name();
      await orgs.place(q, body.orgId);
      return needs.createNeed(q, cipher, {
        ...common, orgId: body.orgId, gridId: body.gridId, buildingId: body.buildingId, source: body.source ?? 'staff', requesterName: body.requesterName,
      });
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/needs/:needId/reveal', tags, summary: '查看需求人完整的手机号或住址（留痕）',
    params: NeedParams, body: RevealField, response: Revealed,
    handler: async ({ q, scope, params, body }) => ({
      value: await needs.reveal(q, cipher, params.needId, scope.userId!, body.field, isAdminAt(scope, await needPath(q, params.needId))),
    }),
  });
  route(app, db, {
    method: 'POST', url: '/api/needs/:needId/photos', tags, summary: '补充照片',
    params: NeedParams, body: AddPhotos, response: NeedDetail,
    handler: async ({ q, scope, params, body }) => {
      await needs.addPhotos(q, params.needId, body.purpose, body.photos, scope.userId);
      return needs.detail(q, params.needId);
    },
  });

  // The steps of the loop. Each is offered only to whoever may take it now (service.ts, actionsOf).
  const stepRoute = <B extends z.ZodType>(path: string, summary: string, body: B, run: (ctx: { q: Parameters<typeof needs.detail>[0]; id: number; body: z.output<B>; by: string; userId: number }) => Promise<z.input<typeof NeedDetail>>) =>
    route(app, db, {
      method: 'POST', url: `/api/needs/:needId/${path}`, tags, summary, params: NeedParams, body, response: NeedDetail,
      handler: ({ q, scope, params, body: b }) => run({ q, id: params.needId, body: b as z.output<B>, by: scope.userName ?? '', userId: scope.userId! }),
    });
  stepRoute('accept', '受理（微心愿即发布到心愿池）', OptionalNote, ({ q, id, body }) => needs.accept(q, id, body.note ?? null));
  stepRoute('reject', '不予受理（须说明原因）', Reason, ({ q, id, body }) => needs.reject(q, id, body.reason));
  stepRoute('cancel', '撤销需求', Reason, ({ q, id, body }) => needs.cancel(q, id, body.reason));
  stepRoute('dispatch', '吹哨派单：派给职能部门或驻区单位，限时办理', Dispatch, ({ q, id, body, by }) => needs.dispatch(q, id, by, body));
  stepRoute('recall', '收回派单', Reason, ({ q, id, body }) => needs.recall(q, id, body.reason));
  stepRoute('respond', '承办单位报到响应', Respond, ({ q, id, body }) => needs.respond(q, id, body.note));
  stepRoute('start', '开始办理', OptionalNote, ({ q, id, body }) => needs.start(q, id, body.note ?? null));
  stepRoute('done', '办结（须填写办理结果，可附照片）', Done, ({ q, id, body, userId }) => needs.done(q, id, body.result, body.photos ?? [], userId));
  stepRoute('check', '社区验收', OptionalNote, ({ q, id, body }) => needs.check(q, id, body.note ?? null));
  stepRoute('return', '退回重办', Reason, ({ q, id, body }) => needs.giveBack(q, id, body.reason));
  stepRoute('close', '关闭（无居民账号跟进时由社区关闭）', OptionalNote, ({ q, id }) => needs.close(q, id, 'close'));
  stepRoute('confirm', '居民确认已完成', OptionalNote, ({ q, id }) => needs.close(q, id, 'confirm'));
  stepRoute('rate', '居民评价', Rate, ({ q, id, body }) => needs.rate(q, id, body));
  stepRoute('rate-department', '社区评价承办单位的办理', Rate, ({ q, id, body, by }) => needs.rateDepartment(q, id, by, body));

  route(app, db, {
    method: 'POST', url: '/api/needs/:needId/claim', tags, summary: '认领微心愿（党员本人，或联络员以单位名义）',
    params: NeedParams, body: Claim, response: NeedDetail,
    handler: async ({ q, scope, params, body }) => {
      ensureMayClaim(scope, body.unitId);
      const name = body.unitId !== undefined ? (await orgs.getUnit(q, body.unitId)).name : ((await people.ofAccount(q, scope.userId!))?.name ?? scope.userName ?? '党员');
      return needs.claim(q, params.needId, { name, unitId: body.unitId });
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/needs/:needId/withdraw', tags, summary: '放弃认领（心愿回到心愿池）',
    params: NeedParams, body: Reason, response: Released,
    handler: ({ q, params, body }) => needs.release(q, params.needId, 'withdraw', body.reason),
  });
  route(app, db, {
    method: 'POST', url: '/api/needs/:needId/revoke', tags, summary: '社区撤销认领（心愿回到心愿池）',
    params: NeedParams, body: Reason, response: Released,
    handler: ({ q, params, body }) => needs.release(q, params.needId, 'revoke', body.reason),
  });
  route(app, db, {
    method: 'POST', url: '/api/needs/sweep', tags, summary: '立即检查某组织下的超期派单并上报街道（服务器也定时检查）',
    body: SweepBody, response: SweepResult,
    handler: async ({ q, scope, body }) => {
      ensureStaff(scope, { zh: '检查超期', en: 'check for overdue matters' }, await orgs.pathIfSeen(q, body.orgId));
      return { escalated: await needs.sweepOverdue(q, body.orgId) };
    },
  });

  // Grids' visit diary, here because a visit may raise a need (grids sits below needs and imports none of it).
  const visitTags = ['网格化'];
  route(app, db, {
    method: 'GET', url: '/api/visits', tags: visitTags, summary: '民情日记：走访记录',
    querystring: VisitQuery, response: VisitList,
    handler: async ({ q, query }) => ({ items: await visits.listVisits(q, query) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/visits', tags: visitTags, summary: '登记走访（只能走访本人网格内的住户），可同时提出需求',
    body: CreateVisit, response: Visit,
    handler: async ({ q, scope, body }) => {
      ensureHouseholdAction(scope, await grids.householdPath(q, body.householdId), 'visit');
      return visits.recordVisit(q, cipher, { userId: scope.userId, name: scope.userName ?? '' }, body);
    },
  });
}
