import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { actors, compareActions, places, type Actor, type Places } from '../../../../test/support/allowed-actions.ts';
import { ACTIVITY_ACTIONS, ACTIVITY_LIST_ACTIONS, SIGNUP_ACTIONS } from './schema.ts';

// Role × action for activities and sign-ups: what each activity, sign-up and
// list lists for a role is exactly what that role gets done.

let t: TestApp;
let p: Places;
let cast: Actor[];
let admin: string;
let n = 0;

before(async () => {
  t = await testApp({ demo: true });
  p = await places(t);
  cast = await actors(t, p);
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

const listedIn = async (cookie: string, url: string, id: number) => {
  const r = await t.request('GET', url, { cookie });
  return r.status === 200 ? (r.body.items.find((x: { id: number }) => x.id === id)?.actions ?? null) : null;
};

const STEPS: Record<string, [string, (id: number) => object | undefined]> = {
  reschedule: ['reschedule', () => ({ startsAt: hours(48), endsAt: hours(50) })],
  cancel: ['cancel', () => undefined],
  signUp: ['signup', () => undefined],
  cancelSignup: ['cancel-signup', () => undefined],
  checkOut: ['checkout', () => undefined],
};

test('an activity lists the organizer’s and the participant’s steps exactly for whom may take them', async () => {
  const subjects = await Promise.all(([['光明', p.guangming], ['光明一网格', p.grid], ['向阳', p.xiangyang]] as const).map(async ([name, orgId]) => ({ name, orgId, id: await publish(orgId, 24) })));
  const { mismatches, done } = await compareActions({
    actors: cast, actions: ACTIVITY_ACTIONS.values, subjects, name: (s) => s.name,
    fresh: async (s) => ({ ...s, id: await publish(s.orgId, 24) }),
    listed: (a, s) => listedIn(a.cookie, '/api/activities?when=all', s.id),
    attempt: (a, action, s) => {
      if (action === 'showCode') return t.request('GET', `/api/activities/${s.id}/checkin-code`, { cookie: a.cookie });
      const [step, body] = STEPS[action]!;
      return t.request('POST', `/api/activities/${s.id}/${step}`, { cookie: a.cookie, body: body(s.id) });
    },
  });
  assert.deepEqual(mismatches, []);
  // Cancelling one's sign-up and checking out need a sign-up first: below.
  assert.deepEqual([...done].sort(), ['cancel', 'reschedule', 'showCode', 'signUp']);
});

test('once signed up, the participant is offered cancelling it, and nobody else is', async () => {
  const id = await publish(p.grid, 24);
  const member = cast.find((a) => a.name === 'dangyuan')!;
  assert.equal((await t.request('POST', `/api/activities/${id}/signup`, { cookie: member.cookie })).status, 200);
  const { mismatches, done } = await compareActions({
    actors: cast, actions: ['cancelSignup'], subjects: [id], name: () => '光明一网格', fresh: async (s) => s,
    listed: (a, s) => listedIn(a.cookie, '/api/activities?when=all', s),
    attempt: (a, _action, s) => t.request('POST', `/api/activities/${s}/cancel-signup`, { cookie: a.cookie }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['cancelSignup']);
});

test('a list of activities lists create exactly where the viewer may organize', async () => {
  const subjects = [['光明', p.guangming], ['光明一网格', p.grid], ['向阳', p.xiangyang]] as const;
  const { mismatches, done } = await compareActions({
    actors: cast, actions: ACTIVITY_LIST_ACTIONS.values, subjects: [...subjects], name: (s) => s[0], fresh: async (s) => s,
    listed: async (a, [, orgId]) => (await t.request('GET', `/api/activities?orgId=${orgId}`, { cookie: a.cookie })).body.actions ?? null,
    attempt: (a, _action, [, orgId]) =>
      t.request('POST', '/api/activities', {
        cookie: a.cookie,
        body: { orgId, kind: 'volunteer', title: `权限测试新活动${++n}`, place: '社区广场', startsAt: hours(30), endsAt: hours(31), capacity: 5, audience: ['members'] },
      }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['create']);
});

/** An activity under way at a place, with the demo member signed up: the organizer may confirm, record leave or absence. */
async function signup(orgId: number): Promise<number> {
  const id = await publish(orgId, -1);
  const r = await t.request('POST', `/api/activities/${id}/signup`, { cookie: await t.login('dangyuan') });
  assert.equal(r.status, 200, r.text);
  return r.body.mySignup.id;
}

test('a sign-up lists what its activity’s organizers may record, to them only', async () => {
  const subjects = await Promise.all(([['光明', p.guangming], ['光明一网格', p.grid]] as const).map(async ([name, orgId]) => ({ name, orgId, id: await signup(orgId) })));
  const rosterOf = async (cookie: string, signupId: number) => {
    const s = await t.kernel.db.system((q) => q.query<{ activity_id: number }>(`SELECT activity_id FROM activity_signups WHERE id = $1`, [signupId]));
    return listedIn(cookie, `/api/activities/${s[0]!.activity_id}/signups`, signupId);
  };
  const { mismatches, done } = await compareActions({
    actors: cast, actions: SIGNUP_ACTIONS.values, subjects, name: (s) => s.name,
    fresh: async (s) => ({ ...s, id: await signup(s.orgId) }),
    listed: (a, s) => rosterOf(a.cookie, s.id),
    attempt: (a, action, s) =>
      action === 'confirm'
        ? t.request('POST', `/api/signups/${s.id}/confirm`, { cookie: a.cookie, body: { hours: 2 } })
        : t.request('POST', `/api/signups/${s.id}/mark`, { cookie: a.cookie, body: { status: action } }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done].sort(), ['absent', 'confirm', 'leave']);
});
