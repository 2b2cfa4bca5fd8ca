import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { actionCallers, actionMismatchesAcross, places, type Caller, type Places } from '../../../../test/support/allowed-actions.ts';
import { addDays, regionToday } from '../../kernel/time.ts';
import { CADRE_ACTIONS, CAMPAIGN_ACTIONS, CAMPAIGN_LIST_ACTIONS } from './schema.ts';

// Role × action for the big visit: what a campaign, a cadre and the list
// offer a role is exactly what that role gets done.

let t: TestApp;
let p: Places;
let cast: Caller[];
let admin: string;
let n = 0;
const gridOf = new Map<number, number>();

before(async () => {
  t = await testApp({ demo: true });
  p = await places(t);
  cast = await actionCallers(t, p);
  admin = await t.login('admin');
  for (const orgId of [p.guangming, p.xiangyang]) gridOf.set(orgId, (await t.request('GET', `/api/grids?orgId=${orgId}`, { cookie: admin })).body.items[0].id);
});
after(() => t.close());

const offices = () => [{ name: '光明', orgId: p.guangming }, { name: '向阳', orgId: p.xiangyang }];

async function newCampaign(orgId: number): Promise<{ id: number; cadreId: number }> {
  const c = await t.request('POST', '/api/campaigns', { cookie: admin, body: { orgId, name: `权限测试大走访${++n}`, startsOn: regionToday(), endsOn: addDays(regionToday(), 10) } });
  assert.equal(c.status, 200, c.text);
  const k = await t.request('POST', `/api/campaigns/${c.body.id}/cadres`, { cookie: admin, body: { cadreKind: 'staff', name: `干部${n}`, areaKind: 'grid', gridId: gridOf.get(orgId) } });
  assert.equal(k.status, 200, k.text);
  return { id: c.body.id, cadreId: k.body.id };
}

const detail = async (a: Caller, id: number) => {
  const r = await t.request('GET', `/api/campaigns/${id}`, { cookie: a.cookie });
  return r.status === 200 ? r.body : null;
};

test('a campaign lists assign exactly for whom may assign', async () => {
  const subjects = await Promise.all(offices().map(async (o) => ({ ...o, ...(await newCampaign(o.orgId)) })));
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: CAMPAIGN_ACTIONS.values, subjects, name: (s) => s.name,
    fresh: async (s) => ({ ...s, ...(await newCampaign(s.orgId)) }),
    listed: async (a, s) => (await detail(a, s.id))?.actions ?? null,
    attempt: (a, _action, s) => t.request('POST', `/api/campaigns/${s.id}/cadres`, { cookie: a.cookie, body: { cadreKind: 'reported_member', name: `报到党员${++n}`, areaKind: 'grid', gridId: gridOf.get(s.orgId) } }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['assign']);
});

test('a cadre lists remove exactly for whom may remove', async () => {
  const subjects = await Promise.all(offices().map(async (o) => ({ ...o, ...(await newCampaign(o.orgId)) })));
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: CADRE_ACTIONS.values, subjects, name: (s) => s.name,
    fresh: async (s) => ({ ...s, ...(await newCampaign(s.orgId)) }),
    listed: async (a, s) => (await detail(a, s.id))?.cadreList.find((k: { id: number }) => k.id === s.cadreId)?.actions ?? null,
    attempt: (a, _action, s) => t.request('DELETE', `/api/campaign-cadres/${s.cadreId}`, { cookie: a.cookie }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['remove']);
});

test('the list lists create exactly where the viewer may start a campaign', async () => {
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: CAMPAIGN_LIST_ACTIONS.values, subjects: offices(), name: (s) => s.name, fresh: async (s) => s,
    listed: async (a, s) => {
      const r = await t.request('GET', `/api/campaigns?orgId=${s.orgId}`, { cookie: a.cookie });
      return r.status === 200 ? r.body.actions : null;
    },
    attempt: (a, _action, s) => t.request('POST', '/api/campaigns', { cookie: a.cookie, body: { orgId: s.orgId, name: `新大走访${++n}`, startsOn: regionToday(), endsOn: regionToday() } }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['create']);
});
