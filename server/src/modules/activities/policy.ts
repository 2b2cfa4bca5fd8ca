import { forbidden } from '../../kernel/errors.ts';
import { ADMIN_ROLES, SUBTREE_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';

// What a role may do with activities, asked at the organization
// of the record (or the one it is created under): roles held elsewhere do
// not count. Which activities, sign-ups and records it reaches is row-level security.

/** Staff of the organization tree organize activities and keep attendance (grid workers too). */
export function ensureOrganizer(scope: Scope, orgPath: string | null): void {
  if (!hasRoleAt(scope, SUBTREE_ROLES, orgPath)) throw forbidden('只有社区、街道工作人员和网格员可以组织活动、记录出勤');
}

/** Kinds of activity and service certificates are the administrators'. */
export function ensureActivityAdmin(scope: Scope, orgPath: string | null): void {
  if (!hasRoleAt(scope, ADMIN_ROLES, orgPath)) throw forbidden('只有组织部门、街道和社区管理员可以添加活动类型和开具服务证明');
}

/** A calendar feed address is made by the account's owner only: it is their secret. */
export function ensureSelf(scope: Scope, userId: number): void {
  if (scope.userId !== userId) throw forbidden('只能为自己的账号生成日历订阅地址');
}
