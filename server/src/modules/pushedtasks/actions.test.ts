import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { actionCallers, actionMismatchesAcross, places, type Caller, type Places } from '../../../../test/support/allowed-actions.ts';
import { regionToday } from '../../kernel/time.ts';
import * as orgs from '../orgs/service.ts';
import { PUSHED_TASK_ACTIONS, PUSHED_TASK_LIST_ACTIONS } from './schema.ts';

// Role × action for tasks pushed to communities: what a task and the list
// offer a role is exactly what that role gets done. Two departments: the
// city's housing bureau (registered at the city) and the civil affairs
// bureau (registered at a community), with a liaison of its own.

let t: TestApp;
let p: Places;
let cast: Caller[];
let admin: string;
let departments: { name: string; unitId: number }[];
let n = 0;

before(async () => {
  t = await testApp({ demo: true });
  p = await places(t);
  cast = await actionCallers(t, p);
  admin = await t.login('admin');
  const units = await t.kernel.db.system((q) => orgs.listUnits(q));
  const unit = (name: string) => units.find((u) => u.name === name)!;
  departments = [{ name: '住建局', unitId: unit('梅河口市住房和城乡建设局').id }, { name: '民政局', unitId: unit('梅河口市民政局').id }];
  const civil = unit('梅河口市民政局');
  const made = await t.request('POST', '/api/users', {
    cookie: admin,
    body: { username: 'civil.liaison', displayName: '民政局联络员', password: 'Civil12345', orgId: civil.orgId, grants: [{ role: 'unit_liaison', orgId: civil.orgId, unitId: civil.id }] },
  });
  assert.equal(made.status, 200, made.text);
  cast.push({ name: 'civil.liaison', cookie: await t.login('civil.liaison', 'Civil12345'), units: [{ id: civil.id, orgId: civil.orgId }] });
});
after(() => t.close());

const body = (unitId: number) => ({ unitId, communityIds: [p.guangming], title: `权限测试事项${++n}`, nature: 'administrative', startsOn: regionToday() });

async function newTask(unitId: number): Promise<number> {
  const r = await t.request('POST', '/api/pushed-tasks', { cookie: admin, body: body(unitId) });
  assert.equal(r.status, 200, r.text);
  return r.body.id;
}

test('a pushed task lists withdraw exactly for whom may take it', async () => {
  const subjects = await Promise.all(departments.map(async (d) => ({ ...d, id: await newTask(d.unitId) })));
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: PUSHED_TASK_ACTIONS.values, subjects, name: (s) => s.name,
    fresh: async (s) => ({ ...s, id: await newTask(s.unitId) }),
    listed: async (a, s) => {
      const r = await t.request('GET', `/api/pushed-tasks?unitId=${s.unitId}`, { cookie: a.cookie });
      return r.body.items?.find((x: { id: number }) => x.id === s.id)?.actions ?? null;
    },
    attempt: (a, _action, s) => t.request('POST', `/api/pushed-tasks/${s.id}/withdraw`, { cookie: a.cookie }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['withdraw']);
});

test('the list offers create for exactly the departments the viewer may register for', async () => {
  const allowedBy: Record<string, string[]> = {};
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: PUSHED_TASK_LIST_ACTIONS.values, subjects: departments, name: (s) => s.name, fresh: async (s) => s,
    listed: async (a, s) => {
      const r = await t.request('GET', '/api/pushed-tasks', { cookie: a.cookie });
      if (r.status !== 200) return null;
      return r.body.departments.some((d: { id: number }) => d.id === s.unitId) ? r.body.actions : [];
    },
    attempt: async (a, _action, s) => {
      const r = await t.request('POST', '/api/pushed-tasks', { cookie: a.cookie, body: body(s.unitId) });
      if (r.status === 200) (allowedBy[s.name] ??= []).push(a.name);
      return r;
    },
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['create']);
  assert.deepEqual(allowedBy['住建局'], ['admin'], 'the city’s department: the district administrator');
  assert.ok(allowedBy['民政局']!.includes('civil.liaison') && !allowedBy['民政局']!.includes('liaison'), 'the department’s own liaison, not another unit’s');
});
