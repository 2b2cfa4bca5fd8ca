import { defineErrors, defineMessages } from '../../kernel/errors.ts';

/** The people module's refusals (codes `person.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('person', {
  staff_register: { status: 403, zh: '只有组织部门、街道、社区和网格工作人员可以登记人员', en: 'Only organization department, street, community and grid staff may register people' },
  reveal: { status: 403, zh: '只有本人和组织管理员可以查看完整的个人信息', en: 'Only the person and organization administrators may see the full personal details' },
  id_number_taken: { status: 409, zh: '该身份证号已经登记过，同一人不能重复登记', en: 'This ID number is already registered; a person cannot be registered twice' },
  member_fields: { status: 400, zh: '入党日期、党员状态和党内职务只适用于党员', en: 'Joining date, member status and party post apply only to party members' },
  availability: { status: 400, zh: '可服务时间不在可选范围内', en: 'The available times are not among the allowed values' },
  after_today: { status: 400, zh: '{label}不能晚于今天（{today}）', en: '{label} cannot be later than today ({today})' },
  before_joining: { status: 400, zh: '{label}不能早于{name}的入党日期（{joined}）', en: '{label} cannot be earlier than the day {name} joined the party ({joined})' },
  household_not_found: { status: 400, field: 'householdId', zh: '住户不存在，或不在您的管辖范围内', en: 'The household does not exist or is outside your jurisdiction' },
  id_number: { status: 400, field: 'idNumber', zh: '{reason}', en: '{reason}' },
  birth_date_mismatch: { status: 400, field: 'birthDate', zh: '出生日期与身份证号不一致（身份证号为 {birth}）', en: 'The birth date does not match the ID number (which says {birth})' },
  gender_mismatch: { status: 400, field: 'gender', zh: '性别与身份证号不一致', en: 'The gender does not match the ID number' },
  skills_max: { status: 400, zh: '{label}最多 {maximum} 项', en: 'At most {maximum} {label}' },
  account_admin: { status: 403, zh: '只有此人所在组织的管理员可以开通或关联登录账号', en: 'Only administrators of the person’s organization may open or link their sign-in account' },
  has_account: { status: 409, zh: '此人已关联登录账号（{username}），请先解除关联', en: 'This person already has a sign-in account ({username}); unlink it first' },
  account_taken: { status: 409, field: 'userId', zh: '该账号已关联另一人的档案', en: 'This account is already tied to another person’s file' },
  account_elsewhere: { status: 400, field: 'userId', zh: '该账号的角色不在此人所在组织，不能关联', en: 'This account holds no role where the person is registered' },
  no_account: { status: 404, zh: '此人尚未关联登录账号', en: 'This person has no sign-in account' },
  activation_needs: { status: 400, zh: '档案须有身份证号和手机号，本人才能凭激活码激活账号', en: 'The file needs an ID number and a phone before the person can activate an account with a code' },
  activation_refused: { status: 400, zh: '身份证号、手机号或激活码不对，或激活码已用过、已过期、错误次数过多；请核对，或请社区重新出具激活码', en: 'The ID number, phone or code does not match, or the code was used, has expired or was tried too often; check them or ask the community for a new code' },
  activation_rate: { status: 429, zh: '尝试次数过多，请一小时后再试', en: 'Too many tries; try again in an hour' },
  activation_phone_taken: { status: 409, field: 'phone', zh: '该手机号已有账号，请直接用手机号登录；忘记密码请联系社区重置', en: 'This phone already has an account; sign in with it, or ask the community to reset the password' },
  category_members_only: { status: 400, field: 'category', zh: '党员类别只适用于党员', en: 'The member category applies only to party members' },
});

export const PERSON = { zh: '人员', en: 'Person' };

/** What the coverage report says of a gap people finds, in the reader's language. */
export const GAPS = defineMessages('person', {
  gap_hidden_members: { zh: '有 {count} 名党员，尚无党组织', en: 'Party members without a party organization: {count}' },
});
