import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
let secretary: string;
let branchId: number;
before(async () => {
  t = await testApp({ demo: true });
  secretary = await t.login('guangming');
  branchId = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('光明社区第一网格党支部')}`, { cookie: secretary })).body.items[0].id;
});
after(() => t.close());

// The demo's own talents share the branch; the assertions look at this test's people.
const added = new Set<string>();
const add = async (body: { name: string; [field: string]: unknown }) => {
  added.add(body.name);
  const res = await t.request('POST', '/api/people', { cookie: secretary, body: { orgId: branchId, ...body } });
  assert.equal(res.status, 200, res.text);
  return res.body.id as number;
};
const search = async (query: string, cookie = secretary) => {
  const res = await t.request('GET', `/api/people/talents?${query}`, { cookie });
  assert.equal(res.status, 200, res.text);
  return res.body.items.map((p: { name: string }) => p.name).filter((n: string) => added.has(n)).sort();
};

test('the talent pool finds members and residents by skill, area and availability', async () => {
  await add({ name: '电工老李', isMember: true, skills: ['电工', '家电维修'], availability: ['weekend'] });
  await add({ name: '居民电工', skills: ['水电安装'], availability: ['evening', 'weekend'] });
  await add({ name: '书法王', skills: ['书法'], availability: ['weekday'] });
  await add({ name: '无特长' });

  assert.deepEqual(await search(`skill=${encodeURIComponent('电')}&orgId=${branchId}`), ['居民电工', '电工老李']);
  assert.deepEqual(await search(`skill=${encodeURIComponent('电')}&availability=evening&orgId=${branchId}`), ['居民电工']);
  assert.deepEqual(await search(`skill=${encodeURIComponent('电')}&kind=member&orgId=${branchId}`), ['电工老李']);
  assert.deepEqual(await search(`availability=weekday,evening&orgId=${branchId}`), ['书法王', '居民电工']);
  assert.ok(!(await search(`orgId=${branchId}`)).includes('无特长'), 'only people with a skill are in the pool');
  assert.deepEqual(await search(`skill=${encodeURIComponent('电')}`, await t.login('xiangyang')), [], 'another community sees none of them');

  const sheet = await t.app.inject({ method: 'GET', url: `/api/people/talents/export?skill=${encodeURIComponent('电')}&orgId=${branchId}`, headers: { cookie: secretary } });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
  const rows = wb.worksheets[0]!.getSheetValues().slice(2).map((r) => (Array.isArray(r) ? r.slice(1, 5) : [])).filter((r) => added.has(String(r[0])));
  assert.deepEqual(rows.sort(), [['居民电工', '群众', '水电安装', '晚上、周末'], ['电工老李', '党员', '电工、家电维修', '周末']].sort());

  const bad = await t.request('GET', '/api/people/talents?availability=midnight', { cookie: secretary });
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.message, /可服务时间不在可选范围内/);
});

test('list filters: member or resident, category, status, name by pinyin', async () => {
  const id = await add({ name: '筛选党员', isMember: true, category: 'retired', memberStatus: 'probationary' });
  const names = async (query: string) =>
    (await t.request('GET', `/api/people?orgId=${branchId}&pageSize=200&${query}`, { cookie: secretary })).body.items.map((p: { id: number }) => p.id);
  assert.ok((await names('kind=member&category=retired&memberStatus=probationary')).includes(id));
  assert.ok(!(await names('kind=resident')).includes(id));
  assert.ok(!(await names('memberStatus=full')).includes(id));
  for (const typed of ['sxdy', 'shaixuan', '篩選']) assert.ok((await names(`q=${encodeURIComponent(typed)}`)).includes(id), typed);
  const file = (await t.request('GET', `/api/people/${id}`, { cookie: secretary })).body;
  assert.deepEqual(file.availability, []);
});
