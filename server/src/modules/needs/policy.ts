import { forbidden } from '../../kernel/errors.ts';
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
  if (!g) throw forbidden('只有工作人员、居民和党员可以提交需求');
  return g.orgId;
}

/** Members claim wishes themselves; a unit's liaison claims for the unit. */
export function ensureMayClaim(scope: Scope, unitId: number | undefined): void {
  if (unitId !== undefined) {
    if (!scope.grants.some((g) => g.role === 'unit_liaison' && g.unitId === unitId)) throw forbidden('只能以本单位的名义认领');
    return;
  }
  if (!hasRole(scope, ['member'])) throw forbidden('只有党员本人或驻区单位联络员可以认领微心愿');
}

export function ensureStaff(scope: Scope, what: string, orgPath: string | null): void {
  if (!isStaffAt(scope, orgPath)) throw forbidden(`只有组织部门、街道、社区和网格工作人员可以${what}`);
}
