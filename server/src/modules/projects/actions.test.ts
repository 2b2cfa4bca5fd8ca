import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { STAFF_AT, actionCallers, actionMismatches, orgsOf, places, type Caller, type Places } from '../../../../test/support/allowed-actions.ts';
import { PROJECT_LIST_ACTIONS, PROJECT_RECORD_ACTIONS } from './schema.ts';

// Role × action for alliance projects: what each project and list lists for a
// role is exactly what that role gets done.

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

async function newProject(orgId: number): Promise<number> {
  const r = await t.request('POST', '/api/projects', { cookie: admin, body: { orgId, name: `权限测试项目${++n}` } });
  assert.equal(r.status, 200, r.text);
  return r.body.id;
}

const STEPS: Record<string, [string, object]> = {
  edit: ['parties', { unitId: 0, pledge: '出场地' }],
  progress: ['updates', { body: '推进中', progress: 50 }],
  complete: ['complete', { outcome: '已完成' }],
  cancel: ['cancel', { reason: '终止' }],
};

test('a project lists its steps exactly for whom may take them', async () => {
  for (const [name, orgId] of orgsOf(p)) {
    // A party from the project's own community: the tax office for 光明's, the hospital for 向阳's.
    const unitId = orgId === p.xiangyang ? p.hospital.id : p.tax.id;
    const found = await actionMismatches(callers, {
      actions: PROJECT_RECORD_ACTIONS.values,
      fresh: () => newProject(orgId),
      read: async (c, id) => (await t.request('GET', '/api/projects', { cookie: c.cookie })).body.items.find((x: { id: number }) => x.id === id),
      attempt: (c, action, id) => {
        const [step, body] = STEPS[action]!;
        return t.request('POST', `/api/projects/${id}/${step}`, { cookie: c.cookie, body: action === 'edit' ? { ...body, unitId } : body });
      },
    });
    assert.deepEqual(found.mismatches, [], name);
    const staff = STAFF_AT[name];
    assert.deepEqual(found.allowed, { edit: staff, progress: staff, complete: staff, cancel: staff }, name);
  }
});

test('a list of projects lists create exactly where the viewer may start one', async () => {
  for (const [name, orgId] of orgsOf(p)) {
    const found = await actionMismatches(callers, {
      actions: PROJECT_LIST_ACTIONS.values,
      fresh: async () => orgId,
      read: async (c) => {
        const r = await t.request('GET', `/api/projects?orgId=${orgId}`, { cookie: c.cookie });
        return r.status === 200 ? r.body : undefined;
      },
      attempt: (c) => t.request('POST', '/api/projects', { cookie: c.cookie, body: { orgId, name: `权限测试新项目${++n}` } }),
    });
    assert.deepEqual(found.mismatches, [], name);
    assert.deepEqual(found.allowed.create, STAFF_AT[name], name);
  }
});
