import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { registerConstraint } from '../../kernel/errors.ts';
import { E } from './errors.ts';
import { idParam, optionalText, text, z } from '../../kernel/validation.ts';

registerConstraint('report_ins_active_key', 'personId', E.already_registered);

export const REPORT_IN_STATUSES = defineVocabulary('ReportInStatus', [
  { value: 'issued', zh: '待社区接收', en: 'Awaiting the community', color: 'gold' },
  { value: 'accepted', zh: '已报到', en: 'Reported', color: 'green' },
  { value: 'declined', zh: '社区退回', en: 'Declined', color: 'red' },
  { value: 'withdrawn', zh: '单位撤回', en: 'Withdrawn', color: 'default' },
]);
export type ReportInStatus = ValueOf<typeof REPORT_IN_STATUSES>;

/** What a caller may do to a report-in (policy.ts decides, for each one it returns). */
export const REPORT_IN_ACTIONS = defineVocabulary('ReportInAction', [
  { value: 'withdraw', zh: '撤回', en: 'Withdraw' },
  { value: 'accept', zh: '接收', en: 'Accept' },
  { value: 'decline', zh: '退回', en: 'Return' },
  { value: 'commit', zh: '认领服务、作出承诺', en: 'Pledge a service' },
]);
export type ReportInAction = ValueOf<typeof REPORT_IN_ACTIONS>;
/** Which side of dual registration the caller works: issuing for a unit's members, receiving them at a community. */
export const REPORT_IN_LIST_ACTIONS = defineVocabulary('ReportInListAction', [
  { value: 'issue', zh: '为本单位党员开具报到登记', en: 'Register the unit’s members to report in' },
  { value: 'receive', zh: '接收到社区报到的党员', en: 'Receive members reporting in at a community' },
]);
export type ReportInListAction = ValueOf<typeof REPORT_IN_LIST_ACTIONS>;

export const ReportIn = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  personId: z.number(),
  personName: z.string().nullable(),
  status: REPORT_IN_STATUSES.schema,
  statusLabel: z.string(),
  issuedOn: z.string(),
  note: z.string().nullable(),
  decidedOn: z.string().nullable(),
  declineReason: z.string().nullable(),
  receiptNo: z.string().nullable(),
  serviceItem: z.string().nullable(),
  commitment: z.string().nullable(),
  actions: z.array(REPORT_IN_ACTIONS.schema).describe('what the caller may do to this report-in'),
}).meta({ id: 'ReportIn' });
/** The report-in as the service reads it; the routes add the caller's actions (policy.ts). */
export type ReportIn = Omit<z.infer<typeof ReportIn>, 'actions'>;

export const ReportInList = z.object({ items: z.array(ReportIn), actions: z.array(REPORT_IN_LIST_ACTIONS.schema).describe('which sides of dual registration the caller works') });
/** How many registrations the caller sees, by status (the list stops at a thousand; a community has more). */
export const ReportInCounts = z.object({ issued: z.number(), accepted: z.number(), declined: z.number(), withdrawn: z.number() });
export const ReportInParams = z.object({ reportInId: idParam('报到登记编号') });
export const ReportInQuery = z.object({
  orgId: idParam('社区').optional(),
  unitId: idParam('单位').optional(),
  status: REPORT_IN_STATUSES.field('状态').optional(),
});
export const IssueReportIn = z.object({
  personId: idParam('党员'),
  orgId: idParam('报到社区'),
  note: optionalText('备注', 200),
});
export const DeclineReportIn = z.object({ reason: text('退回原因', 200) });
export const Commitment = z.object({
  serviceItem: text('服务项目', 60),
  commitment: text('承诺内容', 500),
});

export const Community = z.object({ id: z.number(), name: z.string(), street: z.string().nullable() });
export const CommunityList = z.object({ items: z.array(Community) });
export const CommunityQuery = z.object({ q: z.string().trim().max(30).optional().describe('社区名称') });

export const UnregisteredList = z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), orgName: z.string().nullable() })) });
export const UnitParams = z.object({ unitId: idParam('单位编号') });
