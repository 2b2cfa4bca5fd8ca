import { registerConstraint } from '../../kernel/errors.ts';
import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { phone } from '../../kernel/phone.ts';
import { day, filterDay, idParam, optionalText, ordered, text, z } from '../../kernel/validation.ts';
import { NEED_CATEGORIES, NEED_STATUSES } from '../needs/schema.ts';
import { E } from './errors.ts';

registerConstraint('reception_representatives_name_key', 'name', E.name_taken);
registerConstraint('reception_duty_slots_key', 'onDate', E.slot_taken);
registerConstraint('reception_visits_on_duty', 'visitedOn', E.not_on_duty);

export const REPRESENTATIVE_KINDS = defineVocabulary('RepresentativeKind', [
  { value: 'people_deputy', zh: '人大代表', en: 'People’s congress deputy', color: 'red' },
  { value: 'cppcc_member', zh: '政协委员', en: 'CPPCC member', color: 'blue' },
  { value: 'party_delegate', zh: '党代表', en: 'Party congress delegate', color: 'volcano' },
]);
export type RepresentativeKind = ValueOf<typeof REPRESENTATIVE_KINDS>;

export const DUTY_PERIODS = defineVocabulary('DutyPeriod', [
  { value: 'morning', zh: '上午', en: 'Morning' },
  { value: 'afternoon', zh: '下午', en: 'Afternoon' },
  { value: 'full_day', zh: '全天', en: 'All day' },
]);
export type DutyPeriod = ValueOf<typeof DUTY_PERIODS>;

/** What a caller may do to a representative (policy.ts). */
export const REPRESENTATIVE_ACTIONS = defineVocabulary('RepresentativeAction', [
  { value: 'schedule', zh: '排班', en: 'Add a duty slot' },
  { value: 'recordVisit', zh: '登记来访', en: 'Record a visitor' },
]);
export type RepresentativeAction = ValueOf<typeof REPRESENTATIVE_ACTIONS>;
export const RECEPTION_LIST_ACTIONS = defineVocabulary('ReceptionListAction', [{ value: 'create', zh: '增加代表', en: 'Add a representative' }]);
export type ReceptionListAction = ValueOf<typeof RECEPTION_LIST_ACTIONS>;

export const Representative = z.object({
  id: z.number(),
  orgId: z.number(),
  kind: REPRESENTATIVE_KINDS.schema,
  name: z.string(),
  constituency: z.string(),
  personId: z.number().nullable(),
  active: z.boolean(),
  visits: z.number().describe('接待来访数'),
  actions: z.array(REPRESENTATIVE_ACTIONS.schema),
}).meta({ id: 'Representative' });
export type Representative = z.infer<typeof Representative>;
export const RepresentativeList = z.object({ items: z.array(Representative), actions: z.array(RECEPTION_LIST_ACTIONS.schema) });

export const DutySlot = z.object({
  id: z.number(),
  representativeId: z.number(),
  representativeName: z.string(),
  onDate: z.string(),
  period: DUTY_PERIODS.schema,
}).meta({ id: 'DutySlot' });
export const DutySlotList = z.object({ items: z.array(DutySlot) });

export const Visit = z.object({
  id: z.number(),
  orgId: z.number(),
  representativeId: z.number(),
  representativeName: z.string(),
  visitedOn: z.string(),
  needId: z.number(),
  /** The need as the needs loop has it now: the follow-up. Null where the caller does not read the need. */
  needTitle: z.string().nullable(),
  needStatus: NEED_STATUSES.schema.nullable(),
  solved: z.boolean(),
  recordedBy: z.string(),
}).meta({ id: 'ReceptionVisit' });
export type Visit = z.infer<typeof Visit>;
export const VisitList = z.object({ items: z.array(Visit) });

export const ReceptionFigures = z.object({
  representatives: z.number().describe('在册代表（委员）数'),
  onDuty: z.number().describe('值班代表人数'),
  dutySlots: z.number().describe('值班班次数'),
  visitors: z.number().describe('接待来访人数'),
  solved: z.number().describe('解决问题数'),
}).meta({ id: 'ReceptionFigures' });

export const RepresentativeParams = z.object({ representativeId: idParam('代表编号') });
export const RosterQuery = z.object({ orgId: idParam('接待站所在组织').optional() });
export const OfficeQuery = ordered(RosterQuery.extend({
  from: filterDay('起始日期').optional(),
  to: filterDay('截止日期').optional(),
}), 'from', 'to');
export const CreateRepresentative = z.object({
  orgId: idParam('接待站所在组织'),
  kind: REPRESENTATIVE_KINDS.field('类别'),
  name: text('姓名', 30),
  constituency: text('选区（界别）', 60),
  personId: idParam('人员档案').optional(),
});
export const AddSlot = z.object({ onDate: day('值班日期'), period: DUTY_PERIODS.field('时段') });
export const RecordVisit = z.object({
  representativeId: idParam('接待代表').optional(),
  visitedOn: day('来访日期'),
  needOrgId: idParam('交办组织').optional(),
  category: NEED_CATEGORIES.field('类别'),
  title: text('反映问题', 100),
  description: optionalText('详细情况', 2000),
  visitorName: text('来访人姓名', 40),
  phone: phone('联系电话').nullable().optional().describe('联系电话'),
  address: optionalText('住址', 120),
});
export type RecordVisit = z.infer<typeof RecordVisit>;
