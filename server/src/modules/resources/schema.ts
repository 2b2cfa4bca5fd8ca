import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { importFields } from '../../kernel/excel.ts';
import { registerConstraint } from '../../kernel/errors.ts';
import { filterDay, idParam, optionalText, ordered, pageQuery, text, z } from '../../kernel/validation.ts';

registerConstraint('resources_name_key', 'name', '本单位（社区）已登记同名同类的资源');
const QUANTITY_UNIT = '填写了数量时须注明单位（元、人、件、次……）';
registerConstraint('resources_quantity_unit', 'quantityUnit', QUANTITY_UNIT);
registerConstraint('venues_hours', 'closesAt', '关门时间须晚于开门时间');
registerConstraint('venues_resource_kind', 'resourceId', '阵地须对应同一单位的“场地”类资源');
registerConstraint('venue_bookings_step', 'status', '预约当前的状态不允许这一步操作');
registerConstraint('venue_bookings_fixed', 'during', '预约的阵地、时段和预约人不能修改，请取消后重新预约');

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
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话须为 11 位手机号，或带区号的固定电话（如 0435-4222000）')
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
}).meta({ id: 'Resource' });
export type Resource = z.infer<typeof Resource>;

export const ResourcePage = z.object({ total: z.number(), items: z.array(Resource) });
export const ResourceParams = z.object({ resourceId: idParam('资源编号') });

export const ResourceQuery = z.object({
  orgId: idParam('所在组织').optional(),
  unitId: idParam('提供单位').optional(),
  kind: RESOURCE_KINDS.field('资源类型').optional(),
  category: RESOURCE_CATEGORIES.field('服务类别').optional(),
  status: RESOURCE_STATUSES.field('状态').optional(),
  q: z.string().trim().max(30, '搜索词不能超过 30 个字').optional().describe('名称'),
  ...pageQuery,
});
export type ResourceFilter = Omit<z.infer<typeof ResourceQuery>, 'page' | 'pageSize'>;

const resourceFields = {
  category: RESOURCE_CATEGORIES.field('服务类别'),
  name: text('资源名称', 60),
  description: optionalText('资源说明', 500),
  conditions: optionalText('使用条件', 200),
  availability: optionalText('可用时间', 100),
  quantity: z.number({ error: '数量须为数字' }).min(0, '数量不能为负数').max(1e10, '数量过大').nullable().optional().describe('数量'),
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
}).refine((r) => r.quantity == null || !!r.quantityUnit, { path: ['quantityUnit'], message: QUANTITY_UNIT });
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
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}须为 24 小时制时间，如 08:30`)
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
}).meta({ id: 'Venue' });
export type Venue = z.infer<typeof Venue>;
export const VenueList = z.object({ items: z.array(Venue) });
export const VenueParams = z.object({ venueId: idParam('阵地编号') });
export const VenueQuery = z.object({
  orgId: idParam('所在组织').optional(),
  unitId: idParam('提供单位').optional(),
  venueType: VENUE_TYPES.field('阵地类型').optional(),
  bookable: z.enum(['true', 'false'], { error: '是否可预约须为 true 或 false' }).transform((v) => v === 'true').optional().describe('可预约'),
});
export type VenueFilter = z.infer<typeof VenueQuery>;

const venueFields = {
  venueType: VENUE_TYPES.field('阵地类型'),
  capacity: z.number({ error: '容纳人数须为数字' }).int('容纳人数须为整数').min(1, '容纳人数至少为 1').max(100000, '容纳人数过大').nullable().optional().describe('容纳人数'),
  location: optionalText('位置', 100),
  openDays: z
    .array(z.number().int().min(1, '开放日须为 1（周一）到 7（周日）').max(7, '开放日须为 1（周一）到 7（周日）'))
    .min(1, '至少选择一个开放日')
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
    .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, `${label}须为日期和时间，如 2026-05-08T09:00`)
    .refine((v) => !Number.isNaN(Date.parse(`${v}:00Z`)), `${label}不是有效的日期`)
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
}).meta({ id: 'VenueBooking' });
export type Booking = z.infer<typeof Booking>;
export const BookingList = z.object({ items: z.array(Booking) });
export const BookingParams = z.object({ venueBookingId: idParam('预约编号') });

export const CreateBooking = z.object({
  startsAt: localTime('开始时间'),
  endsAt: localTime('结束时间'),
  purpose: text('用途', 100),
  attendees: z.number({ error: '人数须为数字' }).int('人数须为整数').min(1, '人数至少为 1').max(100000, '人数过大').nullable().optional().describe('人数'),
});
export type CreateBooking = z.infer<typeof CreateBooking>;

const BookingFilters = z.object({
  orgId: idParam('所在组织').optional(),
  venueId: idParam('阵地').optional(),
  status: BOOKING_STATUSES.field('状态').optional(),
  mine: z.enum(['true', 'false'], { error: '“我的预约”须为 true 或 false' }).transform((v) => v === 'true').optional().describe('我的预约'),
  from: filterDay('起始日期').optional(),
  to: filterDay('截止日期').optional(),
});
export const BookingQuery = ordered(BookingFilters, 'from', 'to');
export type BookingFilter = z.infer<typeof BookingQuery>;
export const VenueBookingQuery = ordered(BookingFilters.pick({ from: true, to: true }), 'from', 'to');

export const Reason = z.object({ reason: text('原因', 200) });
export const DaySheetQuery = z.object({ orgId: idParam('所在组织'), date: filterDay('日期') });
