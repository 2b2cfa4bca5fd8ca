import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { STAFF_AT, actionCallers, actionMismatches, orgsOf, places, type Caller, type Places } from '../../../../test/support/allowed-actions.ts';
import { DELIVERY_ACTIONS, HOMEBOUND_ACTIONS, HOMEBOUND_LIST_ACTIONS } from './schema.ts';

// Role × action for study delivered home: what each list and record lists for
// a caller is exactly what that caller gets done. Staff of the member's
// organization mark and schedule; only the deliverer records a delivery.

let t: TestApp;
let p: Places;
let callers: Caller[];
let admin: string;
let n = 0;

before(async () => {
  t = await testApp({ demo: true });
  p = await places(t);
  callers = await actionCallers(t, p);
  admin = await t.login('admin');
});
after(() => t.close());

async function newMember(orgId: number): Promise<number> {
  const r = await t.request('POST', '/api/people', { cookie: admin, body: { orgId, name: `送学测试${++n}`, isMember: true } });
  assert.equal(r.status, 200, r.text);
  return r.body.id;
}

async function newHomebound(orgId: number): Promise<number> {
  const r = await t.request('POST', '/api/homebound-members', { cookie: admin, body: { personId: await newMember(orgId), reason: 'elderly' } });
  assert.equal(r.status, 200, r.text);
  return r.body.id;
}

async function study(orgId: number): Promise<number> {
  const start = new Date(Date.now() - 86_400_000);
  const r = await t.request('POST', '/api/activities', {
    cookie: admin,
    body: { orgId, kind: 'party_day', title: `主题党日${++n}`, place: '活动室', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString(), capacity: 50, audience: ['members'] },
  });
  assert.equal(r.status, 200, r.text);
  return r.body.id;
}

const homeboundOf = async (c: Caller, orgId: number, id: number) => {
  const r = await t.request('GET', `/api/homebound-members?orgId=${orgId}`, { cookie: c.cookie });
  return r.status === 200 ? r.body.items.find((x: { id: number }) => x.id === id) : undefined;
};

test('marking lists create exactly where the viewer may mark a member', async () => {
  for (const [name, orgId] of orgsOf(p)) {
    const found = await actionMismatches(callers, {
      actions: HOMEBOUND_LIST_ACTIONS.values,
      fresh: () => newMember(orgId),
      read: async (c) => {
        const r = await t.request('GET', `/api/homebound-members?orgId=${orgId}`, { cookie: c.cookie });
        return r.status === 200 ? r.body : undefined;
      },
      attempt: (c, _action, personId) => t.request('POST', '/api/homebound-members', { cookie: c.cookie, body: { personId, reason: 'ill' } }),
    });
    assert.deepEqual(found.mismatches, [], name);
    assert.deepEqual(found.allowed.create, STAFF_AT[name], name);
  }
});

test('a homebound member lists schedule exactly for the staff of their organization', async () => {
  const deliverer = (await t.request('GET', '/api/people?q=' + encodeURIComponent('周志强'), { cookie: admin })).body.items[0].id;
  for (const [name, orgId] of orgsOf(p)) {
    if (orgId === p.xiangyang) continue; // the deliverer is a member of 光明's first grid
    // The study of the member's own organization, which its staff (grid workers too) reach.
    const studyId = await study(orgId);
    const found = await actionMismatches(callers, {
      actions: HOMEBOUND_ACTIONS.values,
      fresh: () => newHomebound(orgId),
      read: (c, id) => homeboundOf(c, orgId, id),
      attempt: (c, _action, id) => t.request('POST', `/api/homebound-members/${id}/deliveries`, { cookie: c.cookie, body: { activityId: studyId, delivererPersonId: deliverer, dueOn: '2026-12-20' } }),
    });
    assert.deepEqual(found.mismatches, [], name);
    assert.deepEqual(found.allowed.schedule, STAFF_AT[name], name);
  }
});

test('a delivery lists deliver for its deliverer only, and once', async () => {
  const deliverer = (await t.request('GET', '/api/people?q=' + encodeURIComponent('周志强'), { cookie: admin })).body.items[0].id;
  const studyId = await study(p.guangming);
  const found = await actionMismatches(callers, {
    actions: DELIVERY_ACTIONS.values,
    fresh: async () => {
      const r = await t.request('POST', `/api/homebound-members/${await newHomebound(p.guangming)}/deliveries`, { cookie: admin, body: { activityId: studyId, delivererPersonId: deliverer, dueOn: '2026-12-20' } });
      assert.equal(r.status, 200, r.text);
      return r.body.id;
    },
    read: async (c, id) => {
      const r = await t.request('GET', '/api/study-deliveries', { cookie: c.cookie });
      return r.status === 200 ? r.body.items.find((x: { id: number }) => x.id === id) : undefined;
    },
    attempt: (c, _action, id) => t.request('POST', `/api/study-deliveries/${id}/deliver`, { cookie: c.cookie, body: {} }),
  });
  assert.deepEqual(found.mismatches, [], 'deliver');
  assert.deepEqual(found.allowed.deliver, ['dangyuan']);
});
