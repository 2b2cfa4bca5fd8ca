import { defineVocabulary } from '../../kernel/vocabulary.ts';
import { idParam, pageQuery, z } from '../../kernel/validation.ts';

/** What a change did to a row, as the audit trigger records it. */
export const AUDIT_ACTIONS = defineVocabulary('AuditAction', [
  { value: 'insert', zh: '新增', en: 'Created', color: 'green' },
  { value: 'update', zh: '修改', en: 'Changed', color: 'blue' },
  { value: 'delete', zh: '删除', en: 'Deleted', color: 'red' },
]);

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.number().nullable(),
  actorName: z.string().nullable(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  action: AUDIT_ACTIONS.schema,
  entity: z.string(),
  entityId: z.number().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ total: z.number(), items: z.array(AuditEntry) });
export const AuditQuery = z.object({
  orgId: idParam('组织').optional(),
  entity: z.string().trim().max(60).optional().describe('对象类型'),
  action: AUDIT_ACTIONS.field('操作').optional(),
  ...pageQuery,
});

/** The kinds of the security log, as the admin reads them (migrations 0110 and 0163 list the same). */
export const SECURITY_EVENT_KINDS = defineVocabulary('SecurityEventKind', [
  { value: 'sign_in', zh: '登录成功', en: 'Signed in', color: 'blue' },
  { value: 'sign_in_failed', zh: '登录失败', en: 'Sign-in failed', color: 'orange' },
  { value: 'sign_in_unknown', zh: '登录失败（用户名不存在）', en: 'Sign-in failed (no such user name)', color: 'orange' },
  { value: 'sign_in_throttled', zh: '登录失败过多，暂时锁定', en: 'Too many failures, made to wait', color: 'orange' },
  { value: 'throttle_cleared', zh: '解除登录等待（来源网段或用户名）', en: 'Sign-in wait cleared (network or user name)', color: 'blue' },
  { value: 'account_created', zh: '新建账号', en: 'Account created', color: 'blue' },
  { value: 'account_disabled', zh: '停用账号', en: 'Account disabled', color: 'blue' },
  { value: 'account_enabled', zh: '启用账号', en: 'Account enabled', color: 'blue' },
  { value: 'account_unlocked', zh: '解除锁定', en: 'Account unlocked', color: 'blue' },
  { value: 'password_changed', zh: '本人修改密码', en: 'Own password changed', color: 'blue' },
  { value: 'password_reset', zh: '管理员重置密码', en: 'Password reset by an admin', color: 'blue' },
  { value: 'grant_added', zh: '授予角色', en: 'Role granted', color: 'blue' },
  { value: 'grant_removed', zh: '收回角色', en: 'Role revoked', color: 'blue' },
  { value: 'reveal', zh: '查看完整个人信息', en: 'Personal data revealed', color: 'orange' },
]);

export const SecurityEvent = z.object({
  id: z.number(),
  at: z.string(),
  kind: SECURITY_EVENT_KINDS.schema,
  kindLabel: z.string(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  actorUserId: z.number().nullable(),
  actorName: z.string().nullable(),
  userId: z.number().nullable().describe('涉及的账号'),
  username: z.string().nullable().describe('涉及的账号的用户名，或登录时输入的不存在的用户名'),
  entity: z.string().nullable().describe('被查看的记录类型'),
  entityId: z.number().nullable(),
  detail: z.string().nullable().describe('字段或角色'),
  client: z.string().nullable().describe('来源网段'),
  requestId: z.string().nullable().describe('请求编号（与服务器日志对应）'),
});
export type SecurityEvent = z.infer<typeof SecurityEvent>;
export const SecurityEventPage = z.object({ total: z.number(), items: z.array(SecurityEvent) });
export const SecurityEventQuery = z.object({
  orgId: idParam('组织').optional(),
  kind: SECURITY_EVENT_KINDS.field('事件类型').optional(),
  userId: idParam('账号').optional(),
  ...pageQuery,
});
