import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
let cookie: string;
let street: { id: number };
before(async () => {
  t = await testApp({ demo: true });
  cookie = await t.login('xinhua');
  street = (await t.request('GET', '/api/orgs/roots', { cookie })).body.items[0];
});
after(() => t.close());

async function download(url: string): Promise<Buffer> {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  assert.match(String(res.headers['content-disposition']), /attachment; filename\*=UTF-8''/);
  return res.rawPayload;
}

async function sheet(rows: (string | Date)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('组织');
  ws.addRow(['上級組織', '组织名称*', '组织类型', '成立日期', '联系电话', '地址']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const importFile = (orgId: number, file: string, mode: string) => t.request('POST', `/api/orgs/${orgId}/import`, { cookie, body: { file, mode } });

test('an exported subtree imports again unchanged', async () => {
  const file = await download(`/api/orgs/${street.id}/export`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  assert.equal(ws.getCell('B1').value, '组织名称*');
  assert.ok(ws.rowCount > 10);
  const report = await importFile(street.id, file.toString('base64'), 'all');
  assert.equal(report.status, 200, report.text);
  assert.deepEqual(report.body.errors, []);
  assert.equal(report.body.created, 0);
  assert.equal(report.body.updated, 0);
  assert.equal(report.body.unchanged, ws.rowCount - 1);
});

test('a file with errors reports them by row and field and applies nothing, unless asked for the valid rows', async () => {
  const file = await sheet([
    ['', '导入测试社区党委', '社区党组织', new Date('2021-05-01'), '', ''],
    ['导入测试社区党委', '导入测试第一网格党支部', '网格党支部', '', '', ''],
    ['导入测试社区党委', '', '网格党支部', '', '', ''],
    ['导入测试社区党委', '导入测试城堡', '城堡', '', '', ''],
    ['不存在的上级', '孤儿党支部', '网格党支部', '', '', ''],
    ['导入测试社区党委', '导入测试第二网格党支部', '网格党支部', '2021-13-45', '', ''],
  ]);
  const all = await importFile(street.id, file, 'all');
  assert.equal(all.status, 200);
  assert.equal(all.body.applied, false);
  assert.deepEqual(all.body.errors.map((e: { row: number; field: string }) => [e.row, e.field]), [[4, 'name'], [5, 'kind'], [6, 'parent'], [7, 'foundedOn']]);
  assert.match(all.body.errors[1].message, /第 5 行：组织类型“城堡”不在可选范围内/);
  const none = await t.request('GET', `/api/orgs?q=${encodeURIComponent('导入测试')}`, { cookie });
  assert.equal(none.body.total, 0, 'nothing was applied');

  const valid = await importFile(street.id, file, 'valid');
  assert.deepEqual([valid.body.applied, valid.body.created], [true, 2]);
  const found = await t.request('GET', `/api/orgs?q=${encodeURIComponent('导入测试')}`, { cookie });
  assert.deepEqual(found.body.items.map((o: { name: string }) => o.name).sort(), ['导入测试社区党委', '导入测试第一网格党支部']);
  assert.equal(found.body.items.find((o: { name: string }) => o.name === '导入测试社区党委').foundedOn, '2021-05-01');

  const again = await importFile(street.id, file, 'valid');
  assert.deepEqual([again.body.created, again.body.updated, again.body.unchanged], [0, 0, 2], 're-running the same file changes nothing');
});

test('a row whose kind may not sit under its parent’s kind is refused on its row, naming both kinds', async () => {
  const file = await sheet([
    ['', '规则导入社区党委', '社区党组织', '', '', ''],
    ['规则导入社区党委', '规则导入街道', '街道党工委', '', '', ''],
  ]);
  const report = await importFile(street.id, file, 'check');
  assert.deepEqual(report.body.errors.map((e: { row: number; field: string }) => [e.row, e.field]), [[3, 'kind']]);
  assert.match(report.body.errors[0].message, /“街道党工委”不能设在“社区党组织”之下/);
});

test('a file that is not Excel, or lacks the required columns, is refused naming the file', async () => {
  const junk = await importFile(street.id, Buffer.from('not excel').toString('base64'), 'check');
  assert.equal(junk.status, 400);
  assert.equal(junk.body.error.fields.file, '文件不是有效的 Excel（.xlsx）文件');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('x').addRow(['名称']);
  const noCols = await importFile(street.id, Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'), 'check');
  assert.match(noCols.body.error.fields.file, /缺少必填列：组织名称、组织类型/);
});

test('the template downloads with an example and the list of kinds', async () => {
  const file = await download('/api/orgs/import-template');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['组织', '组织类型']);
  // The example is a community's grid and building group.
  const community = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('光明社区党委')}`, { cookie })).body.items[0];
  const check = await importFile(community.id, file.toString('base64'), 'check');
  assert.deepEqual([check.body.valid, check.body.errors.length, check.body.applied], [2, 0, false]);
});
