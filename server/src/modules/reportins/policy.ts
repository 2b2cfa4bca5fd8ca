import type { Verdicts } from '../../kernel/actions.ts';
import { ADMIN_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import { REPORT_IN_STATUSES, type ReportInAction, type ReportInListAction, type ReportInStatus } from './schema.ts';

// Who takes which step of a dual registration, asked of the registration:
// the issuing unit's liaison withdraws, the administrators of its community
// (there or above) accept or return it, the member (or the community for
// them) pledges. A role held elsewhere does not count. Which registrations
// the caller reaches at all is row-level security (community subtree,
// issuing unit, member). A registration lists the actions these verdicts
// allow; the routes refuse the rest with the same verdict.

export function unitsOf(scope: Scope): number[] {
  return scope.grants.filter((g) => g.role === 'unit_liaison' && g.unitId !== null).map((g) => g.unitId!);
}

/** What the verdicts read of a registration: its community's path (null where out of sight), its unit, whether it is the caller's, its status. */
export interface ReportInFacts {
  orgPath: string | null;
  unitId: number;
  own: boolean;
  status: ReportInStatus;
}

/** The steps that end a pending registration, as its refusal names them. */
export const STEPS = {
  withdraw: { zh: '撤回', en: 'withdrawn' },
  accept: { zh: '接收', en: 'accepted' },
  decline: { zh: '退回', en: 'returned' },
} as const;

export function reportInVerdicts(scope: Scope, r: ReportInFacts): Verdicts<ReportInAction> {
  const pending = (step: keyof typeof STEPS) =>
    r.status === 'issued' ? null : () => E.not_pending({ status: REPORT_IN_STATUSES.term(r.status), step: STEPS[step] });
  const admin = hasRoleAt(scope, ADMIN_ROLES, r.orgPath);
  return {
    withdraw: unitsOf(scope).includes(r.unitId) ? pending('withdraw') : () => E.issuer_withdraws(),
    accept: admin ? pending('accept') : () => E.admins_receive(),
    decline: admin ? pending('decline') : () => E.admins_receive(),
    commit: r.own || admin ? (r.status === 'accepted' ? null : () => E.pledge_before_accept()) : () => E.pledge_by(),
  };
}

/**
 * The sides the caller works, each at a place they hold a grant at: a unit
 * issues for its own members (the service checks whose), a community's
 * administrators receive.
 */
export const listVerdicts = (scope: Scope, orgPath: string | null): Verdicts<ReportInListAction> => ({
  issue: unitsOf(scope).length ? null : () => E.liaisons_only(),
  receive: hasRoleAt(scope, ADMIN_ROLES, orgPath) ? null : () => E.admins_receive(),
});
