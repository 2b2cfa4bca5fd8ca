import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { actionCallers, actionMismatchesAcross, orgsOf, places, type Caller, type Places } from '../../../../test/support/allowed-actions.ts';
import type { Role } from '../../kernel/scope.ts';
import { USER_ACTIONS, USER_LIST_ACTIONS, type UserAction } from './schema.ts';
import * as users from './service.ts';

// Role × action for accounts: what an account, and the list of accounts, list
// for a caller is exactly what that caller gets done — whoever could have
// granted everything the account holds, never on their own account what
// would lock them out.

let t: TestApp;
let p: Places;
let cast: Caller[];
let serial = 0;

before(async () => {
  t = await testApp({ demo: true });
  p = await places(t);
  cast = await actionCallers(t, p);
});
after(() => t.close());

/** An account to act on: where it is managed, what it holds, and where a new grant is tried. */
interface Subject { name: string; managedBy: number; grants: [Role, number][]; grantAt: number; id: number }
const subjects = (): Subject[] => [
  { name: '光明一网格的网格员', managedBy: p.guangming, grants: [['grid_worker', p.grid]], grantAt: p.grid, id: 0 },
  { name: '向阳的书记', managedBy: p.xiangyang, grants: [['community_secretary', p.xiangyang]], grantAt: p.xiangyang, id: 0 },
  { name: '光明一网格的网格员、向阳的党员', managedBy: p.guangming, grants: [['grid_worker', p.grid], ['member', p.xiangyang]], grantAt: p.grid, id: 0 },
];

const freshAccount = (s: Subject) =>
  t.kernel.db.system(async (q) =>
    (await users.create(q, {
      username: `acting.${++serial}`, displayName: `账号${serial}`, password: 'Fresh2026xy', orgId: s.managedBy,
      grants: s.grants.map(([role, orgId]) => ({ role, orgId })),
    })).id,
  );

function attempt(cookie: string, action: UserAction, s: Subject) {
  const url = `/api/users/${s.id}`;
  return {
    edit: () => t.request('PATCH', url, { cookie, body: { displayName: '改过的名字' } }),
    disable: () => t.request('PATCH', url, { cookie, body: { disabled: true } }),
    grant: () => t.request('POST', `${url}/grants`, { cookie, body: { role: 'resident', orgId: s.grantAt } }),
    revoke: async () => {
      const [grant] = await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT id FROM user_grants WHERE user_id = $1 ORDER BY id LIMIT 1`, [s.id]));
      return t.request('DELETE', `${url}/grants/${grant!.id}`, { cookie });
    },
    unlock: () => t.request('POST', `${url}/unlock`, { cookie }),
    reset: () => t.request('POST', `${url}/reset-password`, { cookie, body: { newPassword: 'Reset2026xyz' } }),
  }[action]();
}

test('an account lists each action exactly for whom may take it: who could have granted all it holds', async () => {
  const allowed: Record<string, Set<string>> = {};
  const codes = new Set<string>();
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: USER_ACTIONS.values, subjects: subjects(), name: (s) => s.name,
    fresh: async (s) => ({ ...s, id: await freshAccount(s) }),
    listed: async (a, s) => {
      const r = await t.request('GET', `/api/users/${s.id}`, { cookie: a.cookie });
      return r.status === 200 ? r.body.actions : null;
    },
    attempt: async (a, action, s) => {
      const res = await attempt(a.cookie, action as UserAction, s);
      if (res.status < 400) (allowed[s.name] ??= new Set()).add(`${a.name} ${action}`);
      else codes.add(res.body.error?.code);
      return res;
    },
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done].sort(), [...USER_ACTIONS.values].sort());
  const everything = (names: string[]) => names.flatMap((n) => USER_ACTIONS.values.map((action) => `${n} ${action}`)).sort();
  const [worker, secretary, mixed] = subjects();
  assert.deepEqual([...allowed[worker!.name]!].sort(), everything(['admin', 'guangming', 'xinhua']), 'not a grid worker there who is secretary elsewhere');
  assert.deepEqual([...allowed[secretary!.name]!].sort(), everything(['admin', 'heping', 'mixed.worker', 'xiangyang']), 'a peer secretary, and those above');
  assert.deepEqual([...allowed[mixed!.name]!].sort(), everything(['admin']), 'grants in two streets: only the district');
  // Who sees the account but may not act on it is told why: not an admin, or it holds more than they could grant.
  assert.deepEqual([...codes].sort(), ['kernel.not_found', 'user.account_above', 'user.not_admin']);
});

test('one’s own account: renamed and unlocked by an admin, never disabled, re-granted or reset', async () => {
  const allowed: string[] = [];
  const wrong: string[] = [];
  for (const a of cast) {
    const me = (await t.request('GET', '/api/auth/me', { cookie: a.cookie })).body as { id: number };
    const self = { name: a.name, managedBy: 0, grants: [], grantAt: 0, id: me.id } satisfies Subject;
    const read = await t.request('GET', `/api/users/${me.id}`, { cookie: a.cookie });
    const listed: readonly string[] = read.status === 200 ? read.body.actions : [];
    // Refused ones first: an allowed disable or reset would end the session.
    for (const action of ['grant', 'revoke', 'disable', 'reset', 'edit', 'unlock'] as const) {
      if (action === 'grant') self.grantAt = p.grid;
      const res = await attempt(a.cookie, action, self);
      if (res.status < 400) allowed.push(`${a.name} ${action}`);
      if (listed.includes(action) !== res.status < 400) wrong.push(`${a.name} ${action}: listed ${listed.includes(action)}, answered ${res.status}`);
      if (res.status >= 400 && ['disable', 'grant', 'revoke', 'reset'].includes(action) && read.status === 200) {
        if (res.body.error.code !== 'user.own_account') wrong.push(`${a.name} ${action}: ${res.body.error.code}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
  // Not mixed.worker: 向阳's secretary could not have granted their own grid-worker grant in 光明.
  const admins = ['admin', 'guangming', 'heping', 'xiangyang', 'xinhua'];
  assert.deepEqual(allowed.sort(), admins.flatMap((n) => [`${n} edit`, `${n} unlock`]).sort());
});

test('the list of accounts lists create exactly where the viewer administers', async () => {
  const allowed: Record<string, string[]> = {};
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: USER_LIST_ACTIONS.values, subjects: orgsOf(p).map(([name, orgId]) => ({ name, orgId })), name: (s) => s.name, fresh: async (s) => s,
    listed: async (a, s) => {
      const r = await t.request('GET', `/api/users?orgId=${s.orgId}`, { cookie: a.cookie });
      return r.status === 200 ? r.body.actions : null;
    },
    attempt: async (a, _action, s) => {
      const res = await t.request('POST', '/api/users', {
        cookie: a.cookie, body: { username: `made.${++serial}`, displayName: '新账号', password: 'Fresh2026xy', orgId: s.orgId, grants: [] },
      });
      if (res.status < 400) (allowed[s.name] ??= []).push(a.name);
      return res;
    },
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['create']);
  assert.deepEqual(allowed['光明']!.sort(), ['admin', 'guangming', 'xinhua']);
  assert.deepEqual(allowed['光明一网格']!.sort(), ['admin', 'guangming', 'xinhua'], 'a grid worker there creates no account, though secretary elsewhere');
  assert.deepEqual(allowed['向阳']!.sort(), ['admin', 'heping', 'mixed.worker', 'xiangyang']);
});
