import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { importFields } from '../../kernel/excel.ts';
import { registerConstraint } from '../../kernel/errors.ts';
import { V, filterDay, idParam, optionalText, ordered, pageQuery, text, z } from '../../kernel/validation.ts';
import { E } from './errors.ts';

registerConstraint('resources_name_key', 'name', E.name_taken);
registerConstraint('resources_quantity_unit', 'quantityUnit', E.quantity_unit);
registerConstraint('venues_hours', 'closesAt', E.venue_hours);
registerConstraint('venues_resource_kind', 'resourceId', E.venue_resource_kind);
registerConstraint('venue_bookings_step', 'status', E.booking_step);
registerConstraint('venue_bookings_fixed', 'during', E.booking_fixed);

/** What a caller may do to a resource (its `actions`; policy.ts decides). */
export const RESOURCE_ACTIONS = defineVocabulary('ResourceAction', [{ value: 'edit', zh: '修改', en: 'Edit' }]);
export type ResourceAction = ValueOf<typeof RESOURCE_ACTIONS>;
/** What a caller may do at the organization a list of resources or venues is viewed at. */
export const RESOURCE_LIST_ACTIONS = defineVocabulary('ResourceListAction', [{ value: 'create', zh: '登记', en: 'List new' }]);
export type ResourceListAction = ValueOf<typeof RESOURCE_LIST_ACTIONS>;
export const VENUE_ACTIONS = defineVocabulary('VenueAction', [
  { value: 'edit', zh: '修改', en: 'Edit' },
  { value: 'book', zh: '预约', en: 'Book' },
]);
export type VenueAction = ValueOf<typeof VENUE_ACTIONS>;
export const BOOKING_ACTIONS = defineVocabulary('BookingAction', [
  { value: 'approve', zh: '批准', en: 'Approve' },
  { value: 'reject', zh: '驳回', en: 'Reject' },
  { value: 'cancel', zh: '取消', en: 'Cancel' },
]);
export type BookingAction = ValueOf<typeof BOOKING_ACTIONS>;

/** 资源 kinds (glossary: Resource kinds venue / fund / service / talent / goods). */
export const RESOURCE_KINDS = defineVocabulary('ResourceKind', [
  { value: 'venue', zh: '场地', en: 'Venue' },
  { value: 'fund', zh: '资金', en: 'Fund' },
  { value: 'service', zh: '服务', en: 'Service' },
  { value: 'talent', zh: '人才', en: 'Talent' },
  { value: 'goods', zh: '物资', en: 'Goods' },
]);
export type ResourceKind = ValueOf<typeof RESOURCE_KINDS>;

/**
 * What a resource is for. Needs use the same categories, so matching a need
 * to resources is a comparison of keys.
 */
export const RESOURCE_CATEGORIES = defineVocabulary('ResourceCategory', [
  { value: 'culture', zh: '文体活动', en: 'Culture and sports' },
  { value: 'education', zh: '教育培训', en: 'Education' },
  { value: 'health', zh: '医疗健康', en: 'Health' },
  { value: 'legal', zh: '法律服务', en: 'Legal aid' },
  { value: 'elderly', zh: '助老助残', en: 'Elderly and disabled' },
  { value: 'aid', zh: '帮困救助', en: 'Hardship aid' },
  { value: 'environment', zh: '环境整治', en: 'Environment' },
  { value: 'safety', zh: '治安巡逻', en: 'Safety patrols' },
  { value: 'employment', zh: '就业创业', en: 'Employment' },
  { value: 'convenience', zh: '便民服务', en: 'Everyday services' },
  { value: 'party', zh: '党建活动', en: 'Party activities' },
]);
export type ResourceCategory = ValueOf<typeof RESOURCE_CATEGORIES>;

export const RESOURCE_STATUSES = defineVocabulary('ResourceStatus', [
  { value: 'available', zh: '可提供', en: 'Available', color: 'green' },
  { value: 'paused', zh: '暂停', en: 'Paused', color: 'orange' },
  { value: 'withdrawn', zh: '已撤下', en: 'Withdrawn', color: 'default' },
]);
export type ResourceStatus = ValueOf<typeof RESOURCE_STATUSES>;

/** 梅河口 "6+1+7+n" and what units open to residents. */
export const VENUE_TYPES = defineVocabulary('VenueType', [
  { value: 'service_window', zh: '服务窗口', en: 'Service window' },
  { value: 'reception', zh: '便民解困接待站', en: 'Reception desk' },
  { value: 'function_room', zh: '基础功能室', en: 'Function room' },
  { value: 'special_room', zh: '特色活动室', en: 'Special room' },
  { value: 'court', zh: '球场', en: 'Court' },
  { value: 'meeting_room', zh: '会议室', en: 'Meeting room' },
  { value: 'library', zh: '图书阅览室', en: 'Library' },
  { value: 'activity_center', zh: '党员活动中心', en: 'Activity centre' },
]);
export type VenueType = ValueOf<typeof VENUE_TYPES>;

export const BOOKING_STATUSES = defineVocabulary('BookingStatus', [
  { value: 'pending', zh: '待审批', en: 'Pending', color: 'gold' },
  { value: 'approved', zh: '已预约', en: 'Booked', color: 'green' },
  { value: 'rejected', zh: '未获批准', en: 'Rejected', color: 'default' },
  { value: 'cancelled', zh: '已取消', en: 'Cancelled', color: 'default' },
]);
export type BookingStatus = ValueOf<typeof BOOKING_STATUSES>;

const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, E.phone.code)
  .describe('联系电话');

export const Resource = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  kind: RESOURCE_KINDS.schema,
  kindLabel: z.string(),
  category: RESOURCE_CATEGORIES.schema,
  categoryLabel: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  conditions: z.string().nullable(),
  availability: z.string().nullable(),
  quantity: z.number().nullable(),
  quantityUnit: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhoneMasked: z.string().nullable(),
  status: RESOURCE_STATUSES.schema,
  statusLabel: z.string(),
  venueId: z.number().nullable(),
  updatedAt: z.string(),
  actions: z.array(RESOURCE_ACTIONS.schema),
}).meta({ id: 'Resource' });
export type Resource = z.infer<typeof Resource>;

export const ResourcePage = z.object({ total: z.number(), items: z.array(Resource), actions: z.array(RESOURCE_LIST_ACTIONS.schema) });
export const ResourceParams = z.object({ resourceId: idParam('资源编号') });

export const ResourceQuery = z.object({
  orgId: idParam('所在组织').optional(),
  unitId: idParam('提供单位').optional(),
  kind: RESOURCE_KINDS.field('资源类型').optional(),
  category: RESOURCE_CATEGORIES.field('服务类别').optional(),
  status: RESOURCE_STATUSES.field('状态').optional(),
  q: z.string().trim().max(30, V.too_long.code).optional().describe('名称'),
  ...pageQuery,
});
export type ResourceFilter = Omit<z.infer<typeof ResourceQuery>, 'page' | 'pageSize'>;

const resourceFields = {
  category: RESOURCE_CATEGORIES.field('服务类别'),
  name: text('资源名称', 60),
  description: optionalText('资源说明', 500),
  conditions: optionalText('使用条件', 200),
  availability: optionalText('可用时间', 100),
  quantity: z.number({ error: E.number.code }).min(0, E.not_negative.code).max(1e10, V.too_big.code).nullable().optional().describe('数量'),
  quantityUnit: optionalText('数量单位', 10),
  contactName: optionalText('联系人', 20),
  contactPhone: phone.nullable().optional(),
};

export const CreateResource = z.object({
  // A unit's resource is listed where the unit is; orgId is for a community's own.
  orgId: idParam('所在组织').optional(),
  unitId: idParam('提供单位').nullable().optional(),
  kind: RESOURCE_KINDS.field('资源类型'),
  ...resourceFields,
}).refine((r) => r.quantity == null || !!r.quantityUnit, { path: ['quantityUnit'], message: E.quantity_unit.code });
export type CreateResource = z.infer<typeof CreateResource>;

export const UpdateResource = z.object({
  ...resourceFields,
  category: resourceFields.category.optional(),
  name: resourceFields.name.optional(),
  status: RESOURCE_STATUSES.field('状态').optional(),
});
export type UpdateResource = z.infer<typeof UpdateResource>;

export const Revealed = z.object({ value: z.string().nullable() });

export const ImportResources = z.object({ orgId: idParam('所在组织'), ...importFields });
export const ExportQuery = ResourceQuery.omit({ page: true, pageSize: true });

const clock = (label: string) =>
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, E.clock.code)
    .describe(label);

export const Venue = z.object({
  id: z.number(),
  resourceId: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  name: z.string(),
  venueType: VENUE_TYPES.schema,
  venueTypeLabel: z.string(),
  capacity: z.number().nullable(),
  location: z.string().nullable(),
  openDays: z.array(z.number()),
  opensAt: z.string(),
  closesAt: z.string(),
  bookable: z.boolean(),
  needsApproval: z.boolean(),
  conditions: z.string().nullable(),
  status: RESOURCE_STATUSES.schema,
  statusLabel: z.string(),
  actions: z.array(VENUE_ACTIONS.schema),
}).meta({ id: 'Venue' });
export type Venue = z.infer<typeof Venue>;
export const VenueList = z.object({ items: z.array(Venue), actions: z.array(RESOURCE_LIST_ACTIONS.schema) });
export const VenueParams = z.object({ venueId: idParam('阵地编号') });
export const VenueQuery = z.object({
  orgId: idParam('所在组织').optional(),
  unitId: idParam('提供单位').optional(),
  venueType: VENUE_TYPES.field('阵地类型').optional(),
  bookable: z.enum(['true', 'false'], { error: E.true_false.code }).transform((v) => v === 'true').optional().describe('可预约'),
});
export type VenueFilter = z.infer<typeof VenueQuery>;

const venueFields = {
  venueType: VENUE_TYPES.field('阵地类型'),
  capacity: z.number({ error: E.number.code }).int(E.whole.code).min(1, E.at_least.code).max(100000, V.too_big.code).nullable().optional().describe('容纳人数'),
  location: optionalText('位置', 100),
  openDays: z
    .array(z.number().int(E.weekday.code).min(1, E.weekday.code).max(7, E.weekday.code))
    .min(1, E.some_day.code)
    .max(7)
    .describe('开放日'),
  opensAt: clock('开门时间'),
  closesAt: clock('关门时间'),
  bookable: z.boolean().describe('可预约'),
  needsApproval: z.boolean().describe('预约需审批'),
};

export const CreateVenue = z.object({
  orgId: idParam('所在组织').optional(),
  unitId: idParam('提供单位').nullable().optional(),
  name: text('阵地名称', 60),
  category: RESOURCE_CATEGORIES.field('服务类别').default('party'),
  conditions: optionalText('使用条件', 200),
  contactName: optionalText('联系人', 20),
  contactPhone: phone.nullable().optional(),
  ...venueFields,
  openDays: venueFields.openDays.default([1, 2, 3, 4, 5, 6, 7]),
  bookable: venueFields.bookable.default(true),
  needsApproval: venueFields.needsApproval.default(false),
});
export type CreateVenue = z.infer<typeof CreateVenue>;

export const UpdateVenue = z.object({
  name: text('阵地名称', 60).optional(),
  conditions: optionalText('使用条件', 200),
  status: RESOURCE_STATUSES.field('状态').optional(),
  venueType: venueFields.venueType.optional(),
  capacity: venueFields.capacity,
  location: venueFields.location,
  openDays: venueFields.openDays.optional(),
  opensAt: venueFields.opensAt.optional(),
  closesAt: venueFields.closesAt.optional(),
  bookable: venueFields.bookable.optional(),
  needsApproval: venueFields.needsApproval.optional(),
});
export type UpdateVenue = z.infer<typeof UpdateVenue>;

/** Wall-clock time in the region's time zone, to the minute: 2026-05-08T09:00. */
const localTime = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, E.local_time.code)
    .refine((v) => !Number.isNaN(Date.parse(`${v}:00Z`)), E.no_such_date.code)
    .describe(label);

export const Booking = z.object({
  id: z.number(),
  venueId: z.number(),
  venueName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  venueUnitId: z.number().nullable(),
  bookedBy: z.number(),
  bookerName: z.string(),
  purpose: z.string(),
  attendees: z.number().nullable(),
  /** Local wall-clock times (region time zone). */
  startsAt: z.string(),
  endsAt: z.string(),
  status: BOOKING_STATUSES.schema,
  statusLabel: z.string(),
  rejectReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
  actions: z.array(BOOKING_ACTIONS.schema),
}).meta({ id: 'VenueBooking' });
export type Booking = z.infer<typeof Booking>;
export const BookingList = z.object({ items: z.array(Booking) });
export const BookingParams = z.object({ venueBookingId: idParam('预约编号') });

export const CreateBooking = z.object({
  startsAt: localTime('开始时间'),
  endsAt: localTime('结束时间'),
  purpose: text('用途', 100),
  attendees: z.number({ error: E.number.code }).int(E.whole.code).min(1, E.at_least.code).max(100000, V.too_big.code).nullable().optional().describe('人数'),
});
export type CreateBooking = z.infer<typeof CreateBooking>;

const BookingFilters = z.object({
  orgId: idParam('所在组织').optional(),
  venueId: idParam('阵地').optional(),
  status: BOOKING_STATUSES.field('状态').optional(),
  mine: z.enum(['true', 'false'], { error: E.true_false.code }).transform((v) => v === 'true').optional().describe('我的预约'),
  from: filterDay('起始日期').optional(),
  to: filterDay('截止日期').optional(),
});
export const BookingQuery = ordered(BookingFilters, 'from', 'to');
export type BookingFilter = z.infer<typeof BookingQuery>;
export const VenueBookingQuery = ordered(BookingFilters.pick({ from: true, to: true }), 'from', 'to');

export const Reason = z.object({ reason: text('原因', 200) });
export const DaySheetQuery = z.object({ orgId: idParam('所在组织'), date: filterDay('日期') });
