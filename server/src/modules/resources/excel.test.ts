import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
let secretary: string;
let liaison: string;
let guangmingId: number;
before(async () => {
  t = await testApp({ demo: true });
  secretary = await t.login('guangming');
  liaison = await t.login('liaison');
  const [row] = await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT org_id AS id FROM units WHERE name = '梅河口市税务局'`));
  guangmingId = row!.id;
  for (const body of [
    { orgId: guangmingId, kind: 'goods', category: 'aid', name: '爱心衣物', quantity: 120, quantityUnit: '件', contactName: '王梅', contactPhone: '13904358888' },
    { orgId: guangmingId, kind: 'fund', category: 'party', name: '党费以奖代补', quantity: 30000, quantityUnit: '元' },
  ]) {
    const res = await t.request('POST', '/api/resources', { cookie: secretary, body });
    assert.equal(res.status, 200, res.text);
  }
});
after(() => t.close());

async function download(url: string, cookie = secretary): Promise<Buffer> {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-disposition']), /attachment; filename\*=UTF-8''/);
  return res.rawPayload;
}

const importFile = (file: string, mode: string, cookie = secretary) =>
  t.request('POST', '/api/resources/import', { cookie, body: { orgId: guangmingId, file, mode } });

test('the exported ledger imports again unchanged; phones leave masked', async () => {
  const file = await download(`/api/resources/export?orgId=${guangmingId}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  assert.equal(ws.getCell('D1').value, '资源名称*');
  const text = JSON.stringify(ws.getSheetValues());
  assert.ok(text.includes('139****8888') && !text.includes('13904358888'));
  const report = await importFile(file.toString('base64'), 'all');
  assert.equal(report.status, 200, report.text);
  assert.deepEqual(report.body.errors, []);
  assert.deepEqual([report.body.created, report.body.updated, report.body.unchanged], [0, 0, ws.rowCount - 1]);
  const [phone] = await t.kernel.db.system((q) => q.query<{ mask: string }>(`SELECT contact_phone_mask AS mask FROM resources WHERE name = '爱心衣物'`));
  assert.equal(phone!.mask, '139****8888', 'the phone on file is kept');
});

test('errors are reported by row and field, and nothing is applied unless the valid rows are asked for', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('资源清单');
  ws.addRow(['提供单位', '资源类型*', '服务类别*', '资源名称*', '数量', '数量单位', '联系电话', '状态']);
  ws.addRow(['梅河口市税务局', '服务', '法律服务', '个税申报辅导', '', '', '', '']);
  ws.addRow(['', '物资', '帮困救助', '爱心衣物', '150', '件', '', '']);
  ws.addRow(['不存在的单位', '服务', '法律服务', '法律咨询', '', '', '', '']);
  ws.addRow(['', '城堡', '帮困救助', '城堡', '', '', '', '']);
  ws.addRow(['', '资金', '帮困救助', '困难补助', '5000', '', '', '']);
  ws.addRow(['', '服务', '便民服务', '义务理发', '', '', '12345', '']);
  ws.addRow(['', '场地', '文体活动', '新建的球场', '', '', '', '']);
  const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');

  const all = await importFile(file, 'all');
  assert.equal(all.body.applied, false);
  const fields = Object.fromEntries(all.body.errors.map((e: { row: number; field: string; message: string }) => [e.row, `${e.field}:${e.message}`]));
  assert.deepEqual(fields, {
    4: 'unit:第 4 行：提供单位“不存在的单位”不在本社区的驻区单位中',
    5: 'kind:第 5 行：资源类型“城堡”不在可选范围内',
    6: 'quantityUnit:第 6 行：填写了数量时须注明单位（元、人、件、次……）',
    7: 'contactPhone:第 7 行：联系电话须为 11 位手机号，或带区号的固定电话（如 0435-4222000）',
    8: 'kind:第 8 行：新的场地请在“阵地”中登记（需填写开放时间和容纳人数）',
  });
  const valid = await importFile(file, 'valid');
  assert.deepEqual([valid.body.applied, valid.body.created, valid.body.updated], [true, 1, 1]);
  const list = await t.request('GET', `/api/resources?orgId=${guangmingId}&q=${encodeURIComponent('衣物')}`, { cookie: secretary });
  assert.equal(list.body.items[0].quantity, 150);
});

test('a liaison imports the unit’s own rows only', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('资源清单');
  ws.addRow(['提供单位', '资源类型', '服务类别', '资源名称']);
  ws.addRow(['梅河口市税务局', '人才', '法律服务', '税务志愿者']);
  ws.addRow(['', '物资', '帮困救助', '社区的物资']);
  const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const report = await importFile(file, 'valid', liaison);
  assert.equal(report.status, 200, report.text);
  assert.deepEqual([report.body.created, report.body.errors.map((e: { row: number }) => e.row)], [1, [3]]);
  const template = await download('/api/resources/import-template', liaison);
  assert.ok(template.length > 1000);
});
