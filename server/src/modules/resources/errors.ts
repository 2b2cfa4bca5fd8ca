import { defineErrors } from '../../kernel/errors.ts';

/** The resources module's refusals (codes `resource.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('resource', {
  offer_unit: { status: 403, zh: '只有本单位联络员或社区工作人员可以登记、修改本单位的资源', en: 'Only the unit’s liaison or community staff may list or change the unit’s resources' },
  offer_community: { status: 403, zh: '只有社区工作人员可以登记社区自有的资源', en: 'Only community staff may list or change the community’s own resources' },
  book_staff: { status: 403, zh: '只有社区工作人员或阵地所属单位的联络员可以预约阵地', en: 'Only community staff or the liaison of the venue’s unit may book a venue' },
  decide: { status: 403, zh: '只有阵地所属单位的联络员或社区管理员可以审批预约', en: 'Only the liaison of the venue’s unit or community administrators may decide on bookings' },
  cancel_booking: { status: 403, zh: '只有预约人或阵地管理方可以取消预约', en: 'Only the booker or the venue’s owner side may cancel a booking' },
  unit_not_found: { status: 400, field: 'unitId', zh: '提供单位不存在，或不在您的管辖范围内', en: 'The offering unit does not exist or is outside your jurisdiction' },
  org_required: { status: 400, field: 'orgId', zh: '请选择资源所在的社区（或网格）', en: 'Choose the community (or grid) of the resource' },
  org_unavailable: { status: 400, field: 'orgId', zh: '所在组织不存在、已撤销，或不在您的管辖范围内', en: 'The organization does not exist, was dissolved, or is outside your jurisdiction' },
  venue_in_venues: { status: 400, field: 'kind', zh: '场地请在“阵地”中登记（需填写开放时间和容纳人数）', en: 'List a venue under Venues (with its opening hours and capacity)' },
  not_bookable: { status: 400, field: 'venueId', zh: '{venue}是{type}，不接受预约', en: '{venue} is a {type} and takes no bookings' },
  venue_unavailable: { status: 400, field: 'venueId', zh: '{venue}{status}，暂不接受预约', en: '{venue} is {status} and takes no bookings for now' },
  ends_before_start: { status: 400, field: 'endsAt', zh: '结束时间须晚于开始时间', en: 'The end must be later than the start' },
  one_day: { status: 400, field: 'endsAt', zh: '一次预约须在同一天内，跨天请分别预约', en: 'A booking lies within one day; book each day separately' },
  closed_day: { status: 400, field: 'startsAt', zh: '{venue}{day}不开放（开放时间：{hours}）', en: '{venue} is closed on {day} (open {hours})' },
  outside_hours: { status: 400, field: 'startsAt', zh: '{slot}超出{venue}的开放时间（{hours}）', en: '{slot} is outside the opening hours of {venue} ({hours})' },
  past_slot: { status: 400, field: 'startsAt', zh: '开始时间已过，不能预约过去的时段', en: 'The start has passed; a past slot cannot be booked' },
  over_capacity: { status: 400, field: 'attendees', zh: '{venue}最多容纳 {capacity} 人', en: '{venue} holds at most {capacity} people' },
  slot_taken: {
    status: 409,
    field: 'startsAt',
    zh: '{venue}{clash}已有预约（{status}：{purpose}），与您申请的{slot}冲突，请另选时间',
    en: '{venue} is booked {clash} ({status}: {purpose}), which clashes with {slot}; please choose another time',
  },
  slot_clash: { status: 409, field: 'startsAt', zh: '{venue}该时段已有预约，与您申请的{slot}冲突，请另选时间', en: '{venue} is already booked then, which clashes with {slot}; please choose another time' },
  booking_closed: { status: 400, field: 'status', zh: '这项预约{status}，不能再{step}', en: 'This booking is {status}; it can no longer be {step}' },
  name_taken: { status: 409, field: 'name', zh: '本单位（社区）已登记同名同类的资源', en: 'This unit (community) already lists a resource of this name and kind' },
  quantity_unit: { status: 400, zh: '填写了数量时须注明单位（元、人、件、次……）', en: 'A quantity needs its unit (yuan, people, pieces, times…)' },
  venue_hours: { status: 400, zh: '关门时间须晚于开门时间', en: 'Closing time must be later than opening time' },
  venue_resource_kind: { status: 400, zh: '阵地须对应同一单位的“场地”类资源', en: 'A venue must belong to a resource of kind venue of the same unit' },
  booking_step: { status: 400, zh: '预约当前的状态不允许这一步操作', en: 'The booking’s status does not allow this step' },
  booking_fixed: { status: 400, zh: '预约的阵地、时段和预约人不能修改，请取消后重新预约', en: 'A booking’s venue, slot and booker cannot change; cancel it and book again' },
  phone: { status: 400, zh: '{label}须为 11 位手机号，或带区号的固定电话（如 0435-4222000）', en: '{label} must be an 11-digit mobile number or a landline with area code (such as 0435-4222000)' },
  clock: { status: 400, zh: '{label}须为 24 小时制时间，如 08:30', en: '{label} must be a 24-hour time such as 08:30' },
  local_time: { status: 400, zh: '{label}须为日期和时间，如 2026-05-08T09:00', en: '{label} must be a date and time such as 2026-05-08T09:00' },
  no_such_date: { status: 400, zh: '{label}不是有效的日期', en: '{label} is not a valid date' },
  number: { status: 400, zh: '{label}须为数字', en: '{label} must be a number' },
  whole: { status: 400, zh: '{label}须为整数', en: '{label} must be a whole number' },
  at_least: { status: 400, zh: '{label}至少为 {minimum}', en: '{label} must be at least {minimum}' },
  not_negative: { status: 400, zh: '{label}不能为负数', en: '{label} must not be negative' },
  weekday: { status: 400, zh: '{label}须为 1（周一）到 7（周日）', en: '{label} must be 1 (Monday) to 7 (Sunday)' },
  some_day: { status: 400, zh: '至少选择一个开放日', en: 'Choose at least one opening day' },
  true_false: { status: 400, zh: '{label}须为 true 或 false', en: '{label} must be true or false' },
});

/** Records of this module, as refusals name them. */
export const RESOURCE = { zh: '资源', en: 'Resource' };
export const VENUE = { zh: '阵地', en: 'Venue' };
export const BOOKING = { zh: '预约', en: 'Booking' };
