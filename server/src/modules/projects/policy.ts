import { ensureAllowed, type Verdicts } from '../../kernel/actions.ts';
import type { Text } from '../../kernel/errors.ts';
import { SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import { PROJECT_STATUSES, type ProjectListAction, type ProjectRecordAction, type ProjectStatus } from './schema.ts';

// Who may make and run an alliance project, asked at the project's
// organization (or the one it is created under): the staff of the
// organization tree there or above, grid workers too. A role held elsewhere
// does not count; a project no longer active takes no step. Each project
// carries what the caller may do to it (its `actions`, from these verdicts),
// and the routes refuse the rest with the same verdicts. Which projects they
// reach at all is row-level security.

/** Each write on a project, with the words its refusal uses. */
export const PROJECT_ACTIONS = {
  create: { zh: '新建项目', en: 'create projects' },
  edit: { zh: '修改项目', en: 'change projects' },
  progress: { zh: '记录项目进展', en: 'record project progress' },
  complete: { zh: '完成项目', en: 'complete projects' },
  cancel: { zh: '终止项目', en: 'end projects' },
} as const satisfies Record<string, Text>;
export type ProjectAction = keyof typeof PROJECT_ACTIONS;

const staffRefusal = (scope: Scope, action: ProjectAction, orgPath: string | null) =>
  hasRoleAt(scope, SUBTREE_ROLES, orgPath) ? null : () => E.staff_only({ action: PROJECT_ACTIONS[action] });

/** The caller must be staff at the project's organization (null: one they cannot see, where they are nobody). */
export function ensureMayRunProjects(scope: Scope, action: ProjectAction, orgPath: string | null): void {
  ensureAllowed({ [action]: staffRefusal(scope, action, orgPath) } as Verdicts<ProjectAction>, action);
}

export const listVerdicts = (scope: Scope, orgPath: string | null): Verdicts<ProjectListAction> => ({ create: staffRefusal(scope, 'create', orgPath) });

/** Each step on a project: staff at its organization, while it is active. */
export function projectVerdicts(scope: Scope, p: { orgPath: string | null; status: ProjectStatus }): Verdicts<ProjectRecordAction> {
  const verdict = (action: ProjectRecordAction) =>
    staffRefusal(scope, action, p.orgPath) ?? (p.status === 'active' ? null : () => E.closed({ status: PROJECT_STATUSES.term(p.status) }));
  return { edit: verdict('edit'), progress: verdict('progress'), complete: verdict('complete'), cancel: verdict('cancel') };
}
