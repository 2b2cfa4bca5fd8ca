import { defineErrors } from '../../kernel/errors.ts';

/** Refusals of work reports up the structure (codes `workreport.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('workreport', {
  staff_only: { status: 403, zh: '只有本组织的书记或管理员可以{action}', en: 'Only the organization’s secretary or administrators may {action}' },
  not_addressed_to_you: { status: 403, field: 'body', zh: '这份报告不是报送给您所在组织的，不能点评', en: 'This report is not addressed to your organization; you cannot comment on it' },
  no_receiver: { status: 400, field: 'orgId', zh: '这个组织没有上级组织，无处报送', en: 'This organization has no organization above it to report to' },
  period_start: { status: 400, field: 'periodFrom', zh: '报告期须从{period}的第一天开始', en: 'The period begins on the first day of a {period}' },
  period_not_ended: { status: 400, field: 'periodFrom', zh: '报告期到 {to} 才结束，结束后再报送', en: 'The period ends on {to}; file the report after it has ended' },
  already_filed: { status: 409, field: 'periodFrom', zh: '这个报告期的报告已经报送过', en: 'A report for this period has already been filed' },
});

export const WORK_REPORT = { zh: '工作报告', en: 'Work report' };
