import type { FastifyInstance } from 'fastify';
import { ImportReport } from '../../kernel/excel.ts';
import { XLSX, route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import * as excel from './excel.ts';
import {
  Booking, BookingList, BookingParams, BookingQuery, CreateBooking, CreateResource, CreateVenue, ExportQuery, ImportResources, Reason, Resource, ResourcePage, ResourceParams,
  ResourceQuery, Revealed, UpdateResource, UpdateVenue, Venue, VenueBookingQuery, VenueList, VenueParams, VenueQuery,
} from './schema.ts';
import * as resources from './service.ts';

const tags = ['资源与阵地'];

export function resourceRoutes(app: FastifyInstance, { db, cipher }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/resources', tags, summary: '资源清单（按所在组织及其下级、单位、类型、类别、状态、名称筛选）',
    querystring: ResourceQuery, response: ResourcePage,
    handler: ({ q, scope, query: { page, pageSize, ...f } }) => resources.page(q, scope, f, page, pageSize),
  });
  route(app, db, {
    method: 'GET', url: '/api/resources/export', tags, summary: '导出资源清单（Excel，可再导入）',
    querystring: ExportQuery, response: 'file',
    handler: async ({ q, query }) => ({ type: XLSX, ...(await excel.exportList(q, query)) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/resources/import-template', tags, summary: '下载资源清单导入模板（Excel）',
    response: 'file',
    handler: async () => ({ name: '资源清单导入模板.xlsx', type: XLSX, body: await excel.template() }),
  });
  route(app, db, {
    method: 'POST', url: '/api/resources/import', tags, summary: '从 Excel 导入资源台账（先校验；有错误时不导入，或只导入正确的行）',
    body: ImportResources, response: ImportReport,
    handler: ({ q, scope, body }) => excel.importSheet(q, cipher, scope, body.orgId, Buffer.from(body.file, 'base64'), body.mode),
  });
  route(app, db, {
    method: 'GET', url: '/api/resources/:resourceId', tags, summary: '资源详情（联系电话已遮蔽）',
    params: ResourceParams, response: Resource,
    handler: ({ q, scope, params }) => resources.get(q, scope, params.resourceId),
  });
  route(app, db, {
    method: 'POST', url: '/api/resources', tags, summary: '登记资源（单位提供的资源登记在单位所在社区）',
    body: CreateResource, response: Resource,
    handler: ({ q, scope, body }) => resources.create(q, scope, cipher, body),
  });
  route(app, db, {
    method: 'PATCH', url: '/api/resources/:resourceId', tags, summary: '修改资源、暂停或撤下',
    params: ResourceParams, body: UpdateResource, response: Resource,
    handler: ({ q, scope, params, body }) => resources.update(q, scope, cipher, params.resourceId, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/resources/:resourceId/reveal-contact', tags, summary: '查看联系电话（留痕）',
    params: ResourceParams, response: Revealed,
    handler: async ({ q, scope, params }) => ({ value: await resources.revealContact(q, cipher, params.resourceId, scope.userId!) }),
  });

  route(app, db, {
    method: 'GET', url: '/api/venues', tags, summary: '阵地（6+1+7+n 及单位开放的场所）',
    querystring: VenueQuery, response: VenueList,
    handler: async ({ q, scope, query }) => ({ items: await resources.listVenues(q, scope, query), actions: await resources.listActions(q, scope, query.orgId) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/venues/:venueId', tags, summary: '阵地详情',
    params: VenueParams, response: Venue,
    handler: ({ q, scope, params }) => resources.getVenue(q, scope, params.venueId),
  });
  route(app, db, {
    method: 'POST', url: '/api/venues', tags, summary: '登记阵地（同时列入资源清单）',
    body: CreateVenue, response: Venue,
    handler: ({ q, scope, body }) => resources.createVenue(q, scope, cipher, body),
  });
  route(app, db, {
    method: 'PATCH', url: '/api/venues/:venueId', tags, summary: '修改阵地：开放时间、容纳人数、是否需审批',
    params: VenueParams, body: UpdateVenue, response: Venue,
    handler: ({ q, scope, params, body }) => resources.updateVenue(q, scope, params.venueId, body),
  });

  route(app, db, {
    method: 'GET', url: '/api/venues/:venueId/bookings', tags, summary: '一个阵地的预约（日历）',
    params: VenueParams, querystring: VenueBookingQuery, response: BookingList,
    handler: async ({ q, scope, params, query }) => {
      await resources.getVenue(q, scope, params.venueId);
      return { items: await resources.bookings(q, scope, { ...query, venueId: params.venueId }) };
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/venues/:venueId/bookings', tags, summary: '预约阵地的一个时段（重叠的时段会被拒绝）',
    params: VenueParams, body: CreateBooking, response: Booking,
    handler: ({ q, scope, params, body }) => resources.book(q, scope, params.venueId, body),
  });
  route(app, db, {
    method: 'GET', url: '/api/venue-bookings', tags, summary: '阵地预约（社区日历、待审批、我的预约）',
    querystring: BookingQuery, response: BookingList,
    handler: async ({ q, scope, query }) => ({ items: await resources.bookings(q, scope, query) }),
  });
  route(app, db, {
    method: 'GET', url: '/api/venue-bookings/:venueBookingId', tags, summary: '预约详情',
    params: BookingParams, response: Booking,
    handler: ({ q, scope, params }) => resources.getBooking(q, scope, params.venueBookingId),
  });
  route(app, db, {
    method: 'POST', url: '/api/venue-bookings/:venueBookingId/approve', tags, summary: '阵地管理方批准预约',
    params: BookingParams, response: Booking,
    handler: ({ q, scope, params }) => resources.approve(q, scope, params.venueBookingId),
  });
  route(app, db, {
    method: 'POST', url: '/api/venue-bookings/:venueBookingId/reject', tags, summary: '阵地管理方驳回预约（须说明原因）',
    params: BookingParams, body: Reason, response: Booking,
    handler: ({ q, scope, params, body }) => resources.reject(q, scope, params.venueBookingId, body.reason),
  });
  route(app, db, {
    method: 'POST', url: '/api/venue-bookings/:venueBookingId/cancel', tags, summary: '预约人或阵地管理方取消预约（须说明原因）',
    params: BookingParams, body: Reason, response: Booking,
    handler: ({ q, scope, params, body }) => resources.cancelBooking(q, scope, params.venueBookingId, body.reason),
  });
}
