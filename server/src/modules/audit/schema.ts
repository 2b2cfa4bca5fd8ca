import { idParam, keyOf, keysOf, oneOf, pageQuery, z } from '../../kernel/validation.ts';

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.number().nullable(),
  actorName: z.string().nullable(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  action: z.enum(['insert', 'update', 'delete']),
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
  action: oneOf(['insert', 'update', 'delete'] as const, '操作').optional(),
  ...pageQuery,
});

/** The kinds of the security log, as the admin reads them (migration 0163 lists the same). */
export const SECURITY_EVENT_KINDS = {
  sign_in: '登录成功',
  sign_in_failed: '登录失败',
  sign_in_unknown: '登录失败（用户名不存在）',
  sign_in_throttled: '登录失败过多，暂时锁定',
  throttle_cleared: '解除登录等待（来源网段或用户名）',
  account_created: '新建账号',
  account_disabled: '停用账号',
  account_enabled: '启用账号',
  account_unlocked: '解除锁定',
  password_changed: '本人修改密码',
  password_reset: '管理员重置密码',
  grant_added: '授予角色',
  grant_removed: '收回角色',
  reveal: '查看完整个人信息',
} as const;

export const SecurityEvent = z.object({
  id: z.number(),
  at: z.string(),
  kind: keyOf(SECURITY_EVENT_KINDS),
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
  kind: oneOf(keysOf(SECURITY_EVENT_KINDS), '事件类型').optional(),
  userId: idParam('账号').optional(),
  ...pageQuery,
});
