import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { actionCallers, actionMismatchesAcross, places, type Caller, type Places } from '../../../../test/support/allowed-actions.ts';
import { addDays, regionToday } from '../../kernel/time.ts';
import { RECEPTION_LIST_ACTIONS, REPRESENTATIVE_ACTIONS } from './schema.ts';

// Role × action for the reception office: what a representative and the
// roster list for a role is exactly what that role gets done.

let t: TestApp;
let p: Places;
let cast: Caller[];
let admin: string;
let n = 0;

before(async () => {
  t = await testApp({ demo: true });
  p = await places(t);
  cast = await actionCallers(t, p);
  admin = await t.login('admin');
});
after(() => t.close());

const offices = () => [{ name: '光明', orgId: p.guangming }, { name: '向阳', orgId: p.xiangyang }];

/** A representative on duty today, so a visit may be recorded for them. */
async function newRepresentative(orgId: number): Promise<number> {
  const r = await t.request('POST', '/api/reception/representatives', { cookie: admin, body: { orgId, kind: 'people_deputy', name: `权限测试代表${++n}`, constituency: '选区' } });
  assert.equal(r.status, 200, r.text);
  await t.request('POST', `/api/reception/representatives/${r.body.id}/slots`, { cookie: admin, body: { onDate: regionToday(), period: 'full_day' } });
  return r.body.id;
}

test('a representative lists schedule and recordVisit exactly for whom may take them', async () => {
  const subjects = await Promise.all(offices().map(async (o) => ({ ...o, id: await newRepresentative(o.orgId) })));
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: REPRESENTATIVE_ACTIONS.values, subjects, name: (s) => s.name,
    fresh: async (s) => ({ ...s, id: await newRepresentative(s.orgId) }),
    listed: async (a, s) => {
      const r = await t.request('GET', `/api/reception/representatives?orgId=${s.orgId}`, { cookie: a.cookie });
      return r.body.items?.find((x: { id: number }) => x.id === s.id)?.actions ?? null;
    },
    attempt: (a, action, s) =>
      action === 'schedule'
        ? t.request('POST', `/api/reception/representatives/${s.id}/slots`, { cookie: a.cookie, body: { onDate: addDays(regionToday(), ++n), period: 'morning' } })
        : t.request('POST', '/api/reception/visits', { cookie: a.cookie, body: { representativeId: s.id, visitedOn: regionToday(), category: 'other', title: '来访', visitorName: '来访人' } }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done].sort(), ['recordVisit', 'schedule']);
});

test('the roster lists create exactly where the viewer may add a representative', async () => {
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: RECEPTION_LIST_ACTIONS.values, subjects: offices(), name: (s) => s.name, fresh: async (s) => s,
    listed: async (a, s) => {
      const r = await t.request('GET', `/api/reception/representatives?orgId=${s.orgId}`, { cookie: a.cookie });
      return r.status === 200 ? r.body.actions : null;
    },
    attempt: (a, _action, s) => t.request('POST', '/api/reception/representatives', { cookie: a.cookie, body: { orgId: s.orgId, kind: 'cppcc_member', name: `新代表${++n}`, constituency: '界别' } }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['create']);
});
