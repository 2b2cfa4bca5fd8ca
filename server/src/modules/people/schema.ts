import { idParam, oneOf, pageQuery, text, z } from '../../kernel/validation.ts';

export const CATEGORIES = {
  employed: '在职党员',
  retired: '离退休党员',
  laid_off: '下岗党员',
  mobile: '流动党员',
  unemployed_graduate: '待业毕业生党员',
  veteran: '退伍军人党员',
  relocated_rural: '农村回迁党员',
  student: '学生党员',
} as const;
export type Category = keyof typeof CATEGORIES;

export const Person = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  phoneMasked: z.string().nullable(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  unitId: z.number().nullable(),
  isMember: z.boolean(),
  category: z.string().nullable(),
});
export type Person = z.infer<typeof Person>;

export const PersonPage = z.object({ total: z.number(), items: z.array(Person) });
export const PersonParams = z.object({ personId: idParam('人员编号') });
export const PersonQuery = z.object({
  orgId: idParam('所属组织').optional(),
  q: z.string().trim().max(50).optional().describe('姓名关键字'),
  ...pageQuery,
});
export const CreatePerson = z.object({
  orgId: idParam('所属组织'),
  unitId: idParam('工作单位').nullable().optional(),
  name: text('姓名', 40),
  gender: oneOf(['male', 'female'] as const, '性别').nullable().default(null),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '手机号须为 11 位数字，以 1 开头')
    .nullable()
    .default(null)
    .describe('手机号'),
  isMember: z.boolean().default(false).describe('是否党员'),
  category: oneOf(Object.keys(CATEGORIES) as Category[], '党员类别').nullable().default(null),
});
