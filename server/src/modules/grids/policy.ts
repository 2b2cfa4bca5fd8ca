import { E } from './errors.ts';
import { ADMIN_ROLES, SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';

// What a grant may do with grids, asked at the grid's organization (its
// branch, or the community while it has none): a grid worker of one grid who
// is a secretary elsewhere is a grid worker here; a community the caller
// cannot see (null) is one where they hold nothing. Which grids the caller
// reaches at all is row-level security.

/** Drawing grids, placing buildings, naming who answers for a grid, visit plans: the community and above. */
export function ensureCanPlanGrids(scope: Scope, orgPath: string | null): void {
  if (!hasRoleAt(scope, ADMIN_ROLES, orgPath)) throw E.not_planner();
}

/** Households, visits and the two books: the grid's workers too. */
export function ensureCanWorkInGrid(scope: Scope, orgPath: string | null): void {
  if (!hasRoleAt(scope, SUBTREE_ROLES, orgPath)) throw E.not_grid_worker();
}
