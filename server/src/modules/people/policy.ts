import { forbidden } from '../../kernel/errors.ts';
import { ADMIN_ROLES, SUBTREE_ROLES, hasRole, type Scope } from '../../kernel/scope.ts';

/** Staff of the tree (down to grid workers) keep people's files; liaisons, members and residents only read. */
export function ensureCanEditPeople(scope: Scope): void {
  if (!hasRole(scope, SUBTREE_ROLES)) throw forbidden('只有组织部门、街道、社区和网格工作人员可以登记人员');
}

/** Identity numbers, phones and addresses in clear: the person themselves, and admins of their organization. */
export function mayReveal(scope: Scope, ownFile: boolean): boolean {
  return ownFile || hasRole(scope, ADMIN_ROLES);
}

export function ensureMayReveal(scope: Scope, ownFile: boolean): void {
  if (!mayReveal(scope, ownFile)) throw forbidden('只有本人和组织管理员可以查看完整的个人信息');
}
