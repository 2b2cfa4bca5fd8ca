/**
 * Who may see what, decided in one place.
 *
 * A user's role grants are turned into a Scope; the Scope becomes a handful of
 * transaction-local settings; the row-level-security policies that
 * `gj_protect_table` (kernel migration) attaches to every domain table read
 * those settings. A route never filters by scope itself and cannot forget to.
 */

export const APP_ROLE = 'gongjian_app';

export const ROLES = [
  'district_admin',
  'street_admin',
  'community_secretary',
  'grid_worker',
  'unit_liaison',
  'member',
  'resident',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  district_admin: '区委组织部管理员',
  street_admin: '街道党工委管理员',
  community_secretary: '社区书记',
  grid_worker: '网格员',
  unit_liaison: '驻区单位联络员',
  member: '党员',
  resident: '居民',
};

/** Roles that see and work in the whole subtree of their organization. */
export const SUBTREE_ROLES: readonly Role[] = ['district_admin', 'street_admin', 'community_secretary', 'grid_worker'];
/** Roles that administer users and read the audit log of their subtree. */
export const ADMIN_ROLES: readonly Role[] = ['district_admin', 'street_admin', 'community_secretary'];

export interface Grant {
  id: number;
  role: Role;
  orgId: number;
  orgPath: string;
  orgName: string;
  unitId: number | null;
  unitName: string | null;
  regionId: number;
}

export interface Scope {
  userId: number | null;
  /** Kept in the audit log beside the id, so the log reads the same to everyone. */
  userName: string | null;
  grants: Grant[];
  /** The request acting (its id in the server log), so that what triggers record names it too. */
  requestId?: string;
}

export const ANONYMOUS: Scope = { userId: null, userName: null, grants: [] };

function paths(grants: Grant[], roles: readonly Role[]): string[] {
  const chosen = grants.filter((g) => roles.includes(g.role)).map((g) => g.orgPath);
  // Drop paths already covered by an ancestor path: fewer, disjoint subtrees.
  return [...new Set(chosen)].filter((p) => !chosen.some((a) => a !== p && p.startsWith(a + '.')));
}

const pgArray = (items: (string | number)[]) => `{${items.join(',')}}`;

/** The transaction-local settings the RLS policies read (see gj_* functions). */
export function scopeSettings(scope: Scope): Record<string, string> {
  const g = scope.grants;
  return {
    'gj.user_id': scope.userId === null ? '' : String(scope.userId),
    'gj.user_name': scope.userName ?? '',
    'gj.request_id': scope.requestId ?? '',
    'gj.read_paths': pgArray(paths(g, SUBTREE_ROLES)),
    'gj.admin_paths': pgArray(paths(g, ADMIN_ROLES)),
    'gj.unit_ids': pgArray([...new Set(g.filter((x) => x.unitId !== null).map((x) => x.unitId as number))]),
    // Roles bound to a single node (liaison, member, resident) see that node
    // in the tree, not what is under it.
    'gj.node_ids': pgArray([...new Set(g.filter((x) => !SUBTREE_ROLES.includes(x.role)).map((x) => x.orgId))]),
  };
}

/** Whether the caller holds one of these roles anywhere: for what the web offers, never for allowing an action. */
export function hasRole(scope: Scope, roles: readonly Role[]): boolean {
  return scope.grants.some((g) => roles.includes(g.role));
}

/**
 * The grants that hold at an organization (its path): those bound to it, and
 * those of a subtree role bound to an ancestor. A role held elsewhere never
 * counts, so a grid worker here who is a secretary there is a grid worker here.
 * Roles bound to a single node (liaison, member, resident) hold at that node only.
 */
export function grantsAt(scope: Scope, orgPath: string): Grant[] {
  return scope.grants.filter((g) => g.orgPath === orgPath || (SUBTREE_ROLES.includes(g.role) && orgPath.startsWith(`${g.orgPath}.`)));
}

/**
 * Whether the caller holds one of these roles at an organization: what every
 * policy asks of a record's organization. Null is an organization the caller
 * cannot see, where they hold nothing.
 */
export function hasRoleAt(scope: Scope, roles: readonly Role[], orgPath: string | null): boolean {
  return orgPath !== null && grantsAt(scope, orgPath).some((g) => roles.includes(g.role));
}
