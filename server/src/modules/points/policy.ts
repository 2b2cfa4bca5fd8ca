import { allowedAtAny, ensureAllowed, viewedFrom, type Verdicts } from '../../kernel/actions.ts';
import { ADMIN_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import { POINTS_ACTIONS, type PointsAction } from './schema.ts';

// Who may set rules and record points, asked at the organization the rule or
// entry is made for: roles held elsewhere do not count. Lists of rules and
// entries carry what the caller may do (their `actions`), from these verdicts.

/** Rules, re-runs, manual points and redemptions are the administrators' (a grid worker organizes activities, but does not set the rules). */
export function pointsVerdicts(scope: Scope, orgPath: string | null): Verdicts<PointsAction> {
  const refusal = hasRoleAt(scope, ADMIN_ROLES, orgPath) ? null : E.admins_only;
  return { setRule: refusal, rerun: refusal, addEntry: refusal, redeem: refusal };
}

export function ensurePointsAdmin(scope: Scope, action: PointsAction, orgPath: string | null): void {
  ensureAllowed(pointsVerdicts(scope, orgPath), action);
}

/** What the caller may do with points somewhere they hold a grant (the forms ask where). */
export const pointsActions = (scope: Scope): PointsAction[] => allowedAtAny(POINTS_ACTIONS, viewedFrom(scope, undefined), (path) => pointsVerdicts(scope, path));
