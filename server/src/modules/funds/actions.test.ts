import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { STAFF_AT, actionCallers, actionMismatches, places, type Caller, type Places } from '../../../../test/support/allowed-actions.ts';
import { regionToday } from '../../kernel/time.ts';
import { FUND_ENTRY_ACTIONS, FUND_PLACE_ACTIONS, FUND_RULE_ACTIONS, type FundEntryAction, type FundPlaceAction, type FundRuleAction } from './schema.ts';

// Role × action for funds: what a ledger entry, and the funds of an
// organization, list for a caller is exactly what that caller gets done.

let t: TestApp;
let p: Places;
let cast: Caller[];
let secretary: string;
let source: number;
const today = regionToday();

before(async () => {
  t = await testApp({ demo: true });
  p = await places(t);
  cast = await actionCallers(t, p);
  secretary = await t.login('guangming');
  source = (await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT id::int FROM fund_sources WHERE kind = 'city_budget'`)))[0]!.id;
});
after(() => t.close());

const expense = (amountFen: number) => ({ orgId: p.guangming, sourceId: source, amountFen, entryOn: today, payee: '某公司', paidForKind: 'venue_upkeep' });

test('a ledger entry lists approve, reject and reverse exactly for whom may take them', async () => {
  const { mismatches, allowed } = await actionMismatches(cast, {
    actions: FUND_ENTRY_ACTIONS.values,
    // Recorded by 光明's secretary: over 5000 yuan it waits for approval (by another administrator); a small one is posted and may be reversed.
    fresh: async (action) => {
      const res = await t.request('POST', '/api/fund-expenses', { cookie: secretary, body: expense(action === 'reverse' ? 1_00 : 5_000_01) });
      assert.equal(res.status, 200, res.text);
      return res.body.id;
    },
    read: async (a, id) => {
      const res = await t.request('GET', `/api/fund-entries/${id}`, { cookie: a.cookie });
      return res.status === 200 ? res.body : undefined;
    },
    attempt: (a, action, id) => t.request('POST', `/api/fund-entries/${id}/${action as FundEntryAction}`, { cookie: a.cookie, body: {} }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual(allowed.reverse, STAFF_AT['光明']);
  for (const decision of ['approve', 'reject']) assert.deepEqual(allowed[decision], ['admin', 'xinhua'], `${decision}: never by the one who recorded it`);
});

test('the funds of an organization list manage, allocate and spend exactly for whom may take them', async () => {
  const { mismatches, allowed } = await actionMismatches(cast, {
    actions: FUND_PLACE_ACTIONS.values,
    fresh: async () => p.guangming,
    read: async (a, orgId) => {
      const res = await t.request('GET', `/api/fund-sources?orgId=${orgId}&year=${today.slice(0, 4)}`, { cookie: a.cookie });
      return res.status === 200 ? res.body : undefined;
    },
    attempt: (a, action, orgId) => {
      const post = (url: string, body: unknown) => t.request('POST', url, { cookie: a.cookie, body });
      return ({
        manage: () => post('/api/fund-sources', { orgId, kind: 'donation', name: `权限测试来源${a.name}` }),
        allocate: () => post('/api/fund-allocations', { sourceId: source, fromOrgId: orgId, toOrgId: p.grid, amountFen: 1_00, entryOn: today }),
        spend: () => post('/api/fund-expenses', expense(1_00)),
      })[action as FundPlaceAction]();
    },
  });
  assert.deepEqual(mismatches, []);
  for (const action of FUND_PLACE_ACTIONS.values) assert.deepEqual(allowed[action], STAFF_AT['光明'], action);
});

test('a rule of the guideline lists edit and retire exactly for whom may take them', async () => {
  let n = 0;
  const { mismatches, allowed } = await actionMismatches(cast, {
    actions: FUND_RULE_ACTIONS.values,
    fresh: async () => {
      const res = await t.request('POST', '/api/fund-rules', { cookie: secretary, body: { orgId: p.guangming, ruleKey: `权限${++n}`, title: '社区捐赠用于阵地维护', sourceKind: 'donation', effect: 'allow' } });
      assert.equal(res.status, 200, res.text);
      return res.body.id;
    },
    read: async (a, id) => {
      const res = await t.request('GET', `/api/fund-rules/${id}/versions`, { cookie: a.cookie });
      return res.status === 200 ? res.body.items[0] : undefined;
    },
    attempt: (a, action, id) =>
      action === 'edit'
        ? t.request('PATCH', `/api/fund-rules/${id}`, { cookie: a.cookie, body: { title: '改为社区捐赠用于活动' } })
        : t.request('POST', `/api/fund-rules/${id}/${action as FundRuleAction}`, { cookie: a.cookie, body: {} }),
  });
  assert.deepEqual(mismatches, []);
  for (const action of FUND_RULE_ACTIONS.values) assert.deepEqual(allowed[action], STAFF_AT['光明'], action);
});

test('an owners’ fund’s expense lists approve and reject for its committee’s liaison only, reverse for the administrators', async () => {
  const committee = p.hospital;
  const liaison = cast.find((c) => c.units.some((u) => u.id === committee.id))!;
  // The district sees the hospital (registered in 向阳) to name it as 光明's estate committee.
  const admin = await t.login('admin');
  const created = await t.request('POST', '/api/fund-sources', { cookie: admin, body: { orgId: p.guangming, kind: 'owners', name: '权限测试小区维修资金', unitId: committee.id } });
  assert.equal(created.status, 200, created.text);
  const owners = created.body.id as number;
  await t.request('POST', `/api/fund-sources/${owners}/budget`, { cookie: admin, body: { year: Number(today.slice(0, 4)), amountFen: 1_000_000_00 } });
  const rule = await t.request('POST', '/api/fund-rules', { cookie: secretary, body: { orgId: p.guangming, ruleKey: '权限业主', title: '业主资金用于阵地维护', sourceKind: 'owners', effect: 'allow' } });
  assert.equal(rule.status, 200, rule.text);
  const { mismatches, allowed } = await actionMismatches(cast, {
    actions: FUND_ENTRY_ACTIONS.values,
    fresh: async (action) => {
      const res = await t.request('POST', '/api/fund-expenses', { cookie: secretary, body: { ...expense(1_00), sourceId: owners } });
      assert.equal(res.status, 200, res.text);
      if (action === 'reverse') {
        const approved = await t.request('POST', `/api/fund-entries/${res.body.id}/approve`, { cookie: liaison.cookie });
        assert.equal(approved.status, 200, approved.text);
      }
      return res.body.id;
    },
    read: async (a, id) => {
      const res = await t.request('GET', `/api/fund-entries/${id}`, { cookie: a.cookie });
      return res.status === 200 ? res.body : undefined;
    },
    attempt: (a, action, id) => t.request('POST', `/api/fund-entries/${id}/${action as FundEntryAction}`, { cookie: a.cookie, body: {} }),
  });
  assert.deepEqual(mismatches, []);
  const committeeLiaisons = cast.filter((c) => c.units.some((u) => u.id === committee.id)).map((c) => c.name);
  for (const decision of ['approve', 'reject']) assert.deepEqual(allowed[decision], committeeLiaisons, decision);
  assert.deepEqual(allowed.reverse, STAFF_AT['光明']);
});
