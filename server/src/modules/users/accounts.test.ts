import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Role } from '../../kernel/scope.ts';
import * as orgs from '../orgs/service.ts';
import * as users from './service.ts';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

// Who may act on an account: whoever could have granted everything it holds.
// Accounts are planted above, beside and below each demo role; the one that
// matters most is a street admin's account managed by 光明社区, which the
// 光明 secretary could once reset and then sign in with.

let t: TestApp;
const org: Record<string, number> = {};
const PASSWORD = 'Planted2026';

/** Planted accounts: managing organization and grants, by demo organization name. */
const TARGETS: Record<string, { managedBy: string; grants: [Role, string][] }> = {
  'above.district': { managedBy: '新华街道党工委', grants: [['district_admin', '中共梅河口市委']] },
  'above.street': { managedBy: '光明社区党委', grants: [['street_admin', '新华街道党工委']] },
  'peer.secretary': { managedBy: '光明社区党委', grants: [['community_secretary', '光明社区党委']] },
  'below.worker': { managedBy: '光明社区党委', grants: [['grid_worker', '光明社区第一网格党支部']] },
  'below.resident': { managedBy: '光明社区党委', grants: [['resident', '光明社区党委']] },
  'beside.secretary': { managedBy: '向阳社区党委', grants: [['community_secretary', '向阳社区党委']] },
  'beside.street': { managedBy: '和平街道党工委', grants: [['street_admin', '和平街道党工委']] },
  'mixed.worker': { managedBy: '光明社区党委', grants: [['grid_worker', '光明社区第一网格党支部'], ['community_secretary', '向阳社区党委']] },
};

/** Which planted accounts each demo role may act on; every other pair is refused. */
const MAY_MANAGE: Record<string, string[]> = {
  admin: Object.keys(TARGETS),
  // A street admin may act on a peer of the same street, not on the district's account it happens to manage.
  xinhua: ['above.street', 'peer.secretary', 'below.worker', 'below.resident'],
  guangming: ['peer.secretary', 'below.worker', 'below.resident'],
  wangge: [],
  liaison: [],
  dangyuan: [],
  jumin: [],
};

const ids: Record<string, number> = {};

before(async () => {
  t = await testApp({ demo: true });
  const names = new Set(Object.values(TARGETS).flatMap((x) => [x.managedBy, ...x.grants.map((g) => g[1])]));
  await t.kernel.db.system(async (q) => {
    for (const name of names) org[name] = (await orgs.search(q, name, 1, 1)).items[0]!.id;
    for (const [username, x] of Object.entries(TARGETS)) {
      const user = await users.create(q, {
        username, displayName: username, password: PASSWORD, orgId: org[x.managedBy]!, grants: x.grants.map(([role, o]) => ({ role, orgId: org[o]! })),
      });
      ids[username] = user.id;
    }
  });
});
after(() => t.close());

/** The account's row and grants as stored: a refused action must leave them as they were. */
const stateOf = (userId: number) =>
  t.kernel.db.system(async (q) =>
    JSON.stringify([
      await q.query(`SELECT display_name, password_hash, disabled, failed_logins, locked_until FROM users WHERE id = $1`, [userId]),
      await q.query(`SELECT role, org_id FROM user_grants WHERE user_id = $1 ORDER BY id`, [userId]),
    ]),
  );

interface Action {
  name: string;
  /** An allowed grant is taken back by the next action. */
  run(cookie: string, userId: number): Promise<{ status: number; text: string }>;
}

let added: number | undefined;
const ACTIONS: Action[] = [
  { name: 'edit', run: (cookie, id) => t.request('PATCH', `/api/users/${id}`, { cookie, body: { displayName: '被改名' } }) },
  { name: 'disable', run: (cookie, id) => t.request('PATCH', `/api/users/${id}`, { cookie, body: { disabled: true } }) },
  { name: 'enable', run: (cookie, id) => t.request('PATCH', `/api/users/${id}`, { cookie, body: { disabled: false } }) },
  { name: 'unlock', run: (cookie, id) => t.request('POST', `/api/users/${id}/unlock`, { cookie }) },
  { name: 'reset password', run: (cookie, id) => t.request('POST', `/api/users/${id}/reset-password`, { cookie, body: { newPassword: 'Taken2026x' } }) },
  {
    name: 'add grant',
    run: async (cookie, id) => {
      const orgId = org['光明社区第一网格党支部'];
      const res = await t.request('POST', `/api/users/${id}/grants`, { cookie, body: { role: 'resident', orgId } });
      added = res.status === 200 ? res.body.grants.find((g: { role: string; orgId: number }) => g.role === 'resident' && g.orgId === orgId).id : undefined;
      return res;
    },
  },
  {
    name: 'remove grant',
    run: async (cookie, id) => {
      const grantId = added ?? (await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT id FROM user_grants WHERE user_id = $1 ORDER BY id LIMIT 1`, [id])))[0]!.id;
      added = undefined;
      return t.request('DELETE', `/api/users/${id}/grants/${grantId}`, { cookie });
    },
  },
];

test('the 光明 secretary cannot reset the password of a street admin account its community manages, nor sign in with it', async () => {
  const cookie = await t.login('guangming');
  const res = await t.request('POST', `/api/users/${ids['above.street']}/reset-password`, { cookie, body: { newPassword: 'Taken2026x' } });
  assert.equal(res.status, 403, res.text);
  assert.equal(res.body.error.code, 'user.account_above');
  assert.equal(res.body.error.message, '该账号拥有您无权授予的角色（街道党工委管理员），只能由其上级管理员管理', 'names the role');
  const login = await t.request('POST', '/api/auth/login', { body: { username: 'above.street', password: 'Taken2026x' } });
  assert.equal(login.status, 401);
  // The account is still the street's own: its password is unchanged.
  await t.login('above.street', PASSWORD);
});

test('every account action × every demo role × accounts above, beside and below: allowed exactly where the caller could grant all the account holds', async () => {
  const wrong: string[] = [];
  for (const [actor, allowed] of Object.entries(MAY_MANAGE)) {
    const cookie = await t.login(actor);
    for (const target of Object.keys(TARGETS)) {
      const userId = ids[target]!;
      const may = allowed.includes(target);
      for (const action of ACTIONS) {
        const before = await stateOf(userId);
        const res = await action.run(cookie, userId);
        if (may && res.status !== 200) wrong.push(`${actor} → ${target}: ${action.name} refused (${res.status} ${res.text})`);
        if (!may && res.status !== 403 && res.status !== 404) wrong.push(`${actor} → ${target}: ${action.name} answered ${res.status}`);
        if (!may && (await stateOf(userId)) !== before) wrong.push(`${actor} → ${target}: ${action.name} changed the account`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});
