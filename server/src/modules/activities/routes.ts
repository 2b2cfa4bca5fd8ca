import type { FastifyInstance } from 'fastify';
import { XLSX, route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { z } from '../../kernel/validation.ts';
import { adminListVerdicts, ensureSelf } from './policy.ts';
import * as records from './records.ts';
import {
  Activity, ActivityKind, ActivityKindList, ActivityList, ActivityParams, ActivityQuery, AddTeamMember, CalendarFeed, CalendarQuery, Certificate, CertificateList,
  CertificateQuery, CheckIn, CheckInCode, ConfirmSignup, CreateActivity, CreateActivityKind, CreateSeries, CreateTeam, Feedback, FeedbackQuery,
  Generated, IssueCertificate, KindQuery, MarkSignup, MyService, MyServiceQuery, RecordService, Reschedule, SeriesList, SeriesParams, SeriesQuery, ServiceLog,
  ServiceLogList, ServiceLogQuery, Signup, SignupList, SignupParams, Team, TeamList, TeamMemberParams, TeamParams, TeamQuery, UnitParams, UserParams,
  VerifyQuery,
} from './schema.ts';
import * as activities from './service.ts';
import { regionYear } from '../../kernel/time.ts';

const tags = ['活动与积分'];

export function activityRoutes(app: FastifyInstance, { db, cipher }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/activities', tags, summary: '活动列表（工作人员看管辖范围内的；党员、居民看所在社区及上级组织的）',
    querystring: ActivityQuery, response: ActivityList,
    handler: async ({ q, scope, query }) => ({ items: await activities.list(q, scope, query), actions: await activities.listActions(q, scope, query.orgId) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/activities/:activityId', tags, summary: '活动详情（含本人的报名状态）',
    params: ActivityParams, response: Activity,
    handler: ({ q, scope, params }) => activities.get(q, scope, params.activityId),
  });
  route(app, db, {
    method: 'POST', url: '/api/activities', tags, summary: '发布活动',
    body: CreateActivity, response: Activity,
    handler: ({ q, scope, body }) => activities.create(q, scope, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/activities/:activityId/cancel', tags, summary: '取消活动（在阵地举办的同时取消阵地预约）',
    params: ActivityParams, response: Activity,
    handler: ({ q, scope, params }) => activities.cancel(q, scope, params.activityId),
  });
  route(app, db, {
    method: 'POST', url: '/api/activities/:activityId/reschedule', tags, summary: '活动改期（阵地预约随之改到新时段，冲突则不改）',
    params: ActivityParams, body: Reschedule, response: Activity,
    handler: ({ q, scope, params, body }) => activities.reschedule(q, scope, params.activityId, body),
  });
  route(app, db, {
    method: 'GET', url: '/api/activities/:activityId/signups', tags, summary: '报名与出勤名单',
    params: ActivityParams, response: SignupList,
    handler: async ({ q, scope, params }) => {
      await activities.get(q, scope, params.activityId);
      return { items: await activities.roster(q, scope, params.activityId) };
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/activities/:activityId/checkin-code', tags, summary: '现场签到码（每 30 秒更换，组织者展示为二维码）',
    params: ActivityParams, response: CheckInCode,
    handler: async ({ q, scope, params }) => activities.currentCode(cipher, await activities.allowedOn(q, scope, params.activityId, 'showCode')),
  });
  route(app, db, {
    method: 'POST', url: '/api/activities/:activityId/signup', tags, summary: '本人报名（名额已满时进入候补）',
    params: ActivityParams, response: Activity,
    handler: ({ q, scope, params }) => activities.signUp(q, scope, params.activityId),
  });
  route(app, db, {
    method: 'POST', url: '/api/activities/:activityId/cancel-signup', tags, summary: '本人取消报名（候补第一位递补）',
    params: ActivityParams, response: Activity,
    handler: ({ q, scope, params }) => activities.cancelSignup(q, scope, params.activityId),
  });
  route(app, db, {
    method: 'POST', url: '/api/activities/:activityId/checkin', tags, summary: '扫码签到（仅限签到时间内、当前签到码）',
    params: ActivityParams, body: CheckIn, response: Activity,
    handler: ({ q, scope, params, body }) => activities.checkIn(q, cipher, scope, params.activityId, body.token),
  });
  route(app, db, {
    method: 'POST', url: '/api/activities/:activityId/checkout', tags, summary: '签退（按签到至签退的时间记服务时长）',
    params: ActivityParams, response: Activity,
    handler: ({ q, scope, params }) => activities.checkOut(q, scope, params.activityId),
  });
  route(app, db, {
    method: 'POST', url: '/api/signups/:signupId/confirm', tags, summary: '组织者确认出勤和服务时长',
    params: SignupParams, body: ConfirmSignup, response: Signup,
    handler: ({ q, scope, params, body }) => activities.confirm(q, scope, params.signupId, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/signups/:signupId/mark', tags, summary: '记请假或缺席',
    params: SignupParams, body: MarkSignup, response: Signup,
    handler: ({ q, scope, params, body }) => activities.mark(q, scope, params.signupId, body.status),
  });

  route(app, db, {
    method: 'GET', url: '/api/activity-kinds', tags, summary: '活动类型（内置的和管理员添加的）',
    querystring: KindQuery, response: ActivityKindList,
    handler: async ({ q, scope, query }) => ({ items: await activities.kinds(q), actions: await activities.listActions(q, scope, query.orgId, adminListVerdicts) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/activity-kinds', tags, summary: '添加活动类型',
    body: CreateActivityKind, response: ActivityKind,
    handler: ({ q, scope, body }) => activities.createKind(q, scope, body),
  });
  route(app, db, {
    method: 'GET', url: '/api/activity-series', tags, summary: '周期活动（如每月第一个周五的便民服务日）',
    querystring: SeriesQuery, response: SeriesList,
    handler: async ({ q, scope, query }) => ({ items: await activities.listSeries(q, scope, query.orgId), actions: await activities.listActions(q, scope, query.orgId) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/activity-series', tags, summary: '设立周期活动并生成各期活动',
    body: CreateSeries, response: z.object({ id: z.number(), created: z.number() }),
    handler: ({ q, scope, body }) => activities.createSeries(q, scope, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/activity-series/:seriesId/generate', tags, summary: '补齐周期活动的各期（已有的不重复生成）',
    params: SeriesParams, response: Generated,
    handler: ({ q, scope, params }) => activities.generate(q, scope, params.seriesId),
  });

  route(app, db, {
    method: 'GET', url: '/api/volunteer-teams', tags, summary: '志愿者队伍及队员',
    querystring: TeamQuery, response: TeamList,
    handler: async ({ q, scope, query }) => ({ items: await activities.teams(q, scope, query.orgId), actions: await activities.listActions(q, scope, query.orgId) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/volunteer-teams', tags, summary: '组建志愿者队伍',
    body: CreateTeam, response: Team,
    handler: ({ q, scope, body }) => activities.createTeam(q, scope, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/volunteer-teams/:teamId/members', tags, summary: '加入队员（队长或队员）',
    params: TeamParams, body: AddTeamMember, response: Team,
    handler: ({ q, scope, params, body }) => activities.addTeamMember(q, scope, params.teamId, body),
  });
  route(app, db, {
    method: 'DELETE', url: '/api/volunteer-teams/:teamId/members/:teamMemberId', tags, summary: '移出队员',
    params: TeamMemberParams, response: Team,
    handler: ({ q, scope, params }) => activities.removeTeamMember(q, scope, params.teamId, params.teamMemberId),
  });

  route(app, db, {
    method: 'GET', url: '/api/service-logs', tags, summary: '服务日志（本人的；社区看在本社区服务的；单位看本单位党员的）',
    querystring: ServiceLogQuery, response: ServiceLogList,
    handler: async ({ q, scope, query }) => ({ ...(await records.logs(q, query)), actions: await activities.listActions(q, scope, query.orgId) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/service-logs', tags, summary: '记录活动之外的服务（社区确认）',
    body: RecordService, response: ServiceLog,
    handler: ({ q, scope, body }) => records.recordService(q, scope, body),
  });
  route(app, db, {
    method: 'GET', url: '/api/me/service', tags, summary: '我的活动、服务时长和积分',
    querystring: MyServiceQuery, response: MyService,
    handler: ({ q, scope, query }) => records.myService(q, scope, query.year ?? regionYear()),
  });
  route(app, db, {
    method: 'POST', url: '/api/users/:userId/calendar-feed', tags, summary: '生成本人账号的日历订阅地址（旧地址随即失效）',
    params: UserParams, response: CalendarFeed,
    handler: ({ q, scope, params }) => {
      ensureSelf(scope, params.userId);
      return records.newFeed(q, scope.userId!);
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/calendar.ics', tags, summary: '日历订阅（iCal），凭订阅地址中的令牌访问',
    public: true, querystring: CalendarQuery, response: 'file',
    handler: async ({ q, query, req }) => ({
      name: 'gongjian.ics', type: 'text/calendar; charset=utf-8', inline: true, body: Buffer.from(await records.feed(q, query.token, req.hostname)),
    }),
  });

  route(app, db, {
    method: 'GET', url: '/api/units/:unitId/feedback', tags, summary: '向单位反馈：本单位党员的报到、活动、时长和积分（季度或年度）',
    params: UnitParams, querystring: FeedbackQuery, response: Feedback,
    handler: ({ q, params, query }) => records.feedback(q, params.unitId, query.year ?? regionYear(), query.quarter),
  });
  route(app, db, {
    method: 'GET', url: '/api/units/:unitId/feedback.xlsx', tags, summary: '向单位反馈（Excel）',
    params: UnitParams, querystring: FeedbackQuery, response: 'file',
    handler: async ({ q, params, query }) => {
      const f = await records.feedback(q, params.unitId, query.year ?? regionYear(), query.quarter);
      return { name: `${f.unitName}${f.period}党员服务情况反馈.xlsx`, type: XLSX, body: await records.feedbackWorkbook(f) };
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/units/:unitId/feedback/print', tags, summary: '向单位反馈（打印版）',
    params: UnitParams, querystring: FeedbackQuery, response: 'file',
    handler: async ({ q, params, query }) => {
      const f = await records.feedback(q, params.unitId, query.year ?? regionYear(), query.quarter);
      return { name: `${f.unitName}${f.period}党员服务情况反馈.html`, type: 'text/html; charset=utf-8', inline: true, body: Buffer.from(records.feedbackHtml(f)) };
    },
  });

  route(app, db, {
    method: 'GET', url: '/api/certificates', tags, summary: '服务证明',
    querystring: CertificateQuery, response: CertificateList,
    handler: async ({ q, scope, query }) => ({ items: await records.certificates(q, query), actions: await activities.listActions(q, scope, query.orgId, adminListVerdicts) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/certificates', tags, summary: '开具年度服务证明（附核验编号）',
    body: IssueCertificate, response: Certificate,
    handler: ({ q, scope, body }) => records.issueCertificate(q, scope, body),
  });
  route(app, db, {
    method: 'GET', url: '/api/certificates/verify', tags, summary: '核验服务证明（公开，凭证明编号）',
    public: true, querystring: VerifyQuery, response: 'file',
    handler: async ({ q, query }) => ({ name: `${query.code}.html`, type: 'text/html; charset=utf-8', inline: true, body: Buffer.from(await records.verifyHtml(q, query.code)) }),
  });
}
