import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { registerConstraint } from '../../kernel/errors.ts';
import { E } from './errors.ts';
import { dayOrMonth } from '../../kernel/partialdate.ts';
import { phone } from '../../kernel/phone.ts';
import { V, day, idParam, oneOf, optionalText, pageQuery, text, z } from '../../kernel/validation.ts';
import { NewCredentials, password } from '../users/schema.ts';
import { notOwnName } from '../users/service.ts';

registerConstraint('people_id_number_key', 'idNumber', E.id_number_taken);
registerConstraint('people_member_fields', 'isMember', E.member_fields);
registerConstraint('people_availability', 'availability', E.availability);
registerConstraint('people_one_file_per_account', 'userId', E.account_taken);

export const CATEGORIES = defineVocabulary('PersonCategory', [
  { value: 'employed', zh: '在职党员', en: 'Employed' },
  { value: 'retired', zh: '离退休党员', en: 'Retired' },
  { value: 'laid_off', zh: '下岗党员', en: 'Laid off' },
  { value: 'mobile', zh: '流动党员', en: 'Mobile' },
  { value: 'unemployed_graduate', zh: '待业毕业生党员', en: 'Unemployed graduate' },
  { value: 'veteran', zh: '退伍军人党员', en: 'Veteran' },
  { value: 'relocated_rural', zh: '农村回迁党员', en: 'Relocated rural' },
  { value: 'student', zh: '学生党员', en: 'Student' },
]);
export type Category = ValueOf<typeof CATEGORIES>;
/**
 * The short names ledgers use for the categories (a category's label without
 * 党员 is understood too): a census file says 退休 or 下岗, not 离退休党员.
 */
export const CATEGORY_SHORT_NAMES: Record<string, Category> = {
  在职: 'employed',
  在岗: 'employed',
  退休: 'retired',
  离休: 'retired',
  下岗: 'laid_off',
  失业: 'laid_off',
  流动: 'mobile',
  外出流动: 'mobile',
  待业: 'unemployed_graduate',
  毕业生: 'unemployed_graduate',
  退伍: 'veteran',
  退役: 'veteran',
  退役军人: 'veteran',
  回迁: 'relocated_rural',
  农民: 'relocated_rural',
  学生: 'student',
};

/** What a caller may do to a person's file (policy.ts decides, for each file it returns). */
export const PERSON_ACTIONS = defineVocabulary('PersonAction', [
  { value: 'edit', zh: '修改档案', en: 'Edit' },
  { value: 'reveal', zh: '查看完整信息', en: 'Reveal personal data' },
  { value: 'account', zh: '开通或关联登录账号', en: 'Open or link a sign-in account' },
]);
export type PersonAction = ValueOf<typeof PERSON_ACTIONS>;
/** What a caller may do to the list of people viewed: register someone there. */
export const PEOPLE_ACTIONS = defineVocabulary('PeopleAction', [{ value: 'create', zh: '登记人员', en: 'Register a person' }]);
export type PeopleAction = ValueOf<typeof PEOPLE_ACTIONS>;

const personFields = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  phoneMasked: z.string().nullable(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  unitId: z.number().nullable(),
  isMember: z.boolean(),
  category: CATEGORIES.schema.nullable(),
  /** Listed at a joint committee (联合党委) as a member of a branch it joins: the member stays in their own branch (orgId). */
  joinedThrough: z.object({ orgId: z.number(), orgName: z.string() }).nullable().optional().describe('经联合党委联建列入'),
});
export const Person = personFields.extend({ actions: z.array(PERSON_ACTIONS.schema).describe('what the caller may do to this file') }).meta({ id: 'Person' });
/** The file as the service reads it; the routes add the caller's actions (policy.ts). */
export type Person = z.infer<typeof personFields>;

export const PersonPage = z.object({
  total: z.number(),
  items: z.array(Person),
  actions: z.array(PEOPLE_ACTIONS.schema).describe('what the caller may do at the organization viewed'),
});
export const PersonParams = z.object({ personId: idParam('人员编号') });
export const MEMBER_STATUSES = defineVocabulary('MemberStatus', [
  { value: 'probationary', zh: '预备党员', en: 'Probationary' },
  { value: 'full', zh: '正式党员', en: 'Full member' },
]);
/** When someone in the talent pool can be called on. */
export const AVAILABILITY = defineVocabulary('Availability', [
  { value: 'weekday', zh: '工作日白天', en: 'Weekdays' },
  { value: 'evening', zh: '晚上', en: 'Evenings' },
  { value: 'weekend', zh: '周末', en: 'Weekends' },
]);
export type Availability = ValueOf<typeof AVAILABILITY>;
const availability = (label: string) => z.array(oneOf([...AVAILABILITY.values], label)).max(3).describe(label);

export const PersonQuery = z.object({
  orgId: idParam('所属组织').optional(),
  q: z.string().trim().max(50).optional().describe('姓名关键字'),
  kind: oneOf(['member', 'resident'] as const, '人员类型').optional(),
  category: CATEGORIES.field('党员类别').optional(),
  memberStatus: oneOf(['probationary', 'full'] as const, '党员状态').optional(),
  ...pageQuery,
});

export const Talent = personFields.extend({ skills: z.array(z.string()), availability: z.array(AVAILABILITY.schema) });
export type Talent = z.infer<typeof Talent>;
export const TalentPage = z.object({ total: z.number(), items: z.array(Talent) });
export const TalentQuery = z.object({
  skill: z.string().trim().max(20).optional().describe('特长'),
  orgId: idParam('所在区域（组织）').optional(),
  // A query string carries a list as "weekend,evening".
  availability: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').filter(Boolean) : undefined))
    .pipe(availability('可服务时间').optional()),
  kind: oneOf(['member', 'resident'] as const, '人员类型').optional(),
  gridId: idParam('居住网格').optional(),
  ...pageQuery,
});

/** Where the person lives: a household of a grid. */
export const Residence = z.object({
  householdId: z.number(),
  communityId: z.number(),
  communityName: z.string().nullable(),
  gridId: z.number(),
  gridName: z.string(),
  buildingId: z.number().nullable(),
  buildingName: z.string().nullable(),
  entrance: z.number().nullable(),
  room: z.string().nullable(),
  addressMasked: z.string(),
});

export const PersonDetail = Person.extend({
  unitName: z.string().nullable(),
  ethnicity: z.string().nullable(),
  birthDate: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  addressMasked: z.string().nullable(),
  /** "2003-06" where the ledger knew only the month. */
  joinedOn: z.string().nullable(),
  memberStatus: MEMBER_STATUSES.schema.nullable(),
  partyPost: z.string().nullable(),
  skills: z.array(z.string()),
  studyAtHome: z.boolean(),
  availability: z.array(AVAILABILITY.schema),
  /** Null also when the household is hidden from the caller (a member reading their own file). */
  residence: Residence.nullable(),
  householdId: z.number().nullable(),
  /** The joint committees (联合党委) that count this member as their own too, beside their own branch (orgId). */
  jointCommittees: z.array(z.object({ orgId: z.number(), orgName: z.string() })).describe('所属联合党委'),
  /** The sign-in account tied to the file; its name only where the caller may see the account. */
  account: z.object({ userId: z.number(), username: z.string().nullable() }).nullable().describe('登录账号'),
});
export type PersonDetail = Omit<z.infer<typeof PersonDetail>, 'actions'>;

const fileFields = {
  ethnicity: optionalText('民族', 20),
  idNumber: z.string().trim().max(30, V.too_long.code).nullable().optional().describe('身份证号'),
  address: optionalText('住址', 120),
  birthDate: day('出生日期').nullable().optional(),
  joinedOn: dayOrMonth('入党日期').nullable().optional(),
  memberStatus: oneOf(['probationary', 'full'] as const, '党员状态').nullable().optional(),
  partyPost: optionalText('党内职务', 40),
  skills: z.array(z.string().trim().min(1).max(20, V.too_long.code)).max(20, E.skills_max.code).optional().describe('特长'),
  studyAtHome: z.boolean().optional().describe('送学上门'),
  availability: availability('可服务时间').optional(),
  householdId: idParam('居住住户').nullable().optional(),
};
export const UpdatePerson = z.object({
  name: text('姓名', 40).optional(),
  gender: oneOf(['male', 'female'] as const, '性别').nullable().optional(),
  phone: phone('手机号').nullable().optional().describe('手机号'),
  unitId: idParam('工作单位').nullable().optional(),
  isMember: z.boolean().optional().describe('是否党员'),
  category: CATEGORIES.field('党员类别').nullable().optional(),
  ...fileFields,
});
export const RevealField = z.object({ field: oneOf(['idNumber', 'phone', 'address'] as const, '字段') });
export const Revealed = z.object({ value: z.string().nullable() });

export const CreatePerson = z.object({
  ...fileFields,
  orgId: idParam('所属组织'),
  unitId: idParam('工作单位').nullable().optional(),
  name: text('姓名', 40),
  gender: oneOf(['male', 'female'] as const, '性别').nullable().default(null),
  phone: phone('手机号').nullable().default(null).describe('手机号'),
  isMember: z.boolean().default(false).describe('是否党员'),
  category: CATEGORIES.field('党员类别').nullable().default(null),
});

/** An account opened from the file: the person signs in with it and acts as who the file says (member or resident). */
export const OpenAccount = NewCredentials;
export const LinkAccount = z.object({ userId: idParam('登录账号') });

export const ActivationCode = z.object({ code: z.string().describe('激活码（仅此一次显示）'), expiresAt: z.string().describe('失效时间') });
/** A person on file activates their own account: the identity number and the phone on file, and the community's code. */
export const Activate = z.object({
  idNumber: z.string().trim().min(1, V.empty.code).max(30, V.too_long.code).describe('身份证号'),
  phone: z.string().trim().regex(/^1\d{10}$/, '手机号须为 11 位数字，以 1 开头').describe('手机号'),
  code: z.string().trim().regex(/^\d{8}$/, '激活码为 8 位数字').describe('激活码'),
  password: password('密码'),
}).superRefine(notOwnName('phone', 'password'));
export const Activated = z.object({ username: z.string(), message: z.string() });
