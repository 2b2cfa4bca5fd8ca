import { forbidden } from '../../kernel/errors.ts';
import { SUBTREE_ROLES, hasRole, type Scope } from '../../kernel/scope.ts';

// Who may start a transfer. The later steps are offered per transfer by the
// side the caller stands on (service.ts, actionsOf), and refused otherwise.

export function ensureMayRequest(scope: Scope): void {
  if (!hasRole(scope, SUBTREE_ROLES)) throw forbidden('只有党组织的工作人员可以发起组织关系转接');
}
