import type { Role } from '../../server/src/kernel/scope.ts';
import * as orgs from '../../server/src/modules/orgs/service.ts';
import * as users from '../../server/src/modules/users/service.ts';
import type { Response, TestApp } from './app.ts';

// Role × action: for every role of the isolation fixture (and the users with
// mixed grants), each action a record lists must succeed and each it does not
// list must be refused with a code. The web shows buttons from these lists,
// so a button is never offered for a refusal, nor hidden for something allowed.

export interface Actor {
  name: string;
  cookie: string;
  /** The units the actor is the liaison of, with the organization each is at. */
  units: { id: number; orgId: number }[];
}

/** Demo organizations and units the role × action tests place their records at. */
export interface Places {
  guangming: number;
  grid: number;
  xiangyang: number;
  tax: { id: number; orgId: number };
  hospital: { id: number; orgId: number };
}

const PASSWORD = 'Actions12345';
const DEMO_ROLES = ['admin', 'xinhua', 'guangming', 'wangge', 'liaison', 'dangyuan', 'jumin'];

export async function places(t: TestApp): Promise<Places> {
  return t.kernel.db.system(async (q) => {
    const org = async (name: string) => (await orgs.search(q, name, 1, 1)).items[0]!.id;
    const units = await orgs.listUnits(q);
    const unit = (name: string) => units.find((u) => u.name === name)!;
    return { guangming: await org('光明社区党委'), grid: await org('光明社区第一网格党支部'), xiangyang: await org('向阳社区党委'), tax: unit('梅河口市税务局'), hospital: unit('梅河口市中心医院') };
  });
}

/**
 * The demo's roles of community A, and two users with mixed grants: a grid
 * worker of 光明's first grid who is 向阳's secretary, and the hospital's
 * liaison (in 向阳) who is a member in 光明's first grid.
 */
export async function actors(t: TestApp, p: Places): Promise<Actor[]> {
  const mixed: [string, { role: Role; orgId: number; unitId?: number }[]][] = [
    ['mixed.worker', [{ role: 'grid_worker', orgId: p.grid }, { role: 'community_secretary', orgId: p.xiangyang }]],
    ['mixed.liaison', [{ role: 'unit_liaison', orgId: p.hospital.orgId, unitId: p.hospital.id }, { role: 'member', orgId: p.grid }]],
  ];
  for (const [username, grants] of mixed) {
    await t.kernel.db.system((q) => users.create(q, { username, displayName: username, password: PASSWORD, orgId: grants[0]!.orgId, grants }));
  }
  const all: Actor[] = [];
  for (const name of [...DEMO_ROLES, ...mixed.map(([u]) => u)]) {
    const cookie = DEMO_ROLES.includes(name) ? await t.login(name) : await t.login(name, PASSWORD);
    const me = (await t.request('GET', '/api/auth/me', { cookie })).body as { grants: { role: Role; orgId: number; unitId: number | null }[] };
    all.push({ name, cookie, units: me.grants.filter((g) => g.role === 'unit_liaison' && g.unitId !== null).map((g) => ({ id: g.unitId!, orgId: g.orgId })) });
  }
  return all;
}

export interface Check<S> {
  actors: Actor[];
  /** The module's action vocabulary. */
  actions: readonly string[];
  /** One record per place, in a state where each action could be taken. */
  subjects: S[];
  name: (s: S) => string;
  /** Another record like this one, at the same place and in the same state (a listed action changes the state). */
  fresh: (s: S) => Promise<S>;
  /** The actions the record lists for the actor, or null where the actor does not see it. */
  listed: (actor: Actor, s: S) => Promise<readonly string[] | null>;
  attempt: (actor: Actor, action: string, s: S) => Promise<Response>;
}

/** The mismatches between what is listed and what is done, and the actions that were listed (and done) at least once. */
export async function compareActions<S>(c: Check<S>): Promise<{ mismatches: string[]; done: Set<string> }> {
  const mismatches: string[] = [];
  const done = new Set<string>();
  for (const actor of c.actors) {
    for (const s of c.subjects) {
      const listed = (await c.listed(actor, s)) ?? [];
      for (const action of c.actions) {
        const where = `${actor.name} ${action} ${c.name(s)}`;
        if (listed.includes(action)) {
          const r = await c.attempt(actor, action, await c.fresh(s));
          if (r.status >= 300) mismatches.push(`${where}: listed, but refused ${r.status} ${r.text.slice(0, 160)}`);
          else done.add(action);
        } else {
          const r = await c.attempt(actor, action, s);
          if (r.status < 400) mismatches.push(`${where}: not listed, but done (${r.status})`);
          else if (r.status >= 500 || typeof r.body?.error?.code !== 'string') mismatches.push(`${where}: refused ${r.status} without a code`);
        }
      }
    }
  }
  return { mismatches, done };
}
