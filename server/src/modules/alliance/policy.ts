import type { Verdicts } from '../../kernel/actions.ts';
import { ADMIN_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { ORG_KIND_GROUPS, type OrgKind } from '../orgs/schema.ts';
import { E } from './errors.ts';
import type { AlliancePageAction } from './schema.ts';

// Who decides what an alliance page shows: the secretary of the community
// (or the street's or district's administrators above it), asked at the
// page's organization; a grant held elsewhere does not count. A page is for
// a street or a community only. Who reads the page needs no grant at all.

const PAGE_KINDS: readonly string[] = [...ORG_KIND_GROUPS.street, ...ORG_KIND_GROUPS.community];

export function pageVerdicts(scope: Scope, org: { path: string | null; kind: OrgKind }): Verdicts<AlliancePageAction> {
  return {
    edit: !hasRoleAt(scope, ADMIN_ROLES, org.path) ? () => E.staff_only() : PAGE_KINDS.includes(org.kind) ? null : () => E.not_place(),
  };
}
