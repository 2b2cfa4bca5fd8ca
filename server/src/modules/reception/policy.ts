import type { Verdicts } from '../../kernel/actions.ts';
import { SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import { RECEPTION_LIST_ACTIONS, REPRESENTATIVE_ACTIONS, type ReceptionListAction, type RepresentativeAction } from './schema.ts';

// The office is run by staff of its organization, asked there: they keep the
// roster and the duty, and record each visit for the representative who
// received it (the visit is a need, which staff raise). The representative
// reads their own duty and visits (row-level security, user_id).

const isStaffAt = (scope: Scope, orgPath: string | null) => hasRoleAt(scope, SUBTREE_ROLES, orgPath);

export function listVerdicts(scope: Scope, orgPath: string | null): Verdicts<ReceptionListAction> {
  return { create: isStaffAt(scope, orgPath) ? null : () => E.staff_only({ action: RECEPTION_LIST_ACTIONS.term('create') }) };
}

export function representativeVerdicts(scope: Scope, r: { orgPath: string | null; active: boolean }): Verdicts<RepresentativeAction> {
  const verdict = (a: RepresentativeAction) =>
    !isStaffAt(scope, r.orgPath) ? () => E.staff_only({ action: REPRESENTATIVE_ACTIONS.term(a) }) : !r.active ? () => E.representative_inactive() : null;
  return { schedule: verdict('schedule'), recordVisit: verdict('recordVisit') };
}
