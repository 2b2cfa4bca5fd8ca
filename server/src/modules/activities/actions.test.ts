import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { STAFF_AT, actionCallers, actionMismatches, orgsOf, places, type Caller, type Places } from '../../../../test/support/allowed-actions.ts';
import { regionToday, regionYear } from '../../kernel/time.ts';
import { ACTIVITY_ACTIONS, ACTIVITY_LIST_ACTIONS, SERIES_ACTIONS, SIGNUP_ACTIONS, TEAM_ACTIONS } from './schema.ts';

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

async function made(url: string, body: object): Promise<{ id: number; members?: { id: number }[] }> {
  const r = await t.request('POST', url, { cookie: admin, body });
  assert.equal(r.status, 200, r.text);
  return r.body;
}
const newSeries = (orgId: number) =>
  made('/api/activity-series', {
    orgId, title: `权限测试周期活动${++n}`, kind: 'open_day', place: '社区广场', weekOfMonth: 1, weekday: 5, startTime: '09:00', minutes: 60, capacity: 10,
    audience: ['members'], startsOn: regionToday(), endsOn: `${regionYear()}-12-31`,
  });
const newTeam = (orgId: number) => made('/api/volunteer-teams', { orgId, name: `权限测试队伍${++n}` });
/** A resident registered at a place, with an hour of service recorded there: someone to record service for, or to certify. */
async function servedAt(orgId: number): Promise<number> {
  const person = await made('/api/people', { orgId, name: `权限测试志愿者${++n}` });
  await made('/api/service-logs', { orgId, personId: person.id, servedOn: regionToday(), what: '清扫楼道', place: '社区', hours: 1 });
  return person.id;
}

test('a series lists generating its occurrences exactly for the organizers at its organization', async () => {
  for (const [name, orgId] of orgsOf(p)) {
    const found = await actionMismatches(callers, {
      actions: SERIES_ACTIONS.values,
      fresh: async () => (await newSeries(orgId)).id,
      read: (c, id) => readIn(c, `/api/activity-series?orgId=${orgId}`, id),
      attempt: (c, _action, id) => t.request('POST', `/api/activity-series/${id}/generate`, { cookie: c.cookie }),
    });
    assert.deepEqual(found.mismatches, [], name);
    assert.deepEqual(found.allowed, { generate: STAFF_AT[name] }, name);
  }
});

test('a volunteer team lists adding and removing members exactly for the organizers at its organization', async () => {
  for (const [name, orgId] of orgsOf(p)) {
    const person = await servedAt(orgId);
    const member = new Map<number, number>();
    const found = await actionMismatches(callers, {
      actions: TEAM_ACTIONS.values,
      fresh: async (action) => {
        const team = await newTeam(orgId);
        if (action === 'removeMember') member.set(team.id, (await made(`/api/volunteer-teams/${team.id}/members`, { personId: person })).members![0]!.id);
        return team.id;
      },
      read: (c, id) => readIn(c, `/api/volunteer-teams?orgId=${orgId}`, id),
      attempt: (c, action, id) =>
        action === 'addMember'
          ? t.request('POST', `/api/volunteer-teams/${id}/members`, { cookie: c.cookie, body: { personId: person } })
          : t.request('DELETE', `/api/volunteer-teams/${id}/members/${member.get(id)}`, { cookie: c.cookie }),
    });
    assert.deepEqual(found.mismatches, [], name);
    assert.deepEqual(found.allowed, { addMember: STAFF_AT[name], removeMember: STAFF_AT[name] }, name);
  }
});

test('the lists of series, teams, service logs, kinds and certificates offer creating exactly where it succeeds', async () => {
  let person = 0;
  const lists: { name: string; list: string; admins?: true; fresh?: (orgId: number) => Promise<void>; create: (orgId: number) => [string, object] }[] = [
    {
      name: 'series', list: '/api/activity-series',
      create: (orgId) => ['/api/activity-series', {
        orgId, title: `权限测试新周期${++n}`, kind: 'open_day', place: '社区广场', weekOfMonth: 2, weekday: 3, startTime: '09:00', minutes: 60, capacity: 10,
        audience: ['members'], startsOn: regionToday(), endsOn: `${regionYear()}-12-31`,
      }],
    },
    { name: 'teams', list: '/api/volunteer-teams', create: (orgId) => ['/api/volunteer-teams', { orgId, name: `权限测试新队伍${++n}` }] },
    {
      name: 'service logs', list: '/api/service-logs',
      fresh: async (orgId) => void (person = await servedAt(orgId)),
      create: (orgId) => ['/api/service-logs', { orgId, personId: person, servedOn: regionToday(), what: '义务巡逻', place: '社区', hours: 2 }],
    },
    { name: 'kinds', list: '/api/activity-kinds', admins: true, create: (orgId) => ['/api/activity-kinds', { orgId, name: `权限测试类型${++n}` }] },
    {
      name: 'certificates', list: '/api/certificates', admins: true,
      fresh: async (orgId) => void (person = await servedAt(orgId)),
      create: (orgId) => ['/api/certificates', { orgId, personId: person, year: regionYear() }],
    },
  ];
  // Administrators of a grid are its community's: grid workers organize there, but add no kinds nor certify.
  const admins: Record<string, string[]> = { ...STAFF_AT, 光明一网格: STAFF_AT.光明 };
  for (const l of lists) {
    for (const [name, orgId] of orgsOf(p)) {
      const found = await actionMismatches(callers, {
        actions: ACTIVITY_LIST_ACTIONS.values,
        fresh: async () => {
          await l.fresh?.(orgId);
          return orgId;
        },
        read: async (c) => {
          const r = await t.request('GET', `${l.list}?orgId=${orgId}`, { cookie: c.cookie });
          return r.status === 200 ? r.body : undefined;
        },
        attempt: (c) => {
          const [url, body] = l.create(orgId);
          return t.request('POST', url, { cookie: c.cookie, body });
        },
      });
      assert.deepEqual(found.mismatches, [], `${l.name} ${name}`);
      assert.deepEqual(found.allowed.create, (l.admins ? admins : STAFF_AT)[name], `${l.name} ${name}`);
    }
  }
});
