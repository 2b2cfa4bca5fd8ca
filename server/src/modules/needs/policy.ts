import type { Text } from '../../kernel/errors.ts';
import { E } from './errors.ts';
import { ADMIN_ROLES, SUBTREE_ROLES, hasRole, hasRoleAt, type Scope } from '../../kernel/scope.ts';

// Who may raise a need and who may claim one. The later steps are offered per
// need from where the caller stands (service.ts, actionsOf); which needs they
// reach at all is row-level security.

/**
 * Staff of an organization: a staff role held there or above (null: an
 * organization the caller cannot see). A staff role held elsewhere does not count.
 */
export const isStaffAt = (scope: Scope, orgPath: string | null) => hasRoleAt(scope, SUBTREE_ROLES, orgPath);

/** Administrators of the need's organization see the requester's contact in clear. */
export const isAdminAt = (scope: Scope, orgPath: string | null) => hasRoleAt(scope, ADMIN_ROLES, orgPath);

/** Residents and members raise their own needs, at their own community. */
export function selfSubmitOrg(scope: Scope): number {
  const g = scope.grants.find((x) => x.role === 'resident' || x.role === 'member');
  if (!g) throw E.not_submitter();
  return g.orgId;
}

/** Members claim wishes themselves; a unit's liaison claims for the unit. */
export function ensureMayClaim(scope: Scope, unitId: number | undefined): void {
  if (unitId !== undefined) {
    if (!scope.grants.some((g) => g.role === 'unit_liaison' && g.unitId === unitId)) throw E.claim_own_unit();
    return;
  }
  if (!hasRole(scope, ['member'])) throw E.claim_members();
}

export function ensureStaff(scope: Scope, action: Text, orgPath: string | null): void {
  if (!isStaffAt(scope, orgPath)) throw E.staff_only({ action });
}
