import { registerConstraint } from '../../kernel/errors.ts';
import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { day, idParam, text, z } from '../../kernel/validation.ts';
import { NEED_STATUSES } from '../needs/schema.ts';
import { E } from './errors.ts';

registerConstraint('work_reports_period_key', 'periodFrom', E.already_filed);

export const WORK_REPORT_PERIODS = defineVocabulary('WorkReportPeriod', [
  { value: 'month', zh: '月度', en: 'Monthly' },
  { value: 'quarter', zh: '季度', en: 'Quarterly' },
  { value: 'year', zh: '年度', en: 'Yearly' },
]);
export type WorkReportPeriod = ValueOf<typeof WORK_REPORT_PERIODS>;

/** What a caller may do to a report (policy.ts). */
export const WORK_REPORT_ACTIONS = defineVocabulary('WorkReportAction', [{ value: 'comment', zh: '点评', en: 'Comment' }]);
export type WorkReportAction = ValueOf<typeof WORK_REPORT_ACTIONS>;
export const WORK_REPORT_LIST_ACTIONS = defineVocabulary('WorkReportListAction', [{ value: 'create', zh: '报送工作报告', en: 'File a work report' }]);
export type WorkReportListAction = ValueOf<typeof WORK_REPORT_LIST_ACTIONS>;

export const WorkReportRecords = z.object({
  tasksDone: z.array(z.object({ id: z.number(), title: z.string(), meetingTitle: z.string().nullable(), completedOn: z.string() })).describe('完成的会议任务'),
  needsDone: z.array(z.object({ id: z.number(), title: z.string(), status: NEED_STATUSES.schema, doneOn: z.string() })).describe('办结的需求'),
  activitiesHeld: z.array(z.object({ id: z.number(), title: z.string(), startsAt: z.string() })).describe('开展的活动'),
}).meta({ id: 'WorkReportRecords' });
export type WorkReportRecords = z.infer<typeof WorkReportRecords>;

export const WorkReportComment = z.object({ id: z.number(), body: z.string(), byName: z.string(), orgName: z.string(), at: z.string() });

export const WorkReport = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  toOrgId: z.number(),
  toOrgName: z.string(),
  periodKind: WORK_REPORT_PERIODS.schema,
  periodFrom: z.string(),
  periodTo: z.string(),
  statement: z.string(),
  records: WorkReportRecords,
  filedBy: z.string(),
  filedAt: z.string(),
  comments: z.array(WorkReportComment),
  actions: z.array(WORK_REPORT_ACTIONS.schema),
}).meta({ id: 'WorkReport' });
export type WorkReport = z.infer<typeof WorkReport>;
export const WorkReportList = z.object({ items: z.array(WorkReport), actions: z.array(WORK_REPORT_LIST_ACTIONS.schema) });

export const WorkReportParams = z.object({ workReportId: idParam('工作报告') });
export const WorkReportQuery = z.object({
  orgId: idParam('报告组织').optional(),
  toOrgId: idParam('接收组织').optional(),
});
export const PeriodQuery = z.object({
  orgId: idParam('报告组织'),
  periodKind: WORK_REPORT_PERIODS.field('报告周期'),
  periodFrom: day('报告期起始日'),
});
export const FileWorkReport = PeriodQuery.extend({ statement: text('报告内容', 4000) });
export type FileWorkReport = z.infer<typeof FileWorkReport>;
export const CommentWorkReport = z.object({ body: text('点评意见', 1000) });
export const WorkReportDraft = z.object({
  orgId: z.number(), toOrgId: z.number(), toOrgName: z.string(), periodKind: WORK_REPORT_PERIODS.schema, periodFrom: z.string(), periodTo: z.string(),
  records: WorkReportRecords,
});
