import { registerConstraint } from '../../kernel/errors.ts';
import { idParam, text, V, z } from '../../kernel/validation.ts';
import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { GRADES } from '../commitments/schema.ts';
import { E } from './errors.ts';

registerConstraint('evaluation_rounds_once', 'year', E.round_taken);
registerConstraint('evaluation_rounds_transition', 'status', E.round_closed);
registerConstraint('evaluation_grades_round_closed', 'grade', E.round_closed);
registerConstraint('evaluation_grades_reason', 'reason', E.reason_required);
registerConstraint('evaluation_unit_reports_once', 'unitId', E.reported_back);

/** The grades of democratic evaluation of members (民主评议党员). */
export const EVALUATION_GRADES = defineVocabulary('EvaluationGrade', [
  { value: 'excellent', zh: '优秀', en: 'Excellent', color: 'green' },
  { value: 'qualified', zh: '合格', en: 'Qualified', color: 'blue' },
  { value: 'basically_qualified', zh: '基本合格', en: 'Basically qualified', color: 'gold' },
  { value: 'unqualified', zh: '不合格', en: 'Unqualified', color: 'red' },
]);
export type EvaluationGrade = ValueOf<typeof EVALUATION_GRADES>;

export const ROUND_STATUSES = defineVocabulary('EvaluationRoundStatus', [
  { value: 'open', zh: '评议中', en: 'In progress', color: 'gold' },
  { value: 'closed', zh: '已结束', en: 'Closed', color: 'green' },
]);
export type RoundStatus = ValueOf<typeof ROUND_STATUSES>;

/** What a caller may do to a round: confirm (or change) a member's grade, close the round. */
export const ROUND_ACTIONS = defineVocabulary('EvaluationRoundAction', [
  { value: 'confirm', zh: '确认等次', en: 'Confirm a grade' },
  { value: 'close', zh: '结束评议', en: 'Close the round' },
]);
export type RoundAction = ValueOf<typeof ROUND_ACTIONS>;
export const ROUND_LIST_ACTIONS = defineVocabulary('EvaluationRoundListAction', [{ value: 'create', zh: '开展民主评议', en: 'Open a round' }]);
export type RoundListAction = ValueOf<typeof ROUND_LIST_ACTIONS>;
export const UNIT_ACTIONS = defineVocabulary('EvaluationUnitAction', [{ value: 'reportBack', zh: '向单位反馈', en: 'Report back to the unit' }]);
export type UnitAction = ValueOf<typeof UNIT_ACTIONS>;

const Tally = z.object({ satisfied: z.number(), basically: z.number(), dissatisfied: z.number() }).meta({ id: 'EvaluationTally' });

/**
 * A member's figures for the year, each found in another module's records
 * and carrying what links to them: the commitment report (its ratings by
 * peers and residents, the items its records found fulfilled), the points
 * ledger (person and year), the duty posts with work recorded.
 */
export const MemberFigures = z.object({
  commitmentId: z.number().nullable(),
  reportId: z.number().nullable(),
  items: z.number().describe('承诺事项'),
  fulfilled: z.number().nullable().describe('已践诺事项（述诺提交时从记录中找到的）'),
  peer: Tally.describe('党员互评'),
  residents: Tally.describe('群众评议'),
  points: z.number().describe('年度积分'),
  threshold: z.number().nullable().describe('年度达标分'),
  postWork: z.number().describe('履岗记录'),
  posts: z.array(z.object({ postId: z.number(), name: z.string(), entries: z.number() })),
}).meta({ id: 'EvaluationFigures' });
export type MemberFigures = z.infer<typeof MemberFigures>;

export const Confirmed = z.object({
  grade: EVALUATION_GRADES.schema,
  proposed: EVALUATION_GRADES.schema.describe('确认时的建议等次'),
  figures: MemberFigures.describe('确认时的数据'),
  reason: z.string().nullable(),
  by: z.string(),
  at: z.string(),
}).meta({ id: 'EvaluationConfirmed' });

export const RoundMember = z.object({
  personId: z.number(),
  name: z.string(),
  orgName: z.string().nullable(),
  figures: MemberFigures,
  proposed: EVALUATION_GRADES.schema,
  confirmed: Confirmed.nullable(),
}).meta({ id: 'EvaluationMember' });
export type RoundMember = z.infer<typeof RoundMember>;

export const Round = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  year: z.number(),
  status: ROUND_STATUSES.schema,
  openedBy: z.string(),
  openedAt: z.string(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  members: z.number(),
  confirmed: z.number(),
  actions: z.array(ROUND_ACTIONS.schema),
}).meta({ id: 'EvaluationRound' });
export type Round = z.infer<typeof Round>;

export const RoundTable = Round.extend({
  rows: z.array(RoundMember),
  distribution: z.array(z.object({ grade: EVALUATION_GRADES.schema, proposed: z.number(), confirmed: z.number() })),
}).meta({ id: 'EvaluationRoundTable' });
export type RoundTable = z.infer<typeof RoundTable>;

export const RoundList = z.object({ items: z.array(Round), actions: z.array(ROUND_LIST_ACTIONS.schema) });
export const RoundQuery = z.object({ orgId: idParam('组织').optional() });
export const RoundParams = z.object({ roundId: idParam('民主评议编号') });
export const GradeParams = z.object({ roundId: idParam('民主评议编号'), personId: idParam('党员') });
const yearField = z.coerce.number().int().min(2000, V.year_range.code).max(2100, V.year_range.code).describe('年度');
export const OpenRound = z.object({ orgId: idParam('组织'), year: yearField });
export const Confirm = z.object({ grade: EVALUATION_GRADES.field('确认等次'), reason: z.string().trim().max(200, V.too_long.code).nullable().optional().describe('理由') });

export const MyGrade = z.object({
  roundId: z.number(),
  year: z.number(),
  orgName: z.string().nullable(),
  grade: EVALUATION_GRADES.schema,
  proposed: EVALUATION_GRADES.schema,
  figures: MemberFigures,
  reason: z.string().nullable(),
  at: z.string(),
}).meta({ id: 'EvaluationMyGrade' });
export const MyGrades = z.object({ items: z.array(MyGrade) });
export const GradeQuery = z.object({ personId: idParam('党员').optional() });

/** A unit's year at a community (双述双评): its pledge's items fulfilled, its report's ratings, and the report back. */
export const UnitRow = z.object({
  unitId: z.number(),
  unitName: z.string(),
  commitmentId: z.number(),
  reportId: z.number(),
  items: z.number(),
  fulfilled: z.number().nullable(),
  tally: Tally,
  result: GRADES.schema.nullable(),
  reportedBack: z.object({ body: z.string(), by: z.string(), at: z.string() }).nullable(),
  actions: z.array(UNIT_ACTIONS.schema),
}).meta({ id: 'EvaluationUnit' });
export const UnitTable = z.object({ items: z.array(UnitRow) });
export const UnitQuery = z.object({ orgId: idParam('社区'), year: yearField });
export const UnitParams = z.object({ unitId: idParam('单位') });
export const ReportBack = z.object({ orgId: idParam('社区'), year: yearField, body: text('反馈意见', 1000) });

/** A department's year as communities rated its dispatches (吹哨报到). */
export const DepartmentRow = z.object({
  unitId: z.number(),
  unitName: z.string(),
  rated: z.number().describe('评价件数'),
  satisfied: z.number().describe('满意（4、5 分）'),
  satisfiedShare: z.number().describe('满意率'),
  overdue: z.number().describe('超期件数'),
  average: z.number(),
  needIds: z.array(z.number()),
}).meta({ id: 'EvaluationDepartment' });
export const DepartmentTable = z.object({ items: z.array(DepartmentRow) });
export const DepartmentQuery = z.object({ year: yearField });
