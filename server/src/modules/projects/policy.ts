import { forbidden } from '../../kernel/errors.ts';
import { SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';

// Who may make and run an alliance project, asked at the project's
// organization (or the one it is created under): the staff of the
// organization tree there or above, grid workers too. A role held elsewhere
// does not count. Which projects they reach at all is row-level security.

/** Each write on a project, with the words its refusal uses. */
export const PROJECT_ACTIONS = {
  create: '新建项目',
  edit: '修改项目',
  progress: '记录项目进展',
  complete: '完成项目',
  cancel: '终止项目',
} as const;
export type ProjectAction = keyof typeof PROJECT_ACTIONS;

/** The caller must be staff at the project's organization (null: one they cannot see, where they are nobody). */
export function ensureMayRunProjects(scope: Scope, action: ProjectAction, orgPath: string | null): void {
  if (!hasRoleAt(scope, SUBTREE_ROLES, orgPath)) throw forbidden(`只有组织部门、街道、社区和网格工作人员可以${PROJECT_ACTIONS[action]}`);
}
