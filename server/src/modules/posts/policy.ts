import type { Text } from '../../kernel/errors.ts';
import { SUBTREE_ROLES, hasRole, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';

// Who may publish, assign, approve and record work: staff of the post's
// organization (its community, or its grid's branch), asked there. Which posts
// a member may claim is their community's (gj_post_board); which rows anyone
// reaches at all is row-level security.

/** Staff of an organization: a staff role held there or above (null: an organization the caller cannot see). */
export const isStaffAt = (scope: Scope, orgPath: string | null) => hasRoleAt(scope, SUBTREE_ROLES, orgPath);

export function ensureStaff(scope: Scope, action: Text, orgPath: string | null): void {
  if (!isStaffAt(scope, orgPath)) throw E.staff_only({ action });
}

/** Members claim posts themselves, for their own member file. */
export const mayClaim = (scope: Scope) => hasRole(scope, ['member']);
