import type { Queryable } from '../../kernel/db.ts';
import { conditions } from '../../kernel/sql.ts';
import { notFound } from '../../kernel/errors.ts';
import { E, GRANT, THROTTLE, USER } from './errors.ts';
import { allowed, ensureAllowed } from '../../kernel/actions.ts';
import { ROLE_LABELS, type Role, type Scope } from '../../kernel/scope.ts';
import { ensureCanGrant, userVerdicts } from './policy.ts';
import * as orgs from '../orgs/service.ts';
import { hashPassword } from './auth.ts';
import { NEW_PASSWORD, ensureNotOwnName } from './password.ts';
import { USER_ACTIONS, type SignInThrottle, type User, type UserAction } from './schema.ts';

// What another module that makes accounts needs (residents' sign-up): how a
// password is hashed and which passwords are refused.
export { attemptActivation, hashPassword } from './auth.ts';
export { notOwnName } from './password.ts';

// Account administration, on the caller's scoped connection: an admin sees
// the accounts managed in their subtree and the grants bound to it.

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  org_id: number;
  org_name: string | null;
  disabled: boolean;
  locked: boolean;
  created_at: Date;
}

interface GrantRow {
  id: number;
  user_id: number;
  role: Role;
  org_id: number;
  org_name: string;
  org_path: string;
  unit_id: number | null;
  unit_name: string | null;
}

const USER_SELECT = `SELECT u.id, u.username, u.display_name, u.org_id, o.name AS org_name, u.disabled,
       coalesce(u.locked_until > now(), false) AS locked, u.created_at
  FROM users u LEFT JOIN org_labels o ON o.id = u.org_id`;

async function withGrants(q: Queryable, rows: UserRow[]): Promise<User[]> {
  const grants = rows.length
    ? await q.query<GrantRow>(
        `SELECT g.id, g.user_id, g.role, g.org_id, o.name AS org_name, o.path::text AS org_path, g.unit_id, un.name AS unit_name
           FROM user_grants g JOIN org_labels o ON o.id = g.org_id LEFT JOIN unit_labels un ON un.id = g.unit_id
          WHERE g.user_id = ANY ($1::bigint[]) ORDER BY g.id`,
        [rows.map((r) => r.id)],
      )
    : [];
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    orgId: r.org_id,
    orgName: r.org_name,
    disabled: r.disabled,
    locked: r.locked,
    createdAt: r.created_at.toISOString(),
    grants: grants
      .filter((g) => g.user_id === r.id)
      .map((g) => ({
        id: g.id,
        role: g.role,
        roleLabel: ROLE_LABELS[g.role],
        orgId: g.org_id,
        orgName: g.org_name,
        orgPath: g.org_path,
        unitId: g.unit_id,
        unitName: g.unit_name,
      })),
  }));
}

export async function list(q: Queryable, f: { orgId?: number; q?: string; page: number; pageSize: number }): Promise<{ total: number; items: User[] }> {
  const where = conditions();
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'u')));
  if (f.q) where.add(`(u.username LIKE '%' || $? || '%' OR u.display_name LIKE '%' || $? || '%')`, f.q);
  const [c] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM users u ${where.sql}`, where.params);
  const rows = await q.query<UserRow>(
    `${USER_SELECT} ${where.sql} ORDER BY u.id LIMIT ${where.next(f.pageSize)} OFFSET ${where.next((f.page - 1) * f.pageSize)}`,
    where.params,
  );
  return { total: c?.n ?? 0, items: await withGrants(q, rows) };
}

export async function get(q: Queryable, userId: number): Promise<User> {
  const rows = await q.query<UserRow>(`${USER_SELECT} WHERE u.id = $1`, [userId]);
  if (!rows.length) throw notFound(USER);
  return (await withGrants(q, rows))[0]!;
}

export async function addGrant(q: Queryable, userId: number, g: { role: Role; orgId: number; unitId?: number | null }): Promise<void> {
  await orgs.place(q, g.orgId);
  if (g.role === 'unit_liaison') {
    if (!g.unitId) throw E.liaison_needs_unit();
    const unit = await orgs.findUnit(q, g.unitId);
    if (!unit) throw E.unit_not_found();
  } else if (g.unitId) {
    throw E.unit_only_for_liaison();
  }
  await q.query(`INSERT INTO user_grants (user_id, role, org_id, unit_id) VALUES ($1, $2, $3, $4)`, [userId, g.role, g.orgId, g.unitId ?? null]);
}

export async function create(
  q: Queryable,
  input: { username: string; displayName: string; password: string; orgId: number; grants: { role: Role; orgId: number; unitId?: number | null }[] },
): Promise<User> {
  await orgs.place(q, input.orgId);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO users (org_id, username, display_name, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
    [input.orgId, input.username, input.displayName, await hashPassword(input.password)],
  );
  for (const g of input.grants) await addGrant(q, row!.id, g);
  return get(q, row!.id);
}

export async function update(q: Queryable, userId: number, patch: { displayName?: string; disabled?: boolean }): Promise<User> {
  await get(q, userId);
  await q.query(
    `UPDATE users SET display_name = coalesce($2, display_name), disabled = coalesce($3, disabled) WHERE id = $1`,
    [userId, patch.displayName ?? null, patch.disabled ?? null],
  );
  return get(q, userId);
}

export async function removeGrant(q: Queryable, userId: number, grantId: number): Promise<User> {
  const rows = await q.query(`DELETE FROM user_grants WHERE id = $1 AND user_id = $2 RETURNING id`, [grantId, userId]);
  if (!rows.length) throw notFound(GRANT);
  return get(q, userId);
}

export async function unlock(q: Queryable, userId: number): Promise<User> {
  await get(q, userId);
  await q.query(`UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1`, [userId]);
  return get(q, userId);
}

/**
 * The sign-in waits in force that the caller may clear: the accounts it sees
 * (row-level security), and for a region's admins the waits of client
 * addresses and of names that are no account (gj_sign_in_throttles).
 */
export async function throttles(q: Queryable): Promise<SignInThrottle[]> {
  const accounts = await q.query<{ id: number; username: string; failures: number; until: Date }>(
    `SELECT id, username, failed_logins AS failures, locked_until AS until FROM users WHERE locked_until > now() ORDER BY locked_until DESC, id`,
  );
  const others = await q.query<{ id: number; kind: 'account' | 'address'; label: string | null; failures: number; until: Date }>(
    `SELECT id, kind, label, failures, until FROM gj_sign_in_throttles()`,
  );
  return [
    ...accounts.map((a) => ({ kind: 'account' as const, id: a.id, userId: a.id, label: a.username, failures: a.failures, until: a.until.toISOString() })),
    // A wait kept from before labels were stored shows as unknown; it still clears.
    ...others.map((o) => ({ kind: o.kind, id: o.id, userId: null, label: o.label ?? '?', failures: o.failures, until: o.until.toISOString() })),
  ];
}

/** Clears the wait of an address or of a name that is no account; the database records it in the security log. */
export async function clearThrottle(q: Queryable, throttleId: number): Promise<void> {
  const [row] = await q.query<{ label: string | null }>(`SELECT gj_clear_sign_in_throttle($1) AS label`, [throttleId]);
  if (row?.label === null || row === undefined) throw notFound(THROTTLE);
}

/** Sessions opened before this stop working (they predate password_changed_at). */
export async function resetPassword(q: Queryable, userId: number, password: string): Promise<void> {
  const user = await get(q, userId);
  ensureNotOwnName(password, 'newPassword', NEW_PASSWORD, [user.username]);
  await q.query(`UPDATE users SET password_hash = $2, password_changed_at = now(), failed_logins = 0, locked_until = NULL WHERE id = $1`, [
    userId,
    await hashPassword(password),
  ]);
}

/**
 * Every grant each account holds, those outside the caller's view included
 * (gj_accounts_grants): who may manage an account depends on all of them.
 */
async function heldGrants(q: Queryable, userIds: number[]): Promise<Map<number, { role: Role; orgPath: string }[]>> {
  const rows = await q.query<{ user_id: number; role: Role; org_path: string }>(`SELECT user_id, role, org_path FROM gj_accounts_grants($1::bigint[])`, [userIds]);
  return new Map(userIds.map((id) => [id, rows.filter((r) => Number(r.user_id) === id).map((r) => ({ role: r.role, orgPath: r.org_path }))]));
}

/** The accounts with what the caller may do to each (policy.ts). */
export async function withActions(q: Queryable, scope: Scope, items: User[]): Promise<(User & { actions: UserAction[] })[]> {
  const held = await heldGrants(q, items.map((u) => u.id));
  return items.map((u) => ({ ...u, actions: allowed(USER_ACTIONS, userVerdicts(scope, { id: u.id, held: held.get(u.id)! })) }));
}

/** Refuses an action the caller may not take on the account, with its verdict; an account they may act on but cannot see is 404. */
export async function ensureAction(q: Queryable, scope: Scope, userId: number, action: UserAction): Promise<void> {
  ensureAllowed(userVerdicts(scope, { id: userId, held: (await heldGrants(q, [userId])).get(userId)! }), action);
  await username(q, userId);
}

/**
 * Opens an account for someone on file (the people module asks): managed by
 * their organization, with the one role their file calls for there, as
 * "新建用户" would, refused where the caller could not grant it.
 */
export async function openFor(
  q: Queryable, scope: Scope, input: { username: string; displayName: string; password: string; orgId: number; role: Role },
): Promise<User> {
  const path = await orgs.pathOf(q, input.orgId);
  ensureCanGrant(scope, input.role, path);
  return create(q, { ...input, grants: [{ role: input.role, orgId: input.orgId }] });
}

/** The organizations (paths) where an account holds its roles, whoever may see them: to tie it only to a file within their reach. */
export async function grantPaths(q: Queryable, userId: number): Promise<string[]> {
  return ((await heldGrants(q, [userId])).get(userId) ?? []).map((g) => g.orgPath);
}

/** An account's name, or null where the caller does not see the account. */
export async function usernameIfSeen(q: Queryable, userId: number): Promise<string | null> {
  const [row] = await q.query<{ username: string }>(`SELECT username FROM users WHERE id = $1`, [userId]);
  return row?.username ?? null;
}

export async function username(q: Queryable, userId: number): Promise<string> {
  const [row] = await q.query<{ username: string }>(`SELECT username FROM users WHERE id = $1`, [userId]);
  if (!row) throw notFound(USER);
  return row.username;
}

/** Accounts managed directly by an organization. */
export async function countManagedBy(q: Queryable, orgId: number): Promise<number> {
  const [r] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM users WHERE org_id = $1`, [orgId]);
  return r?.n ?? 0;
}

/** When an organization is dissolved or merged, its accounts and grants move to the receiving one. */
export async function transferManaged(q: Queryable, fromOrgId: number, toOrgId: number): Promise<void> {
  await q.query(`UPDATE users SET org_id = $2 WHERE org_id = $1`, [fromOrgId, toOrgId]);
  await q.query(
    `UPDATE user_grants g SET org_id = $2 WHERE g.org_id = $1
        AND NOT EXISTS (SELECT 1 FROM user_grants x WHERE x.user_id = g.user_id AND x.role = g.role AND x.org_id = $2)`,
    [fromOrgId, toOrgId],
  );
  await q.query(`DELETE FROM user_grants WHERE org_id = $1`, [fromOrgId]);
}
