import { hasRoleAt, SUBTREE_ROLES, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';

/** The statistics of an organization are read by the staff who hold it or an organization above it. */
export function ensureCanRead(scope: Scope, orgPath: string): void {
  if (!hasRoleAt(scope, SUBTREE_ROLES, orgPath)) throw E.staff_only();
}
