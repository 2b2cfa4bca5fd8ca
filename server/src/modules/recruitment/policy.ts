import { E } from './errors.ts';
import { SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';

/** The party organizations' staff keep the recruitment records, asked at the record's organization; which records they reach is row-level security. */
export function ensureMayRecruit(scope: Scope, orgPath: string | null): void {
  if (!hasRoleAt(scope, SUBTREE_ROLES, orgPath)) throw E.staff_only();
}

/** Staff of the record's organization end an application for the branch; anyone else only withdraws their own. */
export function withdrawnBy(scope: Scope, ownApplication: boolean, orgPath: string | null): 'applicant' | 'branch' {
  if (hasRoleAt(scope, SUBTREE_ROLES, orgPath)) return 'branch';
  if (ownApplication) return 'applicant';
  throw E.own_only();
}
