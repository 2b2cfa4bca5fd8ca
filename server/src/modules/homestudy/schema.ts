import { registerConstraint } from '../../kernel/errors.ts';
import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { day, idParam, optionalText, z } from '../../kernel/validation.ts';
import { E } from './errors.ts';

registerConstraint('homebound_members_person_key', 'personId', E.already_marked);
registerConstraint('study_deliveries_once', 'activityId', E.already_scheduled);
registerConstraint('study_deliveries_not_self', 'delivererPersonId', E.deliverer_is_member);
registerConstraint('study_deliveries_deliverer', 'deliveryId', E.not_deliverer);
registerConstraint('study_deliveries_recorded', 'deliveryId', E.recorded);

/** Why a member cannot come (glossary 送学上门): kept to a kind, never a diagnosis. */
export const HOMEBOUND_REASONS = defineVocabulary('HomeboundReason', [
  { value: 'elderly', zh: '年老体弱', en: 'Elderly and frail' },
  { value: 'ill', zh: '患病', en: 'Ill' },
  { value: 'disabled', zh: '行动不便', en: 'Limited mobility' },
  { value: 'other', zh: '其他原因', en: 'Other reason' },
]);
export type HomeboundReason = ValueOf<typeof HOMEBOUND_REASONS>;

export const HOMEBOUND_ACTIONS = defineVocabulary('HomeboundAction', [{ value: 'schedule', zh: '安排送学', en: 'Schedule a delivery' }]);
export type HomeboundAction = ValueOf<typeof HOMEBOUND_ACTIONS>;
export const HOMEBOUND_LIST_ACTIONS = defineVocabulary('HomeboundListAction', [{ value: 'create', zh: '登记送学对象', en: 'Mark a member' }]);
export type HomeboundListAction = ValueOf<typeof HOMEBOUND_LIST_ACTIONS>;

export const DELIVERY_STATUSES = defineVocabulary('StudyDeliveryStatus', [
  { value: 'scheduled', zh: '待送学', en: 'Scheduled', color: 'gold' },
  { value: 'delivered', zh: '已送达', en: 'Delivered', color: 'green' },
]);
export type DeliveryStatus = ValueOf<typeof DELIVERY_STATUSES>;
export const DELIVERY_ACTIONS = defineVocabulary('StudyDeliveryAction', [{ value: 'deliver', zh: '登记送达', en: 'Record the delivery' }]);
export type DeliveryAction = ValueOf<typeof DELIVERY_ACTIONS>;

export const HomeboundQuery = z.object({ orgId: idParam('组织').optional() });
export const HomeboundParams = z.object({ homeboundId: idParam('送学对象编号') });
export const DeliveryParams = z.object({ deliveryId: idParam('送学编号') });
export const DeliveryQuery = z.object({
  orgId: idParam('组织').optional(),
  mine: z.enum(['true', 'false']).optional().describe('只看本人送学的任务'),
});

export const MarkHomebound = z.object({
  personId: idParam('党员'),
  reason: HOMEBOUND_REASONS.field('原因'),
  since: day('起始日期').optional(),
});

export const Homebound = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  personId: z.number(),
  personName: z.string(),
  reason: HOMEBOUND_REASONS.schema,
  since: z.string(),
  actions: z.array(HOMEBOUND_ACTIONS.schema),
}).meta({ id: 'HomeboundMember' });
export const HomeboundList = z.object({ items: z.array(Homebound), actions: z.array(HOMEBOUND_LIST_ACTIONS.schema) });

export const ScheduleDelivery = z.object({
  activityId: idParam('本月学习活动'),
  delivererPersonId: idParam('送学人'),
  dueOn: day('送学日期'),
});

export const Deliver = z.object({ note: optionalText('送学情况', 500) });

export const StudyDelivery = z.object({
  id: z.number(),
  orgId: z.number(),
  personId: z.number(),
  personName: z.string().describe('接受送学的党员'),
  activityId: z.number(),
  activityTitle: z.string(),
  activityStartsAt: z.string(),
  delivererPersonId: z.number(),
  delivererName: z.string(),
  dueOn: z.string(),
  status: DELIVERY_STATUSES.schema,
  deliveredAt: z.string().nullable(),
  note: z.string().nullable(),
  actions: z.array(DELIVERY_ACTIONS.schema),
}).meta({ id: 'StudyDelivery' });
export const StudyDeliveryList = z.object({ items: z.array(StudyDelivery) });
