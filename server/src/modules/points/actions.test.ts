import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addDays, regionToday, regionYear } from '../../kernel/time.ts';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { STAFF_AT, actionCallers, actionMismatches, orgsOf, places, type Caller, type Places } from '../../../../test/support/allowed-actions.ts';
import { POINTS_ACTIONS, RULE_ACTIONS } from './schema.ts';

// Role × action for points: what the rules' list (viewed at an organization)
// and each rule list for a role is exactly what that role gets done there.

let t: TestApp;
let p: Places;
let callers: Caller[];
let admin: string;
let bonusRule: number;
let n = 0;

before(async () => {
  t = await testApp({ demo: true });
  p = await places(t);
  callers = await actionCallers(t, p);
  admin = await t.login('admin');
  bonusRule = (await t.request('GET', '/api/points/rules', { cookie: admin })).body.items.find((r: { kind: string; current: boolean }) => r.kind === 'bonus' && r.current).id;
});
after(() => t.close());

// Points are the administrators'; a grid's are its community's.
const ADMINS_AT: Record<string, string[]> = { ...STAFF_AT, 光明一网格: STAFF_AT.光明 };

async function made(url: string, body: object): Promise<{ id: number }> {
  const r = await t.request('POST', url, { cookie: admin, body });
  assert.equal(r.status, 200, r.text);
  return r.body;
}
const today = regionToday();

test('the rules viewed at an organization offer setting rules, re-running, manual entries and redeeming exactly where they succeed', async () => {
  for (const [name, orgId] of orgsOf(p)) {
    // A resident of the place with a bonus entry, so has points to redeem.
    let person = 0;
    const found = await actionMismatches(callers, {
      actions: POINTS_ACTIONS.values,
      fresh: async () => {
        person = (await made('/api/people', { orgId, name: `积分测试${++n}` })).id;
        await made('/api/points/entries', { personId: person, orgId, ruleId: bonusRule, reason: '受表彰', on: today });
        return orgId;
      },
      read: async (c) => {
        const r = await t.request('GET', `/api/points/rules?orgId=${orgId}`, { cookie: c.cookie });
        return r.status === 200 ? r.body : undefined;
      },
      attempt: (c, action) => {
        const as = (url: string, body: object) => t.request('POST', url, { cookie: c.cookie, body });
        switch (action) {
          case 'setRule': return as('/api/points/rules', { orgId, kind: 'bonus', name: `测试加分项${++n}`, points: 1, effectiveFrom: today });
          case 'rerun': return as('/api/points/rerun', { orgId, year: regionYear() });
          case 'addEntry': return as('/api/points/entries', { personId: person, orgId, ruleId: bonusRule, reason: '再受表彰', on: today });
          case 'redeem': return as('/api/points/redemptions', { personId: person, orgId, points: 1, reason: '兑换毛巾' });
          default: throw new Error(action);
        }
      },
    });
    assert.deepEqual(found.mismatches, [], name);
    const admins = ADMINS_AT[name];
    assert.deepEqual(found.allowed, { setRule: admins, rerun: admins, addEntry: admins, redeem: admins }, name);
  }
});

test('a rule lists setting its new version exactly for the administrators where it was set', async () => {
  for (const [name, orgId] of orgsOf(p)) {
    const rules = new Map<number, string>();
    const found = await actionMismatches(callers, {
      actions: RULE_ACTIONS.values,
      fresh: async () => {
        const ruleName = `测试规则${++n}`;
        const { id } = await made('/api/points/rules', { orgId, kind: 'bonus', name: ruleName, points: 1, effectiveFrom: today });
        rules.set(id, ruleName);
        return id;
      },
      read: async (c, id) => (await t.request('GET', `/api/points/rules`, { cookie: c.cookie })).body.items?.find((r: { id: number }) => r.id === id),
      attempt: (c, _action, id) =>
        t.request('POST', '/api/points/rules', { cookie: c.cookie, body: { orgId, kind: 'bonus', name: rules.get(id), points: 2, effectiveFrom: addDays(today, 1) } }),
    });
    assert.deepEqual(found.mismatches, [], name);
    assert.deepEqual(found.allowed, { revise: ADMINS_AT[name] }, name);
  }
});
