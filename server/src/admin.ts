import type { Database } from './kernel/db.ts';
import { defineErrors } from './kernel/errors.ts';
import { issueMessage, z } from './kernel/validation.ts';
import * as orgs from './modules/orgs/service.ts';
import { password } from './modules/users/schema.ts';
import * as users from './modules/users/service.ts';

const E = defineErrors('admin', {
  username: { status: 400, zh: '请填写用户名', en: 'Please give a user name' },
  display_name: { status: 400, zh: '请填写姓名', en: 'Please give a name' },
  password: { status: 400, zh: '密码至少 {minimum} 位', en: 'The password must be at least {minimum} characters' },
  invalid: { status: 400, zh: '{text}', en: '{text}' },
  exists: {
    status: 409,
    zh: '数据库中已有区委组织部管理员：请用该账号在「用户与角色」中添加账号。',
    en: 'The database already has a district administrator: add accounts with it under “Users and roles”.',
  },
  many_regions: { status: 400, zh: '数据库中有 {n} 个区域，无法确定管理员属于哪一个', en: 'The database holds {n} regions, so the administrator’s region is unclear' },
  region_name: {
    status: 400,
    field: 'regionName',
    zh: '数据库中还没有组织：请填写区域（根组织，如「中共某某区委」）的名称',
    en: 'The database has no organization yet: give the name of the region (the root organization)',
  },
});

const FirstAdmin = z.object({
  username: z.string().trim().min(1, E.username.code).max(64).describe('用户名'),
  displayName: z.string().trim().min(1, E.display_name.code).max(64).describe('姓名'),
  // The first account holds the whole region: longer than the form's minimum.
  password: z.string().min(10, E.password.code).pipe(password('密码')),
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
    const text = issueMessage(issue, FirstAdmin);
    throw E.invalid({ text: { zh: text, en: text } }).on(String(issue.path[0]));
  }
  const a = parsed.data;
  return db.system(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(7420102)');
    await q.query(`SELECT set_config('gj.user_name', 'npm run admin:create', true)`);
    if ((await q.query(`SELECT 1 FROM user_grants WHERE role = 'district_admin' LIMIT 1`)).length) {
      throw E.exists();
    }
    const roots = await q.query<{ id: number; name: string }>('SELECT id, name FROM organizations WHERE parent_id IS NULL ORDER BY id');
    if (roots.length > 1) throw E.many_regions({ n: roots.length });
    if (!roots.length && !a.regionName) throw E.region_name();
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
