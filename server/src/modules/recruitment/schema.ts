import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { registerConstraint } from '../../kernel/errors.ts';
import { E } from './errors.ts';
import { day, idParam, oneOf, optionalText, z } from '../../kernel/validation.ts';

registerConstraint('recruitments_person_key', 'personId', E.person_taken);
registerConstraint('recruitments_day_order', 'on', E.day_order);
registerConstraint('recruitments_sponsors', 'sponsorIds', E.sponsors_rule);
registerConstraint('recruitments_notice', 'endsOn', E.notice_rule);
registerConstraint('recruitments_notice_ended', 'on', E.notice_not_over);
registerConstraint('recruitments_ended', 'reason', E.ended);
registerConstraint('recruitments_withdrawal', 'reason', E.reason_required);
registerConstraint('recruitments_withdrawn_stage', 'stage', E.withdrawn_stage);
registerConstraint('recruitments_withdrawn_day', 'on', E.withdrawn_day);
registerConstraint('recruitments_next_stage', 'stage', E.stage_order);

export const STAGES = defineVocabulary('RecruitmentStage', [
  { value: 'applicant', zh: '入党申请人', en: 'Applicant', color: 'gold' },
  { value: 'activist', zh: '入党积极分子', en: 'Activist', color: 'gold' },
  { value: 'candidate', zh: '发展对象', en: 'Candidate', color: 'gold' },
  { value: 'probationary', zh: '预备党员', en: 'Probationary member', color: 'volcano' },
  { value: 'full', zh: '正式党员', en: 'Full member', color: 'red' },
]);
export type Stage = ValueOf<typeof STAGES>;
export const WITHDRAWN_BY = defineVocabulary('RecruitmentEnd', [
  { value: 'applicant', zh: '申请人撤回', en: 'Withdrawn by the applicant' },
  { value: 'branch', zh: '党组织终止', en: 'Ended by the party organization' },
]);
export const STAGE_ORDER = [...STAGES.values] as Stage[];

/** What a caller may do to a recruitment record (policy.ts decides, for each record it returns). */
export const RECRUITMENT_ACTIONS = defineVocabulary('RecruitmentAction', [
  { value: 'advance', zh: '进入下一阶段', en: 'Take the next stage' },
  { value: 'sponsors', zh: '确定入党介绍人', en: 'Name the sponsors' },
  { value: 'notice', zh: '公示', en: 'Post the public notice' },
  { value: 'withdraw', zh: '撤回或终止', en: 'Withdraw or end' },
]);
export type RecruitmentAction = ValueOf<typeof RECRUITMENT_ACTIONS>;
/** What a caller may do where the register is viewed. */
export const RECRUITMENT_LIST_ACTIONS = defineVocabulary('RecruitmentListAction', [{ value: 'create', zh: '登记入党申请人', en: 'Register an applicant' }]);
export type RecruitmentListAction = ValueOf<typeof RECRUITMENT_LIST_ACTIONS>;

export const Recruitment = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  personId: z.number(),
  personName: z.string().nullable(),
  stage: STAGES.schema,
  stageLabel: z.string(),
  appliedOn: z.string(),
  activistOn: z.string().nullable(),
  candidateOn: z.string().nullable(),
  probationaryOn: z.string().nullable(),
  fullOn: z.string().nullable(),
  sponsors: z.array(z.object({ id: z.number(), name: z.string() })),
  noticeStartsOn: z.string().nullable(),
  noticeEndsOn: z.string().nullable(),
  /** The stage that comes next, if any (none once withdrawn). */
  nextStage: z.enum(['activist', 'candidate', 'probationary', 'full']).nullable(),
  withdrawnOn: z.string().nullable(),
  withdrawnBy: WITHDRAWN_BY.schema.nullable(),
  withdrawalReason: z.string().nullable(),
  actions: z.array(RECRUITMENT_ACTIONS.schema).describe('what the caller may do to this record'),
}).meta({ id: 'Recruitment' });
/** The record as the service reads it; the routes add the caller's actions (policy.ts). */
export type Recruitment = Omit<z.infer<typeof Recruitment>, 'actions'>;

/** The caller's own applications. */
export const OwnRecruitments = z.object({ total: z.number(), items: z.array(Recruitment) });
export const RecruitmentList = OwnRecruitments.extend({ actions: z.array(RECRUITMENT_LIST_ACTIONS.schema).describe('what the caller may do where the register is viewed') });
export const RecruitmentParams = z.object({ recruitmentId: idParam('发展党员记录编号') });
export const RecruitmentQuery = z.object({
  orgId: idParam('党组织').optional(),
  stage: oneOf(STAGE_ORDER, '阶段').optional(),
});
export const StartRecruitment = z.object({
  personId: idParam('申请人'),
  orgId: idParam('党组织'),
  appliedOn: day('递交入党申请日期'),
});
export const Advance = z.object({
  stage: oneOf(STAGE_ORDER, '阶段'),
  on: day('日期'),
});
export const Sponsors = z.object({
  sponsorIds: z.array(idParam('入党介绍人')).length(2, E.two_sponsors.code).describe('入党介绍人'),
});
export const Notice = z.object({
  startsOn: day('公示开始日期'),
  endsOn: day('公示结束日期'),
});
export const Withdraw = z.object({
  on: day('终止日期'),
  reason: optionalText('原因', 200),
});
