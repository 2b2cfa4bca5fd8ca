import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { TestApp } from '../../../../test/support/app.ts';
import { censusApp, idNumber, type CensusApp } from '../../../../test/support/census.ts';
import { parseDayOrMonth } from './sheet.ts';

// A members' ledger as a community keeps it, not as the template has it:
// its own headers, phones with the country code, dates known to the month,
// short category names, names in Traditional characters, a column of its own.

let census: CensusApp;
let t: TestApp;
let secretary: string;
let guangming: number;
let grid1: number;
before(async () => {
  census = await censusApp();
  ({ t, secretary, guangming, grid1 } = census);
});
after(() => t.close());

const HEADERS = ['姓名', '公民身份号码', '政治面貌', '所在党组织', '性别', '联系电话', '入党时间', '党员类别', '备注'];
/**
 * The ledger's rows; `seq` keeps the identity numbers of the Excel and the
 * CSV copy apart. A control character is written as Excel writes it in a
 * workbook (_x0000_), and as itself in a CSV file.
 */
const ledger = (seq: number, nul = '\u0000') => [
  ['罗麗華', idNumber('19600315', seq + 2), '中共党员', '光明社区第一网格党支部', '女', '+86 138 1234 5678', '2003年6月', '退休', '老党员'],
  ['張偉', idNumber('19700101', seq + 1), '中共党员', '光明社区第一网格党支部', '男', '0086-139-0435-0001', '2003.6', '在职', ''],
  ['刘强', idNumber('19720202', seq + 3), '中共党员', '光明社区第一网格党支部', '男', '(+86)13904350002', '2003/06', '下岗', ''],
  ['陈芳', idNumber('19740404', seq + 4), '中共党员', '光明社区第一网格党支部', '女', '139-0435-0003', '2003-6', '流动', ''],
  [`赵${nul}军`, idNumber('19760606', seq + 5), '中共党员', '光明社区第一网格党支部', '男', '１３９０４３５０００４', '2003年6月5日', '退伍', '夜班'],
];

async function xlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('党员名册');
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const csv = (rows: string[][], headers = HEADERS) => Buffer.from(`\uFEFF${[headers, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`);

interface Stored {
  name: string;
  phone_mask: string;
  category: string;
  joined_on: string;
  joined_on_precision: string;
  person_id: number;
  message: string | null;
}
const stored = (importId: number) =>
  t.kernel.db.system((q) =>
    q.query<Stored>(
      `SELECT p.name, p.phone_mask, p.category, p.joined_on::text, p.joined_on_precision, c.person_id, c.message
         FROM census_rows c JOIN people p ON p.id = c.person_id WHERE c.import_id = $1 ORDER BY c.row_no`,
      [importId],
    ),
  );

for (const [format, seq, file] of [
  ['xlsx', 10, (rows: string[][]) => xlsx(rows)],
  ['csv', 20, (rows: string[][]) => Promise.resolve(csv(rows))],
] as const) {
  test(`a ledger as a ${format}: synonym headers, +86 phones, month-only dates, short categories and Traditional names import as written`, async () => {
    const nul = format === 'xlsx' ? '_x0000_' : '\u0000';
    const job = await census.importFile(await file(ledger(seq, nul)), { fileName: `党员名册.${format}` });
    assert.deepEqual([job.status, job.totalRows, job.created, job.rejected], ['done', 5, 5, 0]);
    assert.deepEqual(job.ignoredColumns, ['备注'], 'the column no field takes is named, not dropped');

    const people = await stored(job.id);
    assert.deepEqual(
      people.map((p) => [p.name, p.phone_mask, p.category, p.joined_on, p.joined_on_precision]),
      [
        ['罗麗華', '138****5678', 'retired', '2003-06-01', 'month'],
        ['張偉', '139****0001', 'employed', '2003-06-01', 'month'],
        ['刘强', '139****0002', 'laid_off', '2003-06-01', 'month'],
        ['陈芳', '139****0003', 'mobile', '2003-06-01', 'month'],
        ['赵军', '139****0004', 'veteran', '2003-06-05', 'day'],
      ],
    );
    // The control character is removed and said on its row; the row is imported.
    assert.equal(people[4]!.message, '第 6 行：姓名中的控制字符（不可见字符）已删除');
    assert.equal(people[0]!.message, null);

    // One form for the phone, whatever was written.
    const phone = await t.request('POST', `/api/people/${people[0]!.person_id}/reveal`, { cookie: secretary, body: { field: 'phone' } });
    assert.equal(phone.body.value, '13812345678');
    // Only the month is known, and only the month is shown.
    const detail = await t.request('GET', `/api/people/${people[0]!.person_id}`, { cookie: secretary });
    assert.equal(detail.body.joinedOn, '2003-06');
    assert.equal((await t.request('GET', `/api/people/${people[4]!.person_id}`, { cookie: secretary })).body.joinedOn, '2003-06-05');

    // The same ledger again changes nothing.
    const again = await census.importFile(await file(ledger(seq, nul)), { fileName: `党员名册.${format}` });
    assert.deepEqual([again.created, again.merged, again.unchanged, again.rejected], [0, 0, 5, 0]);
  });
}

test('a name kept in Traditional characters is found by its Simplified spelling', async () => {
  const found = await t.request('GET', `/api/people?orgId=${guangming}&q=${encodeURIComponent('罗丽华')}`, { cookie: secretary });
  assert.deepEqual(
    found.body.items.map((p: { name: string }) => p.name),
    ['罗麗華', '罗麗華'],
  );
});

test('the report names the columns that were not imported', async () => {
  const job = await census.importFile(await xlsx(ledger(30).slice(0, 1)), { fileName: '名册.xlsx' });
  const res = await t.app.inject({ method: 'GET', url: `/api/census/imports/${job.id}/report`, headers: { cookie: secretary } });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('未导入的列')!;
  assert.equal(sheet.getCell('A2').value, '备注');
  assert.equal(sheet.rowCount, 2);
});

test('Excel date cells: a day stays a day, a cell formatted to the month stays a month', async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名册');
  sheet.addRow(['姓名', '身份证号码', '人员类别', '入党日期']);
  sheet.addRow(['日期甲', idNumber('19700707', 41), '党员', new Date(Date.UTC(2001, 6, 1))]);
  sheet.addRow(['日期乙', idNumber('19700808', 42), '党员', new Date(Date.UTC(2002, 8, 1))]);
  sheet.getCell('D3').numFmt = 'yyyy"年"m"月"';
  const job = await census.importFile(Buffer.from(await book.xlsx.writeBuffer()), { fileName: '日期.xlsx' });
  assert.equal(job.created, 2, JSON.stringify(job));
  assert.deepEqual(
    (await stored(job.id)).map((p) => [p.joined_on, p.joined_on_precision]),
    [
      ['2001-07-01', 'day'],
      ['2002-09-01', 'month'],
    ],
  );
});

test('dates as ledgers write them, to the day or only to the month', () => {
  const cases: [string, string | null][] = [
    ['2003年6月', '2003-06'],
    ['2003.6', '2003-06'],
    ['2003/06', '2003-06'],
    ['2003-6', '2003-06'],
    ['200306', '2003-06'],
    ['2003年6月5日', '2003-06-05'],
    ['2003.6.5', '2003-06-05'],
    ['20030605', '2003-06-05'],
    ['37777', '2003-06-05'],
    ['2003年13月', null],
    ['2003.2.30', null],
    ['六月', null],
  ];
  for (const [text, want] of cases) assert.equal(parseDayOrMonth(text), want, text);
});

test('a month-only join date is refused when that month is before the member turned 18, accepted in the month itself', async () => {
  const rows = [
    ['月份甲', idNumber('19850620', 51), '党员', '', '', '', '2003年6月'],
    ['月份乙', idNumber('19850620', 53), '党员', '', '', '', '2003年5月'],
  ];
  const job = await census.importFile(csv(rows), { fileName: '月份.csv' });
  assert.deepEqual([job.created, job.rejected], [1, 1]);
  const [row] = (await t.request('GET', `/api/census/imports/${job.id}/rows?outcome=rejected`, { cookie: secretary })).body.items;
  assert.equal(row.message, '第 3 行，入党日期：2003年5月 早于年满 18 周岁（出生于 1985-06-20）');
});

test('people entered by hand: a phone with the country code is kept in its one form, a join date may be a month', async () => {
  const res = await t.request('POST', '/api/people', {
    cookie: secretary,
    body: { orgId: grid1, name: '手填甲', phone: '+86 138-0435-0009', isMember: true, joinedOn: '1999-07' },
  });
  assert.equal(res.status, 200, res.text);
  const file = await t.request('GET', `/api/people/${res.body.id}`, { cookie: secretary });
  assert.deepEqual([file.body.phoneMasked, file.body.joinedOn], ['138****0009', '1999-07']);
  const bad = await t.request('PATCH', `/api/people/${res.body.id}`, { cookie: secretary, body: { phone: '12345', joinedOn: '1999-13' } });
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.error.fields, { phone: '手机号须为 11 位手机号，以 1 开头', joinedOn: '入党日期须为日期（如 2024-05-01）或年月（如 2024-05）' });
});

test('mapping: the preview shows each column with its first cells and suggested field; the chosen mapping imports and is remembered for the organization', async () => {
  // A members' roll: no 人员类型 column, an own header for the name, a column of its own.
  const rows = [
    ['党员甲', idNumber('19660101', 61), '2001年7月', '党小组一'],
    ['党员乙', idNumber('19660202', 63), '2002.7', '党小组二'],
  ];
  const roll = csv(rows, ['同志姓名', '身份证号码', '入党时间', '小组']).toString('base64');
  const body = { orgId: grid1, fileName: '党员花名册.csv', file: roll };
  const preview = await t.request('POST', '/api/census/previews', { cookie: secretary, body });
  assert.equal(preview.status, 200, preview.text);
  assert.deepEqual(preview.body.columns, [
    { name: '同志姓名', field: null, samples: ['党员甲', '党员乙'] },
    { name: '身份证号码', field: 'idNumber', samples: [rows[0]![1], rows[1]![1]] },
    { name: '入党时间', field: 'joinedOn', samples: ['2001年7月', '2002.7'] },
    { name: '小组', field: null, samples: ['党小组一', '党小组二'] },
  ]);
  assert.ok(preview.body.fields.some((f: { key: string; required: boolean }) => f.key === 'kind' && f.required));

  // As suggested, the name and the kind are missing: refused, naming both.
  const refused = await census.upload(Buffer.from(roll, 'base64'), { fileName: body.fileName, orgId: grid1 });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.error.fieldCodes.file, 'import.missing_columns');
  assert.match(refused.body.error.fields.file, /缺少必填列：姓名、人员类型/, 'names the columns');

  // The user names the first column and gives the whole file one kind.
  const columns = ['name', 'idNumber', 'joinedOn', 'ignore'];
  const job = await census.importFile(Buffer.from(roll, 'base64'), { fileName: '党员花名册.csv', extra: { columns, fixed: { kind: '党员' } }, orgId: grid1 });
  assert.deepEqual([job.created, job.rejected], [2, 0], JSON.stringify(job));
  assert.deepEqual(job.ignoredColumns, ['小组']);

  // Next time, the organization's file is read the same way; another organization is not told.
  const again = await t.request('POST', '/api/census/previews', { cookie: secretary, body });
  assert.deepEqual(
    again.body.columns.map((c: { field: string | null }) => c.field),
    ['name', 'idNumber', 'joinedOn', null],
  );
  const elsewhere = await t.request('POST', '/api/census/previews', { cookie: secretary, body: { ...body, orgId: guangming } });
  assert.equal(elsewhere.body.columns[0].field, null);
});

test('mapping: a mapping that does not fit the file is refused in words that name the field', async () => {
  const file = csv([['映射甲', idNumber('19660303', 71), '居民']], ['姓名', '身份证号', '人员类型']);
  const post = (extra: Record<string, unknown>) => census.upload(file, { fileName: 'm.csv', extra });
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ columns: ['name', 'idNumber'] }, 'columns', /列的对应有 2 项，而文件有 3 列/],
    [{ columns: ['name', 'name', 'kind'] }, 'columns', /“姓名”对应了两列：姓名和身份证号/],
    [{ columns: ['name', 'idNumber', 'kind'], fixed: { kind: '党员' } }, 'fixed', /“人员类型”已对应到文件中的“人员类型”列，不能再统一填写/],
    [{ columns: ['name', 'idNumber', 'age'] }, 'columns.2', /列对应的字段不在可选范围内/],
  ];
  for (const [extra, field, message] of cases) {
    const res = await post(extra);
    assert.equal(res.status, 400, JSON.stringify(extra));
    assert.match(res.body.error.fields[field], message, JSON.stringify(res.body));
  }
  const none = await t.kernel.db.system((q) => q.query(`SELECT 1 FROM census_imports WHERE file_name = 'm.csv'`));
  assert.equal(none.length, 0);
});
