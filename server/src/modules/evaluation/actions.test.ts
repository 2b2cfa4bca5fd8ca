import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { STAFF_AT, actionCallers, actionMismatches, actionMismatchesAcross, places, type Caller, type OrgPlace, type Places } from '../../../../test/support/allowed-actions.ts';
import { ROUND_ACTIONS, ROUND_LIST_ACTIONS, UNIT_ACTIONS, type RoundAction } from './schema.ts';
import { regionYear } from '../../kernel/time.ts';
import * as evaluation from './service.ts';

// Role × action for evaluation rounds: what a round, and the list of rounds,
// lists for a caller is exactly what that caller gets done.

let t: TestApp;
let p: Places;
let cast: Caller[];
let admin: string;

before(async () => {
  t = await testApp({ demo: true });
  p = await places(t);
  cast = await actionCallers(t, p);
  admin = await t.login('admin');
});
after(() => t.close());

/** One round per organization and year: each record takes the next year, clear of the demo's. */
const nextYear: Record<number, number> = {};
const yearAt = (orgId: number) => (nextYear[orgId] = (nextYear[orgId] ?? 2029) + 1);

type Subject = { name: OrgPlace; orgId: number; id: number };
const communities = (): Omit<Subject, 'id'>[] => [{ name: '光明', orgId: p.guangming }, { name: '向阳', orgId: p.xiangyang }];

/** An open round; for closing, every grade confirmed at its proposal. */
async function newRound(orgId: number, action: string): Promise<number> {
  const r = await t.request('POST', '/api/evaluation-rounds', { cookie: admin, body: { orgId, year: yearAt(orgId) } });
  assert.equal(r.status, 200, r.text);
  assert.ok(r.body.rows.length > 0, 'a round with members');
  if (action === 'close') await t.kernel.db.system((q) => evaluation.confirmProposals(q, r.body.id, '测试'));
  return r.body.id;
}

test('a round lists confirm and close exactly for whom may take them', async () => {
  // Each attempt gets a round of its own (fresh): the subjects only say where.
  const subjects: Subject[] = communities().map((c) => ({ ...c, id: 0 }));
  const rows = new Map<number, { personId: number; proposed: string }>();
  const allowed: Record<string, Set<string>> = {};
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: ROUND_ACTIONS.values, subjects, name: (s) => s.name,
    fresh: async (s, action) => ({ ...s, id: await newRound(s.orgId, action) }),
    listed: async (a, s) => {
      const r = await t.request('GET', `/api/evaluation-rounds/${s.id}`, { cookie: a.cookie });
      if (r.status === 200) rows.set(s.id, r.body.rows[0]);
      return r.status === 200 ? r.body.actions : null;
    },
    attempt: async (a, action, s) => {
      const res = await ({
        confirm: async () => {
          const row = rows.get(s.id) ?? (await t.request('GET', `/api/evaluation-rounds/${s.id}`, { cookie: admin })).body.rows[0];
          return t.request('POST', `/api/evaluation-rounds/${s.id}/grades/${row.personId}`, { cookie: a.cookie, body: { grade: row.proposed } });
        },
        close: () => t.request('POST', `/api/evaluation-rounds/${s.id}/close`, { cookie: a.cookie, body: {} }),
      })[action as RoundAction]();
      if (res.status < 400) (allowed[`${s.name} ${action}`] ??= new Set()).add(a.name);
      return res;
    },
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done].sort(), [...ROUND_ACTIONS.values].sort());
  for (const s of subjects) {
    for (const action of ROUND_ACTIONS.values) assert.deepEqual([...(allowed[`${s.name} ${action}`] ?? [])].sort(), STAFF_AT[s.name], `${s.name} ${action}`);
  }
});

test('a list of rounds lists create exactly where the viewer may open one', async () => {
  const allowed: Record<string, string[]> = {};
  const { mismatches, done } = await actionMismatchesAcross(cast, {
    actions: ROUND_LIST_ACTIONS.values, subjects: communities(), name: (s) => s.name, fresh: async (s) => s,
    listed: async (a, s) => {
      const r = await t.request('GET', `/api/evaluation-rounds?orgId=${s.orgId}`, { cookie: a.cookie });
      return r.status === 200 ? r.body.actions : null;
    },
    attempt: async (a, _action, s) => {
      const res = await t.request('POST', '/api/evaluation-rounds', { cookie: a.cookie, body: { orgId: s.orgId, year: yearAt(s.orgId) } });
      if (res.status < 400) (allowed[s.name] ??= []).push(a.name);
      return res;
    },
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual([...done], ['create']);
  for (const s of communities()) assert.deepEqual(allowed[s.name]!.sort(), STAFF_AT[s.name]);
});

test('a unit’s year lists reportBack exactly for whom may report back', async () => {
  const year = regionYear();
  const units = `/api/evaluation/units?orgId=${p.guangming}&year=${year}`;
  const { mismatches, allowed } = await actionMismatches(cast, {
    actions: UNIT_ACTIONS.values,
    // The tax office's pledge at 光明 this year (the demo's), not yet reported back to.
    fresh: async () => {
      await t.kernel.db.system((q) => q.query(`DELETE FROM evaluation_unit_reports WHERE unit_id = $1 AND year = $2`, [p.tax.id, year]));
      return p.tax.id;
    },
    read: async (a, unitId) => (await t.request('GET', units, { cookie: a.cookie })).body.items?.find((u: { unitId: number }) => u.unitId === unitId),
    attempt: (a, _action, unitId) => t.request('POST', `/api/evaluation/units/${unitId}/report-back`, { cookie: a.cookie, body: { orgId: p.guangming, year, body: '反馈' } }),
  });
  assert.deepEqual(mismatches, []);
  assert.deepEqual(allowed.reportBack, STAFF_AT['光明']);
});
