import type { AppError } from '../../kernel/errors.ts';
import { ADMIN_ROLES, SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import { GRID_ACTIONS, GRID_LIST_ACTIONS, HOUSEHOLD_ACTIONS, type GridAction, type GridListAction, type HouseholdAction } from './schema.ts';

// What a grant may do with grids, asked at the grid's organization (its
// branch, or the community while it has none): a grid worker of one grid who
// is a secretary elsewhere is a grid worker here; a community the caller
// cannot see (null) is one where they hold nothing. Which grids the caller
// reaches at all is row-level security. The rows of a grid (buildings, roles,
// posts, households) name the grid's organization, so the grid's verdict is
// theirs. A record lists the actions these verdicts do not refuse, and a
// route refuses the rest with the same verdict.

/** Drawing grids, placing buildings, naming who answers for a grid, visit plans: the community and above. */
const plans = (scope: Scope, orgPath: string | null): AppError | null => (hasRoleAt(scope, ADMIN_ROLES, orgPath) ? null : E.not_planner());
/** Households, visits and the two books: the grid's workers too. */
const works = (scope: Scope, orgPath: string | null): AppError | null => (hasRoleAt(scope, SUBTREE_ROLES, orgPath) ? null : E.not_grid_worker());

const gridRefusal = (scope: Scope, orgPath: string | null, action: GridAction) => (action === 'edit' ? plans(scope, orgPath) : works(scope, orgPath));

export function gridActions(scope: Scope, orgPath: string | null): GridAction[] {
  return GRID_ACTIONS.values.filter((a) => !gridRefusal(scope, orgPath, a));
}
export function ensureGridAction(scope: Scope, orgPath: string | null, action: GridAction): void {
  const refusal = gridRefusal(scope, orgPath, action);
  if (refusal) throw refusal;
}

export function householdActions(scope: Scope, orgPath: string | null): HouseholdAction[] {
  return works(scope, orgPath) ? [] : [...HOUSEHOLD_ACTIONS.values];
}
export function ensureHouseholdAction(scope: Scope, orgPath: string | null, action: HouseholdAction): void {
  if (!householdActions(scope, orgPath).includes(action)) throw works(scope, orgPath)!;
}

/** At a community (its path): drawing its grids, its visit plans and its base map. */
export function gridListActions(scope: Scope, communityPath: string | null): GridListAction[] {
  return plans(scope, communityPath) ? [] : [...GRID_LIST_ACTIONS.values];
}
export function ensureGridListAction(scope: Scope, communityPath: string | null, action: GridListAction): void {
  if (!gridListActions(scope, communityPath).includes(action)) throw plans(scope, communityPath)!;
}
