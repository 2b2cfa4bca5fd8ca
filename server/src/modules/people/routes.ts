import type { FastifyInstance } from 'fastify';
import { XLSX, route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { Scope } from '../../kernel/scope.ts';
import * as orgs from '../orgs/service.ts';
import { PERSON } from './errors.ts';
import { ensureCanEditPeople, ensurePersonAction, peopleActions, personActions, type FilePlace } from './policy.ts';
import {
  Activate, ActivationCode, Activated, CreatePerson, LinkAccount, OpenAccount, Person, PersonDetail, PersonPage, PersonParams, PersonQuery, RevealField, Revealed, TalentPage, TalentQuery, UpdatePerson,
} from './schema.ts';
import * as people from './service.ts';

const tags = ['党员群众'];
/** Where a person's file belongs: the roles that count are those held there. */
const personPath = (q: Queryable, personId: number) => orgs.pathOfRow(q, 'people', personId, PERSON);
/** Where a file stands for the caller: the roles that count, and whether it is their own. */
const filePlace = async (q: Queryable, scope: Scope, personId: number): Promise<FilePlace> => ({
  orgPath: await personPath(q, personId),
  own: await people.isOwnFile(q, personId, scope.userId!),
});
/** Files as the caller receives them: each with what the caller may do to it. */
async function withActions<T extends Person>(q: Queryable, scope: Scope, files: T[]) {
  const paths = await orgs.pathsOf(q, files.map((f) => f.orgId));
  const own = await people.ownFileIds(q, scope.userId);
  return files.map((f) => ({ ...f, actions: personActions(scope, { orgPath: paths.get(f.orgId) ?? null, own: own.has(f.id) }) }));
}
const withAction = async <T extends Person>(q: Queryable, scope: Scope, file: T) => (await withActions(q, scope, [file]))[0]!;

export function peopleRoutes(app: FastifyInstance, { db, cipher }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/people', tags, summary: '人员列表（可按组织统计）',
    querystring: PersonQuery, response: PersonPage,
    handler: async ({ q, scope, query }) => {
      const found = await people.list(q, query);
      const place = query.orgId === undefined ? undefined : await orgs.pathIfSeen(q, query.orgId);
      return { ...found, items: await withActions(q, scope, found.items), actions: peopleActions(scope, place) };
    },
  });
  route(app, db, {
    method: 'GET', url: '/api/people/talents', tags, summary: '能人库：按特长、区域和可服务时间查找党员和居民',
    querystring: TalentQuery, response: TalentPage,
    handler: ({ q, query }) => people.talentPool(q, query),
  });
  route(app, db, {
    method: 'GET', url: '/api/people/talents/export', tags, summary: '导出能人库名册（Excel，手机号脱敏）',
    querystring: TalentQuery.omit({ page: true, pageSize: true }), response: 'file',
    handler: async ({ q, query }) => ({ name: '能人库.xlsx', type: XLSX, body: await people.talentLedger(q, query) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/people/:personId', tags, summary: '人员档案（个人信息脱敏）',
    params: PersonParams, response: PersonDetail,
    handler: async ({ q, scope, params }) => withAction(q, scope, await people.detail(q, params.personId)),
  });
  route(app, db, {
    method: 'PATCH', url: '/api/people/:personId', tags, summary: '修改人员档案',
    params: PersonParams, body: UpdatePerson, response: PersonDetail,
    handler: async ({ q, scope, params, body }) => {
      ensurePersonAction(scope, await filePlace(q, scope, params.personId), 'edit');
      return withAction(q, scope, await people.update(q, cipher, params.personId, body));
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/people/:personId/account', tags, summary: '由档案开通登录账号（党员或居民角色，按档案）',
    params: PersonParams, body: OpenAccount, response: PersonDetail,
    handler: async ({ q, scope, params, body }) => {
      ensurePersonAction(scope, await filePlace(q, scope, params.personId), 'account');
      await people.openAccount(q, scope, params.personId, body);
      return withAction(q, scope, await people.detail(q, params.personId));
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/people/:personId/account/link', tags, summary: '把已有的登录账号关联到档案',
    params: PersonParams, body: LinkAccount, response: PersonDetail,
    handler: async ({ q, scope, params, body }) => {
      ensurePersonAction(scope, await filePlace(q, scope, params.personId), 'account');
      await people.tieAccount(q, scope, params.personId, body.userId);
      return withAction(q, scope, await people.detail(q, params.personId));
    },
  });
  route(app, db, {
    method: 'DELETE', url: '/api/people/:personId/account', tags, summary: '解除档案与登录账号的关联（账号保留）',
    params: PersonParams, response: PersonDetail,
    handler: async ({ q, scope, params }) => {
      ensurePersonAction(scope, await filePlace(q, scope, params.personId), 'account');
      await people.untieAccount(q, scope, params.personId);
      return withAction(q, scope, await people.detail(q, params.personId));
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/people/:personId/activation-code', tags, summary: '出具激活码：本人凭身份证号、档案手机号和激活码自行激活账号（7 天有效，仅显示一次）',
    params: PersonParams, response: ActivationCode,
    handler: async ({ q, scope, params }) => {
      ensurePersonAction(scope, await filePlace(q, scope, params.personId), 'account');
      return people.issueActivationCode(q, cipher, params.personId);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/account-activations', tags,
    summary: '本人激活账号（无需登录；身份证号、档案手机号和社区出具的激活码；每个来源每小时限几次，不说明哪一项不符）',
    // Its own transaction: a refusal must keep the wrong try's count, which a scoped request would roll back with the error.
    public: true, scoped: false, body: Activate, response: Activated,
    errors: { 409: '该手机号已有账号', 429: '尝试过于频繁，请一小时后再试' },
    handler: ({ body, req }) => people.activate(db, cipher, body, req.ip),
  });
  route(app, db, {
    method: 'POST', url: '/api/people/:personId/reveal', tags, summary: '查看完整的身份证号、手机号或住址（留痕）',
    params: PersonParams, body: RevealField, response: Revealed,
    handler: async ({ q, scope, params, body }) => {
      ensurePersonAction(scope, await filePlace(q, scope, params.personId), 'reveal');
      return { value: await people.reveal(q, cipher, params.personId, scope.userId!, body.field) };
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/people', tags, summary: '登记人员',
    body: CreatePerson, response: Person,
    handler: async ({ q, scope, body }) => {
      ensureCanEditPeople(scope, await orgs.pathIfSeen(q, body.orgId));
      return withAction(q, scope, await people.create(q, cipher, body));
    },
  });
}
