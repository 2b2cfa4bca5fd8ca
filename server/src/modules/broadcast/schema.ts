import { registerConstraint } from '../../kernel/errors.ts';
import { JOB_STATUSES } from '../../kernel/jobs.ts';
import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { idParam, optionalText, pageQuery, text, z } from '../../kernel/validation.ts';
import { E } from './errors.ts';

registerConstraint('broadcast_subscriptions_name_key', 'name', E.name_taken);

/** What the modules announce (their triggers call gj_record_event with these kinds). */
export const EVENT_KINDS = defineVocabulary('EventKind', [
  { value: 'need.claimed', zh: '微心愿被认领', en: 'Micro-wish claimed', color: 'green' },
  { value: 'need.dispatched', zh: '需求已派单', en: 'Need dispatched', color: 'blue' },
  { value: 'need.overdue', zh: '需求超时', en: 'Need overdue', color: 'red' },
  { value: 'meeting.called', zh: '召开会议', en: 'Meeting called', color: 'purple' },
  { value: 'meeting.task_assigned', zh: '分派会议任务', en: 'Meeting task assigned', color: 'orange' },
  { value: 'reportin.accepted', zh: '党员报到已接收', en: 'Report-in accepted', color: 'cyan' },
  { value: 'activity.published', zh: '发布活动', en: 'Activity published', color: 'geekblue' },
  { value: 'activity.cancelled', zh: '活动取消', en: 'Activity cancelled', color: 'default' },
]);
export type EventKind = ValueOf<typeof EVENT_KINDS>;

export const CHANNELS = defineVocabulary('BroadcastChannel', [
  { value: 'dingtalk', zh: '钉钉群机器人', en: 'DingTalk group robot', color: 'blue' },
  { value: 'wecom', zh: '企业微信群机器人', en: 'WeCom group robot', color: 'green' },
  { value: 'feishu', zh: '飞书机器人', en: 'Feishu robot', color: 'cyan' },
  { value: 'email', zh: '邮件', en: 'Email', color: 'purple' },
  { value: 'sms', zh: '短信', en: 'SMS', color: 'orange' },
]);
export type Channel = ValueOf<typeof CHANNELS>;

export const DIGEST_MODES = defineVocabulary('BroadcastMode', [
  { value: 'immediate', zh: '逐条推送', en: 'Each event' },
  { value: 'daily', zh: '每日摘要', en: 'Daily digest' },
  { value: 'weekly', zh: '每周摘要', en: 'Weekly digest' },
]);

export const DELIVERY_STATUSES = defineVocabulary('DeliveryStatus', [
  { value: 'queued', zh: '待发送', en: 'Queued', color: 'default' },
  { value: 'retrying', zh: '重试中', en: 'Retrying', color: 'orange' },
  { value: 'sent', zh: '已送达', en: 'Sent', color: 'green' },
  { value: 'failed', zh: '发送失败', en: 'Failed', color: 'red' },
  { value: 'skipped', zh: '未发送（已停用）', en: 'Not sent (off)', color: 'default' },
]);

export const JOB_STATUS = defineVocabulary('JobStatus', [
  { value: JOB_STATUSES[0], zh: '排队', en: 'Queued', color: 'default' },
  { value: JOB_STATUSES[1], zh: '运行中', en: 'Running', color: 'blue' },
  { value: JOB_STATUSES[2], zh: '完成', en: 'Done', color: 'green' },
  { value: JOB_STATUSES[3], zh: '失败待处理', en: 'Dead', color: 'red' },
]);

export const SUBSCRIPTION_ACTIONS = defineVocabulary('SubscriptionAction', [
  { value: 'edit', zh: '修改订阅', en: 'Edit the subscription' },
  { value: 'remove', zh: '删除订阅', en: 'Remove the subscription' },
  { value: 'unsubscribe', zh: '退订', en: 'Unsubscribe' },
]);
export type SubscriptionAction = ValueOf<typeof SUBSCRIPTION_ACTIONS>;
export const SUBSCRIPTION_LIST_ACTIONS = defineVocabulary('SubscriptionListAction', [{ value: 'create', zh: '添加订阅', en: 'Add a subscription' }]);
export type SubscriptionListAction = ValueOf<typeof SUBSCRIPTION_LIST_ACTIONS>;

const minuteOfDay = (label: string) => z.number().int().min(0).max(1439).nullable().optional().describe(label);

export const Subscription = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  personal: z.boolean().describe('个人订阅'),
  channel: CHANNELS.schema,
  name: z.string(),
  targetHint: z.string().describe('地址（部分隐藏）'),
  signed: z.boolean().describe('加签'),
  kinds: z.array(EVENT_KINDS.schema),
  mode: DIGEST_MODES.schema,
  quietFrom: z.number().nullable(),
  quietTo: z.number().nullable(),
  active: z.boolean(),
  unsubscribed: z.boolean(),
  sent: z.number().describe('已送达'),
  failed: z.number().describe('发送失败'),
  actions: z.array(SUBSCRIPTION_ACTIONS.schema),
}).meta({ id: 'BroadcastSubscription' });
export type Subscription = z.infer<typeof Subscription>;
export const SubscriptionList = z.object({ items: z.array(Subscription), actions: z.array(SUBSCRIPTION_LIST_ACTIONS.schema) });

export const SubscriptionQuery = z.object({ orgId: idParam('组织').optional() });
export const SubscriptionParams = z.object({ subscriptionId: idParam('订阅') });

export const CreateSubscription = z.object({
  orgId: idParam('组织'),
  personal: z.boolean().default(false).describe('个人订阅（本人的邮件或短信）'),
  channel: CHANNELS.field('渠道'),
  name: text('名称', 50),
  target: text('地址', 500).describe('机器人地址、邮箱或手机号'),
  secret: optionalText('签名密钥', 200),
  kinds: z.array(EVENT_KINDS.field('事件')).min(1).describe('推送的事件'),
  mode: DIGEST_MODES.field('推送方式').default('immediate'),
  quietFrom: minuteOfDay('免打扰开始（分钟）'),
  quietTo: minuteOfDay('免打扰结束（分钟）'),
});
export type CreateSubscription = z.output<typeof CreateSubscription>;

export const EditSubscription = z.object({
  active: z.boolean().optional().describe('启用'),
  kinds: z.array(EVENT_KINDS.field('事件')).min(1).optional().describe('推送的事件'),
  mode: DIGEST_MODES.field('推送方式').optional(),
  quietFrom: minuteOfDay('免打扰开始（分钟）'),
  quietTo: minuteOfDay('免打扰结束（分钟）'),
});
export type EditSubscription = z.output<typeof EditSubscription>;

export const Delivery = z.object({
  id: z.number(),
  subscriptionId: z.number(),
  subscriptionName: z.string(),
  channel: CHANNELS.schema,
  eventKind: EVENT_KINDS.schema.nullable(),
  eventTitle: z.string().nullable().describe('事件（摘要为空）'),
  digest: z.boolean(),
  status: DELIVERY_STATUSES.schema,
  attempts: z.number(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
}).meta({ id: 'BroadcastDelivery' });
export const DeliveryQuery = z.object({ orgId: idParam('组织').optional(), subscriptionId: idParam('订阅').optional(), ...pageQuery });
export const DeliveryList = z.object({ items: z.array(Delivery), total: z.number() });

export const Event = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: EVENT_KINDS.schema,
  subject: z.string(),
  subjectId: z.number(),
  title: z.string(),
  at: z.string(),
}).meta({ id: 'BroadcastEvent' });
export const EventQuery = z.object({
  orgId: idParam('组织').optional(),
  // A wall screen is seen by whoever walks past: titles go out as a message would, with numbers and addresses blotted.
  blotted: z.enum(['true']).optional().describe('遮去证件号、电话和门牌（大屏展示用）'),
  ...pageQuery,
});
export const EventList = z.object({ items: z.array(Event), total: z.number() });

/** At most this many unread messages are counted: the badge shows "99+" beyond. */
export const UNREAD_COUNTED = 100;
export const Message = Event.extend({ read: z.boolean() }).meta({ id: 'Message' });
export const MessageQuery = z.object({ unread: z.enum(['true']).optional().describe('只看未读'), ...pageQuery });
export const Unread = z.object({ unread: z.number().describe(`未读消息数（最多计到 ${UNREAD_COUNTED}）`) });
export const MessageList = z.object({ items: z.array(Message), total: z.number(), unread: Unread.shape.unread });
export const MarkRead = z.object({
  eventIds: z.array(idParam('消息')).max(200).optional().describe('标为已读的消息'),
  all: z.literal(true).optional().describe('全部标为已读'),
}).refine((b) => b.all === true || (b.eventIds?.length ?? 0) > 0, { path: ['eventIds'], message: E.read_what.code });

export const JobRecord = z.object({
  id: z.number(),
  name: z.string(),
  periodic: z.boolean(),
  status: JOB_STATUS.schema,
  runAt: z.string(),
  attempts: z.number(),
  maxAttempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
}).meta({ id: 'JobRecord' });
export const JobQuery = z.object({ status: JOB_STATUS.field('状态').optional(), ...pageQuery });
export const JobList = z.object({ items: z.array(JobRecord), total: z.number() });
export const JobParams = z.object({ jobId: idParam('任务') });
