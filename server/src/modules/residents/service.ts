import { createHash } from 'node:crypto';
import { maskPhone, type FieldCipher } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import { hashPassword } from '../users/auth.ts';

// Residents register themselves (居民注册): a non-member person with a name and
// a phone, and a resident account to sign in with. The database function does
// the writes and holds off abuse (one account per phone, a few per client an hour).

/** Registrations one client (address) may make in an hour: a family, not a script. */
export const SIGNUPS_PER_HOUR = 5;

export async function communities(q: Queryable): Promise<{ id: number; name: string; street: string | null }[]> {
  return q.query(`SELECT id, name, street FROM gj_public_community_directory() ORDER BY street, name`);
}

export async function register(
  q: Queryable,
  cipher: FieldCipher,
  input: { name: string; phone: string; password: string; communityId: number },
  client: string,
): Promise<{ username: string }> {
  await q.query(`SELECT gj_register_resident($1, $2, $3, $4, $5, $6, $7, $8)`, [
    input.communityId,
    input.name,
    input.phone,
    cipher.encrypt(input.phone),
    maskPhone(input.phone),
    await hashPassword(input.password),
    createHash('sha256').update(client).digest('hex'),
    SIGNUPS_PER_HOUR,
  ]);
  return { username: input.phone };
}
