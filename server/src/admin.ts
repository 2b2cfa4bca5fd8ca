import type { Database } from './kernel/db.ts';
import { conflict, invalid, invalidField } from './kernel/errors.ts';
import { issueMessage, z } from './kernel/validation.ts';
import * as orgs from './modules/orgs/service.ts';
import { password } from './modules/users/schema.ts';
import * as users from './modules/users/service.ts';

const FirstAdmin = z.object({
  username: z.string().trim().min(1, '请填写用户名').max(64).describe('用户名'),
  displayName: z.string().trim().min(1, '请填写姓名').max(64).describe('姓名'),
  // The first account holds the whole region: longer than the form's minimum.
  password: z.string().min(10, '密码至少 10 位').pipe(password('密码')),
  regionName: z.string().trim().min(1).max(100).optional().describe('区域（根组织）名称'),
});
export type FirstAdminInput = z.input<typeof FirstAdmin>;

/**
 * The first district admin of a database without one (npm run admin:create):
 * at the region's root organization, which is created when the database has
 * none. Every later account is made by an admin in the app.
 */
export async function createFirstAdmin(db: Database, input: FirstAdminInput): Promise<{ userId: number; orgId: number; orgName: string }> {
  const parsed = FirstAdmin.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidField(String(issue.path[0]), issueMessage(issue, FirstAdmin));
  }
  const a = parsed.data;
  return db.system(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(7420102)');
    await q.query(`SELECT set_config('gj.user_name', 'npm run admin:create', true)`);
    if ((await q.query(`SELECT 1 FROM user_grants WHERE role = 'district_admin' LIMIT 1`)).length) {
      throw conflict('数据库中已有区委组织部管理员：请用该账号在「用户与角色」中添加账号。');
    }
    const roots = await q.query<{ id: number; name: string }>('SELECT id, name FROM organizations WHERE parent_id IS NULL ORDER BY id');
    if (roots.length > 1) throw invalid(`数据库中有 ${roots.length} 个区域，无法确定管理员属于哪一个`);
    if (!roots.length && !a.regionName) throw invalidField('regionName', '数据库中还没有组织：请填写区域（根组织，如「中共某某区委」）的名称');
    const root = roots[0] ?? (await orgs.createRegion(q, a.regionName!));
    const user = await users.create(q, {
      username: a.username,
      displayName: a.displayName,
      password: a.password,
      orgId: root.id,
      grants: [{ role: 'district_admin', orgId: root.id }],
    });
    return { userId: user.id, orgId: root.id, orgName: root.name };
  });
}
