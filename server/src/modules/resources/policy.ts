import { forbidden } from '../../kernel/errors.ts';
import { ADMIN_ROLES, SUBTREE_ROLES, hasRoleAt, type Role, type Scope } from '../../kernel/scope.ts';

// Who may offer resources, manage venues and decide on bookings, asked where
// the resource or venue is: staff roles count at its organization (or above),
// a liaison for its unit. Which rows a caller reaches at all is row-level
// security: a venue or resource the caller cannot see never gets here.

/** Where a resource or venue is: its organization's path (null where the caller cannot see it) and its unit. */
export interface Place {
  orgPath: string | null;
  unitId: number | null;
}

export function liaisonUnits(scope: Scope): number[] {
  return scope.grants.filter((g) => g.role === 'unit_liaison' && g.unitId !== null).map((g) => g.unitId!);
}

const heldAt = (scope: Scope, roles: readonly Role[], place: Place) => hasRoleAt(scope, roles, place.orgPath);
const liaisonOf = (scope: Scope, place: Place) => place.unitId !== null && liaisonUnits(scope).includes(place.unitId);

/** Community staff keep the list; a unit's liaison offers the unit's resources. */
export function ensureMayOffer(scope: Scope, place: Place): void {
  if (heldAt(scope, SUBTREE_ROLES, place) || liaisonOf(scope, place)) return;
  throw forbidden(place.unitId ? '只有本单位联络员或社区工作人员可以登记、修改本单位的资源' : '只有社区工作人员可以登记社区自有的资源');
}

/** Any staff member of the venue's organization, or a liaison of its unit, may book it. */
export function ensureMayBook(scope: Scope, venue: Place): void {
  if (heldAt(scope, SUBTREE_ROLES, venue) || liaisonOf(scope, venue)) return;
  throw forbidden('只有社区工作人员或阵地所属单位的联络员可以预约阵地');
}

/**
 * The venue's owner side decides on bookings: a unit's venue by the unit's
 * liaison (the community asks like anyone else), a community's by its
 * administrators.
 */
export function mayDecide(scope: Scope, venue: Place | null): boolean {
  if (!venue) return false;
  return venue.unitId === null ? heldAt(scope, ADMIN_ROLES, venue) : liaisonOf(scope, venue);
}

export function ensureMayDecide(scope: Scope, venue: Place | null): void {
  if (!mayDecide(scope, venue)) throw forbidden('只有阵地所属单位的联络员或社区管理员可以审批预约');
}

export function ensureMayCancel(scope: Scope, booking: { bookedBy: number }, venue: Place | null): void {
  if (booking.bookedBy === scope.userId || mayDecide(scope, venue)) return;
  throw forbidden('只有预约人或阵地管理方可以取消预约');
}
