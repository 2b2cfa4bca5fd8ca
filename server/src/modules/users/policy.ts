import type { Text } from '../../kernel/errors.ts';
import { E } from './errors.ts';
import { ADMIN_ROLES, ROLES, ROLE_LABELS, grantsAt, hasRole, hasRoleAt, type Role, type Scope } from '../../kernel/scope.ts';

// What a grant may do with accounts, at the organizations concerned. Which
// accounts the caller sees at all is row-level security: an admin sees
// accounts managed in, and grants bound to, their subtree.

/** Listing accounts: any admin, over what row-level security shows them. */
export function ensureCanManageUsers(scope: Scope): void {
  if (!hasRole(scope, ADMIN_ROLES)) throw E.not_admin();
}

/** Creating an account managed by an organization: an admin role held there. */
export function ensureCanManageAt(scope: Scope, orgPath: string): void {
  ensureCanManageUsers(scope);
  if (!hasRoleAt(scope, ADMIN_ROLES, orgPath)) throw E.outside_org();
}

/** An admin hands out roles of its own rank or below, where it holds that admin role. */
function mayGrant(scope: Scope, role: Role, orgPath: string): boolean {
  return grantsAt(scope, orgPath).some((g) => ADMIN_ROLES.includes(g.role) && ROLES.indexOf(g.role) <= ROLES.indexOf(role));
}

/** Nobody hands out a role above their own, nor outside where they administer: a community secretary cannot make a street admin. */
export function ensureCanGrant(scope: Scope, role: Role, orgPath: string): void {
  ensureCanManageAt(scope, orgPath);
  if (!mayGrant(scope, role, orgPath)) throw E.grant_above_own();
}

/**
 * Acting on an account (password, lock, name, disabling, grants) is for those
 * who could have granted everything it holds. An account is never managed
 * from below its highest grant, nor from beside it: which organization
 * manages it does not matter.
 */
export function ensureCanManageAccount(scope: Scope, held: { role: Role; orgPath: string }[]): void {
  ensureCanManageUsers(scope);
  const beyond = held.find((g) => !mayGrant(scope, g.role, g.orgPath));
  if (beyond) throw E.account_above({ role: { zh: ROLE_LABELS[beyond.role], en: beyond.role } });
}

export function ensureNotSelf(scope: Scope, userId: number, action: Text): void {
  if (scope.userId === userId) throw E.own_account({ action });
}

/**
 * The waits of client addresses and of names that are no account guard the
 * sign-in all regions share: they are for the admins of a region's root.
 */
export function ensureRegionAdmin(scope: Scope): void {
  if (!scope.grants.some((g) => ADMIN_ROLES.includes(g.role) && !g.orgPath.includes('.'))) {
    throw E.region_admin_only();
  }
}
