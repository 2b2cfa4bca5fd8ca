import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import type { Database } from '../../kernel/db.ts';
import { AppError, invalidField } from '../../kernel/errors.ts';
import { ADMIN_ROLES, ROLE_LABELS, hasRole, type Grant, type Scope } from '../../kernel/scope.ts';
import type { Me } from './schema.ts';

// Sign-in and sessions. These are the only user-facing operations that run on
// the system connection: before a session exists there is no scope to run in.

export const SESSION_COOKIE = 'gj_session';
export const SESSION_HOURS = 12;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export const hashPassword = (plain: string) => argon2.hash(plain, { type: argon2.argon2id });
// Verifying against a real hash when the user does not exist keeps the
// response time from telling which usernames exist.
const DUMMY_HASH = hashPassword('gongjian-no-such-user');

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

interface LoginRow {
  id: number;
  password_hash: string;
  disabled: boolean;
  locked_until: Date | null;
  failed_logins: number;
}

const badCredentials = () => new AppError(401, 'invalid_credentials', '用户名或密码错误');

/** Checks a password, counts failures (locking the account after MAX_FAILED_LOGINS) and opens a session. */
export async function signIn(db: Database, username: string, password: string): Promise<{ token: string; userId: number }> {
  const [user] = await db.system((q) =>
    q.query<LoginRow>(`SELECT id, password_hash, disabled, locked_until, failed_logins FROM users WHERE username = $1`, [username]),
  );
  if (!user) {
    await argon2.verify(await DUMMY_HASH, password);
    throw badCredentials();
  }
  if (user.locked_until && user.locked_until > new Date()) {
    const minutes = Math.ceil((user.locked_until.getTime() - Date.now()) / 60_000);
    throw new AppError(423, 'locked', `密码错误次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系管理员解锁`);
  }
  const ok = await argon2.verify(user.password_hash, password);
  if (!ok) {
    await db.system((q) =>
      q.query(
        `UPDATE users SET failed_logins = failed_logins + 1,
                locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) END
          WHERE id = $1`,
        [user.id, MAX_FAILED_LOGINS, LOCK_MINUTES],
      ),
    );
    throw badCredentials();
  }
  if (user.disabled) throw new AppError(403, 'disabled', '账号已停用，请联系管理员');
  const token = randomBytes(32).toString('base64url');
  await db.system(async (q) => {
    if (user.failed_logins > 0 || user.locked_until) {
      await q.query(`UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1`, [user.id]);
    }
    await q.query(`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`, [
      tokenHash(token),
      user.id,
      SESSION_HOURS,
    ]);
    await q.query(`DELETE FROM sessions WHERE expires_at < now()`);
  });
  return { token, userId: user.id };
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
                 FROM user_grants g JOIN organizations o ON o.id = g.org_id
                 LEFT JOIN units un ON un.id = g.unit_id
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
  const [user] = await db.system((q) => q.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE id = $1`, [userId]));
  if (!user || !(await argon2.verify(user.password_hash, current))) throw invalidField('currentPassword', '当前密码不正确');
  if (current === next) throw invalidField('newPassword', '新密码不能与当前密码相同');
  const hash = await hashPassword(next);
  const token = randomBytes(32).toString('base64url');
  await db.system(async (q) => {
    // The audit trigger records who changed the password (themselves).
    await q.query(`SELECT set_config('gj.user_id', $1, true), set_config('gj.user_name', $2, true)`, [String(userId), scope.userName ?? '']);
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
