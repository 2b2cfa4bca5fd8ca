import { forbidden } from '../../kernel/errors.ts';
import { ADMIN_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';

// What a role may do with points, asked at the organization of the rule or
// entry (or the one it is made under): roles held elsewhere do not count.
// Which rules and entries it reaches is row-level security.

/** Rules, re-runs, manual points and redemptions are the administrators' (a grid worker organizes activities, but does not set the rules). */
export function ensurePointsAdmin(scope: Scope, orgPath: string | null): void {
  if (!hasRoleAt(scope, ADMIN_ROLES, orgPath)) throw forbidden('只有组织部门、街道和社区管理员可以管理积分');
}
