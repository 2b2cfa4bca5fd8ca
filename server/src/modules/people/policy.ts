import { E } from './errors.ts';
import { ADMIN_ROLES, SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';

// Asked at the person's organization: roles held elsewhere do not count.

/** Staff of the tree (down to grid workers) keep people's files; liaisons, members and residents only read. */
export function ensureCanEditPeople(scope: Scope, orgPath: string | null): void {
  if (!hasRoleAt(scope, SUBTREE_ROLES, orgPath)) throw E.staff_register();
}

/** Identity numbers, phones and addresses in clear: the person themselves, and admins of their organization. */
export function mayReveal(scope: Scope, ownFile: boolean, orgPath: string | null): boolean {
  return ownFile || hasRoleAt(scope, ADMIN_ROLES, orgPath);
}

export function ensureMayReveal(scope: Scope, ownFile: boolean, orgPath: string | null): void {
  if (!mayReveal(scope, ownFile, orgPath)) throw E.reveal();
}
