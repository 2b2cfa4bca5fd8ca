import { forbidden } from '../../kernel/errors.ts';
import { SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';

/** The party organizations' staff keep the recruitment records, asked at the record's organization; which records they reach is row-level security. */
export function ensureMayRecruit(scope: Scope, orgPath: string | null): void {
  if (!hasRoleAt(scope, SUBTREE_ROLES, orgPath)) throw forbidden('只有党组织的工作人员可以办理发展党员');
}

/** Staff of the record's organization end an application for the branch; anyone else only withdraws their own. */
export function withdrawnBy(scope: Scope, ownApplication: boolean, orgPath: string | null): 'applicant' | 'branch' {
  if (hasRoleAt(scope, SUBTREE_ROLES, orgPath)) return 'branch';
  if (ownApplication) return 'applicant';
  throw forbidden('只能撤回本人的入党申请');
}
