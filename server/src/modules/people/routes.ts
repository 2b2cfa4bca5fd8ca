import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { ensureCanEditPeople } from './policy.ts';
import { CreatePerson, Person, PersonPage, PersonParams, PersonQuery } from './schema.ts';
import * as people from './service.ts';

const tags = ['党员群众'];

export function peopleRoutes(app: FastifyInstance, { db, cipher }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/people', tags, summary: '人员列表（可按组织统计）',
    querystring: PersonQuery, response: PersonPage,
    handler: ({ q, query }) => people.list(q, query),
  });
  route(app, db, {
    method: 'GET', url: '/api/people/:personId', tags, summary: '人员详情',
    params: PersonParams, response: Person,
    handler: ({ q, params }) => people.get(q, params.personId),
  });
  route(app, db, {
    method: 'POST', url: '/api/people', tags, summary: '登记人员',
    body: CreatePerson, response: Person,
    handler: ({ q, scope, body }) => {
      ensureCanEditPeople(scope);
      return people.create(q, cipher, body);
    },
  });
}
