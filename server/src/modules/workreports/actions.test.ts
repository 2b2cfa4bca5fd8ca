import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { actionCallers, actionMismatchesAcross, orgsOf, places, type Caller, type Places } from '../../../../test/support/allowed-actions.ts';
import { WORK_REPORT_ACTIONS, WORK_REPORT_LIST_ACTIONS } from './schema.ts';

// Role × action for work reports: commenting is listed exactly for the
// committee a report is addressed to (and those above it), filing exactly
// for the reporter's secretary and administrators.

let t: TestApp;
let p: Places;
let cast: Caller[];
let admin: string;
// Each report its own ended year, so none meets another's period.
let year = 1900;

before(async () => {
  t = await testApp({ demo: true });
  p = await places(t);
  cast = await actionCallers(t, p);
  admin = await t.login('admin');
});
after(() => t.close());

async function newReport(orgId: number): Promise<number> {
  const r = await t.request('POST', '/api/work-reports', { cookie: admin, body: { orgId, periodKind: 'year', periodFrom: `${++year}-01-01`, statement: '年度工作报告' } });
  assert.equal(r.status, 200, r.text);
  return r.body.id;
}

test('a report lists comment exactly for whom it is addressed to', async () => {
  const subjects = await Promise.all(orgsOf(p).map(async ([name, orgId]) => ({ name, orgId, id: await newReport(orgId) })));
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: WORK_REPORT_ACTIONS.values, subjects, name: (s) => s.name,
    fresh: async (s) => ({ ...s, id: await newReport(s.orgId) }),
    listed: async (a, s) => {
      const r = await t.request('GET', `/api/work-reports?orgId=${s.orgId}`, { cookie: a.cookie });
      return r.body.items?.find((x: { id: number }) => x.id === s.id)?.actions ?? null;
    },
    attempt: (a, _action, s) => t.request('POST', `/api/work-reports/${s.id}/comments`, { cookie: a.cookie, body: { body: '点评' } }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['comment']);
});

test('the list offers create exactly where the viewer may file', async () => {
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: WORK_REPORT_LIST_ACTIONS.values, subjects: orgsOf(p).map(([name, orgId]) => ({ name, orgId })), name: (s) => s.name, fresh: async (s) => s,
    listed: async (a, s) => {
      const r = await t.request('GET', `/api/work-reports?orgId=${s.orgId}`, { cookie: a.cookie });
      return r.status === 200 ? r.body.actions : null;
    },
    attempt: (a, _action, s) => t.request('POST', '/api/work-reports', { cookie: a.cookie, body: { orgId: s.orgId, periodKind: 'year', periodFrom: `${++year}-01-01`, statement: '年度' } }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['create']);
});
