import type { FieldCipher } from '../kernel/crypto.ts';
import type { Database, Queryable } from '../kernel/db.ts';
import * as orgs from '../modules/orgs/service.ts';
import * as people from '../modules/people/service.ts';
import * as users from '../modules/users/service.ts';
import { DEMO_PASSWORD, REGION, UNITS, USERS, peopleFor, type OrgNode } from './meihekou.ts';

/**
 * Loads the demo region into an empty database, through the modules'
 * services, in one transaction. Returns false when the database already has
 * organizations (the demo is never loaded twice or over real data).
 */
export async function loadDemo(db: Database, cipher: FieldCipher): Promise<boolean> {
  return db.system(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(7420101)');
    const [{ n } = { n: 0 }] = await q.query<{ n: number }>('SELECT count(*) AS n FROM organizations');
    if (n > 0) return false;
    await q.query(`SELECT set_config('gj.user_name', '演示数据', true)`);
    const ids = new Map<string, number>();
    const root = await orgs.createRegion(q, REGION.name, REGION.kind);
    ids.set(REGION.key, root.id);
    const grids: number[] = [];
    const walk = async (node: OrgNode, parentId: number) => {
      for (const child of node.children ?? []) {
        const org = await orgs.create(q, { parentId, name: child.name, kind: child.kind });
        ids.set(child.key, org.id);
        if (child.kind === 'grid_branch') grids.push(org.id);
        await walk(child, org.id);
      }
    };
    await walk(REGION, root.id);
    const unitIds = new Map<string, number>();
    for (const u of UNITS) {
      unitIds.set(u.key, (await orgs.createUnit(q, { orgId: ids.get(u.org)!, name: u.name, kind: u.kind })).id);
    }
    for (const [i, gridId] of grids.entries()) {
      for (const p of peopleFor(i, 12)) await people.create(q, cipher, { orgId: gridId, ...p });
    }
    for (const u of USERS) {
      const orgId = ids.get(u.org)!;
      const user = await users.create(q, {
        username: u.username,
        displayName: u.displayName,
        password: DEMO_PASSWORD,
        orgId,
        grants: [{ role: u.role, orgId, unitId: u.unit ? unitIds.get(u.unit)! : null }],
      });
      if (u.person) await linkPerson(q, cipher, user.id, orgId, u);
    }
    return true;
  });
}

async function linkPerson(q: Queryable, cipher: FieldCipher, userId: number, orgId: number, u: (typeof USERS)[number]) {
  const person = await people.create(q, cipher, {
    orgId,
    name: u.person!.name,
    gender: u.person!.gender,
    phone: null,
    isMember: u.role === 'member',
    category: u.role === 'member' ? 'employed' : null,
  });
  await people.linkAccount(q, person.id, userId);
}
