import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { addDays, regionToday } from '../../kernel/time.ts';

let t: TestApp;
let admin: string;
let secretary: string;
let wangge: string;
let city: number;
let guangming: number;
let xiangyang: number;

before(async () => {
  t = await testApp({ demo: true });
  admin = await t.login('admin');
  secretary = await t.login('guangming');
  wangge = await t.login('wangge');
  const org = async (name: string) => (await t.request('GET', `/api/orgs?q=${encodeURIComponent(name)}`, { cookie: admin })).body.items[0].id as number;
  city = await org('中共梅河口市委');
  guangming = await org('光明社区党委');
  xiangyang = await org('向阳社区党委');
});
after(() => t.close());

const code = (res: { body: { error?: { code: string } } }) => res.body.error?.code;
const fieldCodes = (res: { body: { error?: { fieldCodes?: Record<string, string> } } }) => res.body.error?.fieldCodes;

test('the demo: 梅河口’s big visit at 1:100 — 110 cadres, 4 suggestions, 65 problems solved, 187,000 yuan — counted from the records', async () => {
  const list = await t.request('GET', `/api/campaigns?orgId=${city}`, { cookie: admin });
  assert.equal(list.status, 200, list.text);
  assert.deepEqual(list.body.actions, ['create']);
  const c = list.body.items.find((x: { name: string }) => x.name === '万名党员干部党群连心大走访');
  const d = (await t.request('GET', `/api/campaigns/${c.id}`, { cookie: admin })).body;
  const f = d.figures;
  assert.equal(f.cadres, 110);
  assert.deepEqual(f.cadresByKind, [{ kind: 'staff', cadres: 6 }, { kind: 'committee_member', cadres: 3 }, { kind: 'reported_member', cadres: 101 }]);
  assert.equal(f.suggestions, 4);
  assert.equal(f.solved, 65);
  assert.equal(f.spentFen, 18_700_000);

  // Coverage is the grids' own households and visits in the window, each household once.
  const ids = await communitiesOf();
  const raw = await t.kernel.db.system((q) => q.query<{ households: number; visited: number; tag: string | null; th: number; tv: number }>(
    `WITH a AS (SELECT h.id, h.tags FROM households h JOIN grids g ON g.id = h.grid_id JOIN organizations o ON o.id = g.community_id
                 WHERE o.id = ANY ($1::bigint[])),
          v AS (SELECT DISTINCT household_id FROM visits WHERE visited_on BETWEEN $2 AND $3 AND household_id IN (SELECT id FROM a))
     SELECT (SELECT count(*) FROM a)::int AS households, (SELECT count(*) FROM v)::int AS visited, NULL AS tag, 0 AS th, 0 AS tv
     UNION ALL SELECT 0, 0, x.tag, count(*)::int, count(*) FILTER (WHERE a.id IN (SELECT household_id FROM v))::int FROM a, unnest(a.tags) x (tag) GROUP BY x.tag`,
    [ids, d.startsOn, d.endsOn],
  ));
  assert.equal(f.households, raw[0]!.households);
  assert.equal(f.visited, raw[0]!.visited);
  assert.ok(f.visited >= 101 && f.visited < f.households, 'the reported members’ doors are visited, 陈晓燕’s grid not yet all');
  for (const r of raw.slice(1)) assert.deepEqual(f.byTag.find((b: { tag: string }) => b.tag === r.tag), { tag: r.tag, households: r.th, visited: r.tv });
  assert.equal(f.byTag.length, 6, 'every one of the six kinds is listed');
});

async function communitiesOf(): Promise<number[]> {
  const names = ['光明社区党委', '民主社区党委', '向阳社区党委', '胜利社区党委'];
  return Promise.all(names.map(async (n) => (await t.request('GET', `/api/orgs?q=${encodeURIComponent(n)}`, { cookie: admin })).body.items[0].id as number));
}

test('the grid worker’s phone page: her area, the doors not yet visited first; a visit recorded through the grids moves the campaign’s coverage', async () => {
  const mine = await t.request('GET', '/api/campaigns/mine', { cookie: wangge });
  assert.equal(mine.status, 200, mine.text);
  const a = mine.body.items[0];
  assert.equal(a.areaKind, 'grid');
  assert.ok(a.households.length > 0 && !a.households[0].visitedInWindow);
  const before = (await t.request('GET', `/api/campaigns/${a.campaignId}`, { cookie: admin })).body.figures;
  const v = await t.request('POST', '/api/visits', {
    cookie: wangge, body: { householdId: a.households[0].id, visitedOn: regionToday(), learned: '老人身体好，建议楼下加座椅', need: { kind: 'request', category: 'facilities', title: '楼下加座椅' } },
  });
  assert.equal(v.status, 200, v.text);
  const after = (await t.request('GET', `/api/campaigns/${a.campaignId}`, { cookie: admin })).body.figures;
  assert.equal(after.visited, before.visited + 1);
  assert.equal(after.suggestions, before.suggestions + 1);
  const again = (await t.request('GET', '/api/campaigns/mine', { cookie: wangge })).body.items[0];
  assert.equal(again.households.find((h: { id: number }) => h.id === a.households[0].id).visitedInWindow, true);
  // The grid worker runs no campaign.
  assert.deepEqual((await t.request('GET', '/api/campaigns', { cookie: wangge })).body.actions, []);
});

test('a community starts a campaign and hands out areas; bad areas and dates are refused by field', async () => {
  const bad = await t.request('POST', '/api/campaigns', { cookie: secretary, body: { orgId: guangming, name: '春节大走访', startsOn: '2026-02-10', endsOn: '2026-02-01' } });
  assert.equal(bad.status, 400);
  assert.ok(fieldCodes(bad)?.endsOn);
  const c = await t.request('POST', '/api/campaigns', { cookie: secretary, body: { orgId: guangming, name: '春节大走访', startsOn: regionToday(), endsOn: addDays(regionToday(), 20) } });
  assert.equal(c.status, 200, c.text);
  assert.deepEqual(c.body.actions, ['assign']);
  assert.equal(code(await t.request('POST', '/api/campaigns', { cookie: secretary, body: { orgId: guangming, name: '春节大走访', startsOn: regionToday(), endsOn: regionToday() } })), 'campaign.name_taken');
  assert.equal(code(await t.request('POST', '/api/campaigns', { cookie: secretary, body: { orgId: xiangyang, name: '越界', startsOn: regionToday(), endsOn: regionToday() } })), 'campaign.admin_only');

  const grids = (await t.request('GET', `/api/grids?orgId=${guangming}`, { cookie: secretary })).body.items;
  const other = (await t.request('GET', `/api/grids?orgId=${xiangyang}`, { cookie: admin })).body.items;
  const assign = (body: object) => t.request('POST', `/api/campaigns/${c.body.id}/cadres`, { cookie: secretary, body: { cadreKind: 'committee_member', name: '孙伟', ...body } });
  const noGrid = await assign({ areaKind: 'grid' });
  assert.equal(code(noGrid), 'campaign.grid_required');
  assert.equal(fieldCodes(noGrid)?.gridId, 'campaign.grid_required');
  assert.equal(code(await assign({ areaKind: 'households', householdIds: [] })), 'campaign.households_required');
  const outside = await assign({ areaKind: 'grid', gridId: other[0].id });
  assert.equal(code(outside), 'campaign.area_outside');
  assert.ok(fieldCodes(outside)?.gridId);
  const ok = await assign({ areaKind: 'grid', gridId: grids[0].id });
  assert.equal(ok.status, 200, ok.text);
  assert.deepEqual(ok.body.actions, ['remove']);
  assert.equal(code(await assign({ areaKind: 'grid', gridId: grids[0].id })), 'campaign.already_assigned');
  const d = (await t.request('GET', `/api/campaigns/${c.body.id}`, { cookie: secretary })).body;
  assert.equal(d.figures.cadres, 1);
  assert.equal(d.figures.households, grids[0].householdCount);
  assert.equal((await t.request('DELETE', `/api/campaign-cadres/${ok.body.id}`, { cookie: secretary })).status, 200);
});

test('an ended campaign keeps its assignments: neither assign nor remove is offered or done', async () => {
  const c = await t.request('POST', '/api/campaigns', { cookie: secretary, body: { orgId: guangming, name: '去年大走访', startsOn: '2025-01-01', endsOn: '2025-01-31' } });
  assert.equal(c.status, 200, c.text);
  assert.deepEqual(c.body.actions, []);
  const grids = (await t.request('GET', `/api/grids?orgId=${guangming}`, { cookie: secretary })).body.items;
  const r = await t.request('POST', `/api/campaigns/${c.body.id}/cadres`, { cookie: secretary, body: { cadreKind: 'staff', name: '某某', areaKind: 'grid', gridId: grids[0].id } });
  assert.equal(code(r), 'campaign.ended');
});

test('a reported member given a grid sees its doors as a grid worker would and records a visit there; nobody else, and nowhere else', async () => {
  const member = await t.login('dangyuan');
  const [p] = await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT id FROM people WHERE user_id = (SELECT id FROM users WHERE username = 'dangyuan')`));
  const c = await t.request('POST', '/api/campaigns', { cookie: secretary, body: { orgId: guangming, name: '报到党员包片走访', startsOn: addDays(regionToday(), -3), endsOn: addDays(regionToday(), 10) } });
  assert.equal(c.status, 200, c.text);
  const grids = (await t.request('GET', `/api/grids?orgId=${guangming}`, { cookie: secretary })).body.items as { id: number; householdCount: number }[];
  const [area, elsewhere] = grids.filter((g) => g.householdCount > 0);
  const a = await t.request('POST', `/api/campaigns/${c.body.id}/cadres`, { cookie: secretary, body: { cadreKind: 'reported_member', name: '周志强', personId: p!.id, areaKind: 'grid', gridId: area!.id } });
  assert.equal(a.status, 200, a.text);

  const mine = (await t.request('GET', '/api/campaigns/mine', { cookie: member })).body.items.find((x: { campaignId: number }) => x.campaignId === c.body.id);
  assert.equal(mine.households.length, area!.householdCount, 'every door of the grid, though a member holds no grant over households');
  const door = mine.households[0];
  assert.equal(door.phoneMasked, undefined);
  const seen = (await t.request('GET', `/api/households?gridId=${area!.id}`, { cookie: secretary })).body.items.find((h: { id: number }) => h.id === door.id);
  assert.equal(door.addressMasked, seen.addressMasked, 'the address masked as a grid worker sees it');
  assert.equal(door.headName, seen.headName);

  const before = (await t.request('GET', `/api/campaigns/${c.body.id}`, { cookie: secretary })).body.figures;
  const v = await t.request('POST', '/api/campaigns/visits', { cookie: member, body: { householdId: door.id, visitedOn: regionToday(), learned: '独居老人，希望有人定期探望' } });
  assert.equal(v.status, 200, v.text);
  assert.equal(v.body.visitorName.length > 0, true);
  const after = (await t.request('GET', `/api/campaigns/${c.body.id}`, { cookie: secretary })).body.figures;
  assert.equal(after.visited, before.visited + 1);
  const again = (await t.request('GET', '/api/campaigns/mine', { cookie: member })).body.items.find((x: { campaignId: number }) => x.campaignId === c.body.id);
  assert.equal(again.households.find((h: { id: number }) => h.id === door.id).visitedInWindow, true);

  // A suggestion heard at the next door is the household's need, in its grid, listed for those who work it.
  const next = mine.households[1];
  const raise = { kind: 'request', category: 'facilities', urgency: 'normal', title: '楼道灯坏了' };
  const s = await t.request('POST', '/api/campaigns/visits', { cookie: member, body: { householdId: next.id, visitedOn: regionToday(), learned: '三单元楼道灯不亮', need: raise } });
  assert.equal(s.status, 200, s.text);
  assert.equal(typeof s.body.needId, 'number');
  const need = await t.request('GET', `/api/needs/${s.body.needId}`, { cookie: secretary });
  assert.equal(need.status, 200, need.text);
  assert.deepEqual([need.body.title, need.body.source, need.body.gridId, need.body.requesterName, need.body.description], ['楼道灯坏了', 'visit', area!.id, next.headName, '三单元楼道灯不亮']);
  assert.ok(need.body.addressMasked, 'the household’s address carried over, masked');
  const withSuggestion = (await t.request('GET', `/api/campaigns/${c.body.id}`, { cookie: secretary })).body.figures;
  assert.equal(withSuggestion.suggestions, after.suggestions + 1);

  // Not a door of another grid, not a day outside the campaign, and not for anyone not given the area.
  const other = (await t.request('GET', `/api/households?gridId=${elsewhere!.id}`, { cookie: secretary })).body.items[0];
  const refused = await t.request('POST', '/api/campaigns/visits', { cookie: member, body: { householdId: other.id, visitedOn: regionToday(), learned: '越界' } });
  assert.equal(code(refused), 'grid.household_not_in_area');
  assert.equal(fieldCodes(refused)?.householdId, 'grid.household_not_in_area');
  assert.equal(code(await t.request('POST', '/api/campaigns/visits', { cookie: member, body: { householdId: door.id, visitedOn: addDays(regionToday(), -5), learned: '期外' } })), 'grid.household_not_in_area');
  // A refused visit raises nothing.
  const needsBefore = (await t.kernel.db.system((q) => q.query<{ n: number }>(`SELECT count(*)::int AS n FROM needs`)))[0]!.n;
  assert.equal(code(await t.request('POST', '/api/campaigns/visits', { cookie: member, body: { householdId: other.id, visitedOn: regionToday(), learned: '越界', need: raise } })), 'grid.household_not_in_area');
  assert.equal((await t.kernel.db.system((q) => q.query<{ n: number }>(`SELECT count(*)::int AS n FROM needs`)))[0]!.n, needsBefore);
  for (const user of ['jumin', 'liaison']) {
    const cookie = await t.login(user);
    assert.equal(code(await t.request('POST', '/api/campaigns/visits', { cookie, body: { householdId: door.id, visitedOn: regionToday(), learned: '冒名' } })), 'grid.household_not_in_area', user);
    const theirs = (await t.request('GET', '/api/campaigns/mine', { cookie })).body.items as { households: { id: number }[] }[];
    assert.ok(!theirs.some((x) => x.households.some((h) => h.id === door.id)), user);
  }
});
