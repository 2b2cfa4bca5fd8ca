import { registerConstraint } from '../../kernel/errors.ts';
import { day, idParam, optionalText, pageQuery, text, V, z } from '../../kernel/validation.ts';
import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { E } from './errors.ts';

registerConstraint('commitments_member_year_key', 'startsOn', E.member_year_taken);
registerConstraint('commitments_unit_term_key', 'startsOn', E.unit_term_taken);
registerConstraint('commitments_transition', 'status', E.step_not_allowed);
registerConstraint('commitments_signed', 'status', E.signed_already);
registerConstraint('commitment_items_frozen', 'items', E.not_draft);
registerConstraint('commitment_reports_transition', 'status', E.step_not_allowed);
registerConstraint('commitment_reports_frozen', 'statement', E.report_frozen);
registerConstraint('commitment_reports_submitted', 'statement', E.statement_required);
registerConstraint('commitment_ratings_once', 'grade', E.rated_twice);
registerConstraint('commitment_ratings_kept', 'grade', E.rating_kept);
registerConstraint('commitment_windows_span', 'closesAt', E.window_span);

export const COMMITMENT_KINDS = defineVocabulary('CommitmentKind', [
  { value: 'member', zh: '党员承诺', en: 'Member’s commitment', tw: '黨員承諾', color: 'blue' },
  { value: 'unit', zh: '共建承诺书', en: 'Co-building pledge', tw: '共建承諾書', color: 'purple' },
]);
export type CommitmentKind = ValueOf<typeof COMMITMENT_KINDS>;

export const COMMITMENT_STATUSES = defineVocabulary('CommitmentStatus', [
  { value: 'draft', zh: '起草中', en: 'Draft', color: 'default' },
  { value: 'party_signed', zh: '承诺方已签，待社区签', en: 'Signed by the party; awaiting the community', color: 'gold' },
  { value: 'community_signed', zh: '社区已签，待承诺方签', en: 'Signed by the community; awaiting the party', color: 'gold' },
  { value: 'in_force', zh: '已生效', en: 'In force', color: 'green' },
  { value: 'ended', zh: '已到期', en: 'Ended', color: 'default' },
]);
export type CommitmentStatus = ValueOf<typeof COMMITMENT_STATUSES>;

export const CADENCES = defineVocabulary('CommitmentCadence', [
  { value: 'once', zh: '一次（按期完成）', en: 'Once, by a date' },
  { value: 'weekly', zh: '每周', en: 'Weekly' },
  { value: 'monthly', zh: '每月', en: 'Monthly' },
  { value: 'quarterly', zh: '每季度', en: 'Quarterly' },
  { value: 'yearly', zh: '每年', en: 'Yearly' },
]);
export type Cadence = ValueOf<typeof CADENCES>;

/** Where an item's fulfilment is found: the records of another module, or evidence in words. */
export const ITEM_SOURCES = defineVocabulary('CommitmentSource', [
  { value: 'activities', zh: '参加的活动', en: 'Activities attended' },
  { value: 'service', zh: '服务日志', en: 'Service log' },
  { value: 'needs', zh: '办结的需求', en: 'Needs closed' },
  { value: 'venue', zh: '阵地向居民开放（预约）', en: 'Venue opened to residents (bookings)' },
  { value: 'project', zh: '参与的项目', en: 'Project taken part in' },
  { value: 'evidence', zh: '文字说明', en: 'Evidence in words' },
]);
export type ItemSource = ValueOf<typeof ITEM_SOURCES>;

export const ITEM_PROGRESS = defineVocabulary('CommitmentProgress', [
  { value: 'open', zh: '未践诺', en: 'Not yet', color: 'default' },
  { value: 'partly', zh: '部分践诺', en: 'Partly', color: 'gold' },
  { value: 'fulfilled', zh: '已践诺（有记录）', en: 'Fulfilled (on record)', color: 'green' },
  { value: 'evidenced', zh: '已践诺（文字说明）', en: 'Fulfilled (evidence)', color: 'cyan' },
]);
export type ItemProgress = ValueOf<typeof ITEM_PROGRESS>;

export const REPORT_STATUSES = defineVocabulary('CommitmentReportStatus', [
  { value: 'draft', zh: '待述诺', en: 'Draft', color: 'default' },
  { value: 'submitted', zh: '已述诺，待社区公开', en: 'Submitted', color: 'gold' },
  { value: 'published', zh: '已公开（问诺、评诺）', en: 'Published', color: 'green' },
]);
export type ReportStatus = ValueOf<typeof REPORT_STATUSES>;

export const RATER_ROLES = defineVocabulary('CommitmentRaterRole', [
  { value: 'community', zh: '社区', en: 'Community' },
  { value: 'peer', zh: '党员互评 / 共建单位互评', en: 'Peer' },
  { value: 'resident', zh: '群众评议', en: 'Resident' },
]);
export type RaterRole = ValueOf<typeof RATER_ROLES>;

export const GRADES = defineVocabulary('CommitmentGrade', [
  { value: 'satisfied', zh: '满意', en: 'Satisfied', color: 'green' },
  { value: 'basically', zh: '基本满意', en: 'Basically satisfied', color: 'gold' },
  { value: 'dissatisfied', zh: '不满意', en: 'Dissatisfied', color: 'red' },
]);
export type Grade = ValueOf<typeof GRADES>;

/** What a caller may do to a record: decided by the service, shown by the web. */
export const COMMITMENT_ACTIONS = ['edit', 'signAsParty', 'signAsCommunity', 'end'] as const;
export type CommitmentAction = (typeof COMMITMENT_ACTIONS)[number];
export const ITEM_ACTIONS = ['fulfil'] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];
export const REPORT_ACTIONS = ['submit', 'return', 'publish', 'ask', 'rate'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** A record found for an item (an activity attended, a need closed…): what the report is assembled from. */
export const Finding = z.object({
  source: ITEM_SOURCES.schema,
  id: z.number(),
  title: z.string(),
  on: z.string().describe('日期'),
}).meta({ id: 'CommitmentFinding' });
export type Finding = z.infer<typeof Finding>;

export const CommitmentItem = z.object({
  id: z.number(),
  position: z.number(),
  what: z.string(),
  forOrgId: z.number().nullable(),
  forOrgName: z.string().nullable(),
  beneficiary: z.string().nullable(),
  cadence: CADENCES.schema,
  dueOn: z.string().nullable(),
  target: z.number(),
  source: ITEM_SOURCES.schema,
  activityKind: z.string().nullable(),
  needId: z.number().nullable(),
  projectId: z.number().nullable(),
  resourceId: z.number().nullable(),
  evidence: z.string().nullable(),
  evidencedBy: z.string().nullable(),
  evidencedAt: z.string().nullable(),
  found: z.array(Finding),
  progress: ITEM_PROGRESS.schema,
  actions: z.array(z.enum(ITEM_ACTIONS)),
}).meta({ id: 'CommitmentItem' });
export type CommitmentItem = z.infer<typeof CommitmentItem>;

export const Commitment = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  kind: COMMITMENT_KINDS.schema,
  personId: z.number().nullable(),
  unitId: z.number().nullable(),
  reportInId: z.number().nullable(),
  partyName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: COMMITMENT_STATUSES.schema,
  partySigner: z.string().nullable(),
  partySignedAt: z.string().nullable(),
  communitySigner: z.string().nullable(),
  communitySignedAt: z.string().nullable(),
  itemCount: z.number(),
  actions: z.array(z.enum(COMMITMENT_ACTIONS)),
}).meta({ id: 'Commitment' });
export type Commitment = z.infer<typeof Commitment>;

export const CommitmentDetail = Commitment.extend({
  items: z.array(CommitmentItem),
  reports: z.array(z.object({ id: z.number(), windowTitle: z.string(), status: REPORT_STATUSES.schema })),
}).meta({ id: 'CommitmentDetail' });
export type CommitmentDetail = z.infer<typeof CommitmentDetail>;

export const CommitmentPage = z.object({ total: z.number(), items: z.array(Commitment) });
export const CommitmentParams = z.object({ commitmentId: idParam('承诺编号') });
export const ItemParams = z.object({ commitmentId: idParam('承诺编号'), itemId: idParam('承诺事项编号') });
export const CommitmentQuery = z.object({
  orgId: idParam('社区').optional(),
  kind: COMMITMENT_KINDS.field('类别').optional(),
  status: COMMITMENT_STATUSES.field('状态').optional(),
  mine: z.enum(['true', 'false']).optional().describe('只看我的'),
  personId: idParam('党员').optional(),
  unitId: idParam('单位').optional(),
  year: z.coerce.number().int().min(2000, V.year_range.code).max(2100, V.year_range.code).optional().describe('年度（期限与该年重叠）'),
  ...pageQuery,
});

export const ItemInput = z.object({
  what: text('承诺内容', 200),
  forOrgId: idParam('服务对象（社区或网格）').optional(),
  beneficiary: optionalText('服务对象', 60),
  cadence: CADENCES.field('频次'),
  dueOn: day('完成期限').nullable().optional(),
  target: z.coerce.number().int().min(1).max(366, V.too_big.code).default(1).describe('次数'),
  source: ITEM_SOURCES.field('践诺依据'),
  activityKind: optionalText('活动类型', 40),
  needId: idParam('需求').nullable().optional(),
  projectId: idParam('项目').nullable().optional(),
  resourceId: idParam('资源').nullable().optional(),
});
export type ItemInput = z.output<typeof ItemInput>;
const Items = z.array(ItemInput).min(1, E.no_items.code).max(30, V.too_big.code).describe('承诺事项');

export const CreateCommitment = z.object({
  kind: COMMITMENT_KINDS.field('类别'),
  orgId: idParam('社区'),
  unitId: idParam('单位').optional(),
  personId: idParam('党员').optional(),
  reportInId: idParam('报到登记').optional(),
  startsOn: day('起始日期'),
  endsOn: day('截止日期'),
  items: Items,
});
export const ReplaceItems = z.object({ items: Items });
export const Fulfil = z.object({ evidence: text('践诺说明', 500) });

export const Window = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  year: z.number(),
  title: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  open: z.boolean(),
  reports: z.number(),
}).meta({ id: 'CommitmentWindow' });
export const WindowList = z.object({ items: z.array(Window) });
export const WindowQuery = z.object({ orgId: idParam('社区').optional() });
export const CreateWindow = z.object({
  orgId: idParam('社区'),
  year: z.coerce.number().int().min(2000, V.year_range.code).max(2100, V.year_range.code).describe('年度'),
  title: text('名称', 60),
  opensAt: z.iso.datetime({ offset: true, error: V.date.code }).describe('开始时间'),
  closesAt: z.iso.datetime({ offset: true, error: V.date.code }).describe('截止时间'),
});

export const Question = z.object({
  id: z.number(),
  askerName: z.string(),
  askerRole: RATER_ROLES.schema,
  body: z.string(),
  askedAt: z.string(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  canAnswer: z.boolean(),
}).meta({ id: 'CommitmentQuestion' });

export const Report = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  windowId: z.number(),
  windowTitle: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  windowOpen: z.boolean(),
  commitmentId: z.number(),
  kind: COMMITMENT_KINDS.schema,
  partyName: z.string(),
  statement: z.string(),
  status: REPORT_STATUSES.schema,
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  tally: z.object({ satisfied: z.number(), basically: z.number(), dissatisfied: z.number(), total: z.number() }),
  /** Derived from the tally (glossary: 评诺结果), null before anyone rated. */
  result: GRADES.schema.nullable(),
  myRating: GRADES.schema.nullable(),
  myRole: RATER_ROLES.schema.nullable(),
  actions: z.array(z.enum(REPORT_ACTIONS)),
}).meta({ id: 'CommitmentReport' });
export type Report = z.infer<typeof Report>;

export const ReportDetail = Report.extend({
  items: z.array(CommitmentItem),
  questions: z.array(Question),
}).meta({ id: 'CommitmentReportDetail' });
export type ReportDetail = z.infer<typeof ReportDetail>;

export const ReportPage = z.object({ total: z.number(), items: z.array(Report) });
export const ReportParams = z.object({ reportId: idParam('述诺编号') });
export const QuestionParams = z.object({ reportId: idParam('述诺编号'), questionId: idParam('问诺编号') });
export const ReportQuery = z.object({
  orgId: idParam('社区').optional(),
  windowId: idParam('述诺安排').optional(),
  status: REPORT_STATUSES.field('状态').optional(),
  mine: z.enum(['true', 'false']).optional().describe('只看我的'),
  ...pageQuery,
});
export const Submit = z.object({ statement: text('述诺陈述', 1000) });
export const Reason = z.object({ reason: text('退回原因', 200) });
export const Ask = z.object({ body: text('问题', 300) });
export const Answer = z.object({ answer: text('答复', 500) });
export const Rate = z.object({ grade: GRADES.field('评价') });
