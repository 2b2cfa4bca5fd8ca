import type { Text } from '../../kernel/errors.ts';
import { SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';

// Who may make and run an alliance project, asked at the project's
// organization (or the one it is created under): the staff of the
// organization tree there or above, grid workers too. A role held elsewhere
// does not count. Which projects they reach at all is row-level security.

/** Each write on a project, with the words its refusal uses. */
export const PROJECT_ACTIONS = {
  create: { zh: '新建项目', en: 'create projects' },
  edit: { zh: '修改项目', en: 'change projects' },
  progress: { zh: '记录项目进展', en: 'record project progress' },
  complete: { zh: '完成项目', en: 'complete projects' },
  cancel: { zh: '终止项目', en: 'end projects' },
} as const satisfies Record<string, Text>;
export type ProjectAction = keyof typeof PROJECT_ACTIONS;

/** The caller must be staff at the project's organization (null: one they cannot see, where they are nobody). */
export function ensureMayRunProjects(scope: Scope, action: ProjectAction, orgPath: string | null): void {
  if (!hasRoleAt(scope, SUBTREE_ROLES, orgPath)) throw E.staff_only({ action: PROJECT_ACTIONS[action] });
}
