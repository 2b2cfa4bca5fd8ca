import { E } from './errors.ts';
import { SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';

// Who may start a transfer: staff of the member's organization. The later
// steps are offered per transfer by the side the caller stands on
// (service.ts, actionsOf: the sending or receiving organization in the
// caller's staff or admin subtrees), and refused otherwise.

export function ensureMayRequest(scope: Scope, memberOrgPath: string | null): void {
  if (!hasRoleAt(scope, SUBTREE_ROLES, memberOrgPath)) throw E.staff_only();
}
