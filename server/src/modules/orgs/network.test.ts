import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
let xinhua: string;
let gm: { id: number; path: string };
before(async () => {
  t = await testApp({ demo: true });
  xinhua = await t.login('xinhua');
  gm = await find('光明社区党委');
});
after(() => t.close());

async function find(name: string, cookie = xinhua) {
  const res = await t.request('GET', `/api/orgs?q=${encodeURIComponent(name)}`, { cookie });
  const hit = res.body.items.find((o: { name: string }) => o.name === name);
  assert.ok(hit, `${name} not found`);
  return hit;
}
const post = (url: string, body: unknown, cookie = xinhua) => t.request('POST', url, { cookie, body });

test('search finds an organization by Traditional characters, pinyin initials or full pinyin', async () => {
  for (const q of ['光明社區黨委', 'gmsq', 'guangmingshequ', 'ＧＭＳＱ']) {
    const res = await t.request('GET', `/api/orgs?q=${encodeURIComponent(q)}`, { cookie: xinhua });
    assert.ok(res.body.items.some((o: { name: string }) => o.name === '光明社区党委'), q);
  }
});

test('moving a subtree carries its descendants; cycles and moves out of scope are refused', async () => {
  const grid = await find('光明社区第二网格党支部');
  const minzhu = await find('民主社区党委');
  const moved = await post(`/api/orgs/${grid.id}/move`, { parentId: minzhu.id });
  assert.equal(moved.status, 200, moved.text);
  assert.equal(moved.body.path, `${minzhu.path}.${grid.id}`);
  const kids = await t.request('GET', `/api/orgs/${grid.id}/children`, { cookie: xinhua });
  for (const k of kids.body.items) assert.ok(k.path.startsWith(`${moved.body.path}.`), k.path);

  const cycle = await post(`/api/orgs/${minzhu.id}/move`, { parentId: grid.id });
  assert.equal(cycle.status, 400);
  assert.equal(cycle.body.error.fieldCodes.parentId, 'org.move_under_own_child');

  const secretary = await t.login('guangming');
  const xiangyang = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('向阳社区党委')}`, { cookie: await t.login('admin') })).body.items[0];
  const mine = await find('光明社区第一网格党支部', secretary);
  const out = await post(`/api/orgs/${mine.id}/move`, { parentId: xiangyang.id }, secretary);
  assert.equal(out.status, 404);
  assert.equal(out.body.error.code, 'kernel.not_found');
  await post(`/api/orgs/${grid.id}/move`, { parentId: gm.id });
});

test('dissolving an organization with people or children asks where they go, then moves them and keeps the history', async () => {
  const branch = await post('/api/orgs', { parentId: gm.id, name: '光明社区临时党支部', kind: 'grid_branch', foundedOn: '2020-03-01' });
  assert.equal(branch.body.foundedOn, '2020-03-01');
  const child = await post('/api/orgs', { parentId: branch.body.id, name: '临时楼栋党小组', kind: 'building_group' });
  const person = await post('/api/people', { orgId: branch.body.id, name: '临时支部党员', isMember: true, category: 'retired' });
  const asked = await post(`/api/orgs/${branch.body.id}/dissolve`, { on: '2026-11-01' });
  assert.equal(asked.status, 409);
  assert.equal(asked.body.error.code, 'org.holdings_left');
  assert.match(asked.body.error.message, /1 个下级组织、1 名人员/, 'names what it holds');
  const english = await t.request('POST', `/api/orgs/${branch.body.id}/dissolve`, { cookie: xinhua, body: { on: '2026-11-01' }, headers: { 'accept-language': 'en' } });
  assert.match(english.body.error.message, /holds 1 sub-organization, 1 person;/, 'one of each, in the singular');
  assert.equal(asked.body.error.fieldCodes.transferTo, 'org.choose_receiver');

  const grid1 = await find('光明社区第一网格党支部');
  const done = await post(`/api/orgs/${branch.body.id}/dissolve`, { on: '2026-11-01', transferTo: grid1.id });
  assert.equal(done.status, 200, done.text);
  assert.deepEqual([done.body.status, done.body.statusLabel, done.body.statusOn], ['dissolved', '已撤销', '2026-11-01']);
  assert.equal((await t.request('GET', `/api/orgs/${child.body.id}`, { cookie: xinhua })).body.parentId, grid1.id);
  assert.equal((await t.request('GET', `/api/people/${person.body.id}`, { cookie: xinhua })).body.orgId, grid1.id);
  const kids = await t.request('GET', `/api/orgs/${gm.id}/children`, { cookie: xinhua });
  assert.ok(!kids.body.items.some((o: { id: number }) => o.id === branch.body.id), 'a dissolved organization leaves the tree');
  const again = await post(`/api/orgs/${branch.body.id}/dissolve`, { on: '2026-11-02' });
  assert.equal(again.status, 400);
});

test('merging one branch into another records where it went', async () => {
  const a = await post('/api/orgs', { parentId: gm.id, name: '并入前甲支部', kind: 'grid_branch' });
  const b = await post('/api/orgs', { parentId: gm.id, name: '并入后乙支部', kind: 'grid_branch' });
  const merged = await post(`/api/orgs/${a.body.id}/merge`, { into: b.body.id, on: '2026-10-01' });
  assert.equal(merged.status, 200, merged.text);
  assert.deepEqual([merged.body.status, merged.body.mergedIntoId], ['merged', b.body.id]);
});

test('ties: co-building with a unit, no tie to oneself, no duplicate, ended not deleted', async () => {
  const units = (await t.request('GET', `/api/units?orgId=${gm.id}`, { cookie: xinhua })).body.items;
  const school = units.find((u: { name: string }) => u.name === '梅河口市第五中学');
  const self = await post(`/api/orgs/${gm.id}/ties`, { kind: 'co_builds', toOrgId: gm.id, startedOn: '2024-01-01' });
  assert.equal(self.status, 400);
  assert.equal(self.body.error.fieldCodes.toOrgId, 'org.tie_self');
  const both = await post(`/api/orgs/${gm.id}/ties`, { kind: 'co_builds', startedOn: '2024-01-01' });
  assert.equal(both.status, 400);
  const first = await post(`/api/orgs/${gm.id}/ties`, { kind: 'pairs_with', toUnitId: school.id, startedOn: '2024-01-01', pledge: '开放操场' });
  assert.equal(first.status, 200, first.text);
  assert.equal(first.body.toName, '梅河口市第五中学');
  const dup = await post(`/api/orgs/${gm.id}/ties`, { kind: 'pairs_with', toUnitId: school.id, startedOn: '2025-01-01' });
  assert.equal(dup.status, 409);
  const ended = await t.request('PATCH', `/api/ties/${first.body.id}`, { cookie: xinhua, body: { endedOn: '2023-01-01' } });
  assert.equal(ended.status, 400, 'an end before the start is refused');
  const ok = await t.request('PATCH', `/api/ties/${first.body.id}`, { cookie: xinhua, body: { endedOn: '2026-01-01' } });
  assert.equal(ok.body.endedOn, '2026-01-01');
  const list = await t.request('GET', `/api/orgs/${gm.id}/ties`, { cookie: xinhua });
  assert.ok(list.body.items.some((x: { id: number }) => x.id === first.body.id));
});

test('seats: part-time members come from units; one sitting secretary; people outside the scope cannot sit', async () => {
  const org = await post('/api/orgs', { parentId: gm.id, name: '光明社区综合党委测试', kind: 'comprehensive_committee' });
  const units = (await t.request('GET', `/api/units?orgId=${gm.id}`, { cookie: xinhua })).body.items;
  const p1 = await post('/api/people', { orgId: gm.id, name: '赵书记', isMember: true, category: 'retired' });
  const p2 = await post('/api/people', { orgId: gm.id, name: '钱校长', isMember: true, category: 'employed' });
  const p3 = await post('/api/people', { orgId: gm.id, name: '孙局长', isMember: true, category: 'employed' });
  const sec = await post(`/api/orgs/${org.body.id}/seats`, { personId: p1.body.id, role: 'secretary', startedOn: '2025-01-01' });
  assert.equal(sec.status, 200, sec.text);
  const second = await post(`/api/orgs/${org.body.id}/seats`, { personId: p2.body.id, role: 'secretary', startedOn: '2025-01-01' });
  assert.equal(second.status, 409);
  assert.equal(second.body.error.fieldCodes.role, 'org.secretary_taken');
  for (const [p, unit] of [[p2, units[0]], [p3, units[1]]]) {
    const seat = await post(`/api/orgs/${org.body.id}/seats`, { personId: p.body.id, role: 'member', partTime: true, fromUnitId: unit.id, startedOn: '2025-01-01' });
    assert.equal(seat.status, 200, seat.text);
    assert.equal(seat.body.fromUnitName, unit.name);
  }
  const notPartTime = await post(`/api/orgs/${org.body.id}/seats`, { personId: p3.body.id, role: 'member', fromUnitId: units[0].id, startedOn: '2025-01-01' });
  assert.equal(notPartTime.status, 400);
  const seats = await t.request('GET', `/api/orgs/${org.body.id}/seats`, { cookie: xinhua });
  assert.deepEqual(seats.body.items.map((s: { roleLabel: string; partTime: boolean }) => [s.roleLabel, s.partTime]), [['书记', false], ['委员', true], ['委员', true]]);
  assert.equal((await t.request('GET', `/api/orgs/${org.body.id}`, { cookie: xinhua })).body.secretaryName, '赵书记');

  const heping = await t.login('heping');
  const outsider = (await t.request('GET', '/api/people?pageSize=1', { cookie: heping })).body.items[0];
  const refused = await post(`/api/orgs/${org.body.id}/seats`, { personId: outsider.id, role: 'member', startedOn: '2025-01-01' });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.error.fieldCodes.personId, 'org.seat_person_not_found');
});

test('coverage lists the gaps of a subtree, and closing one removes it', async () => {
  const community = await post('/api/orgs', { parentId: (await find('新华街道党工委')).id, name: '覆盖测试社区党委', kind: 'community_committee' });
  const unit = await post('/api/units', { orgId: community.body.id, name: '覆盖测试科技公司', kind: 'enterprise' });
  await post('/api/people', { orgId: community.body.id, name: '隐身党员甲', isMember: true, category: 'employed' });
  await t.kernel.db.system((q) => q.query(`UPDATE people SET unit_id = $1 WHERE name = '隐身党员甲'`, [unit.body.id]));
  const gaps = async () => (await t.request('GET', `/api/orgs/${community.body.id}/coverage`, { cookie: xinhua })).body.gaps.map((g: { kind: string }) => g.kind).sort();
  assert.deepEqual(await gaps(), ['community_without_grid', 'hidden_members', 'org_without_secretary', 'unit_without_tie']);

  // The details read in the reader's language, names as typed.
  const details = async (lang: string) => {
    const res = await t.request('GET', `/api/orgs/${community.body.id}/coverage`, { cookie: xinhua, headers: { 'accept-language': lang } });
    return Object.fromEntries(res.body.gaps.filter((g: { orgId: number; unitId: number | null }) => g.orgId === community.body.id).map((g: { kind: string; label: string; detail: string }) => [g.kind, [g.label, g.detail]]));
  };
  assert.deepEqual(await details('en'), {
    community_without_grid: ['Community without grid branch', 'No grid party branch yet'],
    hidden_members: ['Hidden members', 'Party members without a party organization: 1'],
    org_without_secretary: ['Organization without secretary', 'Community committee without a serving secretary'],
    unit_without_tie: ['Unit without co-building tie', 'Enterprise without a co-building tie to a community party organization'],
  });
  assert.deepEqual((await details('zh-CN')).hidden_members, ['单位有党员但无党组织（隐身党员）', '有 1 名党员，尚无党组织']);
  assert.deepEqual((await details('zh-TW')).community_without_grid, ['社區未建網格黨支部', '尚未建立網格黨支部']);

  await post('/api/orgs', { parentId: community.body.id, name: '覆盖测试网格党支部', kind: 'grid_branch' });
  const branch = await post('/api/orgs', { parentId: community.body.id, name: '覆盖测试科技公司党支部', kind: 'unit_committee' });
  await t.request('PATCH', `/api/units/${unit.body.id}`, { cookie: xinhua, body: { partyOrgId: branch.body.id } });
  await post(`/api/orgs/${community.body.id}/ties`, { kind: 'co_builds', toUnitId: unit.body.id, startedOn: '2026-01-01' });
  const remaining = await gaps();
  assert.ok(!remaining.includes('community_without_grid'));
  assert.ok(!remaining.includes('hidden_members'));
  assert.ok(!remaining.includes('unit_without_tie'));
  const res = await t.request('GET', `/api/orgs/${community.body.id}/coverage`, { cookie: xinhua });
  assert.equal(res.body.counts.org_without_secretary, res.body.gaps.length);
});

test('a unit whose party organization lies outside the region names it, and has no hidden members', async () => {
  const minzhu = await find('民主社区党委');
  const unit = await post('/api/units', { orgId: minzhu.id, name: '国网民主营业厅', kind: 'co_building' });
  await post('/api/people', { orgId: minzhu.id, name: '系统党员甲', isMember: true, category: 'employed' });
  await t.kernel.db.system((q) => q.query(`UPDATE people SET unit_id = $1 WHERE name = '系统党员甲'`, [unit.body.id]));
  const hidden = async () =>
    (await t.request('GET', `/api/orgs/${minzhu.id}/coverage`, { cookie: xinhua })).body.gaps.filter((g: { kind: string; unitId: number }) => g.kind === 'hidden_members' && g.unitId === unit.body.id).length;
  assert.equal(await hidden(), 1);

  const named = await t.request('PATCH', `/api/units/${unit.body.id}`, { cookie: xinhua, body: { partyOrgOutside: '国网梅河口市供电公司党委' } });
  assert.equal(named.status, 200, named.text);
  assert.deepEqual([named.body.partyOrgId, named.body.partyOrgOutside], [null, '国网梅河口市供电公司党委']);
  assert.equal(await hidden(), 0);

  const both = await t.request('PATCH', `/api/units/${unit.body.id}`, { cookie: xinhua, body: { partyOrgId: minzhu.id, partyOrgOutside: '国网梅河口市供电公司党委' } });
  assert.equal(both.status, 400);
  assert.equal(both.body.error.fieldCodes.partyOrgOutside, 'org.unit_party_org');

  // Choosing one in the tree replaces the outside name.
  const inside = await t.request('PATCH', `/api/units/${unit.body.id}`, { cookie: xinhua, body: { partyOrgId: minzhu.id } });
  assert.deepEqual([inside.body.partyOrgId, inside.body.partyOrgOutside], [minzhu.id, null]);
  const cleared = await t.request('PATCH', `/api/units/${unit.body.id}`, { cookie: xinhua, body: { partyOrgId: null, partyOrgOutside: '' } });
  assert.deepEqual([cleared.body.partyOrgId, cleared.body.partyOrgOutside], [null, null]);
  assert.equal(await hidden(), 1);
});

test('the chart of a street holds the tree, the units and the sideways ties', async () => {
  const street = await find('新华街道党工委');
  const res = await t.request('GET', `/api/orgs/${street.id}/chart?depth=3`, { cookie: xinhua });
  assert.equal(res.status, 200);
  assert.equal(res.body.nodes[0].id, street.id);
  assert.equal(res.body.nodes[0].parentId, null);
  assert.ok(res.body.nodes.every((n: { kind: string }) => ['street_committee', 'community_committee', 'comprehensive_committee', 'grid_branch', 'unit_committee'].includes(n.kind)));
  assert.ok(res.body.units.length > 0);
  assert.ok(res.body.ties.length > 0);
});

test('a community chart shows, by name only, the far ends of its ties outside it; the guided side sees the tie', async () => {
  const street = await find('新华街道党工委');
  const minzhu = await find('民主社区党委');
  const unit = await post('/api/units', { orgId: minzhu.id, name: '民主社区远端单位', kind: 'enterprise' });
  assert.equal(unit.status, 200, unit.text);
  assert.equal((await post(`/api/orgs/${gm.id}/ties`, { kind: 'pairs_with', toUnitId: unit.body.id, startedOn: '2026-01-01' })).status, 200);
  assert.equal((await post(`/api/orgs/${street.id}/ties`, { kind: 'guides', toOrgId: gm.id, startedOn: '2026-01-01' })).status, 200);

  const guangming = await t.login('guangming');
  const res = await t.request('GET', `/api/orgs/${gm.id}/chart?depth=2`, { cookie: guangming });
  assert.equal(res.status, 200, res.text);
  const outside = res.body.outside as { type: string; id: number; name: string; place: string | null }[];
  assert.deepEqual(outside.find((o) => o.type === 'unit' && o.id === unit.body.id), {
    type: 'unit', id: unit.body.id, name: '民主社区远端单位', kind: 'enterprise', kindLabel: '非公企业', place: '民主社区党委',
  });
  assert.ok(outside.some((o) => o.type === 'org' && o.id === street.id && o.name === '新华街道党工委'));
  assert.ok(res.body.ties.some((x: { orgId: number; toOrgId: number }) => x.orgId === street.id && x.toOrgId === gm.id));
  // Names only: the unit's own record stays out of reach.
  assert.equal((await t.request('GET', `/api/units/${unit.body.id}`, { cookie: guangming })).status, 404);
});
