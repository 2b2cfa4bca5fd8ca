import { registerConstraint } from '../../kernel/errors.ts';
import { E } from './errors.ts';
import { phone } from '../../kernel/phone.ts';
import { idParam, keyOf, keysOf, oneOf, optionalText, pageQuery, text, z } from '../../kernel/validation.ts';

registerConstraint('need_claims_active_key', 'needId', E.already_claimed);
registerConstraint('needs_claimable', 'needId', E.not_claimable);
registerConstraint('need_dispatches_active_key', 'needId', E.already_dispatched);
registerConstraint('needs_evidence', 'result', E.evidence_required);
registerConstraint('needs_reject_reason', 'reason', E.reject_reason);
registerConstraint('needs_building_in_grid', 'gridId', E.building_needs_grid);
registerConstraint('needs_transition', 'status', E.step_not_allowed);
registerConstraint('need_photos_mime', 'photos', E.photo_mime);
registerConstraint('need_photos_size', 'photos', E.photo_bytes);

export const NEED_KINDS = { micro_wish: '微心愿', livelihood: '民生实事', request: '诉求' } as const;
export type NeedKind = keyof typeof NEED_KINDS;
export const NEED_SOURCES = { resident: '居民提交', visit: '入户走访', reception: '接待室', joint_meeting: '联席会议', staff: '工作人员录入' } as const;
export type NeedSource = keyof typeof NEED_SOURCES;
export const NEED_CATEGORIES = {
  living: '生活帮扶',
  health: '医疗健康',
  education: '助学育人',
  employment: '就业创业',
  legal: '法律咨询',
  environment: '环境卫生',
  facilities: '市政设施',
  safety: '平安建设',
  culture: '文体活动',
  other: '其他',
} as const;
export type NeedCategory = keyof typeof NEED_CATEGORIES;
export const URGENCIES = { normal: '一般', urgent: '紧急', critical: '特急' } as const;
export type Urgency = keyof typeof URGENCIES;
export const NEED_STATUSES = {
  submitted: '待受理',
  accepted: '已受理',
  rejected: '不予受理',
  claimed: '已认领',
  dispatched: '已派单',
  in_progress: '办理中',
  overdue: '已超期',
  done: '已办结',
  returned: '退回重办',
  checked: '社区已验收',
  closed: '已关闭',
  rated: '已评价',
  cancelled: '已撤销',
} as const;
export type NeedStatus = keyof typeof NEED_STATUSES;

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
});
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
});
export const NeedClaim = z.object({
  id: z.number(),
  claimerName: z.string(),
  status: z.string(),
  claimedAt: z.string(),
  endedAt: z.string().nullable(),
  endNote: z.string().nullable(),
});

export const Need = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  kind: keyOf(NEED_KINDS),
  kindLabel: z.string(),
  source: keyOf(NEED_SOURCES),
  sourceLabel: z.string(),
  category: keyOf(NEED_CATEGORIES),
  categoryLabel: z.string(),
  urgency: keyOf(URGENCIES),
  urgencyLabel: z.string(),
  title: z.string(),
  description: z.string(),
  placeText: z.string().nullable(),
  gridId: z.number().nullable(),
  buildingId: z.number().nullable(),
  status: keyOf(NEED_STATUSES),
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
});
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
  kind: oneOf(keysOf(NEED_KINDS), '类型').optional(),
  status: oneOf(keysOf(NEED_STATUSES), '状态').optional(),
  category: oneOf(keysOf(NEED_CATEGORIES), '类别').optional(),
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
  kind: oneOf(keysOf(NEED_KINDS), '类型'),
  category: oneOf(keysOf(NEED_CATEGORIES), '类别'),
  urgency: oneOf(keysOf(URGENCIES), '紧急程度').default('normal'),
  source: oneOf(keysOf(NEED_SOURCES), '来源').optional(),
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
