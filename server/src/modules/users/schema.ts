import { ROLES, type Role } from '../../kernel/scope.ts';
import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { registerConstraint } from '../../kernel/errors.ts';
import { E } from './errors.ts';
import { V, idParam, oneOf, pageQuery, text, z } from '../../kernel/validation.ts';
import { MIN_PASSWORD_LENGTH, isCommonPassword, notOwnName } from './password.ts';

registerConstraint('users_username_key', 'username', E.username_taken);
registerConstraint('user_grants_unique', 'role', E.grant_exists);
registerConstraint('user_grants_unit_check', 'unitId', E.grant_unit_rule);

export const role = oneOf<Role>(ROLES, '角色');

// Length and a list of common passwords, not "a letter and a digit": rules
// of composition only make people write Password1.
export const password = (label: string) =>
  z
    .string()
    .min(MIN_PASSWORD_LENGTH, E.password_short.code)
    .max(128, E.password_long.code)
    .refine((p) => !isCommonPassword(p), E.password_common.code)
    .describe(label);

export const GrantView = z.object({
  id: z.number(),
  role,
  roleLabel: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  orgPath: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
});

export const Me = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  grants: z.array(GrantView),
  can: z.object({ manageUsers: z.boolean(), viewAudit: z.boolean(), manageOrgs: z.boolean() }),
});
export type Me = z.infer<typeof Me>;

/** What a caller may do to an account (policy.ts decides, for each account it returns). */
export const USER_ACTIONS = defineVocabulary('UserAction', [
  { value: 'edit', zh: '修改姓名', en: 'Change the name' },
  { value: 'disable', zh: '停用或启用', en: 'Disable or enable' },
  { value: 'grant', zh: '授予角色', en: 'Grant a role' },
  { value: 'revoke', zh: '收回角色', en: 'Revoke a role' },
  { value: 'unlock', zh: '解除登录锁定', en: 'Unlock' },
  { value: 'reset', zh: '重置密码', en: 'Reset the password' },
]);
export type UserAction = ValueOf<typeof USER_ACTIONS>;
/** What a caller may do where accounts are listed. */
export const USER_LIST_ACTIONS = defineVocabulary('UserListAction', [{ value: 'create', zh: '新建用户', en: 'New user' }]);
export type UserListAction = ValueOf<typeof USER_LIST_ACTIONS>;

export const User = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
  grants: z.array(GrantView),
  actions: z.array(USER_ACTIONS.schema).describe('what the caller may do to this account'),
}).meta({ id: 'User' });
/** The account as the service reads it; the routes add the caller's actions (policy.ts). */
export type User = Omit<z.infer<typeof User>, 'actions'>;

export const Login = z.object({
  username: z.string().trim().toLowerCase().min(1, V.empty.code).max(64).describe('用户名'),
  password: z.string().min(1, V.empty.code).max(128).describe('密码'),
});
export const LoginResult = z.object({ user: Me });
export const ChangePassword = z.object({
  currentPassword: z.string().min(1, V.empty.code).describe('当前密码'),
  newPassword: password('新密码'),
});
export const Ok = z.object({ ok: z.literal(true) });

export const GrantInput = z.object({
  role,
  orgId: idParam('授权组织'),
  unitId: idParam('绑定单位').nullable().optional(),
});
const username = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, E.username_format.code).describe('用户名');
/** A new account's name and first password (also opened from a person's file, people module). */
export const NewCredentials = z.object({ username, password: password('初始密码') }).superRefine(notOwnName('username', 'password'));
export const CreateUser = z.object({
  username,
  displayName: text('姓名', 40),
  password: password('初始密码'),
  orgId: idParam('管理组织'),
  grants: z.array(GrantInput).max(20).default([]).describe('角色授权'),
}).superRefine(notOwnName('username', 'password'));
export const UpdateUser = z.object({
  displayName: text('姓名', 40).optional(),
  disabled: z.boolean().optional().describe('停用'),
});
export const ResetPassword = z.object({ newPassword: password('新密码') });
export const UserParams = z.object({ userId: idParam('用户编号') });
export const GrantParams = z.object({ userId: idParam('用户编号'), grantId: idParam('授权编号') });
export const UserQuery = z.object({
  orgId: idParam('组织').optional(),
  q: z.string().trim().max(50).optional().describe('用户名或姓名'),
  ...pageQuery,
});
export const UserPage = z.object({ total: z.number(), items: z.array(User), actions: z.array(USER_LIST_ACTIONS.schema).describe('what the caller may do where accounts are listed') });

/**
 * A sign-in wait in force (users/auth.ts): an account's (cleared by
 * unlocking it), or a client address's or a name's that is no account
 * (cleared by a region's admins with DELETE /api/sign-in-throttles/:throttleId).
 */
export const SignInThrottle = z.object({
  kind: z.enum(['account', 'address']).describe('account：账号或不存在的用户名；address：来源网段'),
  /** The account's id for an account; the wait's own id otherwise. */
  id: z.number(),
  userId: z.number().nullable().describe('账号（用户名不存在时为空）'),
  label: z.string().describe('用户名，或来源网段（如 203.0.113.*）'),
  failures: z.number().describe('连续失败次数'),
  until: z.string().describe('等待到'),
});
export type SignInThrottle = z.infer<typeof SignInThrottle>;
export const SignInThrottleList = z.object({ items: z.array(SignInThrottle) });
export const ThrottleParams = z.object({ throttleId: idParam('登录等待编号') });
