import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, Queryable } from '../../kernel/db.ts';
import { AppError } from '../../kernel/errors.ts';
import { E } from './errors.ts';
import { ADMIN_ROLES, ROLE_LABELS, hasRole, type Grant, type Scope } from '../../kernel/scope.ts';
import * as audit from '../audit/service.ts';
import { NEW_PASSWORD, ensureNotOwnName } from './password.ts';
import type { Me } from './schema.ts';

// Sign-in and sessions. These are the only user-facing operations that run on
// the system connection: before a session exists there is no scope to run in.

export const SESSION_COOKIE = 'gj_session';
export const SESSION_HOURS = 12;

/**
 * When failures make a key wait: from the limit-th failure on, each failure
 * doubles the wait, up to the cap. A stranger can make an account wait, never
 * lock it for good, and the admin clears it. Failures are forgotten after a
 * quiet spell.
 */
export interface ThrottleRule {
  limit: number;
  firstWaitMinutes: number;
  maxWaitMinutes: number;
  forgetAfterMinutes: number;
}
export const ACCOUNT_RULE: ThrottleRule = { limit: 5, firstWaitMinutes: 1, maxWaitMinutes: 60, forgetAfterMinutes: 24 * 60 };
/** An office behind one address signs in many people: a higher limit, forgotten sooner. */
export const ADDRESS_RULE: ThrottleRule = { limit: 20, firstWaitMinutes: 1, maxWaitMinutes: 60, forgetAfterMinutes: 60 };

interface ThrottleState {
  failures: number;
  last: Date | null;
  until: Date | null;
}

/** The state after one more attempt at `now`, counted as a failure until the password proves right; null if the key must wait. */
export function nextAttempt(s: ThrottleState, rule: ThrottleRule, now: Date): ThrottleState | null {
  if (s.until && s.until > now) return null;
  const forgotten = !s.last || now.getTime() - s.last.getTime() > rule.forgetAfterMinutes * 60_000;
  const failures = forgotten ? 1 : s.failures + 1;
  const wait = failures >= rule.limit ? Math.min(rule.firstWaitMinutes * 2 ** (failures - rule.limit), rule.maxWaitMinutes) : 0;
  return { failures, last: now, until: wait ? new Date(now.getTime() + wait * 60_000) : null };
}

// argon2id at the library's defaults (64 MiB, 3 passes: a quarter second a
// sign-in here). A hash records its own parameters, so verifying follows
// whichever made it.
let hashOptions: argon2.HashOptions & { raw?: false } = { type: argon2.argon2id };
export const hashPassword = (plain: string) => argon2.hash(plain, hashOptions);
// Verifying against a real hash when the user does not exist keeps the
// response time from telling which usernames exist; made at the same cost as the others.
let dummyHash: Promise<string> | null = null;
const DUMMY_HASH = () => (dummyHash ??= hashPassword('gongjian-no-such-user'));

/**
 * For test processes only (test/support/db.ts), as Django's test settings
 * swap in a fast hasher: the test templates' accounts and the ones tests make
 * are hashed at the lowest cost, so the suite's thousands of sign-ins do not
 * spend its minutes in argon2. Nothing in the server calls it.
 */
export function cheapPasswordHashesForTests(): void {
  hashOptions = { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 };
  dummyHash = null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const tokenHash = sha256;

const badCredentials = () => E.invalid_credentials();

const throttled = (until: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  const at = until.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
  return E.locked({ at, minutes });
};

/** Where a sign-in comes from: the client address (as Fastify resolved it through the trusted proxies) and the request. */
export interface SignInClient {
  address: string;
  requestId: string;
  log: FastifyBaseLogger;
}

interface Gate {
  userId: number | null;
  hash: string;
  disabled: boolean;
  /** This attempt made the account wait (recorded once, not per refused request). */
  throttledNow: boolean;
}

/**
 * Counts the attempt for the account (or the unknown name) and the address,
 * before any password is checked: rows are locked, so parallel attempts are
 * counted one after another and those past the limit are refused unchecked.
 */
async function countAttempt(db: Database, username: string, address: string): Promise<Gate> {
  return db.system(async (q) => {
    // Always the address first, then the account: a fixed order, so two attempts never wait on each other in a cycle.
    const addressKey = `address:${sha256(address)}`;
    const addr = (await lockKey(q, addressKey, networkOf(address)))!;
    const [user] = await q.query<ThrottleState & { id: number; password_hash: string; disabled: boolean }>(
      `SELECT id, password_hash, disabled, failed_logins AS failures, last_failed_login_at AS last, locked_until AS until
         FROM users WHERE username = $1 FOR UPDATE`,
      [username],
    );
    const nameKey = `account:${sha256(username)}`;
    const account = user ?? (await lockKey(q, nameKey, username))!;
    const byAddress = nextAttempt(addr, ADDRESS_RULE, addr.now);
    const byAccount = nextAttempt(account, ACCOUNT_RULE, addr.now);
    if (!byAddress || !byAccount) {
      const waits = [addr.until, account.until].filter((d): d is Date => !!d && d > addr.now);
      throw throttled(new Date(Math.max(...waits.map((d) => d.getTime()))));
    }
    await saveKey(q, addressKey, byAddress);
    if (user) {
      await q.query(`UPDATE users SET failed_logins = $2, last_failed_login_at = $3, locked_until = $4 WHERE id = $1`, [
        user.id, byAccount.failures, byAccount.last, byAccount.until,
      ]);
    } else {
      await saveKey(q, nameKey, byAccount);
    }
    return {
      userId: user?.id ?? null,
      hash: user?.password_hash ?? (await DUMMY_HASH()),
      disabled: user?.disabled ?? false,
      throttledNow: byAccount.until !== null,
    };
  });
}

/** `label` is what an admin reads of the key (users/migrations/0164): the address's network, or the name. */
async function lockKey(q: Queryable, key: string, label: string): Promise<(ThrottleState & { now: Date }) | undefined> {
  await q.query(`INSERT INTO sign_in_throttles (key, label) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [key, label]);
  const [row] = await q.query<ThrottleState & { now: Date }>(
    `SELECT failures, last_failed_at AS last, blocked_until AS until, now() AS now FROM sign_in_throttles WHERE key = $1 FOR UPDATE`,
    [key],
  );
  return row;
}

const saveKey = (q: Queryable, key: string, s: ThrottleState) =>
  q.query(`UPDATE sign_in_throttles SET failures = $2, last_failed_at = $3, blocked_until = $4 WHERE key = $1`, [key, s.failures, s.last, s.until]);

/** Where the client address shows in the security log: its network, not the machine. */
export function networkOf(address: string): string {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+)\.\d+$/.exec(address);
  if (v4) return `${v4[1]}.*`;
  return `${address.split(':').slice(0, 3).join(':')}:*`;
}

/**
 * Signs in: the attempt is counted (and refused with 429 while the account or
 * the address must wait), then the password is checked; a right one clears
 * the account's count and takes this attempt back from the address's.
 */
export async function signIn(db: Database, username: string, password: string, client: SignInClient): Promise<{ token: string; userId: number }> {
  const gate = await countAttempt(db, username, client.address).catch((err: unknown) => {
    if (err instanceof AppError) client.log.warn({ event: 'sign_in_refused' }, 'sign-in refused while throttled');
    throw err;
  });
  const ok = await argon2.verify(gate.hash, password);
  const who = gate.userId === null ? { attemptedName: username } : { userId: gate.userId };
  const event = (q: Queryable, kind: audit.SignInEvent) => audit.recordSignIn(q, { kind, ...who, client: networkOf(client.address), requestId: client.requestId });
  if (!ok || gate.userId === null) {
    client.log.warn({ event: 'sign_in_failed', userId: gate.userId, throttled: gate.throttledNow }, 'sign-in failed');
    await db.system(async (q) => {
      await event(q, gate.userId === null ? 'sign_in_unknown' : 'sign_in_failed');
      if (gate.throttledNow) await event(q, 'sign_in_throttled');
    });
    throw badCredentials();
  }
  const token = randomBytes(32).toString('base64url');
  await db.system(async (q) => {
    await q.query(`UPDATE users SET failed_logins = 0, last_failed_login_at = NULL, locked_until = NULL WHERE id = $1`, [gate.userId]);
    await q.query(`UPDATE sign_in_throttles SET failures = greatest(failures - 1, 0), blocked_until = NULL WHERE key = $1`, [
      `address:${sha256(client.address)}`,
    ]);
    if (gate.disabled) return;
    await event(q, 'sign_in');
    await q.query(`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`, [
      tokenHash(token),
      gate.userId,
      SESSION_HOURS,
    ]);
    await q.query(`DELETE FROM sessions WHERE expires_at < now()`);
    await q.query(`DELETE FROM sign_in_throttles WHERE last_failed_at < now() - interval '1 day' AND coalesce(blocked_until < now(), true)`);
  });
  if (gate.disabled) throw E.disabled();
  client.log.info({ event: 'sign_in', userId: gate.userId }, 'signed in');
  return { token, userId: gate.userId };
}

interface SessionRow {
  id: number;
  display_name: string;
  refresh: boolean;
  grants: {
    id: number;
    role: Grant['role'];
    org_id: number;
    org_path: string;
    org_name: string;
    unit_id: number | null;
    unit_name: string | null;
    region_id: number;
  }[];
}

/**
 * The scope of a session token, or null if the token is unknown, expired,
 * older than the last password change, or the account is disabled.
 */
export async function resolveSession(db: Database, token: string): Promise<Scope | null> {
  const hash = tokenHash(token);
  const [row] = await db.system((q) =>
    q.query<SessionRow>(
      `SELECT u.id, u.display_name, s.last_seen_at < now() - interval '5 minutes' AS refresh,
              coalesce((SELECT json_agg(json_build_object(
                  'id', g.id, 'role', g.role, 'org_id', g.org_id, 'org_path', o.path::text, 'org_name', o.name,
                  'unit_id', g.unit_id, 'unit_name', un.name, 'region_id', g.region_id) ORDER BY g.id)
                 FROM user_grants g JOIN org_labels o ON o.id = g.org_id
                 LEFT JOIN unit_labels un ON un.id = g.unit_id
                WHERE g.user_id = u.id), '[]') AS grants
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled
          AND s.created_at >= u.password_changed_at`,
      [hash],
    ),
  );
  if (!row) return null;
  if (row.refresh) {
    // Sliding expiry, written at most every five minutes per session.
    await db.system((q) =>
      q.query(`UPDATE sessions SET last_seen_at = now(), expires_at = now() + make_interval(hours => $2) WHERE token_hash = $1`, [
        hash,
        SESSION_HOURS,
      ]),
    );
  }
  return {
    userId: row.id,
    userName: row.display_name,
    grants: row.grants.map((g) => ({
      id: g.id,
      role: g.role,
      orgId: g.org_id,
      orgPath: g.org_path,
      orgName: g.org_name,
      unitId: g.unit_id,
      unitName: g.unit_name,
      regionId: g.region_id,
    })),
  };
}

export async function signOut(db: Database, token: string): Promise<void> {
  await db.system((q) => q.query(`DELETE FROM sessions WHERE token_hash = $1`, [tokenHash(token)]));
}

/** Changes one's own password; every session of the account ends, and a new one is returned for this browser. */
export async function changePassword(db: Database, scope: Scope, current: string, next: string): Promise<string> {
  const userId = scope.userId!;
  const [user] = await db.system((q) =>
    q.query<{ password_hash: string; username: string }>(`SELECT password_hash, username FROM users WHERE id = $1`, [userId]),
  );
  if (!user || !(await argon2.verify(user.password_hash, current))) throw E.wrong_current_password();
  if (current === next) throw E.same_password();
  ensureNotOwnName(next, 'newPassword', NEW_PASSWORD, [user.username]);
  const hash = await hashPassword(next);
  const token = randomBytes(32).toString('base64url');
  await db.system(async (q) => {
    // The audit trigger records who changed the password (themselves).
    await q.query(`SELECT set_config('gj.user_id', $1, true), set_config('gj.user_name', $2, true), set_config('gj.request_id', $3, true)`, [
      String(userId), scope.userName ?? '', scope.requestId ?? '',
    ]);
    await q.query(`UPDATE users SET password_hash = $2, password_changed_at = now() WHERE id = $1`, [userId, hash]);
    await q.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
    await q.query(`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`, [
      tokenHash(token),
      userId,
      SESSION_HOURS,
    ]);
  });
  return token;
}

export function meOf(scope: Scope, username: string): Me {
  const admin = hasRole(scope, ADMIN_ROLES);
  return {
    id: scope.userId!,
    username,
    displayName: scope.userName ?? username,
    grants: scope.grants.map((g) => ({
      id: g.id,
      role: g.role,
      roleLabel: ROLE_LABELS[g.role],
      orgId: g.orgId,
      orgName: g.orgName,
      orgPath: g.orgPath,
      unitId: g.unitId,
      unitName: g.unitName,
    })),
    can: { manageUsers: admin, viewAudit: admin, manageOrgs: admin },
  };
}

/**
 * An account activation (people's 账号激活), signed out like a sign-in: run
 * through people's gj_activate_account in a transaction of its own, committed
 * whatever the answer, so a refused try still counts against the client and
 * the code (a request's transaction would roll the count back with the error).
 */
export async function attemptActivation(
  db: Database, a: { idNumberHash: string; phoneMask: string; codeHash: string; phone: string; password: string; address: string; perHour: number },
): Promise<string> {
  const passwordHash = await hashPassword(a.password);
  const [r] = await db.system((q) => q.query<{ outcome: string }>(`SELECT gj_activate_account($1, $2, $3, $4, $5, $6, $7) AS outcome`, [
    a.idNumberHash, a.phoneMask, a.codeHash, a.phone, passwordHash, sha256(a.address), a.perHour,
  ]));
  return r!.outcome;
}
