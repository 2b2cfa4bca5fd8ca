import { forbidden } from '../../kernel/errors.ts';
import { ADMIN_ROLES, ROLES, hasRole, type Role, type Scope } from '../../kernel/scope.ts';

// What a grant may do with accounts. Which accounts is decided by row-level
// security: an admin sees accounts managed in, and grants bound to, their subtree.

export function ensureCanManageUsers(scope: Scope): void {
  if (!hasRole(scope, ADMIN_ROLES)) throw forbidden('只有组织部门、街道和社区管理员可以管理用户');
}

/** Nobody hands out a role above their own: a community secretary cannot make a street admin. */
export function ensureCanGrant(scope: Scope, role: Role): void {
  ensureCanManageUsers(scope);
  const own = Math.min(...scope.grants.filter((g) => ADMIN_ROLES.includes(g.role)).map((g) => ROLES.indexOf(g.role)));
  if (ROLES.indexOf(role) < own) throw forbidden('不能授予高于自己的角色');
}

export function ensureNotSelf(scope: Scope, userId: number, what: string): void {
  if (scope.userId === userId) throw forbidden(`不能${what}自己的账号`);
}
