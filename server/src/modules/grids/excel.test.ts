import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
let guangming: string;
let wangge: string;
const ids: Record<string, number> = {};

before(async () => {
  t = await testApp({ demo: true });
  guangming = await t.login('guangming');
  wangge = await t.login('wangge');
  // The grid worker's own grid (wangge works in one grid only), and its first building.
  const grids = (await t.request('GET', '/api/grids', { cookie: wangge })).body.items;
  assert.equal(grids.length, 1);
  ids.grid = grids[0].id;
  ids.community = grids[0].communityId;
  const others = (await t.request('GET', `/api/grids?orgId=${ids.community}`, { cookie: guangming })).body.items;
  ids.other = others.find((g: { id: number }) => g.id !== ids.grid).id;
});
after(() => t.close());

const HEADERS = ['楼栋', '单元', '门牌', '住址', '户主*', '人口*', '联系电话', '六清楚', '其他标签'];

async function sheet(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('住户台账');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const importFile = (file: string, mode: string, cookie = wangge, gridId = ids.grid) =>
  t.request('POST', `/api/grids/${gridId}/households/import`, { cookie, body: { file, mode } });
const households = async (gridId = ids.grid) => (await t.request('GET', `/api/households?gridId=${gridId}`, { cookie: guangming })).body.items as {
  id: number; headName: string; size: number; phoneMasked: string | null; tags: string[]; freeTags: string[]; addressMasked: string; buildingName: string | null;
}[];

test('the template downloads and imports as it is', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/households/import-template', headers: { cookie: wangge } });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual((wb.worksheets[0]!.getRow(1).values as string[]).slice(1), HEADERS);
  const report = await importFile(res.rawPayload.toString('base64'), 'check');
  assert.equal(report.status, 200, report.text);
  assert.equal(report.body.total, 2);
  assert.deepEqual([report.body.valid, report.body.errors, report.body.applied], [2, [], false], 'checked only');
});

test('bad rows are reported row by row and field by field; importing all applies nothing, valid rows only applies the rest', async () => {
  const building = (await t.request('GET', `/api/grids/${ids.grid}/buildings`, { cookie: wangge })).body.items[0];
  const count = (await households()).length;
  const file = await sheet([
    [building.name, 1, '901', '', '周桂芳', 2, '13900009001', '空巢老人户、党员户', '独居'],
    ['', '', '', '光明街 88 号', '吴建华', 3, '', '', ''],
    ['不存在的楼', 1, '101', '', '郑一', 1, '', '', ''],
    [building.name, 99, '101', '', '郑二', 1, '', '', ''],
    [building.name, 1, '', '', '郑三', 1, '', '', ''],
    ['', '', '', '', '郑四', 1, '', '', ''],
    ['', '', '', '光明街 90 号', '', 1, '', '', ''],
    ['', '', '', '光明街 91 号', '郑六', 0, '', '', ''],
    ['', '', '', '光明街 92 号', '郑七', 1, '12345', '', ''],
    ['', '', '', '光明街 93 号', '郑八', 1, '', '富裕户', ''],
    ['', '', '', '光明街88号', '吴建华', 3, '', '', ''],
    [building.name, '一', '102', '', '郑十', 1, '', '', ''],
  ]);
  const check = await importFile(file, 'check');
  assert.equal(check.status, 200, check.text);
  assert.equal(check.body.total, 12);
  assert.equal(check.body.valid, 2);
  assert.equal(check.body.applied, false);
  const byRow = Object.fromEntries(check.body.errors.map((e: { row: number; field: string; message: string }) => [e.row, `${e.field}|${e.message}`]));
  assert.match(byRow[4], /^building\|第 4 行：楼栋“不存在的楼”不在/);
  assert.match(byRow[5], /^entrance\|第 5 行：.*只有 \d+ 个单元/);
  assert.match(byRow[6], /^room\|第 6 行：请填写单元和门牌号/);
  assert.match(byRow[7], /^address\|第 7 行：请选择楼栋，或填写住址/);
  assert.match(byRow[8], /^headName\|第 8 行：户主姓名不能为空/);
  assert.match(byRow[9], /^size\|第 9 行：家庭人口须为 1–30 的整数/);
  assert.match(byRow[10], /^phone\|第 10 行：联系电话须为手机号或固定电话/);
  assert.match(byRow[11], /^tags\|第 11 行：六清楚标签“富裕户”不在可选范围内/);
  assert.match(byRow[12], /^room\|第 12 行：与第 3 行是同一户/, 'the same street address, spaces aside');
  assert.match(byRow[13], /^entrance\|第 13 行：单元“一”须为正整数/);

  const all = await importFile(file, 'all');
  assert.equal(all.body.applied, false);
  assert.equal((await households()).length, count, 'all or nothing: nothing');

  const valid = await importFile(file, 'valid');
  assert.equal(valid.status, 200, valid.text);
  assert.deepEqual([valid.body.applied, valid.body.created, valid.body.updated, valid.body.unchanged], [true, 2, 0, 0]);
  const after = await households();
  assert.equal(after.length, count + 2);
  const zhou = after.find((h) => h.headName === '周桂芳')!;
  assert.deepEqual([zhou.phoneMasked, zhou.tags.sort(), zhou.freeTags, zhou.size], ['139****9001', ['empty_nest', 'party_member'], ['独居'], 2]);
});

test('re-importing merges by address: unchanged rows stay, corrected rows update, a masked phone keeps the phone on file', async () => {
  const building = (await t.request('GET', `/api/grids/${ids.grid}/buildings`, { cookie: wangge })).body.items[0];
  const rows = [
    [building.name, 1, '902', '', '孙玉珍', 1, '13900009002', '空巢老人户', ''],
    ['', '', '', '光明街 95 号', '钱立新', 2, '', '', ''],
  ];
  const first = await importFile(await sheet(rows), 'all');
  assert.deepEqual([first.body.created, first.body.updated, first.body.unchanged], [2, 0, 0], first.text);
  const again = await importFile(await sheet(rows), 'all');
  assert.deepEqual([again.body.created, again.body.updated, again.body.unchanged], [0, 0, 2], 'the same sheet twice changes nothing');

  const corrected = await importFile(await sheet([[building.name, 1, '902', '', '孙玉珍', 2, '139****9002', '空巢老人户、残疾人户', '独居'], rows[1]!]), 'all');
  assert.deepEqual([corrected.body.created, corrected.body.updated, corrected.body.unchanged], [0, 1, 1], corrected.text);
  const sun = (await households()).find((h) => h.headName === '孙玉珍')!;
  assert.deepEqual([sun.size, sun.phoneMasked, sun.tags.sort(), sun.freeTags], [2, '139****9002', ['disabled', 'empty_nest'], ['独居']]);
  const [stored] = await t.kernel.db.system((q) => q.query<{ phone_enc: string }>(`SELECT phone_enc FROM households WHERE id = $1`, [sun.id]));
  assert.equal(t.kernel.cipher.decrypt(stored!.phone_enc), '13900009002', 'the masked cell kept the phone in clear on file');
});

test('a household in another grid is refused by row: one the caller sees at the check, one they cannot see when applying', async () => {
  const street = { size: 1, tags: [], freeTags: [] };
  // The community registers one household in the other grid (the grid worker cannot see it) …
  assert.equal((await t.request('POST', '/api/households', { cookie: guangming, body: { ...street, gridId: ids.other, headName: '冯德胜', address: '光明街 97 号' } })).status, 200);
  const file = await sheet([
    ['', '', '', '光明街 97 号', '冯德胜', 1, '', '', ''],
    ['', '', '', '光明街 98 号', '陈美玲', 1, '', '', ''],
  ]);
  // … the community sees it at the check …
  const check = await importFile(file, 'check', guangming);
  assert.match(check.body.errors[0].message, /^第 2 行：该户已登记在「/);
  assert.equal(check.body.valid, 1);
  // … the grid worker cannot: the check passes, applying all refuses the whole file, valid rows skip it by row.
  assert.equal((await importFile(file, 'check')).body.errors.length, 0);
  const all = await importFile(file, 'all');
  assert.equal(all.status, 400);
  assert.equal(all.body.error.fieldCodes.file, 'grid.import_taken');
  assert.match(all.body.error.message, /第 2 行/, 'names the rows');
  assert.ok(!(await households()).some((h) => h.headName === '陈美玲'), 'nothing imported');
  const valid = await importFile(file, 'valid');
  assert.equal(valid.status, 200, valid.text);
  assert.deepEqual([valid.body.created, valid.body.errors.length], [1, 1]);
  assert.match(valid.body.errors[0].message, /^第 2 行：该户已登记在本社区的另一个网格/);

  // Not the grid worker's grid: refused.
  assert.equal((await importFile(file, 'check', wangge, ids.other)).status, 404);
  const notXlsx = await importFile(Buffer.from('hello').toString('base64'), 'check');
  assert.equal(notXlsx.status, 400);
  assert.match(notXlsx.body.error.fields.file, /不是有效的 Excel/);
});
