import { allowedAtAny, ensureAllowed, viewedFrom, type Verdicts } from '../../kernel/actions.ts';
import { ADMIN_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import { POINTS_ACTIONS, type PointsAction, type RuleAction } from './schema.ts';

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

/** A rule's new version is set where the rule was. */
export function ruleVerdicts(scope: Scope, rule: { orgPath: string | null }): Verdicts<RuleAction> {
  return { revise: pointsVerdicts(scope, rule.orgPath).setRule };
}

/** What the caller may do with points at the organization viewed (null: one they cannot see), or without one somewhere they hold a grant (the forms ask where). */
export const pointsActions = (scope: Scope, orgPath?: string | null): PointsAction[] =>
  allowedAtAny(POINTS_ACTIONS, viewedFrom(scope, orgPath), (path) => pointsVerdicts(scope, path));
