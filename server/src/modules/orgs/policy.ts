import { E } from './errors.ts';
import { ADMIN_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';

// What a grant may do with organizations, asked at the organization concerned:
// an admin role held there or above, never one held elsewhere. Which rows the
// caller reaches at all is row-level security.

export function ensureCanManageOrgs(scope: Scope, orgPath: string | null): void {
  if (!hasRoleAt(scope, ADMIN_ROLES, orgPath)) throw E.not_admin();
}
