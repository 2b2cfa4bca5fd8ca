import { defineErrors } from '../../kernel/errors.ts';

/** The alliance broadcast's refusals (codes `broadcast.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('broadcast', {
  admin_only: { status: 403, zh: '只有本组织的管理员（社区书记及以上）可以{action}', en: 'Only an administrator of this organization (community secretary or above) may {action}' },
  own_only: { status: 403, zh: '只有订阅本人可以{action}', en: 'Only the subscriber may {action}' },
  not_personal: { status: 409, zh: '这是组织的订阅，没有个人可退订', en: 'This is an organization’s subscription; there is no one to unsubscribe' },
  already_unsubscribed: { status: 409, zh: '已经退订', en: 'Already unsubscribed' },
  personal_outside: { status: 403, field: 'orgId', zh: '个人订阅须在您所属的组织', en: 'A personal subscription is at an organization you belong to' },
  personal_robot: { status: 400, field: 'channel', zh: '群机器人是组织的订阅，个人请选择邮件或短信', en: 'A group robot is an organization’s subscription; a person chooses email or SMS' },
  channel_unavailable: { status: 409, field: 'channel', zh: '服务器没有配置{channel}发送服务', en: 'This server has no {channel} service configured' },
  webhook_invalid: { status: 400, field: 'target', zh: '机器人地址不是有效的网址', en: 'The robot address is not a valid URL' },
  webhook_not_https: { status: 400, field: 'target', zh: '机器人地址须以 https:// 开头', en: 'The robot address must start with https://' },
  webhook_private: { status: 400, field: 'target', zh: '机器人地址不能指向本机或内网地址', en: 'The robot address may not point at this machine or a private network' },
  webhook_wrong_host: { status: 400, field: 'target', zh: '{channel}机器人的地址须在 {host}', en: 'A {channel} robot’s address is at {host}' },
  email_invalid: { status: 400, field: 'target', zh: '邮箱地址格式不正确', en: 'The email address is not valid' },
  phone_invalid: { status: 400, field: 'target', zh: '手机号须为 11 位数字', en: 'The mobile number must have 11 digits' },
  secret_unused: { status: 400, field: 'secret', zh: '{channel}不使用签名密钥', en: '{channel} takes no signing secret' },
  quiet_half: { status: 400, field: 'quietTo', zh: '免打扰时段须同时填写开始和结束', en: 'Quiet hours need both a start and an end' },
  name_taken: { status: 409, field: 'name', zh: '本组织已有同名的订阅', en: 'This organization already has a subscription by this name' },
  admin_jobs_only: { status: 403, zh: '只有区级管理员可以{action}', en: 'Only a district administrator may {action}' },
  read_what: { status: 400, field: 'eventIds', zh: '请指明要标为已读的消息，或选择全部已读', en: 'Name the messages to mark read, or mark all read' },
  job_not_dead: { status: 409, zh: '只有失败待处理的任务可以重试', en: 'Only a dead job can be retried' },
});

export const SUBSCRIPTION = { zh: '订阅', en: 'Subscription' };
export const JOB = { zh: '后台任务', en: 'Job' };
export const MESSAGE = { zh: '消息', en: 'Message' };
