import { registerConstraint } from '../../kernel/errors.ts';
import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { day, idParam, optionalText, text, z } from '../../kernel/validation.ts';
import { E } from './errors.ts';

registerConstraint('duty_posts_seats_left', 'seats', E.full);
registerConstraint('duty_post_seats_one_each', 'personId', E.second_seat);
registerConstraint('duty_posts_reach', 'postId', E.outside_community);
registerConstraint('duty_posts_open', 'status', E.closed);
registerConstraint('duty_post_seats_transition', 'status', E.seat_transition);
registerConstraint('duty_posts_name_key', 'name', E.name_taken);
registerConstraint('duty_posts_community_name_key', 'name', E.name_taken);
registerConstraint('duty_post_work_holder', 'personId', E.not_holder);
registerConstraint('duty_post_work_dispute', 'outcome', E.dispute_details);
registerConstraint('duty_post_work_outcome', 'outcome', E.dispute_only);
registerConstraint('duty_post_work_one_record', 'needId', E.one_record);
registerConstraint('duty_post_work_need_key', 'needId', E.already_attached);
registerConstraint('duty_post_work_log_key', 'serviceLogId', E.already_attached);

export const POST_KINDS = defineVocabulary('PostKind', [
  { value: 'mediator', zh: '纠纷调解岗', en: 'Mediator' },
  { value: 'patrol', zh: '治安巡逻岗', en: 'Patrol' },
  { value: 'building_head', zh: '楼栋长', en: 'Building head' },
  { value: 'policy_explainer', zh: '政策宣讲岗', en: 'Policy explainer' },
  { value: 'disability_aid', zh: '扶贫助残岗', en: 'Aid to the poor and disabled' },
  { value: 'green_care', zh: '爱草护绿岗', en: 'Green care' },
  { value: 'public_opinion', zh: '社情民意岗', en: 'Public opinion' },
  { value: 'science', zh: '科普宣传岗', en: 'Science outreach' },
  { value: 'sanitation', zh: '卫生监督岗', en: 'Sanitation' },
  { value: 'other', zh: '其他岗位', en: 'Other' },
]);
export type PostKind = ValueOf<typeof POST_KINDS>;

export const POST_STATUSES = defineVocabulary('PostStatus', [
  { value: 'open', zh: '认领中', en: 'Open', color: 'green' },
  { value: 'closed', zh: '停止认领', en: 'Closed', color: 'default' },
]);
export type PostStatus = ValueOf<typeof POST_STATUSES>;

export const SEAT_STATUSES = defineVocabulary('PostSeatStatus', [
  { value: 'pending', zh: '待审核', en: 'Awaiting approval', color: 'gold' },
  { value: 'active', zh: '在岗', en: 'Holding', color: 'green' },
  { value: 'rejected', zh: '未通过', en: 'Not approved', color: 'default' },
  { value: 'released', zh: '已离岗', en: 'Released', color: 'default' },
]);
export type SeatStatus = ValueOf<typeof SEAT_STATUSES>;

export const SEAT_SOURCES = defineVocabulary('PostSeatSource', [
  { value: 'claimed', zh: '本人认领', en: 'Claimed' },
  { value: 'assigned', zh: '组织安排', en: 'Assigned' },
]);
export type SeatSource = ValueOf<typeof SEAT_SOURCES>;

export const WORK_KINDS = defineVocabulary('PostWorkKind', [
  { value: 'dispute', zh: '调解纠纷', en: 'Dispute mediated' },
  { value: 'patrol', zh: '巡逻', en: 'Patrol' },
  { value: 'visit', zh: '走访', en: 'Visit' },
  { value: 'explain', zh: '宣讲', en: 'Explaining' },
  { value: 'care', zh: '帮扶', en: 'Care' },
  { value: 'other', zh: '其他', en: 'Other' },
]);
export type WorkKind = ValueOf<typeof WORK_KINDS>;

export const DISPUTE_OUTCOMES = defineVocabulary('DisputeOutcome', [
  { value: 'settled', zh: '调解成功', en: 'Settled', color: 'green' },
  { value: 'partly_settled', zh: '部分达成', en: 'Partly settled', color: 'blue' },
  { value: 'referred', zh: '移交处理', en: 'Referred', color: 'orange' },
  { value: 'unsettled', zh: '未达成', en: 'Not settled', color: 'default' },
]);
export type DisputeOutcome = ValueOf<typeof DISPUTE_OUTCOMES>;

/** What a caller may do to a post (service.ts, postActions; the web shows these only). */
export const POST_ACTIONS = ['claim', 'assign', 'edit', 'recordWork'] as const;
export type PostAction = (typeof POST_ACTIONS)[number];
/** What a caller may do to a seat (service.ts, seatActions). */
export const SEAT_ACTIONS = ['approve', 'reject', 'release'] as const;
export type SeatAction = (typeof SEAT_ACTIONS)[number];

/** Work under a post, counted from the records: never a typed figure. */
export const PostFigures = z.object({
  records: z.number().describe('工作记录数'),
  disputesSettled: z.number().describe('调解成功的纠纷数'),
  needs: z.number().describe('办结的需求数'),
  serviceLogs: z.number().describe('服务日志数'),
}).meta({ id: 'PostFigures' });
export type PostFigures = z.infer<typeof PostFigures>;

export const Seat = z.object({
  id: z.number(),
  postId: z.number(),
  personId: z.number(),
  personName: z.string(),
  source: SEAT_SOURCES.schema,
  status: SEAT_STATUSES.schema,
  claimedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  note: z.string().nullable(),
  figures: PostFigures,
  actions: z.array(z.enum(SEAT_ACTIONS)),
}).meta({ id: 'PostSeat' });
export type Seat = z.infer<typeof Seat>;

export const Post = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  gridId: z.number().nullable(),
  kind: POST_KINDS.schema,
  name: z.string(),
  duty: z.string().nullable(),
  seats: z.number(),
  taken: z.number(),
  status: POST_STATUSES.schema,
  /** Staff see every claim and holder; a member their own seat; the open board none. */
  holders: z.array(Seat),
  figures: PostFigures,
  actions: z.array(z.enum(POST_ACTIONS)),
}).meta({ id: 'Post' });
export type Post = z.infer<typeof Post>;
export const PostList = z.object({ items: z.array(Post) });

export const PostWork = z.object({
  id: z.number(),
  postId: z.number(),
  personId: z.number(),
  personName: z.string(),
  kind: WORK_KINDS.schema,
  doneOn: z.string(),
  parties: z.number().nullable(),
  outcome: DISPUTE_OUTCOMES.schema.nullable(),
  note: z.string().nullable(),
  needId: z.number().nullable(),
  serviceLogId: z.number().nullable(),
  /** The linked record as its module shows it (the need's title, the log's service). */
  linked: z.string().nullable(),
  recordedBy: z.string(),
}).meta({ id: 'PostWork' });
export type PostWork = z.infer<typeof PostWork>;
export const PostDetail = Post.extend({ work: z.array(PostWork) });

export const PostParams = z.object({ postId: idParam('岗位编号') });
export const SeatParams = z.object({ seatId: idParam('名额编号') });
export const PostQuery = z.object({
  orgId: idParam('所属组织').optional(),
  gridId: idParam('网格').optional(),
  kind: POST_KINDS.field('岗位类型').optional(),
  status: POST_STATUSES.field('状态').optional(),
});

const seats = z.number({ error: E.seats_range.code }).int(E.seats_range.code).min(1, E.seats_range.code).max(200, E.seats_range.code).describe('名额');

export const CreatePost = z.object({
  orgId: idParam('发布社区').optional(),
  gridId: idParam('网格').optional(),
  kind: POST_KINDS.field('岗位类型'),
  name: text('岗位名称', 30),
  duty: optionalText('岗位职责', 200),
  seats,
});
export const UpdatePost = z.object({
  name: text('岗位名称', 30).optional(),
  duty: optionalText('岗位职责', 200),
  seats: seats.optional(),
  status: POST_STATUSES.field('状态').optional(),
});
export const AssignSeat = z.object({ personId: idParam('认岗党员') });
export const SeatNote = z.object({ note: optionalText('说明', 200) });
export const RecordWork = z.object({
  /** Staff name the holder; a holder records their own work and may leave it out. */
  personId: idParam('岗位人').optional(),
  kind: WORK_KINDS.field('工作类型'),
  doneOn: day('工作日期').optional(),
  parties: z.number({ error: E.parties_range.code }).int(E.parties_range.code).min(2, E.parties_range.code).max(99, E.parties_range.code).nullable().optional().describe('当事人数'),
  outcome: DISPUTE_OUTCOMES.field('调解结果').nullable().optional(),
  note: optionalText('说明', 300),
  needId: idParam('办结的需求').optional(),
  serviceLogId: idParam('服务日志').optional(),
});
export type RecordWork = z.infer<typeof RecordWork>;
