import type { Response, TestApp } from './app.ts';

/** Someone to ask as: a demo account, or one with mixed grants made for the test. */
export interface Caller {
  name: string;
  cookie: string;
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
 * how many attempts succeeded, so a test can tell that something was allowed.
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
      if (!ok && (typeof res.body?.error?.code !== 'string' || LEGACY_CODES.includes(res.body.error.code))) {
        mismatches.push(`${caller.name} ${action}: refused without a code of its own (${res.status} ${res.text.slice(0, 120)})`);
      }
    }
  }
  return { mismatches, allowed };
}

/** The demo's accounts, one of each role, and accounts with mixed grants in the demo tree. */
export async function actionCallers(t: TestApp, mixed: { username: string; grants: { role: string; orgId: number; unitId?: number }[] }[]): Promise<Caller[]> {
  const demo = ['admin', 'xinhua', 'heping', 'guangming', 'xiangyang', 'wangge', 'liaison', 'dangyuan', 'jumin'];
  const callers: Caller[] = [];
  for (const name of demo) callers.push({ name, cookie: await t.login(name) });
  const admin = await t.login('admin');
  for (const m of mixed) {
    const made = await t.request('POST', '/api/users', {
      cookie: admin,
      body: { username: m.username, displayName: m.username, password: 'Mixed12345', orgId: m.grants[0]!.orgId, grants: m.grants },
    });
    if (made.status !== 200) throw new Error(`making ${m.username}: ${made.text}`);
    callers.push({ name: m.username, cookie: await t.login(m.username, 'Mixed12345') });
  }
  return callers;
}
