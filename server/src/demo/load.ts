import type { FieldCipher } from '../kernel/crypto.ts';
import type { Database, Queryable } from '../kernel/db.ts';
import * as network from '../modules/orgs/network.ts';
import * as orgs from '../modules/orgs/service.ts';
import * as people from '../modules/people/service.ts';
import * as users from '../modules/users/service.ts';
import { MODULES } from '../modules/index.ts';
import { DEMO_PASSWORD, REGION, TIES, UNITS, USERS, peopleFor, personName } from './meihekou.ts';
import type { DemoContext, OrgNode } from './types.ts';

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
    const id = (key: string) => {
      const v = ids.get(key);
      if (v === undefined) throw new Error(`demo data names an unknown key: ${key}`);
      return v;
    };
    const root = await orgs.createRegion(q, REGION.name, REGION.kind);
    ids.set(REGION.key, root.id);
    const grids: number[] = [];
    const nodes: OrgNode[] = [];
    const walk = async (node: OrgNode, parentId: number) => {
      for (const child of node.children ?? []) {
        const org = await orgs.create(q, { parentId, name: child.name, kind: child.kind, foundedOn: child.foundedOn });
        ids.set(child.key, org.id);
        nodes.push(child);
        if (child.kind === 'grid_branch') grids.push(org.id);
        await walk(child, org.id);
      }
    };
    await walk(REGION, root.id);

    const unitIds = new Map<string, number>();
    let worker = 1000;
    for (const u of UNITS) {
      const unit = await orgs.createUnit(q, { orgId: id(u.org), name: u.name, kind: u.kind, partyOrgId: u.partyOrg ? id(u.partyOrg) : null, partyOrgOutside: u.partyOrgOutside ?? null });
      unitIds.set(u.key, unit.id);
      for (let i = 0; i < (u.members ?? 0); i++) {
        await people.create(q, cipher, {
          orgId: id(u.org), unitId: unit.id, name: personName((worker += 13)), gender: i % 2 ? 'female' : 'male',
          phone: null, isMember: true, category: 'employed',
        });
      }
    }
    const unitId = (key: string) => {
      const v = unitIds.get(key);
      if (v === undefined) throw new Error(`demo data names an unknown unit: ${key}`);
      return v;
    };

    for (const [i, gridId] of grids.entries()) {
      for (const p of peopleFor(i, 12)) await people.create(q, cipher, { orgId: gridId, ...p });
    }

    // One person may sit on several committees (三顺店's secretary chairs both).
    const seated = new Map<string, number>();
    for (const node of nodes) {
      for (const s of node.seats ?? []) {
        let personId = seated.get(s.person);
        if (personId === undefined) {
          const p = await people.create(q, cipher, {
            orgId: id(node.key), unitId: s.fromUnit ? unitId(s.fromUnit) : null, name: s.person, gender: null, phone: null,
            isMember: true, category: s.fromUnit ? 'employed' : 'retired',
          });
          personId = p.id;
          seated.set(s.person, personId);
        }
        await network.createSeat(q, id(node.key), {
          personId, role: s.role, partTime: s.fromUnit !== undefined, fromUnitId: s.fromUnit ? unitId(s.fromUnit) : undefined,
          startedOn: node.foundedOn ?? '2021-01-01',
        });
      }
    }
    for (const t of TIES) {
      await network.createTie(q, id(t.org), {
        kind: t.kind, toOrgId: t.toOrg ? id(t.toOrg) : undefined, toUnitId: t.toUnit ? unitId(t.toUnit) : undefined,
        startedOn: t.startedOn, pledge: t.pledge, note: t.note,
      });
    }

    const userIds = new Map<string, number>();
    for (const u of USERS) {
      const orgId = id(u.org);
      const user = await users.create(q, {
        username: u.username,
        displayName: u.displayName,
        password: DEMO_PASSWORD,
        orgId,
        grants: [{ role: u.role, orgId, unitId: u.unit ? unitId(u.unit) : null }],
      });
      userIds.set(u.username, user.id);
      if (u.person) await linkPerson(q, cipher, user.id, orgId, u);
    }
    const ctx: DemoContext = {
      q, cipher, org: id, unit: unitId, fundTargets: MODULES.flatMap((m) => m.fundTargets ?? []),
      user: (username) => {
        const v = userIds.get(username);
        if (v === undefined) throw new Error(`demo data names an unknown user: ${username}`);
        return v;
      },
    };
    for (const m of MODULES) await m.demoStep?.(ctx);
    // Its accounts' password is in the README: the app shows a banner and
    // will not serve this database in production (main.ts).
    await q.query(`INSERT INTO gj_instance (key, value) VALUES ('demo', now()::text)`);
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

/** Whether this database holds the demo region (and its accounts with the public password). */
export async function demoLoaded(db: Database): Promise<boolean> {
  return db.system(async (q) => (await q.query(`SELECT 1 FROM gj_instance WHERE key = 'demo'`)).length > 0);
}
