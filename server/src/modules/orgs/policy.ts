import { forbidden } from '../../kernel/errors.ts';
import { ADMIN_ROLES, hasRole, type Scope } from '../../kernel/scope.ts';

// What a grant may do with organizations. Where (which subtree) is not decided
// here: row-level security limits every statement to the caller's scope.

export const canManageOrgs = (scope: Scope) => hasRole(scope, ADMIN_ROLES);

export function ensureCanManageOrgs(scope: Scope): void {
  if (!canManageOrgs(scope)) throw forbidden('只有组织部门、街道和社区管理员可以维护组织');
}
