import type { Verdicts } from '../../kernel/actions.ts';
import type { AppError } from '../../kernel/errors.ts';
import { E } from './errors.ts';
import { ADMIN_ROLES, ROLES, ROLE_LABELS, grantsAt, hasRole, hasRoleAt, type Role, type Scope } from '../../kernel/scope.ts';
import type { UserAction, UserListAction } from './schema.ts';

// What a grant may do with accounts, at the organizations concerned. Which
// accounts the caller sees at all is row-level security: an admin sees
// accounts managed in, and grants bound to, their subtree.

/** Listing accounts: any admin, over what row-level security shows them. */
export function ensureCanManageUsers(scope: Scope): void {
  if (!hasRole(scope, ADMIN_ROLES)) throw E.not_admin();
}

/** Creating an account managed by an organization (its path; null where out of sight): an admin role held there. */
export const listVerdicts = (scope: Scope, orgPath: string | null): Verdicts<UserListAction> => ({
  create: !hasRole(scope, ADMIN_ROLES) ? () => E.not_admin() : hasRoleAt(scope, ADMIN_ROLES, orgPath) ? null : () => E.outside_org(),
});

/** An admin hands out roles of its own rank or below, where it holds that admin role. */
function mayGrant(scope: Scope, role: Role, orgPath: string): boolean {
  return grantsAt(scope, orgPath).some((g) => ADMIN_ROLES.includes(g.role) && ROLES.indexOf(g.role) <= ROLES.indexOf(role));
}

/** Nobody hands out a role above their own, nor outside where they administer: a community secretary cannot make a street admin. */
export function ensureCanGrant(scope: Scope, role: Role, orgPath: string): void {
  const refusal = listVerdicts(scope, orgPath).create;
  if (refusal) throw refusal();
  if (!mayGrant(scope, role, orgPath)) throw E.grant_above_own();
}

/** The words a refusal of acting on one's own account uses, per action that refuses it. */
const OWN = {
  disable: { zh: '停用或启用', en: 'disable or enable' },
  grant: { zh: '修改', en: 'change' },
  revoke: { zh: '修改', en: 'change' },
  reset: { zh: '重置', en: 'reset' },
} as const;

/**
 * Acting on an account (password, lock, name, disabling, grants) is for those
 * who could have granted everything it holds. An account is never managed
 * from below its highest grant, nor from beside it: which organization
 * manages it does not matter. Nobody disables, re-grants or resets their own.
 */
export function userVerdicts(scope: Scope, account: { id: number; held: { role: Role; orgPath: string }[] }): Verdicts<UserAction> {
  const beyond = account.held.find((g) => !mayGrant(scope, g.role, g.orgPath));
  const manages: (() => AppError) | null = !hasRole(scope, ADMIN_ROLES)
    ? () => E.not_admin()
    : beyond
      ? () => E.account_above({ role: { zh: ROLE_LABELS[beyond.role], en: beyond.role } })
      : null;
  const notSelf = (action: keyof typeof OWN) => (scope.userId === account.id ? () => E.own_account({ action: OWN[action] }) : null);
  return {
    edit: manages,
    disable: notSelf('disable') ?? manages,
    grant: notSelf('grant') ?? manages,
    revoke: notSelf('revoke') ?? manages,
    unlock: manages,
    reset: notSelf('reset') ?? manages,
  };
}

/**
 * The waits of client addresses and of names that are no account guard the
 * sign-in all regions share: they are for the admins of a region's root.
 */
export function ensureRegionAdmin(scope: Scope): void {
  if (!scope.grants.some((g) => ADMIN_ROLES.includes(g.role) && !g.orgPath.includes('.'))) {
    throw E.region_admin_only();
  }
}
