import { E } from './errors.ts';
import { ADMIN_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';

// Who takes which step of a dual registration. Which registrations they can
// reach at all is row-level security (community subtree, issuing unit, member).

export function unitsOf(scope: Scope): number[] {
  return scope.grants.filter((g) => g.role === 'unit_liaison' && g.unitId !== null).map((g) => g.unitId!);
}

/** The unit issues, for its own members (service.ts checks whose). */
export function ensureUnitLiaison(scope: Scope): number[] {
  const units = unitsOf(scope);
  if (!units.length) throw E.liaisons_only();
  return units;
}

/** The issuing unit withdraws: a liaison of that unit, not of another one. */
export function ensureLiaisonOf(scope: Scope, unitId: number): void {
  if (!unitsOf(scope).includes(unitId)) throw E.issuer_withdraws();
}

/** The community accepts or declines: an admin role held at the registration's community or above. */
export function ensureCommunityAdmin(scope: Scope, orgPath: string | null): void {
  if (!hasRoleAt(scope, ADMIN_ROLES, orgPath)) throw E.admins_receive();
}

/** The member commits, or the community records the commitment for them. */
export function ensureMayCommit(scope: Scope, isOwn: boolean, orgPath: string | null): void {
  if (!isOwn && !hasRoleAt(scope, ADMIN_ROLES, orgPath)) throw E.pledge_by();
}
