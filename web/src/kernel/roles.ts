import type { Grant, Me } from './api';

type Role = Grant['role'];

// Which pages a user is offered, by the roles they hold. The server decides
// what each request may do; this only keeps menus to what is useful.
export const STAFF_ROLES: readonly Role[] = ['district_admin', 'street_admin', 'community_secretary', 'grid_worker'];
export const ADMIN_ROLES: readonly Role[] = ['district_admin', 'street_admin', 'community_secretary'];

export const holds = (me: Me, roles: readonly Role[]): boolean => me.grants.some((g) => roles.includes(g.role));
export const isStaff = (me: Me) => holds(me, STAFF_ROLES);
export const isLiaison = (me: Me) => holds(me, ['unit_liaison']);
/** Members and residents, who see their own records only. */
export const isPersonal = (me: Me) => holds(me, ['member', 'resident']) && !isStaff(me) && !isLiaison(me);
