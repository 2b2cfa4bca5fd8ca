import { forbidden } from '../../kernel/errors.ts';
import { SUBTREE_ROLES, hasRole, type Scope } from '../../kernel/scope.ts';

/** Staff of the tree (down to grid workers) keep people's files; liaisons, members and residents only read. */
export function ensureCanEditPeople(scope: Scope): void {
  if (!hasRole(scope, SUBTREE_ROLES)) throw forbidden('只有组织部门、街道、社区和网格工作人员可以登记人员');
}
