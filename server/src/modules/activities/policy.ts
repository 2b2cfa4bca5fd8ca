import { forbidden } from '../../kernel/errors.ts';
import { ADMIN_ROLES, SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';

// What a role may do with activities and points, asked at the organization
// of the record (or the one it is created under): roles held elsewhere do
// not count. Which activities, sign-ups and records it reaches is row-level security.

/** Staff of the organization tree organize activities and keep attendance (grid workers too). */
export function ensureOrganizer(scope: Scope, orgPath: string | null): void {
  if (!hasRoleAt(scope, SUBTREE_ROLES, orgPath)) throw forbidden('只有社区、街道工作人员和网格员可以组织活动、记录出勤');
}

/** Points rules, re-runs, manual points and certificates are the administrators'. */
export function ensurePointsAdmin(scope: Scope, orgPath: string | null): void {
  if (!hasRoleAt(scope, ADMIN_ROLES, orgPath)) throw forbidden('只有组织部门、街道和社区管理员可以管理积分和开具证明');
}

/** A calendar feed address is made by the account's owner only: it is their secret. */
export function ensureSelf(scope: Scope, userId: number): void {
  if (scope.userId !== userId) throw forbidden('只能为自己的账号生成日历订阅地址');
}
