import type { Verdicts } from '../../kernel/actions.ts';
import { ADMIN_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import { WORK_REPORT_LIST_ACTIONS, type WorkReportAction, type WorkReportListAction } from './schema.ts';

// An organization's report is filed by its secretary or administrators
// (asked at the reporting organization); it is read and commented on by the
// committee it is addressed to, asked there: a role held only at the
// reporter, or anywhere else, does not make one the receiver. Which rows
// anyone reads is row-level security (migration 0461).

export function listVerdicts(scope: Scope, orgPath: string | null): Verdicts<WorkReportListAction> {
  return { create: hasRoleAt(scope, ADMIN_ROLES, orgPath) ? null : () => E.staff_only({ action: WORK_REPORT_LIST_ACTIONS.term('create') }) };
}

export function reportVerdicts(scope: Scope, r: { toOrgPath: string | null }): Verdicts<WorkReportAction> {
  return { comment: hasRoleAt(scope, ADMIN_ROLES, r.toOrgPath) ? null : () => E.not_addressed_to_you() };
}
