import type { FastifyInstance } from 'fastify';
import { XLSX, route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { Queryable } from '../../kernel/db.ts';
import * as orgs from '../orgs/service.ts';
import { PERSON } from './errors.ts';
import { ensureCanEditPeople, ensureMayReveal, mayReveal } from './policy.ts';
import {
  CreatePerson, Person, PersonDetail, PersonPage, PersonParams, PersonQuery, RevealField, Revealed, TalentPage, TalentQuery, UpdatePerson,
} from './schema.ts';
import * as people from './service.ts';

const tags = ['党员群众'];
/** Where a person's file belongs: the roles that count are those held there. */
const personPath = (q: Queryable, personId: number) => orgs.pathOfRow(q, 'people', personId, PERSON);

export function peopleRoutes(app: FastifyInstance, { db, cipher }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/people', tags, summary: '人员列表（可按组织统计）',
    querystring: PersonQuery, response: PersonPage,
    handler: ({ q, query }) => people.list(q, query),
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
    handler: async ({ q, scope, params }) =>
      people.detail(q, params.personId, mayReveal(scope, await people.isOwnFile(q, params.personId, scope.userId!), await personPath(q, params.personId))),
  });
  route(app, db, {
    method: 'PATCH', url: '/api/people/:personId', tags, summary: '修改人员档案',
    params: PersonParams, body: UpdatePerson, response: PersonDetail,
    handler: async ({ q, scope, params, body }) => {
      ensureCanEditPeople(scope, await personPath(q, params.personId));
      return people.update(q, cipher, params.personId, body);
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/people/:personId/reveal', tags, summary: '查看完整的身份证号、手机号或住址（留痕）',
    params: PersonParams, body: RevealField, response: Revealed,
    handler: async ({ q, scope, params, body }) => {
      ensureMayReveal(scope, await people.isOwnFile(q, params.personId, scope.userId!), await personPath(q, params.personId));
      return { value: await people.reveal(q, cipher, params.personId, scope.userId!, body.field) };
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/people', tags, summary: '登记人员',
    body: CreatePerson, response: Person,
    handler: async ({ q, scope, body }) => {
      ensureCanEditPeople(scope, await orgs.pathIfSeen(q, body.orgId));
      return people.create(q, cipher, body);
    },
  });
}
