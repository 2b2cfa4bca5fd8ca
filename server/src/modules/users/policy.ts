import { forbidden } from '../../kernel/errors.ts';
import { ADMIN_ROLES, ROLES, ROLE_LABELS, grantsAt, hasRole, hasRoleAt, type Role, type Scope } from '../../kernel/scope.ts';

// What a grant may do with accounts, at the organizations concerned. Which
// accounts the caller sees at all is row-level security: an admin sees
// accounts managed in, and grants bound to, their subtree.

/** Listing accounts: any admin, over what row-level security shows them. */
export function ensureCanManageUsers(scope: Scope): void {
  if (!hasRole(scope, ADMIN_ROLES)) throw forbidden('只有组织部门、街道和社区管理员可以管理用户');
}

/** Creating an account managed by an organization: an admin role held there. */
export function ensureCanManageAt(scope: Scope, orgPath: string): void {
  ensureCanManageUsers(scope);
  if (!hasRoleAt(scope, ADMIN_ROLES, orgPath)) throw forbidden('只能管理本组织及其下级的账号');
}

/** An admin hands out roles of its own rank or below, where it holds that admin role. */
function mayGrant(scope: Scope, role: Role, orgPath: string): boolean {
  return grantsAt(scope, orgPath).some((g) => ADMIN_ROLES.includes(g.role) && ROLES.indexOf(g.role) <= ROLES.indexOf(role));
}

/** Nobody hands out a role above their own, nor outside where they administer: a community secretary cannot make a street admin. */
export function ensureCanGrant(scope: Scope, role: Role, orgPath: string): void {
  ensureCanManageAt(scope, orgPath);
  if (!mayGrant(scope, role, orgPath)) throw forbidden('不能授予高于自己的角色');
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
  if (beyond) throw forbidden(`该账号拥有您无权授予的角色（${ROLE_LABELS[beyond.role]}），只能由其上级管理员管理`);
}

export function ensureNotSelf(scope: Scope, userId: number, what: string): void {
  if (scope.userId === userId) throw forbidden(`不能${what}自己的账号`);
}

/**
 * The waits of client addresses and of names that are no account guard the
 * sign-in all regions share: they are for the admins of a region's root.
 */
export function ensureRegionAdmin(scope: Scope): void {
  if (!scope.grants.some((g) => ADMIN_ROLES.includes(g.role) && !g.orgPath.includes('.'))) {
    throw forbidden('只有区级管理员可以解除来源网段或不存在的用户名的登录等待');
  }
}
