import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp({ demo: true });
});
after(() => t.close());

const names = (items: { name: string }[]) => items.map((o) => o.name);

test('each demo role sees exactly its part of the tree', async () => {
  const expected: Record<string, string[]> = {
    admin: ['中共梅河口市委'],
    xinhua: ['新华街道党工委'],
    heping: ['和平街道党工委'],
    guangming: ['光明社区党委'],
    xiangyang: ['向阳社区党委'],
    wangge: ['光明社区第一网格党支部'],
    liaison: ['光明社区党委'],
    dangyuan: ['光明社区第一网格党支部'],
    jumin: ['光明社区党委'],
  };
  for (const [user, roots] of Object.entries(expected)) {
    const cookie = await t.login(user);
    const res = await t.request('GET', '/api/orgs/roots', { cookie });
    assert.deepEqual(names(res.body.items), roots, user);
  }
});

test('subtree roles expand their tree; single-node roles see the node and nothing under it', async () => {
  const secretary = await t.login('guangming');
  const [gm] = (await t.request('GET', '/api/orgs/roots', { cookie: secretary })).body.items;
  const kids = await t.request('GET', `/api/orgs/${gm.id}/children`, { cookie: secretary });
  assert.deepEqual(names(kids.body.items), ['光明社区第一网格党支部', '光明社区第二网格党支部']);
  assert.equal(gm.childCount, 2);

  const resident = await t.login('jumin');
  const [node] = (await t.request('GET', '/api/orgs/roots', { cookie: resident })).body.items;
  assert.equal(node.childCount, 0);
  assert.deepEqual((await t.request('GET', `/api/orgs/${gm.id}/children`, { cookie: resident })).body.items, []);
  const summary = await t.request('GET', `/api/orgs/${gm.id}/summary`, { cookie: resident });
  assert.deepEqual([summary.body.orgCount, summary.body.peopleCount], [1, 1], 'a resident counts only their own node and own file');
});

test('a street admin sees its communities’ ancestors only as far as its own street', async () => {
  const cookie = await t.login('xinhua');
  const found = await t.request('GET', `/api/orgs?q=${encodeURIComponent('光明社区第一')}`, { cookie });
  const grid = found.body.items[0];
  const detail = await t.request('GET', `/api/orgs/${grid.id}`, { cookie });
  assert.deepEqual(names(detail.body.ancestors), ['新华街道党工委', '光明社区党委']);
});

test('summary counts everything under an organization', async () => {
  const cookie = await t.login('xinhua');
  const [street] = (await t.request('GET', '/api/orgs/roots', { cookie })).body.items;
  const { body } = await t.request('GET', `/api/orgs/${street.id}/summary`, { cookie });
  const people = await t.request('GET', `/api/people?orgId=${street.id}&pageSize=1`, { cookie });
  assert.equal(body.peopleCount, people.body.total);
  assert.ok(body.memberCount > 0 && body.memberCount < body.peopleCount);
  assert.ok(body.orgCount > 10);
});

test('an admin creates and renames a child organization; duplicates and bad input are refused by field', async () => {
  const cookie = await t.login('guangming');
  const [gm] = (await t.request('GET', '/api/orgs/roots', { cookie })).body.items;
  const created = await t.request('POST', '/api/orgs', { cookie, body: { parentId: gm.id, name: '光明社区第三网格党支部', kind: 'grid_branch' } });
  assert.equal(created.status, 200, created.text);
  assert.equal(created.body.path, `${gm.path}.${created.body.id}`);
  const dup = await t.request('POST', '/api/orgs', { cookie, body: { parentId: gm.id, name: '光明社区第三网格党支部', kind: 'grid_branch' } });
  assert.equal(dup.status, 409);
  assert.deepEqual(dup.body.error.fieldCodes, { name: 'org.name_taken' });
  const bad = await t.request('POST', '/api/orgs', { cookie, body: { parentId: gm.id, name: '  ', kind: 'castle' } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error.fields.name, '组织名称不能为空');
  assert.equal(bad.body.error.fields.kind, '组织类型不在可选范围内');
  const renamed = await t.request('PATCH', `/api/orgs/${created.body.id}`, { cookie, body: { name: '光明社区三网格党支部' } });
  assert.equal(renamed.body.name, '光明社区三网格党支部');
});

test('the tree holds only the kinds that may sit under each kind: create, re-kind, move and the meta say the same', async () => {
  const cookie = await t.login('xinhua');
  const find = async (name: string) => (await t.request('GET', `/api/orgs?q=${encodeURIComponent(name)}`, { cookie })).body.items[0];
  const grid = await find('光明社区第一网格党支部');
  const group = (await t.request('POST', '/api/orgs', { cookie, body: { parentId: grid.id, name: '规则测试楼栋党小组', kind: 'building_group' } })).body;
  assert.equal(group.kind, 'building_group');

  const street2 = await t.request('POST', '/api/orgs', { cookie, body: { parentId: group.id, name: '楼下的街道', kind: 'street_committee' } });
  assert.equal(street2.status, 400);
  assert.equal(street2.body.error.fieldCodes.kind, 'org.kind_under');
  assert.match(street2.body.error.fields.kind, /“街道党工委”不能设在“楼栋党小组”之下/);
  const rekind = await t.request('PATCH', `/api/orgs/${grid.id}`, { cookie, body: { kind: 'street_committee' } });
  assert.equal(rekind.status, 400);
  assert.match(rekind.body.error.fields.kind, /“街道党工委”不能设在“[^”]+”之下/);
  const leafParent = await t.request('PATCH', `/api/orgs/${grid.id}`, { cookie, body: { kind: 'caring_group' } });
  assert.match(leafParent.body.error.fields.kind, /“楼栋党小组”不能设在“党群温馨小组”之下/, 'a kind that cannot hold its children is refused');
  const community = await find('光明社区党委');
  const other = await find('民主社区党委');
  const move = await t.request('POST', `/api/orgs/${other.id}/move`, { cookie, body: { parentId: grid.id } });
  assert.equal(move.status, 400);
  assert.match(move.body.error.fields.parentId, /“[^”]+”不能设在“网格党支部”之下/);
  assert.equal((await t.request('GET', `/api/orgs/${other.id}`, { cookie })).body.parentId, other.parentId, 'nothing moved');

  const secretary = await t.login('guangming');
  const own = await t.request('PATCH', `/api/orgs/${community.id}`, { cookie: secretary, body: { kind: 'street_committee' } });
  assert.match(own.body.error.fields.kind, /“街道党工委”不能设在“街道党工委”之下/, 'the parent out of sight still rules');
  assert.equal((await t.request('GET', `/api/orgs/${community.id}`, { cookie: secretary })).body.parentKind, 'street_committee');

  const meta = await t.request('GET', '/api/meta');
  const building = meta.body.orgKinds.find((k: { kind: string }) => k.kind === 'building_group');
  assert.ok(building.children.includes('member_household') && !building.children.includes('street_committee'));
});

test('members and grid workers cannot create organizations, even inside their own node', async () => {
  for (const u of ['dangyuan', 'wangge']) {
    const cookie = await t.login(u);
    const [node] = (await t.request('GET', '/api/orgs/roots', { cookie })).body.items;
    const res = await t.request('POST', '/api/orgs', { cookie, body: { parentId: node.id, name: '自建组织', kind: 'building_group' } });
    assert.equal(res.status, 403, u);
    assert.equal(res.body.error.code, 'org.not_admin', u);
  }
});

test('a liaison sees its own unit and nothing else of the community’s units', async () => {
  const cookie = await t.login('liaison');
  const units = await t.request('GET', '/api/units', { cookie });
  assert.deepEqual(names(units.body.items), ['梅河口市税务局']);
});
