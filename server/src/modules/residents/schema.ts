import { registerConstraint } from '../../kernel/errors.ts';
import { E } from './errors.ts';
import { idParam, text, z } from '../../kernel/validation.ts';
import { notOwnName } from '../users/service.ts';
import { password } from '../users/schema.ts';

registerConstraint('resident_signup_community', 'communityId', E.community_outside);
registerConstraint('resident_signup_rate', 'phone', E.too_many_signups);

export const RegisterResident = z.object({
  name: text('姓名', 40),
  phone: z.string().trim().regex(/^1\d{10}$/, '手机号须为 11 位数字，以 1 开头').describe('手机号'),
  password: password('密码'),
  communityId: idParam('所在社区'),
}).superRefine(notOwnName('phone', 'password'));
export const Registered = z.object({ username: z.string(), message: z.string() });
export const PublicCommunities = z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), street: z.string().nullable() })) });
