import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { STAFF_AT, actionCallers, actionMismatches, places, type Caller } from '../../../../test/support/allowed-actions.ts';
import { GRID_ACTIONS, GRID_LIST_ACTIONS, HOUSEHOLD_ACTIONS } from './schema.ts';

// Every role, and users whose grants differ from place to place, against the
// actions a grid, a household and a community's list of grids carry: an
// action is listed exactly when doing it succeeds.

let t: TestApp;
let admin: string;
let callers: Caller[];
const ids = {} as Record<'g1' | 'community' | 'grid', number>;
let serial = 0;
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

before(async () => {
  t = await testApp({ demo: true });
  admin = await t.login('admin');
  const p = await places(t);
  Object.assign(ids, { g1: p.grid, community: p.guangming });
  ids.grid = (await t.request('GET', `/api/grids?orgId=${ids.community}`, { cookie: admin })).body.items.find((g: { branchId: number | null }) => g.branchId === ids.g1).id;
  callers = await actionCallers(t, p);
});
after(() => t.close());

// The grid's planners are its community's administrators.
const { 光明一网格: STAFF_THERE, 光明: ADMINS_THERE } = STAFF_AT;
const household = (gridId: number) => ({ gridId, address: `权限测试路${++serial}号`, headName: '测试户主', size: 1, tags: [], freeTags: [] });

test('a grid lists what the caller may do to it, and exactly that succeeds', async () => {
  const { mismatches, allowed } = await actionMismatches(callers, {
    actions: GRID_ACTIONS.values,
    // Renaming the theme and registering a household leave the grid as it was for the next attempt.
    fresh: async () => ids.grid,
    read: async (c, id) => (await t.request('GET', `/api/grids?orgId=${ids.community}`, { cookie: c.cookie })).body.items?.find((g: { id: number }) => g.id === id),
    attempt: (c, action, id) =>
      action === 'edit'
        ? t.request('PATCH', `/api/grids/${id}`, { cookie: c.cookie, body: { theme: `主题${++serial}` } })
        : t.request('POST', '/api/households', { cookie: c.cookie, body: household(id) }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual(allowed.edit, ADMINS_THERE, 'a grid worker there is no planner there, whatever they are elsewhere');
  assert.deepEqual(allowed.register, STAFF_THERE);
});

test('a household lists what the caller may do to it, and exactly that succeeds', async () => {
  const { mismatches, allowed } = await actionMismatches(callers, {
    actions: HOUSEHOLD_ACTIONS.values,
    fresh: async () => {
      const res = await t.request('POST', '/api/households', { cookie: admin, body: household(ids.grid) });
      assert.equal(res.status, 200, res.text);
      return res.body.id;
    },
    read: async (c, id) => (await t.request('GET', `/api/households?gridId=${ids.grid}`, { cookie: c.cookie })).body.items?.find((h: { id: number }) => h.id === id),
    attempt: (c, action, id) =>
      action === 'edit'
        ? t.request('PATCH', `/api/households/${id}`, { cookie: c.cookie, body: { size: 2 } })
        : t.request('POST', '/api/visits', { cookie: c.cookie, body: { householdId: id, visitedOn: '2026-01-01', learned: '一切正常' } }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual(allowed.edit, STAFF_THERE);
  assert.deepEqual(allowed.visit, STAFF_THERE);
});

test('a community’s list of grids offers drawing grids and plans where that succeeds', async () => {
  const { mismatches, allowed } = await actionMismatches(callers, {
    actions: GRID_LIST_ACTIONS.values,
    fresh: async () => ids.community,
    read: async (c, orgId) => {
      const res = await t.request('GET', `/api/grids?orgId=${orgId}`, { cookie: c.cookie });
      return res.status === 200 ? res.body : undefined;
    },
    attempt: (c, _action, orgId) => t.request('POST', '/api/grids/base-image', { cookie: c.cookie, body: { communityId: orgId, image: PIXEL } }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual(allowed.create, ADMINS_THERE);
});
