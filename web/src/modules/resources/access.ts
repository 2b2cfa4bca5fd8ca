import type { Me } from '../../kernel/api';
import { useI18n } from '../../kernel/i18n';
import { ADMIN_ROLES, holds, isStaff } from '../../kernel/roles';

// What the signed-in user may do here, for showing the right buttons; the
// server checks every request again (policy.ts).

export function liaisonUnits(me: Me): { id: number; name: string }[] {
  return me.grants.filter((g) => g.role === 'unit_liaison' && g.unitId !== null).map((g) => ({ id: g.unitId!, name: g.unitName ?? '' }));
}

/** Keeps the list: staff, or a liaison for the unit's own resources and venues. */
export const mayOffer = (me: Me, unitId: number | null) => isStaff(me) || (unitId !== null && liaisonUnits(me).some((u) => u.id === unitId));

/** The venue's owner side: the unit's liaison for a unit's venue, the community's administrators for its own. */
export const mayDecide = (me: Me, venueUnitId: number | null) =>
  venueUnitId === null ? holds(me, ADMIN_ROLES) : liaisonUnits(me).some((u) => u.id === venueUnitId);

export function useCategoryOptions() {
  return useI18n().enumOptions('ResourceCategory');
}
