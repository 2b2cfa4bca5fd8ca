import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

// Every module's holdings follow a dissolved or merged organization (the
// manifests' orgHoldings), on the demo region's busiest community.

let t: TestApp;
let xinhua: string;
before(async () => {
  t = await testApp({ demo: true });
  xinhua = await t.login('xinhua');
});
after(() => t.close());

/** What must never stay with a retired organization, by the columns that name it. */
const HELD: Record<string, string[]> = {
  grids: ['org_id', 'community_id', 'branch_id'],
  buildings: ['org_id', 'community_id', 'group_id'],
  households: ['org_id', 'community_id'],
  needs: ['org_id', 'escalated_org_id'],
  need_claims: ['org_id'],
  need_dispatches: ['org_id'],
  resources: ['org_id'],
  venues: ['org_id'],
  venue_bookings: ['org_id'],
  activities: ['org_id'],
  activity_signups: ['org_id'],
  activity_series: ['org_id'],
  volunteer_teams: ['org_id'],
  people: ['org_id'],
  users: ['org_id'],
  projects: ['org_id'],
  project_parties: ['org_id'],
  recruitments: ['org_id'],
  report_ins: ['org_id'],
  broadcast_subscriptions: ['org_id'],
  units: ['org_id', 'party_org_id'],
};

const sys = <T>(sql: string, params: unknown[] = []) => t.kernel.db.system((q) => q.query<T>(sql, params));

/** Rows per table that name any of the organizations. */
async function heldBy(orgIds: number[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [table, cols] of Object.entries(HELD)) {
    const [r] = await sys<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${cols.map((c) => `${c} = ANY ($1::bigint[])`).join(' OR ')}`, [orgIds]);
    out[table] = r!.n;
  }
  return out;
}

async function totals(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of Object.keys(HELD)) out[table] = (await sys<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  return out;
}

const idOf = async (name: string) => (await sys<{ id: number }>(`SELECT id FROM organizations WHERE name = $1`, [name]))[0]!.id;
const post = (url: string, body: unknown) => t.request('POST', url, { cookie: xinhua, body });

test('dissolving and merging organizations moves every module’s holdings; nothing stays with the retired ones', async () => {
  const gm = await idOf('光明社区党委');
  const first = await idOf('光明社区第一网格党支部');
  const second = await idOf('光明社区第二网格党支部');
  const mz = await idOf('民主社区党委');
  const before = await heldBy([gm]);
  for (const table of ['grids', 'needs', 'venues', 'activities', 'activity_series', 'people', 'projects']) {
    assert.ok(before[table]! > 0, `the demo's 光明社区 holds ${table}`);
  }
  const rowsBefore = await totals();

  // Asked without a receiving organization, the refusal counts what each module holds.
  const asked = await post(`/api/orgs/${gm}/dissolve`, { on: '2026-11-01' });
  assert.equal(asked.status, 409, asked.text);
  for (const [n, what] of [[before.grids, '个网格'], [before.people, '名人员'], [before.activities, '场活动']] as const) {
    assert.match(asked.body.error.message, new RegExp(`${n} ${what}`));
  }
  // In the user's language: each holding by its own name, not a total.
  const askedIn = (lang: string) => t.request('POST', `/api/orgs/${gm}/dissolve`, { cookie: xinhua, body: { on: '2026-11-01' }, headers: { 'accept-language': lang } });
  const english = (await askedIn('en')).body.error;
  assert.equal(english.code, 'org.holdings_left');
  for (const [n, what] of [[before.grids, 'grids'], [before.people, 'people'], [before.activities, 'activities']] as const) {
    assert.match(english.message, new RegExp(`\\b${n} ${what}\\b`));
  }
  const taiwan = (await askedIn('zh-TW')).body.error.message;
  for (const [n, what] of [[before.grids, '個網格'], [before.people, '名人員'], [before.activities, '場活動']] as const) {
    assert.match(taiwan, new RegExp(`${n} ${what}`));
  }

  // A grid branch merged into a branch of the same community without a grid hands it its grid.
  const third = await post('/api/orgs', { parentId: gm, name: '光明社区第三网格党支部', kind: 'grid_branch' });
  assert.equal(third.status, 200, third.text);
  const [firstGrid] = await sys<{ id: number }>(`SELECT id FROM grids WHERE branch_id = $1`, [first]);
  assert.equal((await post(`/api/orgs/${first}/merge`, { into: third.body.id, on: '2026-11-01' })).status, 200);
  const [moved] = await sys<{ branch_id: number; org_id: number }>(`SELECT branch_id, org_id FROM grids WHERE id = $1`, [firstGrid!.id]);
  assert.deepEqual(moved, { branch_id: third.body.id, org_id: third.body.id });
  const [households] = await sys<{ n: number }>(`SELECT count(*)::int AS n FROM households WHERE grid_id = $1 AND org_id <> $2`, [firstGrid!.id, third.body.id]);
  assert.equal(households!.n, 0, "the grid's households follow it");

  // Dissolved into its community, a branch's grid goes back to the community.
  const [secondGrid] = await sys<{ id: number }>(`SELECT id FROM grids WHERE branch_id = $1`, [second]);
  assert.equal((await post(`/api/orgs/${second}/dissolve`, { on: '2026-11-01', transferTo: gm })).status, 200);
  const [back] = await sys<{ branch_id: number | null; org_id: number }>(`SELECT branch_id, org_id FROM grids WHERE id = $1`, [secondGrid!.id]);
  assert.deepEqual(back, { branch_id: null, org_id: gm });

  // The community merged into its neighbour takes all of it along.
  const merged = await post(`/api/orgs/${gm}/merge`, { into: mz, on: '2026-11-02' });
  assert.equal(merged.status, 200, merged.text);

  const left = await heldBy([gm, first, second]);
  assert.deepEqual(Object.entries(left).filter(([, n]) => n > 0), [], 'rows left with a retired organization');
  assert.deepEqual(await totals(), rowsBefore, 'moved, not deleted');
  const [grids] = await sys<{ n: number }>(`SELECT count(*)::int AS n FROM grids WHERE community_id = $1`, [mz]);
  assert.equal(grids!.n, before.grids! + 1, "光明's grids are on 民主's map");
  const [names] = await sys<{ n: number; d: number }>(`SELECT count(*)::int AS n, count(DISTINCT name)::int AS d FROM grids WHERE community_id = $1`, [mz]);
  assert.equal(names!.d, names!.n, 'a grid name used twice is renamed after the old community');

  // The receiving side sees what it received.
  const mzSecretary = await t.request('GET', `/api/needs?orgId=${mz}&page=1&pageSize=100`, { cookie: xinhua });
  assert.equal(mzSecretary.status, 200, mzSecretary.text);
  assert.ok(mzSecretary.body.total >= before.needs!, 'the needs are listed under the receiving community');
});
