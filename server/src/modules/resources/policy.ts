import { forbidden } from '../../kernel/errors.ts';
import { ADMIN_ROLES, SUBTREE_ROLES, hasRole, type Scope } from '../../kernel/scope.ts';

// Who may offer resources, manage venues and decide on bookings. Which rows
// a caller reaches at all is row-level security: a venue or resource the
// caller cannot see never gets here.

export function liaisonUnits(scope: Scope): number[] {
  return scope.grants.filter((g) => g.role === 'unit_liaison' && g.unitId !== null).map((g) => g.unitId!);
}

/** Community staff keep the list; a unit's liaison offers the unit's resources. */
export function ensureMayOffer(scope: Scope, unitId: number | null | undefined): void {
  if (hasRole(scope, SUBTREE_ROLES)) return;
  if (unitId && liaisonUnits(scope).includes(unitId)) return;
  throw forbidden(unitId ? '只有本单位联络员或社区工作人员可以登记、修改本单位的资源' : '只有社区工作人员可以登记社区自有的资源');
}

/** Any staff member who sees the venue, or a liaison of its unit, may book it. */
export function ensureMayBook(scope: Scope, venue: { unitId: number | null }): void {
  if (hasRole(scope, SUBTREE_ROLES)) return;
  if (venue.unitId !== null && liaisonUnits(scope).includes(venue.unitId)) return;
  throw forbidden('只有社区工作人员或阵地所属单位的联络员可以预约阵地');
}

/**
 * The venue's owner side decides on bookings: a unit's venue by the unit's
 * liaison (the community asks like anyone else), a community's by its
 * administrators.
 */
export function mayDecide(scope: Scope, venue: { unitId: number | null } | null): boolean {
  if (!venue) return false;
  return venue.unitId === null ? hasRole(scope, ADMIN_ROLES) : liaisonUnits(scope).includes(venue.unitId);
}

export function ensureMayDecide(scope: Scope, venue: { unitId: number | null } | null): void {
  if (!mayDecide(scope, venue)) throw forbidden('只有阵地所属单位的联络员或社区管理员可以审批预约');
}

export function ensureMayCancel(scope: Scope, booking: { bookedBy: number }, venue: { unitId: number | null } | null): void {
  if (booking.bookedBy === scope.userId || mayDecide(scope, venue)) return;
  throw forbidden('只有预约人或阵地管理方可以取消预约');
}
