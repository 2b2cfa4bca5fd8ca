import { ADMIN_ROLES, SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';

// What a caller may do in evaluation, asked at the record's organization (a
// grant held elsewhere never counts). The service turns these into each
// record's `actions` and refuses the rest with the same answer.

/** The branch's side: its secretary, the street or the organization department (open, confirm, close, report back). */
export const isBranchAt = (scope: Scope, orgPath: string | null) => hasRoleAt(scope, ADMIN_ROLES, orgPath);

/** Staff of the organization, grid workers included: they read the evaluation table. */
export const isStaffAt = (scope: Scope, orgPath: string | null) => hasRoleAt(scope, SUBTREE_ROLES, orgPath);
