import { defineGroups, defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { registerConstraint } from '../../kernel/errors.ts';
import { E } from './errors.ts';
import { phone } from '../../kernel/phone.ts';
import { idParam, oneOf, optionalText, pageQuery, text, z } from '../../kernel/validation.ts';
import { CreateVisitEntry, VisitEntry } from '../grids/schema.ts';

registerConstraint('need_claims_active_key', 'needId', E.already_claimed);
registerConstraint('needs_claimable', 'needId', E.not_claimable);
registerConstraint('need_dispatches_active_key', 'needId', E.already_dispatched);
registerConstraint('needs_evidence', 'result', E.evidence_required);
registerConstraint('needs_reject_reason', 'reason', E.reject_reason);
registerConstraint('needs_building_in_grid', 'gridId', E.building_needs_grid);
registerConstraint('needs_transition', 'status', E.step_not_allowed);
registerConstraint('need_photos_mime', 'photos', E.photo_mime);
registerConstraint('need_photos_size', 'photos', E.photo_bytes);

export const NEED_KINDS = defineVocabulary('NeedKind', [
  { value: 'micro_wish', zh: '微心愿', en: 'Micro-wish' },
  { value: 'livelihood', zh: '民生实事', en: 'Livelihood matter' },
  { value: 'request', zh: '诉求', en: 'Request' },
]);
export type NeedKind = ValueOf<typeof NEED_KINDS>;
export const NEED_SOURCES = defineVocabulary('NeedSource', [
  { value: 'resident', zh: '居民提交', en: 'Resident' },
  { value: 'visit', zh: '入户走访', en: 'Home visit' },
  { value: 'reception', zh: '接待室', en: 'Reception office' },
  { value: 'joint_meeting', zh: '联席会议', en: 'Joint meeting' },
  { value: 'staff', zh: '工作人员录入', en: 'Staff entry' },
]);
export type NeedSource = ValueOf<typeof NEED_SOURCES>;
// A resident's own submission is marked by the resident route; staff pick one of the others.
defineGroups(NEED_SOURCES, { staffEntry: ['visit', 'reception', 'joint_meeting', 'staff'] });
export const NEED_CATEGORIES = defineVocabulary('NeedCategory', [
  { value: 'living', zh: '生活帮扶', en: 'Living aid' },
  { value: 'health', zh: '医疗健康', en: 'Health' },
  { value: 'education', zh: '助学育人', en: 'Education' },
  { value: 'employment', zh: '就业创业', en: 'Employment' },
  { value: 'legal', zh: '法律咨询', en: 'Legal advice' },
  { value: 'environment', zh: '环境卫生', en: 'Environment' },
  { value: 'facilities', zh: '市政设施', en: 'Public facilities' },
  { value: 'safety', zh: '平安建设', en: 'Safety' },
  { value: 'culture', zh: '文体活动', en: 'Culture and sports' },
  { value: 'other', zh: '其他', en: 'Other' },
]);
export type NeedCategory = ValueOf<typeof NEED_CATEGORIES>;
export const URGENCIES = defineVocabulary('Urgency', [
  { value: 'normal', zh: '一般', en: 'Normal' },
  { value: 'urgent', zh: '紧急', en: 'Urgent' },
  { value: 'critical', zh: '特急', en: 'Critical' },
]);
export type Urgency = ValueOf<typeof URGENCIES>;
export const NEED_STATUSES = defineVocabulary('NeedStatus', [
  { value: 'submitted', zh: '待受理', en: 'Submitted', color: 'gold' },
  { value: 'accepted', zh: '已受理', en: 'Accepted', color: 'blue' },
  { value: 'rejected', zh: '不予受理', en: 'Rejected', color: 'default' },
  { value: 'claimed', zh: '已认领', en: 'Claimed', color: 'cyan' },
  { value: 'dispatched', zh: '已派单', en: 'Dispatched', color: 'geekblue' },
  { value: 'in_progress', zh: '办理中', en: 'In progress', color: 'processing' },
  { value: 'overdue', zh: '已超期', en: 'Overdue', color: 'red' },
  { value: 'done', zh: '已办结', en: 'Done', color: 'lime' },
  { value: 'returned', zh: '退回重办', en: 'Returned for rework', color: 'orange' },
  { value: 'checked', zh: '社区已验收', en: 'Checked', color: 'green' },
  { value: 'closed', zh: '已关闭', en: 'Closed', color: 'default' },
  { value: 'rated', zh: '已评价', en: 'Rated', color: 'success' },
  { value: 'cancelled', zh: '已撤销', en: 'Cancelled', color: 'default' },
]);
export type NeedStatus = ValueOf<typeof NEED_STATUSES>;

export const ACTIONS = [
  'accept', 'reject', 'cancel', 'dispatch', 'recall', 'withdraw', 'revoke', 'start', 'respond',
  'done', 'check', 'return', 'close', 'confirm', 'rate', 'rateDepartment',
] as const;
export type Action = (typeof ACTIONS)[number];


export const NeedEvent = z.object({
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  toLabel: z.string(),
  actorName: z.string(),
  note: z.string().nullable(),
  at: z.string(),
}).meta({ id: 'NeedEvent' });
export const NeedDispatch = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string(),
  deadline: z.string(),
  dispatchedBy: z.string(),
  dispatchedAt: z.string(),
  status: z.string(),
  respondedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
}).meta({ id: 'NeedDispatch' });
export const NeedClaim = z.object({
  id: z.number(),
  claimerName: z.string(),
  status: z.string(),
  claimedAt: z.string(),
  endedAt: z.string().nullable(),
  endNote: z.string().nullable(),
}).meta({ id: 'NeedClaim' });

export const Need = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  kind: NEED_KINDS.schema,
  kindLabel: z.string(),
  source: NEED_SOURCES.schema,
  sourceLabel: z.string(),
  category: NEED_CATEGORIES.schema,
  categoryLabel: z.string(),
  urgency: URGENCIES.schema,
  urgencyLabel: z.string(),
  title: z.string(),
  description: z.string(),
  placeText: z.string().nullable(),
  gridId: z.number().nullable(),
  buildingId: z.number().nullable(),
  status: NEED_STATUSES.schema,
  statusLabel: z.string(),
  /** The person in need: in full (masked contact) for staff and the person themselves, anonymized for everyone else. */
  requesterName: z.string(),
  phoneMasked: z.string().nullable(),
  addressMasked: z.string().nullable(),
  handlerName: z.string().nullable(),
  handlerUnitId: z.number().nullable(),
  deadline: z.string().nullable(),
  overdue: z.boolean(),
  escalatedTo: z.string().nullable(),
  responseNote: z.string().nullable(),
  resultNote: z.string().nullable(),
  residentRating: z.number().nullable(),
  residentComment: z.string().nullable(),
  createdAt: z.string(),
  /** The steps the caller may take now (the UI shows only these). */
  actions: z.array(z.enum(ACTIONS)),
}).meta({ id: 'Need' });
export type Need = z.infer<typeof Need>;
export const NeedDetail = Need.extend({
  events: z.array(NeedEvent),
  dispatches: z.array(NeedDispatch),
  claims: z.array(NeedClaim),
  photos: z.array(z.object({ id: z.number(), purpose: z.enum(['need', 'evidence']) })),
});
export type NeedDetail = z.infer<typeof NeedDetail>;
export const NeedPage = z.object({ total: z.number(), items: z.array(Need) });

export const NeedParams = z.object({ needId: idParam('需求编号') });
export const PhotoParams = z.object({ needId: idParam('需求编号'), photoId: idParam('照片编号') });
export const NeedQuery = z.object({
  orgId: idParam('所属组织').optional(),
  kind: NEED_KINDS.field('类型').optional(),
  status: NEED_STATUSES.field('状态').optional(),
  category: NEED_CATEGORIES.field('类别').optional(),
  source: NEED_SOURCES.field('来源').optional(),
  overdue: z.enum(['true']).optional().describe('只看超期'),
  escalated: z.enum(['true']).optional().describe('只看上报街道的'),
  q: z.string().trim().max(50).optional().describe('标题关键字'),
  ...pageQuery,
});

/** A photo as a data URL (data:image/png;base64,…); the type is checked against the bytes. */
const photos = z
  .array(z.string().max(3_000_000, E.photo_bytes.code).describe('照片'))
  .max(6, E.too_many_photos.code)
  .optional()
  .describe('照片');

export const CreateNeed = z.object({
  kind: NEED_KINDS.field('类型'),
  category: NEED_CATEGORIES.field('类别'),
  urgency: URGENCIES.field('紧急程度').default('normal'),
  source: NEED_SOURCES.field('来源').optional(),
  orgId: idParam('所在社区或网格').optional(),
  gridId: idParam('网格').optional(),
  buildingId: idParam('楼栋').optional(),
  title: text('标题', 60),
  description: optionalText('详细说明', 1000),
  placeText: optionalText('地点', 100),
  requesterName: text('需求人姓名', 40).optional(),
  phone: phone('联系电话').nullable().optional().describe('联系电话'),
  address: optionalText('住址', 120),
  photos,
});
export type CreateNeed = z.infer<typeof CreateNeed>;

export const Reason = z.object({ reason: text('原因', 300) });
export const OptionalNote = z.object({ note: optionalText('说明', 300) });
export const Respond = z.object({ note: text('响应说明', 300) });
export const Dispatch = z.object({
  unitId: idParam('承办单位'),
  deadline: z.iso.datetime({ offset: true, error: '办理时限须为日期时间，如 2026-05-01T18:00:00+08:00' }).describe('办理时限'),
  note: optionalText('派单说明', 300),
});
export const Claim = z.object({ unitId: idParam('认领单位').optional() });
export const Done = z.object({ result: text('办理结果', 1000), photos });
export const Rate = z.object({
  rating: z.number({ error: '评分须为 1 到 5 的整数' }).int('评分须为 1 到 5 的整数').min(1, '评分须为 1 到 5 的整数').max(5, '评分须为 1 到 5 的整数').describe('评分'),
  comment: optionalText('评价', 300),
});
export const AddPhotos = z.object({ purpose: oneOf(['need', 'evidence'] as const, '照片用途'), photos: photos.unwrap() });

export const PoolWish = z.object({
  id: z.number(),
  orgName: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  urgencyLabel: z.string(),
  title: z.string(),
  description: z.string(),
  placeText: z.string().nullable(),
  requester: z.string(),
  createdAt: z.string(),
});
export const Pool = z.object({ items: z.array(PoolWish) });

export const Match = z.object({
  kind: z.enum(['member', 'unit', 'resource']),
  id: z.number(),
  name: z.string(),
  /** Why it was suggested, in words. */
  reasons: z
    .array(z.object({ code: z.string().describe('理由代码：place. 开头的说明位置，其余说明能做什么'), text: z.string() }))
    .describe('推荐理由'),
  score: z.number(),
});
export const Matches = z.object({ items: z.array(Match) });

export const DepartmentRatings = z.object({
  items: z.array(z.object({ unitId: z.number(), unitName: z.string(), year: z.number(), count: z.number(), average: z.number(), onTime: z.number() })),
});
export const RatingQuery = z.object({ year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确').optional().describe('年份') });
export const SweepBody = z.object({ orgId: idParam('检查范围（组织）') });
export const SweepResult = z.object({ escalated: z.number().nullable() });
export const RevealField = z.object({ field: oneOf(['phone', 'address'] as const, '字段') });
export const Revealed = z.object({ value: z.string().nullable() });

/** A visit (grids' entry) with the need it raised and where that stands now (null when the caller cannot see it). */
export const Visit = VisitEntry.extend({
  need: z.object({ id: z.number(), title: z.string(), status: z.string(), statusLabel: z.string() }).nullable(),
});
export type Visit = z.infer<typeof Visit>;
export const VisitList = z.object({ items: z.array(Visit) });
/** A need raised from a visit in the same entry: the household is the requester, the visit's text the description. */
export const RaiseFromVisit = z.object({
  kind: NEED_KINDS.field('需求类型'),
  category: NEED_CATEGORIES.field('需求类别'),
  urgency: URGENCIES.field('紧急程度').default('normal'),
  title: optionalText('需求标题', 60),
});
export type RaiseFromVisit = z.infer<typeof RaiseFromVisit>;
export const CreateVisit = CreateVisitEntry.extend({ need: RaiseFromVisit.optional().describe('同时提出需求') });
export type CreateVisit = z.infer<typeof CreateVisit>;
