import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import {
  AddSlot, CreateRepresentative, DutySlotList, OfficeQuery, ReceptionFigures, RecordVisit, Representative, RepresentativeList, RepresentativeParams, RosterQuery, Visit, VisitList,
} from './schema.ts';
import * as reception from './service.ts';

const tags = ['接待站'];

export function receptionRoutes(app: FastifyInstance, { db, cipher }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/reception/representatives', tags, summary: '代表（委员）名册：人大代表、政协委员、党代表及其选区',
    querystring: RosterQuery, response: RepresentativeList,
    handler: ({ q, scope, query }) => reception.representatives(q, scope, { orgId: query.orgId }),
  });
  route(app, db, {
    method: 'POST', url: '/api/reception/representatives', tags, summary: '增加代表（委员）',
    body: CreateRepresentative, response: Representative,
    handler: ({ q, scope, body }) => reception.createRepresentative(q, scope, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/reception/representatives/:representativeId/slots', tags, summary: '代表排班',
    params: RepresentativeParams, body: AddSlot, response: Representative,
    handler: ({ q, scope, params, body }) => reception.addSlot(q, scope, params.representativeId, body),
  });
  route(app, db, {
    method: 'GET', url: '/api/reception/slots', tags, summary: '值班安排',
    querystring: OfficeQuery, response: DutySlotList,
    handler: async ({ q, query }) => ({ items: await reception.slots(q, query) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/reception/visits', tags, summary: '来访登记：每次来访及其需求的办理情况',
    querystring: OfficeQuery, response: VisitList,
    handler: async ({ q, query }) => ({ items: await reception.visits(q, query) }),
  });
  route(app, db, {
    method: 'POST', url: '/api/reception/visits', tags, summary: '登记来访：值班代表接待的来访，同时生成需求（来源：接待室）',
    body: RecordVisit, response: Visit,
    handler: ({ q, scope, body }) => reception.recordVisit(q, cipher, scope, body),
  });
  route(app, db, {
    method: 'GET', url: '/api/reception/figures', tags, summary: '接待站数字：在册代表、值班代表、接待来访、解决问题，均由记录统计',
    querystring: OfficeQuery, response: ReceptionFigures,
    handler: ({ q, query }) => reception.figures(q, query),
  });
}
