import type { AppError } from '../../kernel/errors.ts';
import { ADMIN_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import { ORG_ACTIONS, ORG_PART_ACTIONS, ORG_STATUSES, type Org, type OrgAction, type OrgPartAction } from './schema.ts';

// What a grant may do with organizations, asked at the organization concerned:
// an admin role held there or above, never one held elsewhere. Which rows the
// caller reaches at all is row-level security. One function per record kind
// says why an action is refused; the actions a record carries are those it
// does not refuse, and a request for any other is refused with that reason.

type OrgPlace = Pick<Org, 'name' | 'path' | 'parentId' | 'status'>;

function orgRefusal(scope: Scope, org: OrgPlace, action: OrgAction): AppError | null {
  if (!hasRoleAt(scope, ADMIN_ROLES, org.path)) return E.not_admin();
  if (org.status !== 'active') return E.retired({ name: org.name, status: ORG_STATUSES.term(org.status) });
  if (org.parentId === null && action === 'move') return E.top_not_movable();
  if (org.parentId === null && action === 'retire') return E.top_not_retirable();
  return null;
}

export function orgActions(scope: Scope, org: OrgPlace): OrgAction[] {
  return ORG_ACTIONS.values.filter((a) => !orgRefusal(scope, org, a));
}

export function ensureOrgAction(scope: Scope, org: OrgPlace, action: OrgAction): void {
  const refusal = orgRefusal(scope, org, action);
  if (refusal) throw refusal;
}

/** Units, ties and seats: edited by the administrators of the organization they belong to (its path; null where out of sight). */
export function partActions(scope: Scope, orgPath: string | null): OrgPartAction[] {
  return hasRoleAt(scope, ADMIN_ROLES, orgPath) ? [...ORG_PART_ACTIONS.values] : [];
}

export function ensureCanManageOrgs(scope: Scope, orgPath: string | null): void {
  if (!hasRoleAt(scope, ADMIN_ROLES, orgPath)) throw E.not_admin();
}
