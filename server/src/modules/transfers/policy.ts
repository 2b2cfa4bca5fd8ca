import type { Verdicts } from '../../kernel/actions.ts';
import { ADMIN_ROLES, SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import { TRANSFER_STATUSES, type TransferAction, type TransferListAction, type TransferStatus } from './schema.ts';

// Who takes which step of a transfer, asked at the side it is taken on: the
// sending organization's staff start, withdraw and resubmit it, its
// administrators approve or return it; the receiving organization's
// administrators receive it (the sending side's, for one leaving the region).
// A role held elsewhere does not count. A transfer lists the steps these
// verdicts allow; the routes refuse the rest with the same verdict.

/** What the verdicts read of a transfer: both sides' paths (null where out of sight), whether it leaves the region, its status. */
export interface TransferFacts {
  fromPath: string | null;
  toPath: string | null;
  outside: boolean;
  status: TransferStatus;
}

export function transferVerdicts(scope: Scope, t: TransferFacts): Verdicts<TransferAction> {
  const state = (...at: TransferStatus[]) => {
    if (at.includes(t.status)) return null;
    const status = TRANSFER_STATUSES.term(t.status);
    return t.status === 'done' || t.status === 'withdrawn' ? () => E.finished({ status }) : () => E.step_refused({ status });
  };
  const sendingStaff = hasRoleAt(scope, SUBTREE_ROLES, t.fromPath) ? null : () => E.sending_staff();
  const sendingAdmin = hasRoleAt(scope, ADMIN_ROLES, t.fromPath) ? null : () => E.sending_admins();
  const receiver = t.outside ? sendingAdmin : hasRoleAt(scope, ADMIN_ROLES, t.toPath) ? null : () => E.receiving_admins();
  return {
    approve: sendingAdmin ?? state('requested'),
    // Returned by the side holding it: the sending side before approval, the receiver after.
    return: t.status === 'approved' ? receiver : (sendingAdmin ?? state('requested')),
    withdraw: sendingStaff ?? state('requested', 'returned'),
    resubmit: sendingStaff ?? state('returned'),
    receive: receiver ?? state('approved'),
  };
}

/** Starting a transfer: staff of the member's organization (its path; null where out of sight). */
export const listVerdicts = (scope: Scope, memberOrgPath: string | null): Verdicts<TransferListAction> => ({
  create: hasRoleAt(scope, SUBTREE_ROLES, memberOrgPath) ? null : () => E.staff_only(),
});
