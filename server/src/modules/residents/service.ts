import { createHash } from 'node:crypto';
import { maskPhone, type FieldCipher } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import { hashPassword } from '../users/service.ts';

// Residents register themselves (居民注册): a non-member person with a name and
// a phone, and a resident account to sign in with. The database function does
// the writes and holds off abuse (a few attempts per client an hour and per
// phone a day). A phone that already has an account gets the same answer and
// nothing is done, so the answer never tells whether a phone is registered.

/** Attempts one client (address) may make in an hour: a family, not a script. */
export const SIGNUPS_PER_HOUR = 5;
/** Attempts for one phone in a day: a retyped password, not a probe. */
export const SIGNUPS_PER_PHONE_DAY = 3;

export const ACCEPTED = '已受理：该手机号如尚未注册，账号已开通，请用手机号和密码登录；如已注册过，请直接登录，忘记密码请联系社区重置。';

export async function communities(q: Queryable): Promise<{ id: number; name: string; street: string | null }[]> {
  return q.query(`SELECT id, name, street FROM gj_public_community_directory() ORDER BY street, name`);
}

export async function register(
  q: Queryable,
  cipher: FieldCipher,
  input: { name: string; phone: string; password: string; communityId: number },
  client: string,
): Promise<{ username: string; message: string }> {
  await q.query(`SELECT gj_register_resident($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [
    input.communityId,
    input.name,
    input.phone,
    cipher.encrypt(input.phone),
    maskPhone(input.phone),
    await hashPassword(input.password),
    createHash('sha256').update(client).digest('hex'),
    cipher.blindIndex(`resident-signup:${input.phone}`),
    SIGNUPS_PER_HOUR,
    SIGNUPS_PER_PHONE_DAY,
  ]);
  return { username: input.phone, message: ACCEPTED };
}
