import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { regionToday } from '../../kernel/time.ts';

let t: TestApp;
let guangming: string;
let wangge: string;
const ids: Record<string, number> = {};

const square = (x: number, y: number, w: number, h: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]] });
const orgId = async (name: string) => (await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT id FROM organizations WHERE name = $1`, [name])))[0]!.id;

before(async () => {
  t = await testApp({ demo: true });
  guangming = await t.login('guangming');
  wangge = await t.login('wangge');
  ids.community = await orgId('光明社区党委');
  const grids = (await t.request('GET', `/api/grids?orgId=${ids.community}`, { cookie: guangming })).body.items;
  ids.g1 = grids.find((g: { name: string }) => g.name === '光明社区第一网格').id;
  ids.g2 = grids.find((g: { name: string }) => g.name === '光明社区第二网格').id;
});
after(() => t.close());

test('a boundary that is not closed, crosses itself or overlaps another grid of the community is refused, naming the field', async () => {
  const post = (boundary: unknown, name = '光明社区东侧网格') =>
    t.request('POST', '/api/grids', { cookie: guangming, body: { communityId: ids.community, name, boundary } });
  const open = await post({ type: 'Polygon', coordinates: [[[950, 50], [1000, 50], [1000, 650], [950, 650]]] });
  assert.equal(open.status, 400);
  assert.equal(open.body.error.fieldCodes.boundary, 'grid.boundary_open');
  const bowtie = await post({ type: 'Polygon', coordinates: [[[950, 50], [1000, 650], [1000, 50], [950, 650], [950, 50]]] });
  assert.equal(bowtie.body.error.fieldCodes.boundary, 'grid.boundary_kinks');
  const overlap = await post(square(900, 100, 100, 100));
  assert.equal(overlap.status, 400);
  assert.equal(overlap.body.error.fieldCodes.boundary, 'grid.boundary_overlap');
  assert.match(overlap.body.error.fields.boundary, /与「光明社区第二网格」重叠/, 'names the grid it overlaps');
  const outside = await post(square(900, 100, 200, 100));
  assert.equal(outside.status, 400, 'coordinates beyond the map');

  // Sharing an edge with a neighbour is not an overlap.
  const east = await post(square(950, 50, 50, 600));
  assert.equal(east.status, 200, east.text);
  assert.equal(east.body.branchId, null);
  ids.east = east.body.id;
  assert.equal((await t.request('POST', '/api/grids', { cookie: wangge, body: { communityId: ids.community, name: 'x', boundary: square(0, 0, 10, 10) } })).status, 403);
});

test('a grid’s boundary is redrawn under the same checks, and keeps its buildings inside', async () => {
  const patch = (boundary: unknown) => t.request('PATCH', `/api/grids/${ids.east}`, { cookie: guangming, body: { boundary } });
  assert.equal((await patch({ type: 'Polygon', coordinates: [[[960, 50], [1000, 50], [1000, 650], [960, 650]]] })).body.error.fieldCodes.boundary, 'grid.boundary_open');
  const overlap = await patch(square(900, 50, 100, 600));
  assert.equal(overlap.status, 400);
  assert.equal(overlap.body.error.fieldCodes.boundary, 'grid.boundary_overlap');
  // A grid without a branch belongs to the community, which its grid workers do not reach.
  assert.equal((await t.request('PATCH', `/api/grids/${ids.east}`, { cookie: wangge, body: { boundary: square(960, 50, 40, 600) } })).status, 404);
  const narrower = await patch(square(960, 50, 40, 600));
  assert.equal(narrower.status, 200, narrower.text);
  assert.deepEqual(narrower.body.boundary, square(960, 50, 40, 600));
  // Back to the strip the next tests place a building in.
  assert.equal((await patch(square(950, 50, 50, 600))).status, 200);
});

test('two grids drawn over the same ground at the same moment: exactly one is kept', async () => {
  const draw = (name: string) => t.request('POST', '/api/grids', { cookie: guangming, body: { communityId: ids.community, name, boundary: square(0, 660, 300, 40) } });
  const results = await Promise.all([draw('北侧网格甲'), draw('北侧网格乙')]);
  assert.deepEqual(results.map((r) => r.status).sort(), [200, 400]);
});

test('buildings are placed inside their grid; a household belongs to one grid only; personal data is masked', async () => {
  const outside = await t.request('POST', `/api/grids/${ids.east}/buildings`, { cookie: guangming, body: { name: '东1号楼', entrances: 2, x: 500, y: 300 } });
  assert.equal(outside.status, 400);
  assert.ok(outside.body.error.fields.x);
  const building = await t.request('POST', `/api/grids/${ids.east}/buildings`, { cookie: guangming, body: { name: '东1号楼', entrances: 2, x: 975, y: 300 } });
  assert.equal(building.status, 200, building.text);
  const shrunk = await t.request('PATCH', `/api/grids/${ids.east}`, { cookie: guangming, body: { boundary: square(980, 50, 20, 600) } });
  assert.equal(shrunk.status, 400);
  assert.equal(shrunk.body.error.fieldCodes.boundary, 'grid.boundary_leaves_building');
  assert.match(shrunk.body.error.fields.boundary, /「东1号楼」在边界之外/, 'names the building left out');
  const dupName = await t.request('POST', `/api/grids/${ids.g1}/buildings`, { cookie: guangming, body: { name: '东1号楼', entrances: 1, x: 100, y: 100 } });
  assert.equal(dupName.status, 409);

  const household = { gridId: ids.east, buildingId: building.body.id, entrance: 1, room: '101', headName: '赵秀兰', size: 1, phone: '13912340001', tags: ['empty_nest'], freeTags: ['独居'] };
  const h = await t.request('POST', '/api/households', { cookie: guangming, body: household });
  assert.equal(h.status, 200, h.text);
  assert.equal(h.body.phoneMasked, '139****0001');
  assert.doesNotMatch(JSON.stringify(h.body), /13912340001/);
  const [stored] = await t.kernel.db.system((q) => q.query<{ phone_enc: string; address_enc: string }>(`SELECT phone_enc, address_enc FROM households WHERE id = $1`, [h.body.id]));
  assert.match(stored!.phone_enc, /^v1:/);
  assert.equal(t.kernel.cipher.decrypt(stored!.address_enc), '东1号楼1单元101');
  ids.eastHousehold = h.body.id;

  assert.equal((await t.request('POST', '/api/households', { cookie: guangming, body: { ...household, entrance: 3 } })).body.error.fieldCodes.entrance, 'grid.entrance_range');
  const again = await t.request('POST', '/api/households', { cookie: guangming, body: household });
  assert.equal(again.status, 409);
  assert.equal(again.body.error.fieldCodes.room, 'grid.household_taken');
  // A bungalow with a street address, registered in one grid and then in another.
  const street = { size: 2, tags: [], freeTags: [], headName: '钱有福', address: '光明街 12 号' };
  assert.equal((await t.request('POST', '/api/households', { cookie: guangming, body: { ...street, gridId: ids.g1 } })).status, 200);
  const twice = await t.request('POST', '/api/households', { cookie: wangge, body: { ...street, gridId: ids.g1, address: '光明街12号' } });
  assert.equal(twice.status, 409, 'the same address (spaces aside) in the same community');
  const other = await t.request('POST', '/api/households', { cookie: guangming, body: { ...street, gridId: ids.g2 } });
  assert.equal(other.status, 409);

  // Registered in two grids at the same moment: the database keeps one.
  const both = await Promise.all([ids.g1, ids.g2].map((gridId) => t.request('POST', '/api/households', { cookie: guangming, body: { ...street, address: '光明街 14 号', gridId } })));
  assert.deepEqual(both.map((r) => r.status).sort(), [200, 409]);
});

test('household data is visible only to its grid’s workers and the community', async () => {
  const mine = (await t.request('GET', '/api/households', { cookie: wangge })).body;
  assert.ok(mine.total > 0);
  assert.ok(mine.items.every((h: { gridId: number }) => h.gridId === ids.g1), 'the grid worker sees only their own grid');
  const community = (await t.request('GET', `/api/households?gridId=${ids.g2}`, { cookie: guangming })).body;
  assert.ok(community.total > 0, 'the community sees every grid');
  const theirs = community.items[0].id;
  assert.equal((await t.request('GET', `/api/households/${theirs}`, { cookie: wangge })).status, 404);
  assert.equal((await t.request('GET', `/api/households/${ids.eastHousehold}`, { cookie: wangge })).status, 404, 'a grid without a branch is the community’s alone');
  for (const user of ['xiangyang', 'dangyuan', 'jumin', 'liaison']) {
    const cookie = await t.login(user);
    assert.equal((await t.request('GET', '/api/households?gridId=' + ids.g1, { cookie })).body.total, 0, user);
    assert.equal((await t.request('GET', `/api/households/${theirs}`, { cookie })).status, 404, user);
  }
});

test('a visit on the phone: own grid only; the due list (三必访) and the grid map follow it', async () => {
  const due = (await t.request('GET', '/api/visits/due?within=0', { cookie: wangge })).body.items;
  assert.ok(due.length > 0, 'the demo plans make empty-nest households due');
  assert.ok(due.every((d: { gridId: number }) => d.gridId === ids.g1));
  const first = due[0];
  const today = regionToday();
  const map = async () =>
    (await t.request('GET', `/api/grids/map?orgId=${ids.community}&indicator=visits_quarter`, { cookie: guangming })).body.grids.find((g: { id: number }) => g.id === ids.g1).value;
  const before = await map();

  const visit = await t.request('POST', '/api/visits', { cookie: wangge, body: { householdId: first.householdId, visitedOn: today, learned: '老人腿脚不便，希望有人帮忙买菜', followUp: '联系志愿者' } });
  assert.equal(visit.status, 200, visit.text);
  assert.equal(visit.body.visitorName, '网格员 陈晓燕');
  assert.equal(visit.body.gridId, ids.g1);
  const after = (await t.request('GET', '/api/visits/due?within=0', { cookie: wangge })).body.items;
  assert.ok(!after.some((d: { householdId: number }) => d.householdId === first.householdId), 'visited today: no longer due');
  assert.equal(await map(), before + 1, 'the map recolours by visits this quarter');

  const g2household = (await t.request('GET', `/api/households?gridId=${ids.g2}`, { cookie: guangming })).body.items[0].id;
  const refused = await t.request('POST', '/api/visits', { cookie: wangge, body: { householdId: g2household, visitedOn: today, learned: '越界走访' } });
  // Another grid's household is out of the worker's reach: not found, before anything is asked of the role.
  assert.equal(refused.status, 404);
  const future = await t.request('POST', '/api/visits', { cookie: wangge, body: { householdId: first.householdId, visitedOn: '2999-01-01', learned: 'x' } });
  assert.equal(future.status, 400);
  assert.equal((await t.request('GET', `/api/grids/map?orgId=${ids.community}&indicator=nothing`, { cookie: guangming })).status, 400);
  const diary = (await t.request('GET', `/api/visits?householdId=${first.householdId}`, { cookie: guangming })).body.items;
  assert.equal(diary[0].learned, '老人腿脚不便，希望有人帮忙买菜');
});

test('a visit raises a need in the same entry: the community sees it with source visit, the map counts it, the diary follows its state', async () => {
  const today = regionToday();
  const household = (await t.request('GET', `/api/households?gridId=${ids.g1}`, { cookie: wangge })).body.items.find((h: { buildingId: number | null }) => h.buildingId);
  const openNeeds = async () =>
    (await t.request('GET', `/api/grids/map?orgId=${ids.community}&indicator=open_needs`, { cookie: guangming })).body.grids.find((g: { id: number }) => g.id === ids.g1).value;
  const before = await openNeeds();

  const learned = '老人家中水管漏水，自己无法修理\n已告知物业';
  const visit = await t.request('POST', '/api/visits', {
    cookie: wangge,
    body: { householdId: household.id, visitedOn: today, learned, need: { kind: 'request', category: 'facilities', urgency: 'urgent' } },
  });
  assert.equal(visit.status, 200, visit.text);
  assert.ok(visit.body.needId);
  assert.deepEqual(visit.body.need, { id: visit.body.needId, title: '老人家中水管漏水，自己无法修理', status: 'submitted', statusLabel: '待受理' });

  const list = (await t.request('GET', `/api/needs?orgId=${ids.community}&pageSize=100`, { cookie: guangming })).body.items;
  const need = list.find((n: { id: number }) => n.id === visit.body.needId);
  assert.ok(need, 'the need is in the community’s needs list');
  assert.deepEqual(
    [need.source, need.sourceLabel, need.kind, need.urgency, need.gridId, need.buildingId, need.requesterName, need.description],
    ['visit', '入户走访', 'request', 'urgent', ids.g1, household.buildingId, household.headName, learned],
  );
  assert.equal(need.addressMasked !== null && need.phoneMasked === household.phoneMasked, true, 'the household’s contact data is carried over, masked');
  assert.equal(await openNeeds(), before + 1, 'the grid’s open needs go up on the map');

  // The diary shows the need's state as it moves on.
  assert.equal((await t.request('POST', `/api/needs/${need.id}/accept`, { cookie: guangming, body: {} })).status, 200);
  const diary = (await t.request('GET', `/api/visits?householdId=${household.id}`, { cookie: wangge })).body.items;
  assert.equal(diary.find((v: { id: number }) => v.id === visit.body.id).need.statusLabel, '已受理');

  // A need the needs service refuses keeps no visit either.
  const visitsBefore = (await t.request('GET', `/api/visits?householdId=${household.id}`, { cookie: wangge })).body.items.length;
  const bad = await t.request('POST', '/api/visits', {
    cookie: wangge,
    body: { householdId: household.id, visitedOn: '2999-01-01', learned: '未来的走访', need: { kind: 'request', category: 'other', title: '不应留下' } },
  });
  assert.equal(bad.status, 400);
  assert.equal((await t.request('GET', `/api/visits?householdId=${household.id}`, { cookie: wangge })).body.items.length, visitsBefore);
  assert.equal((await t.request('GET', `/api/needs?orgId=${ids.community}&q=不应留下`, { cookie: guangming })).body.total, 0);
  const noKind = await t.request('POST', '/api/visits', { cookie: wangge, body: { householdId: household.id, visitedOn: today, learned: 'x', need: { category: 'other' } } });
  assert.equal(noKind.status, 400);
  assert.match(JSON.stringify(noKind.body.error.fields), /需求类型/);
});

test('a grid worker raises a need in their own grid; a grid or organization outside their scope is refused', async () => {
  const branch = await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT org_id AS id FROM grids WHERE id = $1`, [ids.g1]));
  const raise = (body: Record<string, unknown>) =>
    t.request('POST', '/api/needs', { cookie: wangge, body: { kind: 'request', category: 'safety', title: '路灯不亮', requesterName: '居民甲', source: 'visit', ...body } });
  const own = await raise({ orgId: branch[0]!.id, gridId: ids.g1 });
  assert.equal(own.status, 200, own.text);
  assert.equal(own.body.gridId, ids.g1);
  assert.notEqual((await raise({ orgId: branch[0]!.id, gridId: ids.g2 })).status, 200, 'another grid of the community');
  assert.notEqual((await raise({ orgId: ids.community, gridId: ids.g1 })).status, 200, 'the community itself is above the grid worker');
  const elsewhere = await t.kernel.db.system((q) => q.query<{ id: number; org_id: number }>(`SELECT id, org_id FROM grids WHERE community_id <> $1 LIMIT 1`, [ids.community]));
  assert.notEqual((await raise({ orgId: elsewhere[0]!.org_id, gridId: elsewhere[0]!.id })).status, 200, 'another community’s grid');
  // The community still places a need in one of its grids, and not in a grid of another community.
  assert.equal((await t.request('POST', '/api/needs', { cookie: guangming, body: { kind: 'request', category: 'safety', title: '井盖松动', requesterName: '居民乙', orgId: ids.community, gridId: ids.g2 } })).status, 200);
  const xiangyangGrid = await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT g.id FROM grids g JOIN organizations c ON c.id = g.community_id WHERE c.name = '向阳社区党委' LIMIT 1`));
  const across = await t.request('POST', '/api/needs', { cookie: await t.login('admin'), body: { kind: 'request', category: 'safety', title: '跨社区', requesterName: '居民丙', orgId: ids.community, gridId: xiangyangGrid[0]!.id } });
  assert.equal(across.status, 400);
  assert.equal(across.body.error.fieldCodes.gridId, 'need.grid_outside_community');
});

test('linking a branch moves the grid’s rows to it: its workers see them from then on', async () => {
  const branch = await t.request('POST', '/api/orgs', { cookie: guangming, body: { parentId: ids.community, name: '光明社区东侧网格党支部', kind: 'grid_branch' } });
  assert.equal(branch.status, 200, branch.text);
  const wrong = await t.request('PATCH', `/api/grids/${ids.east}`, { cookie: guangming, body: { branchId: await orgId('向阳社区第一网格党支部') } });
  assert.equal(wrong.status, 400);
  const taken = await t.request('PATCH', `/api/grids/${ids.east}`, { cookie: guangming, body: { branchId: await orgId('光明社区第一网格党支部') } });
  assert.equal(taken.status, 409);
  const linked = await t.request('PATCH', `/api/grids/${ids.east}`, { cookie: guangming, body: { branchId: branch.body.id } });
  assert.equal(linked.status, 200, linked.text);
  const orgs = await t.kernel.db.system((q) => q.query<{ org_id: number }>(`SELECT DISTINCT org_id FROM households WHERE grid_id = $1 UNION SELECT org_id FROM buildings WHERE grid_id = $1`, [ids.east]));
  assert.deepEqual(orgs.map((r) => r.org_id), [branch.body.id]);
});

test('responsibilities, roles, duty posts, books and printable cards', async () => {
  const members = (await t.request('GET', `/api/people?orgId=${await orgId('光明社区第一网格党支部')}&pageSize=50`, { cookie: guangming })).body.items.filter((p: { isMember: boolean }) => p.isMember);
  const assign = (personId: number, role: string) => t.request('POST', `/api/grids/${ids.g1}/roles`, { cookie: guangming, body: { personId, role } });
  assert.equal((await assign(members[0].id, 'branch_secretary')).status, 200);
  const second = await assign(members[1].id, 'branch_secretary');
  assert.equal(second.status, 409);
  assert.ok(second.body.error.fields.role);
  const mediator = await assign(members[1].id, 'mediator');
  assert.equal(mediator.body.roleLabel, '调解员');
  assert.equal((await t.request('POST', `/api/grids/${ids.g1}/roles`, { cookie: wangge, body: { personId: members[2].id, role: 'patrol' } })).status, 403);
  const post = await t.request('POST', '/api/posts', { cookie: guangming, body: { gridId: ids.g1, kind: 'mediator', name: '矛盾调解岗', duty: '调解邻里纠纷', seats: 1 } });
  assert.equal(post.status, 200, post.text);
  assert.equal((await t.request('POST', `/api/posts/${post.body.id}/seats`, { cookie: guangming, body: { personId: members[1].id } })).status, 200);

  const entry = await t.request('POST', `/api/grids/${ids.g1}/book`, { cookie: wangge, body: { book: 'suggestions', enteredOn: '2026-03-01', title: '建议加装路灯', personName: '居民甲' } });
  assert.equal(entry.status, 200, entry.text);
  assert.equal((await t.request('GET', `/api/grids/${ids.g1}/book?book=suggestions`, { cookie: wangge })).body.items[0].title, '建议加装路灯');

  const card = await t.app.inject({ method: 'GET', url: `/api/grids/${ids.g1}/cards?kind=organization`, headers: { cookie: wangge } });
  assert.match(String(card.headers['content-type']), /text\/html/);
  assert.match(card.body, /光明社区第一网格党支部/);
  assert.match(card.body, new RegExp(`网格党支部书记</th><td>${members[0].name}`));
  const memberCard = await t.app.inject({ method: 'GET', url: `/api/grids/${ids.g1}/cards?kind=member`, headers: { cookie: guangming } });
  assert.match(memberCard.body, /矛盾调解岗/);
  const removed = await t.request('DELETE', `/api/grid-roles/${mediator.body.id}`, { cookie: guangming });
  assert.equal(removed.status, 200);

  const ledger = await t.app.inject({ method: 'GET', url: `/api/grids/${ids.g1}/households.xlsx`, headers: { cookie: wangge } });
  assert.equal(ledger.statusCode, 200);
  assert.match(String(ledger.headers['content-type']), /spreadsheetml/);
});

test('the demo: 定福里 has six themed grids, ~10 entrances each, 1031 households, 99 members', async () => {
  const admin = await t.login('admin');
  const dfl = await orgId('定福里社区党委');
  const grids = (await t.request('GET', `/api/grids?orgId=${dfl}`, { cookie: admin })).body.items;
  assert.deepEqual(grids.map((g: { theme: string }) => g.theme), ['调解', '科普', '环境', '志愿者', '互助', '武警']);
  assert.equal(grids.reduce((s: number, g: { householdCount: number }) => s + g.householdCount, 0), 1031);
  const members = (await t.request('GET', `/api/grids/map?orgId=${dfl}&indicator=members`, { cookie: admin })).body;
  assert.equal(members.grids.reduce((s: number, g: { value: number }) => s + g.value, 0) + 1, 99, 'the members of the six branches and the community secretary');
  assert.equal(members.units.length, 4, 'four resident units brought into the grids');
  const buildings = (await t.request('GET', `/api/grids/${grids[0].id}/buildings`, { cookie: admin })).body.items;
  assert.equal(buildings.reduce((s: number, b: { entrances: number }) => s + b.entrances, 0), 10);
});

test('coverage (issue 3): grids with no branch and buildings with no group are gaps, and the fix closes them', async () => {
  const admin = await t.login('admin');
  const coverage = async (org: number) => (await t.request('GET', `/api/orgs/${org}/coverage`, { cookie: admin })).body;
  const minzhu = await orgId('民主社区党委');
  const building = (await coverage(minzhu)).gaps.find((g: { kind: string }) => g.kind === 'building_without_group');
  assert.deepEqual([building.name, building.label], ['第一网格新建住宅楼', '楼栋未建党小组']);
  const group = await t.request('POST', '/api/orgs', { cookie: admin, body: { parentId: building.orgId, name: '新建住宅楼党小组', kind: 'building_group' } });
  assert.equal((await t.request('PATCH', `/api/buildings/${building.buildingId}`, { cookie: admin, body: { groupId: group.body.id } })).status, 200);
  assert.equal((await coverage(minzhu)).counts.building_without_group, 0);

  const ssd = await orgId('三顺店社区党支部');
  const grid = (await coverage(ssd)).gaps.find((g: { kind: string }) => g.kind === 'grid_without_branch');
  assert.equal(grid.name, '三顺店社区院落网格');
  const english = (await t.request('GET', `/api/orgs/${ssd}/coverage`, { cookie: admin, headers: { 'accept-language': 'en' } })).body.gaps.find((g: { gridId: number }) => g.gridId === grid.gridId);
  assert.deepEqual([english.label, english.detail], ['Grid without a branch', 'A grid of 三顺店社区党支部 without a grid party branch yet'], 'English, the name as typed');
  const branch = await t.request('POST', '/api/orgs', { cookie: admin, body: { parentId: grid.orgId, name: '三顺店院落网格党支部', kind: 'grid_branch' } });
  assert.equal((await t.request('PATCH', `/api/grids/${grid.gridId}`, { cookie: admin, body: { branchId: branch.body.id } })).status, 200);
  assert.equal((await coverage(ssd)).counts.grid_without_branch, 0);
});

test('the map works offline on an uploaded base image, which the community’s grid workers see too', async () => {
  const pixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  const bad = await t.request('POST', '/api/grids/base-image', { cookie: guangming, body: { communityId: ids.community, image: 'data:text/html;base64,PGI+' } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.fieldCodes.image, 'grid.base_image_type');
  assert.equal((await t.request('POST', '/api/grids/base-image', { cookie: wangge, body: { communityId: ids.community, image: pixel } })).status, 403);
  assert.equal((await t.request('POST', '/api/grids/base-image', { cookie: guangming, body: { communityId: ids.community, image: pixel } })).status, 200);
  const image = await t.app.inject({ method: 'GET', url: `/api/grids/base-image?orgId=${ids.community}`, headers: { cookie: wangge } });
  assert.equal(image.statusCode, 200);
  assert.equal(image.headers['content-type'], 'image/png');
  assert.equal((await t.request('GET', `/api/grids/map?orgId=${ids.community}`, { cookie: wangge })).body.hasBaseImage, true);
  assert.equal((await t.request('GET', `/api/grids/base-image?orgId=${ids.community}`, { cookie: await t.login('xiangyang') })).status, 404);
});
