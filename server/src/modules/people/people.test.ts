import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
let secretary: string;
let grid: { id: number; parentId: number };
before(async () => {
  t = await testApp({ demo: true });
  secretary = await t.login('guangming');
  const res = await t.request('GET', `/api/orgs?q=${encodeURIComponent('光明社区第一网格党支部')}`, { cookie: secretary });
  grid = res.body.items[0];
});
after(() => t.close());

const create = (body: Record<string, unknown>, cookie = secretary) => t.request('POST', '/api/people', { cookie, body: { orgId: grid.id, ...body } });

test('an identity number is validated, stored encrypted and shown masked; birth date and gender follow from it', async () => {
  const res = await create({ name: '档案测试甲', idNumber: '11010519491231002X', phone: '13912345678', address: '吉林省梅河口市新华街道光明社区3号楼2单元', isMember: true, category: 'retired', joinedOn: '1975-07-01', memberStatus: 'full', skills: ['理发', '法律咨询'] });
  assert.equal(res.status, 200, res.text);
  const file = await t.request('GET', `/api/people/${res.body.id}`, { cookie: secretary });
  assert.equal(file.body.idNumberMasked, '1101**********002X');
  assert.equal(file.body.birthDate, '1949-12-31');
  assert.equal(file.body.gender, 'female');
  assert.equal(file.body.addressMasked, '吉林省梅河口****');
  assert.deepEqual(file.body.skills, ['理发', '法律咨询']);
  assert.ok(file.body.actions.includes('reveal'));
  assert.ok(!file.text.includes('11010519491231002X'));
  const stored = await t.kernel.db.system((q) => q.query<{ id_number_enc: string }>('SELECT id_number_enc FROM people WHERE id = $1', [res.body.id]));
  assert.match(stored[0]!.id_number_enc, /^v1:/);
});

test('a legacy 15-digit number is converted, and the same person cannot be registered twice', async () => {
  const first = await create({ name: '档案测试乙', idNumber: '220581800101001' });
  assert.equal(first.status, 200, first.text);
  const again = await create({ name: '档案测试乙', idNumber: '22058119800101001X' });
  assert.equal(again.status, 409);
  assert.deepEqual(again.body.error.fieldCodes, { idNumber: 'person.id_number_taken' });
});

test('malformed numbers and contradictions are refused naming the field', async () => {
  const badCheck = await create({ name: '错号', idNumber: '110105194912310021' });
  assert.equal(badCheck.status, 400);
  assert.equal(badCheck.body.error.fieldCodes.idNumber, 'person.id_number');
  assert.match(badCheck.body.error.fields.idNumber, /校验位不正确/, 'says what is wrong with it');
  const wrongBirth = await create({ name: '错生日', idNumber: '11010519491231002X', birthDate: '1950-01-01' });
  assert.equal(wrongBirth.body.error.fieldCodes.birthDate, 'person.birth_date_mismatch');
  const notMember = await create({ name: '非党员', joinedOn: '2000-01-01' });
  assert.equal(notMember.status, 400);
  assert.ok(notMember.body.error.fields.isMember);
});

test('revealing a masked value is for admins and the person, and is recorded in the audit log', async () => {
  const res = await create({ name: '揭示测试', idNumber: '220581199003077730', phone: '13700001111' });
  const shown = await t.request('POST', `/api/people/${res.body.id}/reveal`, { cookie: secretary, body: { field: 'idNumber' } });
  assert.equal(shown.body.value, '220581199003077730');
  const log = await t.request('GET', '/api/audit?entity=person_reveals', { cookie: secretary });
  assert.equal(log.body.items[0].after.field, 'idNumber');
  assert.equal(log.body.items[0].actorName, '光明社区书记 王丽华');

  const worker = await t.login('wangge');
  const refused = await t.request('POST', `/api/people/${res.body.id}/reveal`, { cookie: worker, body: { field: 'phone' } });
  assert.equal(refused.status, 403);
  assert.ok(!(await t.request('GET', `/api/people/${res.body.id}`, { cookie: worker })).body.actions.includes('reveal'));

  const member = await t.login('dangyuan');
  const own = (await t.request('GET', '/api/people', { cookie: member })).body.items;
  assert.equal(own.length, 1, 'a member sees only their own file');
  const mine = await t.request('POST', `/api/people/${own[0].id}/reveal`, { cookie: member, body: { field: 'phone' } });
  assert.equal(mine.status, 200);
  assert.equal((await t.request('GET', `/api/people/${res.body.id}`, { cookie: member })).status, 404);
});

test('editing a file updates it and never writes personal data in clear to the audit log', async () => {
  const res = await create({ name: '修改测试' });
  const patched = await t.request('PATCH', `/api/people/${res.body.id}`, {
    cookie: secretary, body: { idNumber: '220581198507154416', isMember: true, memberStatus: 'probationary', studyAtHome: true },
  });
  assert.equal(patched.status, 200, patched.text);
  assert.deepEqual([patched.body.memberStatus, patched.body.studyAtHome, patched.body.birthDate], ['probationary', true, '1985-07-15']);
  const log = await t.request('GET', `/api/audit?entity=people&action=update`, { cookie: secretary });
  assert.ok(!log.text.includes('220581198507154416'));
  assert.equal(log.body.items[0].after.id_number_enc, '***');
  assert.equal(log.body.items[0].after.id_number_hash, '***');
});

test("a member's own file names their work unit, though the unit's row stays hidden from them", async () => {
  const member = await t.login('dangyuan');
  const [own] = (await t.request('GET', '/api/people', { cookie: member })).body.items;
  // The demo finds 周志强 by name (a search on the system connection) and places him at the tax bureau.
  assert.equal((await t.request('GET', `/api/people/${own.id}`, { cookie: member })).body.unitName, '梅河口市税务局');
  const [unit] = (await t.request('GET', '/api/units', { cookie: secretary })).body.items;
  const patched = await t.request('PATCH', `/api/people/${own.id}`, { cookie: secretary, body: { unitId: unit.id } });
  assert.equal(patched.status, 200, patched.text);
  assert.equal((await t.request('GET', `/api/units/${unit.id}`, { cookie: member })).status, 404, 'units stay hidden from members');
  const file = await t.request('GET', `/api/people/${own.id}`, { cookie: member });
  assert.equal(file.body.unitId, unit.id);
  assert.equal(file.body.unitName, unit.name);
});

test('a person lives in a household of a grid: the file shows where, and the talent pool finds them by that grid', async () => {
  const grids = (await t.request('GET', `/api/grids?orgId=${grid.parentId}`, { cookie: secretary })).body.items;
  assert.ok(grids.length >= 2, 'the demo community has grids');
  const [home, other] = grids;
  const household = await t.request('POST', '/api/households', {
    cookie: secretary, body: { gridId: home.id, address: '居住测试街 8 号', headName: '居住测试', size: 2, tags: [], freeTags: [] },
  });
  assert.equal(household.status, 200, household.text);
  const res = await create({ name: '居住测试', householdId: household.body.id, skills: ['居住测试特长'] });
  assert.equal(res.status, 200, res.text);
  const file = (await t.request('GET', `/api/people/${res.body.id}`, { cookie: secretary })).body;
  assert.deepEqual([file.residence.householdId, file.residence.gridId, file.residence.gridName, file.residence.communityId], [household.body.id, home.id, home.name, grid.parentId]);

  const pool = (gridId: number) => t.request('GET', `/api/people/talents?skill=${encodeURIComponent('居住测试特长')}&gridId=${gridId}`, { cookie: secretary });
  assert.deepEqual((await pool(home.id)).body.items.map((p: { id: number }) => p.id), [res.body.id]);
  assert.equal((await pool(other.id)).body.total, 0);

  const cleared = await t.request('PATCH', `/api/people/${res.body.id}`, { cookie: secretary, body: { householdId: null } });
  assert.equal(cleared.body.residence, null);
  assert.equal((await pool(home.id)).body.total, 0);

  // Another community's secretary cannot see the household, so cannot name it.
  const xiangyang = await t.login('xiangyang');
  const [own] = (await t.request('GET', '/api/people?pageSize=1', { cookie: xiangyang })).body.items;
  const refused = await t.request('PATCH', `/api/people/${own.id}`, { cookie: xiangyang, body: { householdId: household.body.id } });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.error.fieldCodes.householdId, 'person.household_not_found');
});
