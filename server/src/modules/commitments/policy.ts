import { ADMIN_ROLES, SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import type { RaterRole } from './schema.ts';

// What a caller may do to a commitment or a report, asked at the record's
// community. The service turns these into each record's `actions` and
// refuses the rest with the same reasons (service.ts, refusal).

/** The committed party: the member themselves, or a liaison of the unit. */
export function isParty(scope: Scope, r: { member_user_id: number | null; unit_id: number | null }): boolean {
  return (r.member_user_id !== null && r.member_user_id === scope.userId)
    || (r.unit_id !== null && scope.grants.some((g) => g.role === 'unit_liaison' && g.unitId === r.unit_id));
}

/** The community's side: its secretary, the street or the organization department (who sign and publish). */
export const isCommunityAt = (scope: Scope, orgPath: string | null) => hasRoleAt(scope, ADMIN_ROLES, orgPath);

/** Staff of the community, grid workers included: they ask and rate as the community. */
export const isStaffAt = (scope: Scope, orgPath: string | null) => hasRoleAt(scope, SUBTREE_ROLES, orgPath);

/**
 * In which role the caller asks and rates a report of a community they belong
 * to (`inAudience`: they live, serve or reported in there): staff as the
 * community; members of a member's report and liaisons of a unit's as peers;
 * anyone else of the community as a resident. Null: no standing there.
 */
export function raterRole(scope: Scope, report: { kind: 'member' | 'unit'; orgPath: string | null; inAudience: boolean }): RaterRole | null {
  if (isStaffAt(scope, report.orgPath)) return 'community';
  if (!report.inAudience) return null;
  const peerRole = report.kind === 'member' ? 'member' : 'unit_liaison';
  return scope.grants.some((g) => g.role === peerRole) ? 'peer' : 'resident';
}

/** A unit's liaison drafts its pledge; the community may draft it with them. */
export const mayDraftPledge = (scope: Scope, unitId: number, orgPath: string | null) =>
  scope.grants.some((g) => g.role === 'unit_liaison' && g.unitId === unitId) || isCommunityAt(scope, orgPath);
