import { defineErrors } from '../../kernel/errors.ts';

/** The users module's refusals (codes `user.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('user', {
  invalid_credentials: { status: 401, zh: '用户名或密码错误', en: 'Wrong user name or password' },
  locked: {
    status: 429,
    zh: '登录失败次数过多，已暂时锁定，请于 {at}（约 {minutes} 分钟后）再试，或联系管理员解锁',
    en: 'Too many failed sign-ins: locked for now. Try again at {at} (in about {minutes} minutes), or ask an administrator to unlock',
  },
  disabled: { status: 403, zh: '账号已停用，请联系管理员', en: 'This account is disabled; please contact an administrator' },
  wrong_current_password: { status: 400, field: 'currentPassword', zh: '当前密码不正确', en: 'The current password is wrong' },
  same_password: { status: 400, field: 'newPassword', zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  password_own_name: { status: 400, zh: '{label}不能与用户名或手机号相同', en: '{label} must not be the user name or phone number' },
  password_short: { status: 400, zh: '{label}至少 {minimum} 位', en: '{label} must be at least {minimum} characters' },
  password_long: { status: 400, zh: '{label}不能超过 {maximum} 位', en: '{label} must be at most {maximum} characters' },
  password_common: { status: 400, zh: '{label}过于常见，容易被猜中，请换一个', en: '{label} is too common and easy to guess; choose another' },
  username_format: {
    status: 400,
    zh: '用户名须为 3–32 位小写字母、数字或 . _ -，以字母或数字开头',
    en: 'The user name must be 3–32 lowercase letters, digits or . _ -, starting with a letter or digit',
  },
  username_taken: { status: 409, zh: '用户名已被使用', en: 'This user name is taken' },
  grant_exists: { status: 409, zh: '该用户在此组织已有这个角色', en: 'The user already holds this role at this organization' },
  grant_unit_rule: { status: 400, zh: '驻区单位联络员必须绑定单位，其他角色不绑定单位', en: 'A unit liaison must be bound to a unit; other roles are not' },
  liaison_needs_unit: { status: 400, field: 'unitId', zh: '驻区单位联络员须绑定单位', en: 'A unit liaison must be bound to a unit' },
  unit_not_found: { status: 400, field: 'unitId', zh: '单位不存在，或不在您的管辖范围内', en: 'The unit does not exist or is outside your jurisdiction' },
  unit_only_for_liaison: { status: 400, field: 'unitId', zh: '只有驻区单位联络员绑定单位', en: 'Only a unit liaison is bound to a unit' },
  not_admin: { status: 403, zh: '只有组织部门、街道和社区管理员可以管理用户', en: 'Only organization department, street and community administrators may manage users' },
  outside_org: { status: 403, zh: '只能管理本组织及其下级的账号', en: 'You may manage only the accounts of your organization and those below it' },
  grant_above_own: { status: 403, zh: '不能授予高于自己的角色', en: 'You cannot grant a role above your own' },
  account_above: {
    status: 403,
    zh: '该账号拥有您无权授予的角色（{role}），只能由其上级管理员管理',
    en: 'This account holds a role you may not grant ({role}); only a higher administrator may manage it',
  },
  region_admin_only: {
    status: 403,
    zh: '只有区级管理员可以解除来源网段或不存在的用户名的登录等待',
    en: 'Only a district administrator may clear the wait of a network or of a user name that is no account',
  },
  own_account: { status: 403, zh: '不能{action}自己的账号', en: 'You cannot {action} your own account' },
});

/** Records of this module, as refusals name them. */
export const USER = { zh: '用户', en: 'User' };
export const GRANT = { zh: '授权', en: 'Grant' };
export const THROTTLE = { zh: '登录等待', en: 'Sign-in wait' };
