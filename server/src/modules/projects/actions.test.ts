import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { actors, compareActions, places, type Actor, type Places } from '../../../../test/support/allowed-actions.ts';
import { PROJECT_LIST_ACTIONS, PROJECT_RECORD_ACTIONS } from './schema.ts';

// Role × action for alliance projects: what each project and list lists for a
// role is exactly what that role gets done.

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
  const subjects = await Promise.all(([['光明', p.guangming], ['光明一网格', p.grid], ['向阳', p.xiangyang]] as const).map(async ([name, orgId]) => ({ name, orgId, id: await newProject(orgId) })));
  const { mismatches, done } = await compareActions({
    actors: cast, actions: PROJECT_RECORD_ACTIONS.values, subjects, name: (s) => s.name,
    fresh: async (s) => ({ ...s, id: await newProject(s.orgId) }),
    listed: async (a, s) => {
      const list = await t.request('GET', '/api/projects', { cookie: a.cookie });
      return list.body.items.find((x: { id: number }) => x.id === s.id)?.actions ?? null;
    },
    attempt: (a, action, s) => {
      const [step, body] = STEPS[action]!;
      // A party from the project's own community: the tax office for 光明's, the hospital for 向阳's.
      const unitId = s.orgId === p.xiangyang ? p.hospital.id : p.tax.id;
      return t.request('POST', `/api/projects/${s.id}/${step}`, { cookie: a.cookie, body: action === 'edit' ? { ...body, unitId } : body });
    },
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done].sort(), ['cancel', 'complete', 'edit', 'progress']);
});

test('a list of projects lists create exactly where the viewer may start one', async () => {
  const subjects = [['光明', p.guangming], ['光明一网格', p.grid], ['向阳', p.xiangyang]] as const;
  const { mismatches, done } = await compareActions({
    actors: cast, actions: PROJECT_LIST_ACTIONS.values, subjects: [...subjects], name: (s) => s[0], fresh: async (s) => s,
    listed: async (a, [, orgId]) => (await t.request('GET', `/api/projects?orgId=${orgId}`, { cookie: a.cookie })).body.actions ?? null,
    attempt: (a, _action, [, orgId]) => t.request('POST', '/api/projects', { cookie: a.cookie, body: { orgId, name: `权限测试新项目${++n}` } }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['create']);
});
