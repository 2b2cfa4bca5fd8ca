import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { actionCallers, actionMismatches, places, type Caller } from '../../../../test/support/allowed-actions.ts';
import { ORG_ACTIONS, ORG_PART_ACTIONS } from './schema.ts';

// Every role, and users whose grants differ from place to place, against the
// actions an organization and its units, ties and seats carry: an action is
// listed exactly when doing it succeeds.

let t: TestApp;
let admin: string;
let callers: Caller[];
const ids = {} as Record<'g1' | 'g2' | 'person', number>;
let serial = 0;

before(async () => {
  t = await testApp({ demo: true });
  admin = await t.login('admin');
  const p = await places(t);
  ids.g1 = p.grid;
  const g2 = '光明社区第二网格党支部';
  ids.g2 = (await t.request('GET', `/api/orgs?q=${encodeURIComponent(g2)}`, { cookie: admin })).body.items.find((o: { name: string }) => o.name === g2).id;
  ids.person = (await t.request('GET', `/api/people?orgId=${ids.g1}&q=${encodeURIComponent('周志强')}`, { cookie: admin })).body.items[0].id;
  callers = await actionCallers(t, p);
});
after(() => t.close());

/** A building group in 光明's first grid, made by the district admin: a fresh record for every attempt. */
async function freshOrg(): Promise<number> {
  const res = await t.request('POST', '/api/orgs', { cookie: admin, body: { parentId: ids.g1, name: `权限测试楼栋党小组${++serial}`, kind: 'building_group' } });
  assert.equal(res.status, 200, res.text);
  return res.body.id;
}

test('an organization lists what the caller may do to it, and exactly that succeeds', async () => {
  const { mismatches, allowed } = await actionMismatches(callers, {
    actions: ORG_ACTIONS.values,
    fresh: freshOrg,
    read: async (c, id) => (await t.request('GET', `/api/orgs/${ids.g1}/children`, { cookie: c.cookie })).body.items?.find((o: { id: number }) => o.id === id),
    attempt: (c, action, id) => {
      const n = ++serial;
      const as = (method: string, url: string, body: unknown) => t.request(method, url, { cookie: c.cookie, body });
      switch (action) {
        case 'edit': return as('PATCH', `/api/orgs/${id}`, { name: `改名的楼栋党小组${n}` });
        case 'move': return as('POST', `/api/orgs/${id}/move`, { parentId: ids.g2 });
        case 'retire': return as('POST', `/api/orgs/${id}/dissolve`, { on: '2026-01-01' });
        case 'addChild': return as('POST', '/api/orgs', { parentId: id, name: `权限测试党员户${n}`, kind: 'member_household' });
        case 'addUnit': return as('POST', '/api/units', { orgId: id, name: `权限测试单位${n}`, kind: 'co_building' });
        case 'addTie': return as('POST', `/api/orgs/${id}/ties`, { kind: 'co_builds', toOrgId: ids.g2, startedOn: '2026-01-01' });
        case 'addSeat': return as('POST', `/api/orgs/${id}/seats`, { personId: ids.person, role: 'member', startedOn: '2026-01-01' });
        default: throw new Error(action);
      }
    },
  });
  assert.deepEqual(mismatches, []);
  for (const action of ORG_ACTIONS.values) assert.deepEqual(allowed[action], ['admin', 'guangming', 'xinhua'], action);
});

test('a retired organization and the top of a region list only what may still be done to them', async () => {
  const retired = await freshOrg();
  assert.equal((await t.request('POST', `/api/orgs/${retired}/dissolve`, { cookie: admin, body: { on: '2026-01-01' } })).status, 200);
  const seen = await t.request('GET', `/api/orgs/${retired}`, { cookie: admin });
  assert.deepEqual(seen.body.actions, []);
  const rename = await t.request('PATCH', `/api/orgs/${retired}`, { cookie: admin, body: { name: '撤销后改名' } });
  assert.equal(rename.body.error.code, 'org.retired');
  const [top] = (await t.request('GET', '/api/orgs/roots', { cookie: admin })).body.items;
  assert.deepEqual(top.actions, ['edit', 'addChild', 'addUnit', 'addTie', 'addSeat']);
  assert.equal((await t.request('POST', `/api/orgs/${top.id}/dissolve`, { cookie: admin, body: { on: '2026-01-01' } })).body.error.code, 'org.top_not_retirable');
});

test('units, ties and seats list edit exactly where it succeeds', async () => {
  const parts = [
    {
      name: 'unit',
      make: async (orgId: number) => (await t.request('POST', '/api/units', { cookie: admin, body: { orgId, name: `权限测试单位${++serial}`, kind: 'co_building' } })).body.id,
      list: (orgId: number) => `/api/units?orgId=${orgId}`,
      edit: (id: number) => ['PATCH', `/api/units/${id}`, { note: '改过' }] as const,
    },
    {
      name: 'tie',
      make: async (orgId: number) => (await t.request('POST', `/api/orgs/${orgId}/ties`, { cookie: admin, body: { kind: 'co_builds', toOrgId: ids.g2, startedOn: '2026-01-01' } })).body.id,
      list: (orgId: number) => `/api/orgs/${orgId}/ties`,
      edit: (id: number) => ['PATCH', `/api/ties/${id}`, { note: '改过' }] as const,
    },
    {
      name: 'seat',
      make: async (orgId: number) => (await t.request('POST', `/api/orgs/${orgId}/seats`, { cookie: admin, body: { personId: ids.person, role: 'member', startedOn: '2026-01-01' } })).body.id,
      list: (orgId: number) => `/api/orgs/${orgId}/seats`,
      edit: (id: number) => ['PATCH', `/api/seats/${id}`, { role: 'deputy' }] as const,
    },
  ];
  for (const part of parts) {
    const where = new Map<number, number>();
    const { mismatches, allowed } = await actionMismatches(callers, {
      actions: ORG_PART_ACTIONS.values,
      fresh: async () => {
        const orgId = await freshOrg();
        const id = await part.make(orgId);
        where.set(id, orgId);
        return id;
      },
      read: async (c, id) => (await t.request('GET', part.list(where.get(id)!), { cookie: c.cookie })).body.items?.find((r: { id: number }) => r.id === id),
      attempt: (c, _action, id) => {
        const [method, url, body] = part.edit(id);
        return t.request(method, url, { cookie: c.cookie, body });
      },
    });
    assert.deepEqual(mismatches, [], part.name);
    assert.deepEqual(allowed.edit, ['admin', 'guangming', 'xinhua'], part.name);
  }
});
