import type { Verdicts } from '../../kernel/actions.ts';
import { ADMIN_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import { SUBSCRIPTION_ACTIONS, SUBSCRIPTION_LIST_ACTIONS, type SubscriptionAction, type SubscriptionListAction } from './schema.ts';

// An organization's subscriptions (its group robots) are kept by its
// administrators, asked at the organization; a person's own (their email or
// phone) by that person alone, and only they may undo their unsubscription.

const isAdminAt = (scope: Scope, orgPath: string | null) => hasRoleAt(scope, ADMIN_ROLES, orgPath);

export function listVerdicts(scope: Scope, orgPath: string | null): Verdicts<SubscriptionListAction> {
  return { create: isAdminAt(scope, orgPath) ? null : () => E.admin_only({ action: SUBSCRIPTION_LIST_ACTIONS.term('create') }) };
}

export function subscriptionVerdicts(scope: Scope, s: { orgPath: string | null; userId: number | null; unsubscribed: boolean }): Verdicts<SubscriptionAction> {
  const own = s.userId !== null && s.userId === scope.userId;
  const keeper = (a: SubscriptionAction) => (s.userId !== null ? (own ? null : () => E.own_only({ action: SUBSCRIPTION_ACTIONS.term(a) })) : isAdminAt(scope, s.orgPath) ? null : () => E.admin_only({ action: SUBSCRIPTION_ACTIONS.term(a) }));
  return {
    edit: keeper('edit'),
    remove: keeper('remove'),
    unsubscribe: s.userId === null ? () => E.not_personal() : !own ? () => E.own_only({ action: SUBSCRIPTION_ACTIONS.term('unsubscribe') }) : s.unsubscribed ? () => E.already_unsubscribed() : null,
  };
}

/**
 * The regions whose background work (a delivery's job) the caller sees and
 * retries: those where they are a district administrator. Empty for everyone else.
 */
export const jobRegions = (scope: Scope): number[] => [...new Set(scope.grants.filter((g) => g.role === 'district_admin').map((g) => g.regionId))];
