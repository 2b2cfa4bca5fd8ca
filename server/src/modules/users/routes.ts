import type { FastifyInstance, FastifyReply } from 'fastify';
import { unauthenticated } from '../../kernel/errors.ts';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { ModuleContext } from '../../kernel/manifest.ts';
import { SESSION_COOKIE, SESSION_HOURS, changePassword, meOf, resolveSession, signIn, signOut } from './auth.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { Scope } from '../../kernel/scope.ts';
import { allowedAtAny, ensureAllowed, viewedFrom } from '../../kernel/actions.ts';
import * as orgs from '../orgs/service.ts';
import { ensureCanGrant, ensureCanManageUsers, ensureRegionAdmin, listVerdicts } from './policy.ts';
import {
  ChangePassword, CreateUser, GrantInput, GrantParams, Login, LoginResult, Me, Ok, ResetPassword, SignInThrottleList, ThrottleParams, USER_LIST_ACTIONS, UpdateUser,
  User, UserPage, UserParams, UserQuery,
} from './schema.ts';
import * as users from './service.ts';

const one = async (q: Queryable, scope: Scope, u: User) => (await users.withActions(q, scope, [u]))[0]!;

export function userRoutes(app: FastifyInstance, { db }: Kernel, opts: Pick<ModuleContext, 'secureCookies'>): void {
  const setSession = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: opts.secureCookies,
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    });
  const auth = ['登录与账号'];
  const tags = ['用户与角色'];

  route(app, db, {
    method: 'POST', url: '/api/auth/login', tags: auth, summary: '用户名密码登录',
    public: true, scoped: false, body: Login, response: LoginResult,
    errors: { 401: '用户名或密码错误', 403: '账号已停用', 429: '尝试过于频繁，请稍后再试' },
    handler: async ({ body, req, reply }) => {
      const { token, userId } = await signIn(db, body.username, body.password, { address: req.ip, requestId: req.id, log: req.log });
      setSession(reply, token);
      const scope = (await resolveSession(db, token))!;
      return { user: meOf(scope, await db.scoped(scope, (q) => users.username(q, userId))) };
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/auth/logout', tags: auth, summary: '退出登录',
    public: true, scoped: false, response: Ok,
    handler: async ({ req, reply }) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await signOut(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/auth/me', tags: auth, summary: '当前用户及其角色',
    response: Me,
    handler: async ({ q, scope }) => meOf(scope, await users.username(q, scope.userId!)),
  });
  route(app, db, {
    method: 'POST', url: '/api/auth/password', tags: auth, summary: '修改自己的密码',
    scoped: false, body: ChangePassword, response: Ok,
    handler: async ({ scope, body, reply }) => {
      if (scope.userId === null) throw unauthenticated();
      setSession(reply, await changePassword(db, scope, body.currentPassword, body.newPassword));
      return { ok: true as const };
    },
  });

  route(app, db, {
    method: 'GET', url: '/api/users', tags, summary: '用户列表（管辖范围内）',
    querystring: UserQuery, response: UserPage,
    handler: async ({ q, scope, query }) => {
      ensureCanManageUsers(scope);
      const found = await users.list(q, query);
      const places = viewedFrom(scope, query.orgId === undefined ? undefined : await orgs.pathIfSeen(q, query.orgId));
      return { ...found, items: await users.withActions(q, scope, found.items), actions: allowedAtAny(USER_LIST_ACTIONS, places, (path) => listVerdicts(scope, path)) };
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/users/:userId', tags, summary: '用户详情',
    params: UserParams, response: User,
    handler: async ({ q, scope, params }) => {
      ensureCanManageUsers(scope);
      return one(q, scope, await users.get(q, params.userId));
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/users', tags, summary: '新建用户',
    body: CreateUser, response: User,
    handler: async ({ q, scope, body }) => {
      ensureAllowed(listVerdicts(scope, await orgs.pathOf(q, body.orgId)), 'create');
      for (const g of body.grants) ensureCanGrant(scope, g.role, await orgs.pathOf(q, g.orgId));
      return one(q, scope, await users.create(q, body));
    },
  });
  route(app, db, {
    method: 'PATCH', url: '/api/users/:userId', tags, summary: '修改姓名或停用、启用用户',
    params: UserParams, body: UpdateUser, response: User,
    handler: async ({ q, scope, params, body }) => {
      // Each change is refused with its own action's verdict: disabling one's own account is refused as that, not as an edit.
      if (body.disabled !== undefined) await users.ensureAction(q, scope, params.userId, 'disable');
      if (body.displayName !== undefined || body.disabled === undefined) await users.ensureAction(q, scope, params.userId, 'edit');
      return one(q, scope, await users.update(q, params.userId, body));
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/users/:userId/grants', tags, summary: '授予角色',
    params: UserParams, body: GrantInput, response: User,
    handler: async ({ q, scope, params, body }) => {
      await users.ensureAction(q, scope, params.userId, 'grant');
      ensureCanGrant(scope, body.role, await orgs.pathOf(q, body.orgId));
      await users.addGrant(q, params.userId, body);
      return one(q, scope, await users.get(q, params.userId));
    },
  });
  route(app, db, {
    method: 'DELETE', url: '/api/users/:userId/grants/:grantId', tags, summary: '收回角色',
    params: GrantParams, response: User,
    handler: async ({ q, scope, params }) => {
      await users.ensureAction(q, scope, params.userId, 'revoke');
      return one(q, scope, await users.removeGrant(q, params.userId, params.grantId));
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/users/:userId/unlock', tags, summary: '解除登录锁定',
    params: UserParams, response: User,
    handler: async ({ q, scope, params }) => {
      await users.ensureAction(q, scope, params.userId, 'unlock');
      return one(q, scope, await users.unlock(q, params.userId));
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/users/:userId/reset-password', tags, summary: '重置用户密码',
    params: UserParams, body: ResetPassword, response: Ok,
    handler: async ({ q, scope, params, body }) => {
      await users.ensureAction(q, scope, params.userId, 'reset');
      await users.resetPassword(q, params.userId, body.newPassword);
      return { ok: true as const };
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/sign-in-throttles', tags, summary: '登录等待（账号、来源网段与不存在的用户名）',
    response: SignInThrottleList,
    handler: async ({ q, scope }) => {
      ensureCanManageUsers(scope);
      return { items: await users.throttles(q) };
    },
  });
  route(app, db, {
    method: 'DELETE', url: '/api/sign-in-throttles/:throttleId', tags, summary: '解除来源网段或不存在的用户名的登录等待（账号请用解除锁定）',
    params: ThrottleParams, response: Ok,
    handler: async ({ q, scope, params }) => {
      ensureRegionAdmin(scope);
      await users.clearThrottle(q, params.throttleId);
      return { ok: true as const };
    },
  });
}
