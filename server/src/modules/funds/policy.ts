import type { Verdicts } from '../../kernel/actions.ts';
import { ADMIN_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import { FUND_ENTRY_STATUSES, type FundEntryAction, type FundEntryStatus, type FundPlaceAction, type FundRuleAction } from './schema.ts';

// Money is administrators' work, asked where the money is: at the
// organization that holds the source, gives the allocation or spends (a
// grant held there or above). Approval is by another administrator there or
// above, never the one who recorded the expense (the database holds that
// too: fund_entries_not_own). Which rows anyone reaches is row-level security.

const adminAt = (scope: Scope, orgPath: string | null) => hasRoleAt(scope, ADMIN_ROLES, orgPath);
/** Whether the caller is a liaison of the unit (an owners' committee acts through its liaison). */
const actsFor = (scope: Scope, unitId: number) => scope.grants.some((g) => g.role === 'unit_liaison' && g.unitId === unitId);

/** What may be done with the funds of an organization (null: one the caller cannot see). */
export function placeVerdicts(scope: Scope, orgPath: string | null): Verdicts<FundPlaceAction> {
  const admin = adminAt(scope, orgPath);
  return {
    manage: admin ? null : E.manage_admins,
    allocate: admin ? null : E.allocate_admins,
    spend: admin ? null : E.spend_admins,
  };
}

export interface EntryFacts {
  orgPath: string | null;
  /** The owners' committee that decides it (an owners' fund's expense), else null. */
  approvingUnitId: number | null;
  status: FundEntryStatus;
  recordedBy: number;
  reversesId: number | null;
  reversedBy: number | null;
}

export function entryVerdicts(scope: Scope, entry: EntryFacts): Verdicts<FundEntryAction> {
  const admin = adminAt(scope, entry.orgPath);
  const pending = entry.status === 'pending' ? null : () => E.not_pending({ status: FUND_ENTRY_STATUSES.term(entry.status) });
  // An owners' fund is decided by its committee (三位一体: the committee holds
  // the money), through the unit's liaison; administrators run affairs only.
  const decider = entry.approvingUnitId === null ? (admin ? null : E.approve_admins) : actsFor(scope, entry.approvingUnitId) ? null : E.owners_committee_decides;
  // Rejecting is deciding too: the recorder can neither (fund_entries_not_own).
  const decide = decider ?? pending ?? (entry.recordedBy === scope.userId ? E.approve_own : null);
  const original = entry.status === 'posted' && entry.reversesId === null && entry.reversedBy === null;
  return {
    approve: decide,
    reject: decide,
    reverse: !admin ? E.reverse_admins : original ? null : E.not_reversible,
  };
}

/**
 * A rule is kept by administrators of the organization that set it (or
 * above); a version that was replaced or retired stays as it was applied.
 */
export function ruleVerdicts(scope: Scope, rule: { orgPath: string | null; retired: boolean }): Verdicts<FundRuleAction> {
  const verdict = !adminAt(scope, rule.orgPath) ? E.manage_admins : rule.retired ? E.rule_fixed : null;
  return { edit: verdict, retire: verdict };
}
