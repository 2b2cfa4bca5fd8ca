import { forbidden } from '../../kernel/errors.ts';
import { SUBTREE_ROLES, hasRole, type Scope } from '../../kernel/scope.ts';

/** The party organizations' staff keep the recruitment records; which records they reach is row-level security. */
export function ensureMayRecruit(scope: Scope): void {
  if (!hasRole(scope, SUBTREE_ROLES)) throw forbidden('只有党组织的工作人员可以办理发展党员');
}

/** Staff end an application for the branch; anyone else only withdraws their own. */
export function withdrawnBy(scope: Scope, ownApplication: boolean): 'applicant' | 'branch' {
  if (hasRole(scope, SUBTREE_ROLES)) return 'branch';
  if (ownApplication) return 'applicant';
  throw forbidden('只能撤回本人的入党申请');
}
