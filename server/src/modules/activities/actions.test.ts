import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { STAFF_AT, actionCallers, actionMismatches, orgsOf, places, type Caller, type Places } from '../../../../test/support/allowed-actions.ts';
import { ACTIVITY_ACTIONS, ACTIVITY_LIST_ACTIONS, SIGNUP_ACTIONS } from './schema.ts';

// Role × action for activities and sign-ups: what each activity, sign-up and
// list lists for a role is exactly what that role gets done.

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

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function publish(orgId: number, startsIn: number): Promise<number> {
  const body = {
    orgId, kind: 'volunteer', title: `权限测试活动${++n}`, place: '社区广场', startsAt: hours(startsIn), endsAt: hours(startsIn + 3), capacity: 50,
    audience: ['members', 'residents'],
  };
  const r = await t.request('POST', '/api/activities', { cookie: admin, body });
  assert.equal(r.status, 200, r.text);
  return r.body.id;
}

/** The record as the caller's list returns it, or undefined where the caller cannot read the list. */
const readIn = async (c: Caller, url: string, id: number) => {
  const r = await t.request('GET', url, { cookie: c.cookie });
  return r.status === 200 ? r.body.items.find((x: { id: number }) => x.id === id) : undefined;
};

const STEPS: Record<string, [string, (id: number) => object | undefined]> = {
  reschedule: ['reschedule', () => ({ startsAt: hours(48), endsAt: hours(50) })],
  cancel: ['cancel', () => undefined],
  signUp: ['signup', () => undefined],
  cancelSignup: ['cancel-signup', () => undefined],
  checkOut: ['checkout', () => undefined],
};

/** An activity published at a place; for cancelling a sign-up, with the demo member signed up (in 光明: 向阳's are not theirs to see). */
async function activityFor(orgId: number, action: string): Promise<number> {
  const id = await publish(orgId, 24);
  if (action === 'cancelSignup' && orgId !== p.xiangyang) assert.equal((await t.request('POST', `/api/activities/${id}/signup`, { cookie: await t.login('dangyuan') })).status, 200);
  return id;
}

/** Who may join (the demo member; the demo resident in the community's own), and cancel once signed up. Checking out needs a check-in. */
const PARTICIPANTS = {
  光明: { signUp: ['dangyuan', 'jumin'], cancelSignup: ['dangyuan'] },
  光明一网格: { signUp: ['dangyuan'], cancelSignup: ['dangyuan'] },
  向阳: {},
};

test('an activity lists the organizer’s and the participant’s steps exactly for whom may take them', async () => {
  for (const [name, orgId] of orgsOf(p)) {
    const found = await actionMismatches(callers, {
      actions: ACTIVITY_ACTIONS.values,
      fresh: (action) => activityFor(orgId, action),
      read: (c, id) => readIn(c, '/api/activities?when=all', id),
      attempt: (c, action, id) => {
        if (action === 'showCode') return t.request('GET', `/api/activities/${id}/checkin-code`, { cookie: c.cookie });
        const [step, body] = STEPS[action]!;
        return t.request('POST', `/api/activities/${id}/${step}`, { cookie: c.cookie, body: body(id) });
      },
    });
    assert.deepEqual(found.mismatches, [], name);
    const { reschedule, cancel, showCode, ...participant } = found.allowed;
    const staff = STAFF_AT[name];
    assert.deepEqual({ reschedule, cancel, showCode }, { reschedule: staff, cancel: staff, showCode: staff }, name);
    assert.deepEqual(participant, PARTICIPANTS[name], name);
  }
});

test('a list of activities lists create exactly where the viewer may organize', async () => {
  for (const [name, orgId] of orgsOf(p)) {
    const found = await actionMismatches(callers, {
      actions: ACTIVITY_LIST_ACTIONS.values,
      fresh: async () => orgId,
      read: async (c) => {
        const r = await t.request('GET', `/api/activities?orgId=${orgId}`, { cookie: c.cookie });
        return r.status === 200 ? r.body : undefined;
      },
      attempt: (c) =>
        t.request('POST', '/api/activities', {
          cookie: c.cookie,
          body: { orgId, kind: 'volunteer', title: `权限测试新活动${++n}`, place: '社区广场', startsAt: hours(30), endsAt: hours(31), capacity: 5, audience: ['members'] },
        }),
    });
    assert.deepEqual(found.mismatches, [], name);
    assert.deepEqual(found.allowed.create, STAFF_AT[name], name);
  }
});

/** An activity under way at a place, with the demo member signed up: the organizer may confirm, record leave or absence. */
async function signup(orgId: number): Promise<number> {
  const id = await publish(orgId, -1);
  const r = await t.request('POST', `/api/activities/${id}/signup`, { cookie: await t.login('dangyuan') });
  assert.equal(r.status, 200, r.text);
  return r.body.mySignup.id;
}

test('a sign-up lists what its activity’s organizers may record, to them only', async () => {
  for (const [name, orgId] of orgsOf(p).slice(0, 2)) {
    const found = await actionMismatches(callers, {
      actions: SIGNUP_ACTIONS.values,
      fresh: () => signup(orgId),
      read: async (c, id) => {
        const s = await t.kernel.db.system((q) => q.query<{ activity_id: number }>(`SELECT activity_id FROM activity_signups WHERE id = $1`, [id]));
        return readIn(c, `/api/activities/${s[0]!.activity_id}/signups`, id);
      },
      attempt: (c, action, id) =>
        action === 'confirm'
          ? t.request('POST', `/api/signups/${id}/confirm`, { cookie: c.cookie, body: { hours: 2 } })
          : t.request('POST', `/api/signups/${id}/mark`, { cookie: c.cookie, body: { status: action } }),
    });
    assert.deepEqual(found.mismatches, [], name);
    const staff = STAFF_AT[name];
    assert.deepEqual(found.allowed, { confirm: staff, leave: staff, absent: staff }, name);
  }
});
