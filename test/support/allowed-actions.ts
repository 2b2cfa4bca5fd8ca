import * as orgs from '../../server/src/modules/orgs/service.ts';
import type { Response, TestApp } from './app.ts';

// Role × action (DEVELOPERS.md, "Permissions per record"): for every demo
// role and the users with mixed grants, every action is tried on a fresh
// record; it must be listed on the record if and only if it succeeds, and a
// refusal must carry a code of its own. The web shows buttons from these
// lists, so a button is never offered for a refusal, nor hidden for something
// allowed.

/** Someone to ask as: a demo account, or one with mixed grants made for the test. */
export interface Caller {
  name: string;
  cookie: string;
  /** The units the caller is the liaison of, with the organization each is at. */
  units: { id: number; orgId: number }[];
}

export interface ActionsCase {
  /** The module's action vocabulary, every value of which is tried. */
  actions: readonly string[];
  /** Makes a record the action is tried on (as someone who may), so no attempt meets another's leftovers; returns its id. */
  fresh(action: string): Promise<number>;
  /** The record as the caller's list returns it, or undefined where the caller does not see it (it then allows nothing). */
  read(caller: Caller, id: number): Promise<{ actions: readonly string[] } | undefined>;
  /** Does the action as the caller. */
  attempt(caller: Caller, action: string, id: number): Promise<Response>;
}

/** The kernel's generic refusal: a module's refusal says why, with a code of its own. */
const LEGACY_CODES = ['forbidden'];

/**
 * The permissions a record carries, held against what the server does: for
 * every caller and every action, the action is listed on a fresh record if
 * and only if doing it succeeds, and a refusal carries a declared code.
 * Returns the mismatches (empty when the record's actions tell the truth) and
 * who succeeded at each action, so a test can tell that the right callers were
 * allowed — an empty `actions` everywhere would otherwise pass.
 */
export async function actionMismatches(callers: Caller[], c: ActionsCase): Promise<{ mismatches: string[]; allowed: Record<string, string[]> }> {
  const mismatches: string[] = [];
  const allowed: Record<string, string[]> = {};
  for (const caller of callers) {
    for (const action of c.actions) {
      const id = await c.fresh(action);
      const listed = (await c.read(caller, id))?.actions.includes(action) ?? false;
      const res = await c.attempt(caller, action, id);
      const ok = res.status < 400;
      if (ok) (allowed[action] ??= []).push(caller.name);
      if (listed && !ok) mismatches.push(`${caller.name} ${action}: listed, but refused ${res.status} ${res.body?.error?.code}`);
      if (!listed && ok) mismatches.push(`${caller.name} ${action}: not listed, but it succeeded`);
      if (!ok && (res.status >= 500 || typeof res.body?.error?.code !== 'string' || LEGACY_CODES.includes(res.body.error.code))) {
        mismatches.push(`${caller.name} ${action}: refused without a code of its own (${res.status} ${res.text.slice(0, 120)})`);
      }
    }
  }
  for (const names of Object.values(allowed)) names.sort();
  return { mismatches, allowed };
}

/** A record whose setup is more than an id (a meeting with its invitee and minutes), tried at several places. */
export interface ActionsAcross<S> {
  actions: readonly string[];
  /** One record per place. */
  subjects: S[];
  name: (s: S) => string;
  /** Another record like this one, at the same place and in the same state (or the state the action needs). */
  fresh: (s: S, action: string) => Promise<S>;
  /** The actions the record lists for the caller, or null where the caller does not see it. */
  listed: (caller: Caller, s: S) => Promise<readonly string[] | null>;
  attempt: (caller: Caller, action: string, s: S) => Promise<Response>;
}

/** `actionMismatches` at each place of `subjects`; `done` holds the actions someone was allowed somewhere. */
export async function actionMismatchesAcross<S>(callers: Caller[], c: ActionsAcross<S>): Promise<{ mismatches: string[]; done: Set<string> }> {
  const mismatches: string[] = [];
  const done = new Set<string>();
  for (const subject of c.subjects) {
    const made: S[] = [];
    const r = await actionMismatches(callers, {
      actions: c.actions,
      fresh: async (action) => made.push(await c.fresh(subject, action)) - 1,
      read: async (caller, i) => {
        const listed = await c.listed(caller, made[i]!);
        return listed ? { actions: listed } : undefined;
      },
      attempt: (caller, action, i) => c.attempt(caller, action, made[i]!),
    });
    mismatches.push(...r.mismatches.map((m) => `${c.name(subject)}: ${m}`));
    for (const action of Object.keys(r.allowed)) done.add(action);
  }
  return { mismatches, done };
}

/** Demo organizations and units the role × action tests place their records at. */
export interface Places {
  /** 光明社区党委, community A. */
  guangming: number;
  /** 光明社区第一网格党支部, its first grid's branch. */
  grid: number;
  /** 向阳社区党委, another community. */
  xiangyang: number;
  /** 梅河口市税务局, a unit of 光明. */
  tax: { id: number; orgId: number };
  /** 梅河口市中心医院, a unit of 向阳. */
  hospital: { id: number; orgId: number };
}

export async function places(t: TestApp): Promise<Places> {
  return t.kernel.db.system(async (q) => {
    const org = async (name: string) => (await orgs.search(q, name, 1, 1)).items[0]!.id;
    const units = await orgs.listUnits(q);
    const unit = (name: string) => units.find((u) => u.name === name)!;
    return { guangming: await org('光明社区党委'), grid: await org('光明社区第一网格党支部'), xiangyang: await org('向阳社区党委'), tax: unit('梅河口市税务局'), hospital: unit('梅河口市中心医院') };
  });
}

/** The three demo organizations records are tried at, by the names the tests give them. */
export const orgsOf = (p: Places): [OrgPlace, number][] => [['光明', p.guangming], ['光明一网格', p.grid], ['向阳', p.xiangyang]];
export type OrgPlace = '光明' | '光明一网格' | '向阳';

/** Who among the callers holds a staff role at each of them: its own and the ones above it, not elsewhere. */
export const STAFF_AT: Record<OrgPlace, string[]> = {
  光明: ['admin', 'guangming', 'xinhua'],
  光明一网格: ['admin', 'guangming', 'mixed.worker', 'wangge', 'xinhua'],
  向阳: ['admin', 'heping', 'mixed.worker', 'xiangyang'],
};

const DEMO = ['admin', 'xinhua', 'heping', 'guangming', 'xiangyang', 'wangge', 'liaison', 'dangyuan', 'jumin'];
const MIXED_PASSWORD = 'Mixed12345';

/**
 * The demo's accounts, one of each role, and two with mixed grants: a grid
 * worker of 光明's first grid who is 向阳's secretary (`mixed.worker`), and
 * the hospital's liaison (in 向阳) who is a member in 光明's first grid
 * (`mixed.liaison`).
 */
export async function actionCallers(t: TestApp, p: Places): Promise<Caller[]> {
  const mixed = [
    { username: 'mixed.worker', grants: [{ role: 'grid_worker', orgId: p.grid }, { role: 'community_secretary', orgId: p.xiangyang }] },
    { username: 'mixed.liaison', grants: [{ role: 'unit_liaison', orgId: p.hospital.orgId, unitId: p.hospital.id }, { role: 'member', orgId: p.grid }] },
  ];
  const admin = await t.login('admin');
  for (const m of mixed) {
    const made = await t.request('POST', '/api/users', {
      cookie: admin,
      body: { username: m.username, displayName: m.username, password: MIXED_PASSWORD, orgId: m.grants[0]!.orgId, grants: m.grants },
    });
    if (made.status !== 200) throw new Error(`making ${m.username}: ${made.text}`);
  }
  const callers: Caller[] = [];
  for (const name of [...DEMO, ...mixed.map((m) => m.username)]) {
    const cookie = DEMO.includes(name) ? await t.login(name) : await t.login(name, MIXED_PASSWORD);
    const me = (await t.request('GET', '/api/auth/me', { cookie })).body as { grants: { role: string; orgId: number; unitId: number | null }[] };
    callers.push({ name, cookie, units: me.grants.filter((g) => g.role === 'unit_liaison' && g.unitId !== null).map((g) => ({ id: g.unitId!, orgId: g.orgId })) });
  }
  return callers;
}
