import { readFileSync } from 'node:fs';
import type { Text } from '../../kernel/errors.ts';
import { E } from './errors.ts';
import type { z } from '../../kernel/validation.ts';

// The password policy, for every path that sets one (account creation, reset,
// change, resident sign-up): long enough, not a common password, not the
// account's own name or phone. Length and the list are checked where the
// request is validated (users/schema.ts `password`); the name and phone where
// the account is known.

export const MIN_PASSWORD_LENGTH = 10;

/** The new password's label, for refusals made after validation. */
export const NEW_PASSWORD = { zh: '新密码', en: 'newPassword' };

const COMMON = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith('#')),
);

export const isCommonPassword = (plain: string) => COMMON.has(plain.toLowerCase());

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Refuses a password that is the account's user name or phone (whatever the case). */
export function ensureNotOwnName(plain: string, field: string, label: Text, own: string[]): void {
  if (own.some((o) => same(o, plain))) throw E.password_own_name({ label }).on(field);
}

/** The same rule for a body that holds both the name (or phone) and the password: a zod refinement. */
export const notOwnName =
  <K extends string, P extends string>(name: K, pass: P) =>
  (v: Record<K | P, string>, ctx: z.RefinementCtx) => {
    if (same(v[name], v[pass])) ctx.addIssue({ code: 'custom', path: [pass], message: E.password_own_name.code });
  };
