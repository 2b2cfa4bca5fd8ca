import { forbidden } from '../../kernel/errors.ts';
import { ADMIN_ROLES, SUBTREE_ROLES, hasRole, type Scope } from '../../kernel/scope.ts';

// What a grant may do with grids. Which grids is decided by row-level
// security: a grid worker reaches only the rows of their own grid.

/** Drawing grids, placing buildings, naming who answers for a grid, visit plans: the community and above. */
export function ensureCanPlanGrids(scope: Scope): void {
  if (!hasRole(scope, ADMIN_ROLES)) throw forbidden('只有组织部门、街道和社区管理员可以划分和维护网格');
}

/** Households, visits and the two books: the grid's workers too. */
export function ensureCanWorkInGrid(scope: Scope): void {
  if (!hasRole(scope, SUBTREE_ROLES)) throw forbidden('只有社区和网格工作人员可以登记住户、走访和台账');
}
