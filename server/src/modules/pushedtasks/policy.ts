import type { Verdicts } from '../../kernel/actions.ts';
import { hasRoleAt, type Role, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import { PUSHED_TASK_ACTIONS, PUSHED_TASK_LIST_ACTIONS, type PushedTaskAction, type PushedTaskListAction, type PushedTaskStatus } from './schema.ts';

// A department hands its own tasks down: its liaison registers and withdraws
// them, or an administrator above the department's organization (its party
// organization, or where it is registered) does so for it, entering the
// admission list. A community
// secretary reads what is pushed onto the community and registers nothing:
// the point of the list is that the community does not decide what it is
// handed. Which rows anyone reads is row-level security (migration 0460).

const REGISTRARS: readonly Role[] = ['district_admin', 'street_admin'];

/** A department as policy sees it: the unit, and the path of the organization its tasks belong to (null: unseen). */
export interface Department { unitId: number; orgPath: string | null }

const mayRegisterFor = (scope: Scope, d: Department) =>
  scope.grants.some((g) => g.role === 'unit_liaison' && g.unitId === d.unitId) || hasRoleAt(scope, REGISTRARS, d.orgPath);

export function departmentVerdicts(scope: Scope, d: Department): Verdicts<PushedTaskListAction> {
  return { create: mayRegisterFor(scope, d) ? null : () => E.department_only({ action: PUSHED_TASK_LIST_ACTIONS.term('create') }) };
}

export function taskVerdicts(scope: Scope, t: Department & { status: PushedTaskStatus }): Verdicts<PushedTaskAction> {
  const verdict = (a: PushedTaskAction) =>
    !mayRegisterFor(scope, t) ? () => E.department_only({ action: PUSHED_TASK_ACTIONS.term(a) }) : t.status === 'withdrawn' ? () => E.already_withdrawn() : null;
  return { withdraw: verdict('withdraw') };
}
