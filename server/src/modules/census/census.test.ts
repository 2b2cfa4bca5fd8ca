import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { TestApp } from '../../../../test/support/app.ts';
import { censusApp, idNumber, type CensusApp } from '../../../../test/support/census.ts';
import type { Queryable } from '../../kernel/db.ts';
import { writeWorkbook } from '../../kernel/excel.ts';
import { resolveSession } from '../users/auth.ts';
import { applyChunk, stage } from './service.ts';
import { COLUMNS } from './sheet.ts';

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

type Cells = Partial<Record<string, string>>;
const xlsx = (rows: Cells[], headers: Record<string, string> = {}) =>
  writeWorkbook([{ name: '普查名单', columns: COLUMNS.map((c) => ({ ...c, header: headers[c.key] ?? c.header })), rows }]);

const digest = (q: Queryable, names = '%') =>
  q.query<{ d: string; n: number }>(
    `SELECT md5(string_agg(concat_ws('|', id_number_hash, name, gender, birth_date, org_id, unit_id, is_member, category, joined_on,
                member_status, skills::text, phone_mask, address_mask, ethnicity), ',' ORDER BY id_number_hash)) AS d, count(*) AS n
       FROM people WHERE id_number_hash IS NOT NULL AND name LIKE $1`,
    [names],
  );
const auditCount = async () =>
  (await t.kernel.db.system((q) => q.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE entity = 'people'`)))[0]!.n;

// Traditional headers and labels, full-width digits and spaces, one person
// twice, and rows wrong in four different ways.
const MESSY_HEADERS = { idNumber: '身份證號', kind: '人員類型', org: '所屬組織', category: '黨員類別', memberStatus: '黨員狀態' };
const messyRows = (): Cells[] => [
  { name: '陳　建國', idNumber: idNumber('1975-03-02', 11).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), kind: '黨員', org: '光明社區第一網格黨支部', category: '在職黨員', memberStatus: '正式黨員', joinedOn: '2001年7月1日', phone: '１３９ ０４３５ ９９０１' },
  { name: '趙秀蘭', idNumber: idNumber('1988-11-20', 22), kind: '居民', org: '光明社區第二網格黨支部', address: '光明小區３號樓' },
  { name: '陳建國', idNumber: idNumber('1975-03-02', 11), kind: '黨員', org: '光明社區第一網格黨支部', skills: '書法、攝影' },
  { name: '錢偉', idNumber: '220581197503021234', kind: '黨員', org: '' },
  { name: '孫麗', idNumber: idNumber('1990-01-01', 32), kind: '黨員', org: '向陽社區黨委' },
  { name: '周敏', idNumber: idNumber('1992-05-05', 42), kind: '居民', org: '', joinedOn: '2015-01-01' },
  { name: '吳剛', idNumber: idNumber('2001-02-03', 51), kind: '黨員', org: '', joinedOn: '2010-07-01' },
];

test('the template downloads, and its example rows import', async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/census/template', headers: { cookie: secretary } });
  assert.equal(res.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['普查名单', '可填写的值']);
  assert.equal(wb.worksheets[0]!.getCell('A1').value, '姓名*');
  const job = await census.importFile(res.rawPayload);
  assert.deepEqual([job.status, job.totalRows, job.created, job.rejected], ['done', 2, 2, 0]);
});

test('a messy sheet: Traditional characters and full-width digits read (the name kept as written), a duplicate merged, bad rows named; the same file again changes nothing', async () => {
  const file = await xlsx(messyRows(), MESSY_HEADERS);
  const job = await census.importFile(file, { fileName: '普查-繁體.xlsx' });
  assert.deepEqual(
    { total: job.totalRows, done: job.doneRows, created: job.created, merged: job.merged, rejected: job.rejected },
    { total: 7, done: 7, created: 2, merged: 1, rejected: 4 },
  );
  const rows = (await t.request('GET', `/api/census/imports/${job.id}/rows?outcome=rejected`, { cookie: secretary })).body.items;
  assert.deepEqual(
    rows.map((r: { rowNo: number; field: string }) => [r.rowNo, r.field]),
    [[5, 'idNumber'], [6, 'org'], [7, 'joinedOn'], [8, 'joinedOn']],
  );
  assert.match(rows[0].message, /^第 5 行，身份证号：身份证号校验位不正确/);
  assert.match(rows[1].message, /^第 6 行，所属组织：“向陽社區黨委”不在光明社区党委之下/);
  assert.match(rows[2].message, /只适用于党员/);
  assert.match(rows[3].message, /早于年满 18 周岁/);
  const merged = (await t.request('GET', `/api/census/imports/${job.id}/rows?outcome=merged`, { cookie: secretary })).body.items;
  assert.equal(merged[0].message, '第 4 行：与第 2 行是同一人，已合并');

  const [chen] = await t.kernel.db.system((q) =>
    q.query<{ name: string; org_id: number; category: string; joined_on: string; skills: string[]; phone_mask: string; member_status: string }>(
      `SELECT name, org_id, category, joined_on::text, skills, phone_mask, member_status FROM people
        WHERE id = (SELECT person_id FROM census_rows WHERE import_id = $1 AND row_no = 2)`,
      [job.id],
    ),
  );
  assert.deepEqual(chen, {
    name: '陳建國', org_id: grid1, category: 'employed', joined_on: '2001-07-01', skills: ['书法', '摄影'], phone_mask: '139****9901', member_status: 'full',
  });
  // Imported people are found like those entered by hand: by pinyin initials, and in Simplified characters.
  for (const q of ['cjg', '陈建国']) {
    const found = await t.request('GET', `/api/people?orgId=${guangming}&q=${encodeURIComponent(q)}`, { cookie: secretary });
    assert.ok(found.body.items.some((p: { name: string }) => p.name === '陳建國'), found.text);
  }

  const [before] = await t.kernel.db.system(digest);
  const audited = await auditCount();
  const again = await census.importFile(file, { fileName: '普查-繁體.xlsx' });
  assert.deepEqual([again.created, again.merged, again.unchanged, again.rejected], [0, 1, 2, 4]);
  assert.deepEqual((await t.kernel.db.system(digest))[0], before);
  assert.equal(await auditCount(), audited, 'nothing was written to people');
});

test('the report lists the rejected rows as read, with the reason; corrected, they import', async () => {
  const job = await census.importFile(await xlsx(messyRows(), MESSY_HEADERS));
  const res = await t.app.inject({ method: 'GET', url: `/api/census/imports/${job.id}/report`, headers: { cookie: secretary } });
  assert.equal(res.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('未导入的行')!;
  assert.equal(sheet.rowCount, 5);
  assert.equal(sheet.getCell('A2').value, '錢偉', 'the cells as they were read');
  // Correct every rejected row in the report itself and import that sheet.
  const header = (sheet.getRow(1).values as string[]).map((h) => String(h ?? '').replace(/\*$/, ''));
  const col = (name: string) => header.indexOf(name);
  sheet.getRow(2).getCell(col('身份证号')).value = idNumber('1975-03-02', 13);
  sheet.getRow(3).getCell(col('所属组织')).value = '光明社区第二网格党支部';
  sheet.getRow(4).getCell(col('入党日期')).value = '';
  sheet.getRow(5).getCell(col('入党日期')).value = '2021-07-01';
  const fixed = await census.importFile(Buffer.from(await wb.xlsx.writeBuffer()));
  assert.deepEqual([fixed.totalRows, fixed.created, fixed.rejected], [4, 4, 0]);
});

test('CSV as Excel on a Chinese Windows saves it (GB 18030, quoted fields) imports like a sheet', async () => {
  // 姓名,身份证号,人员类型,所属组织,住址 / 冯丽娟,<id>,居民,光明社区第二网格党支部,"光明小区5号楼,2单元" in GB 18030.
  const gb = (hex: string) => Buffer.from(hex, 'hex');
  const file = Buffer.concat([
    gb('d0d5c3fb2cc9edb7ddd6a4bac52cc8cbd4b1c0e0d0cd2ccbf9caf4d7e9d6af2cd7a1d6b70d0ab7ebc0f6beea2c'),
    Buffer.from(idNumber('1966-06-06', 62)),
    gb('2cbed3c3f12cb9e2c3f7c9e7c7f8b5dab6fecdf8b8f1b5b3d6a7b2bf2c22b9e2c3f7d0a1c7f835bac5c2a52c32b5a5d4aa220d0a'),
  ]);
  const job = await census.importFile(file, { fileName: '名单.csv' });
  assert.deepEqual([job.totalRows, job.created, job.rejected], [1, 1, 0]);
  const [p] = await t.kernel.db.system((q) =>
    q.query<{ address_mask: string; org_id: number }>(`SELECT address_mask, org_id FROM people WHERE id = (SELECT person_id FROM census_rows WHERE import_id = $1)`, [job.id]),
  );
  assert.deepEqual(p, { address_mask: '光明小区5号****', org_id: await census.orgId('光明社区第二网格党支部') });
});

test('outside the subtree: the import is refused, and a member of another organization is not moved by a sheet', async () => {
  const xiangyang = await census.orgId('向阳社区党委');
  const file = await xlsx([{ name: '郑小红', idNumber: idNumber('1980-08-08', 72), kind: '党员' }]);
  const refused = await census.upload(file, { orgId: xiangyang });
  assert.equal(refused.status, 403, "no role where the organization is out of sight");
  assert.equal((await census.upload(file, { cookie: await t.login('liaison') })).status, 403);

  // 郑小红 is a member in 向阳社区; 光明社区 imports her as its own member.
  const other = await t.login('xiangyang');
  const there = await census.upload(file, { cookie: other, orgId: xiangyang });
  assert.equal((await census.finished(there.body.id, other)).created, 1);
  const here = await census.importFile(file);
  assert.equal(here.rejected, 1);
  const [row] = (await t.request('GET', `/api/census/imports/${here.id}/rows`, { cookie: secretary })).body.items;
  assert.equal(row.message, '第 2 行，身份证号：该身份证号已在您管辖范围以外登记，请与其所在组织核实');

  // Seen by the district, the same sheet naming a second home organization is refused by name.
  const admin = await t.login('admin');
  const city = await census.orgId('中共梅河口市委');
  const twice = await xlsx([{ name: '郑小红', idNumber: idNumber('1980-08-08', 72), kind: '党员', org: '光明社区党委' }]);
  const job = await census.upload(twice, { cookie: admin, orgId: city });
  const done = await census.finished(job.body.id, admin);
  assert.equal(done.rejected, 1);
  const [why] = (await t.request('GET', `/api/census/imports/${job.body.id}/rows`, { cookie: admin })).body.items;
  assert.match(why.message, /^第 2 行，所属组织：郑小红已是向阳社区党委的党员，同一党员不能有两个组织关系/);
});

test('within one file, one member in two home organizations: the later row is refused, naming both rows', async () => {
  const id = idNumber('1979-09-09', 81);
  const job = await census.importFile(
    await xlsx([
      { name: '韩冬', idNumber: id, kind: '党员', org: '光明社区第一网格党支部' },
      { name: '韩冬', idNumber: id, kind: '党员', org: '光明社区第二网格党支部' },
    ]),
  );
  assert.deepEqual([job.created, job.rejected], [1, 1]);
  const [row] = (await t.request('GET', `/api/census/imports/${job.id}/rows?outcome=rejected`, { cookie: secretary })).body.items;
  assert.equal(row.message, '第 3 行，所属组织：与第 2 行是同一人（身份证号相同），但所属组织不同；同一党员不能有两个组织关系');
});

test('members working in a unit without a party organization show up as hidden members', async () => {
  const minzhu = await census.orgId('民主社区党委');
  const xinhua = await t.login('xinhua');
  const gaps = async () =>
    (await t.request('GET', `/api/orgs/${minzhu}/coverage`, { cookie: xinhua })).body.gaps.find((g: { kind: string }) => g.kind === 'hidden_members');
  assert.match((await gaps()).detail, /有 3 名党员/);
  const file = await xlsx([1, 2].map((i) => ({ name: `流动党员${i}`, idNumber: idNumber('1985-01-01', 90 + i), kind: '党员', unit: '民主综合市场', category: '流动党员' })));
  const job = await census.upload(file, { cookie: xinhua, orgId: minzhu });
  assert.equal((await census.finished(job.body.id, xinhua)).created, 2);
  assert.match((await gaps()).detail, /有 5 名党员/);
});

test('interrupted after some chunks and run again, the people end as after one clean run', async () => {
  const rows = Array.from({ length: 25 }, (_, i) => ({ name: `普查${i}`, idNumber: idNumber('1970-01-01', 100 + i), kind: i % 2 ? '党员' : '居民', phone: `1390435${String(i).padStart(4, '0')}` }));
  const file = await xlsx(rows);
  // The interrupted run: staged, two chunks of ten applied, then the process "dies".
  const { db, cipher } = t.kernel;
  const scope = (await resolveSession(db, secretary.slice(secretary.indexOf('=') + 1)))!;
  const asSecretary = <T>(fn: (q: Queryable) => Promise<T>) => db.scoped(scope, fn);
  const userId = scope.userId!;
  const job = await asSecretary((q) => stage(q, cipher, userId, { orgId: guangming, fileName: 'big.xlsx', file }));
  assert.equal(await asSecretary((q) => applyChunk(q, cipher, job.id, 10)), true);
  assert.equal(await asSecretary((q) => applyChunk(q, cipher, job.id, 10)), true);
  const half = await t.request('GET', `/api/census/imports/${job.id}`, { cookie: secretary });
  assert.deepEqual([half.body.status, half.body.doneRows, half.body.created], ['running', 20, 20]);
  // Re-run the same file.
  const rerun = await census.importFile(file);
  assert.deepEqual([rerun.created, rerun.unchanged], [5, 20]);
  const [afterInterrupt] = await db.system((q) => digest(q, '普查%'));

  // The same file once, cleanly, on a fresh database.
  const clean = await censusApp();
  try {
    await clean.importFile(file, { fileName: 'big.xlsx' });
    const [cleanDigest] = await clean.t.kernel.db.system((q) => digest(q, '普查%'));
    assert.deepEqual(afterInterrupt, { ...cleanDigest, n: 25 });
  } finally {
    await clean.t.close();
  }
});

test('a stalled job is resumed; one that is running or done is not', async () => {
  const file = await xlsx(Array.from({ length: 3 }, (_, i) => ({ name: `续传${i}`, idNumber: idNumber('1971-02-02', 200 + i), kind: '居民' })));
  const res = await census.upload(file);
  await census.finished(res.body.id);
  assert.equal((await t.request('POST', `/api/census/imports/${res.body.id}/resume`, { cookie: secretary })).status, 400);
  // A job left half-done by a process that died a minute ago.
  await t.kernel.db.system((q) =>
    q.query(`UPDATE census_imports SET status = 'running', finished_at = NULL, done_rows = 0, heartbeat_at = now() - interval '1 minute' WHERE id = $1`, [res.body.id]),
  );
  await t.kernel.db.system((q) => q.query(`UPDATE census_rows SET outcome = 'pending', person_id = NULL WHERE import_id = $1`, [res.body.id]));
  const job = await t.request('GET', `/api/census/imports/${res.body.id}`, { cookie: secretary });
  assert.equal(job.body.stalled, true);
  assert.equal((await t.request('POST', `/api/census/imports/${res.body.id}/resume`, { cookie: secretary })).status, 200);
  const done = await census.finished(res.body.id);
  assert.deepEqual([done.status, done.doneRows, done.unchanged], ['done', 3, 3]);
});

test('two instances carrying on the same job take turns: every row is applied once', async () => {
  const file = await xlsx(Array.from({ length: 30 }, (_, i) => ({ name: `并发${i}`, idNumber: idNumber('1972-03-03', 300 + i), kind: '居民' })));
  const { db, cipher } = t.kernel;
  const scope = (await resolveSession(db, secretary.slice(secretary.indexOf('=') + 1)))!;
  const job = await db.scoped(scope, (q) => stage(q, cipher, scope.userId!, { orgId: guangming, fileName: 'two.xlsx', file }));
  const instance = async () => {
    let chunks = 0;
    while (await db.scoped(scope, (q) => applyChunk(q, cipher, job.id, 4))) chunks++;
    return chunks;
  };
  await Promise.all([instance(), instance()]);
  const done = await t.request('GET', `/api/census/imports/${job.id}`, { cookie: secretary });
  assert.deepEqual([done.body.status, done.body.doneRows, done.body.created, done.body.rejected], ['done', 30, 30, 0]);
});

test('the demo has the seed models’ figures: 5,400 reported employed members of 梅河口’s pledged units, and the other models’ members', async () => {
  const [r] = await t.kernel.db.system((q) =>
    q.query<{ reported: number; units: number; communities: number; employed: number }>(
      `SELECT count(*) AS reported, count(DISTINCT r.unit_id) AS units, count(DISTINCT r.org_id) AS communities,
              count(*) FILTER (WHERE p.category = 'employed') AS employed
         FROM report_ins r JOIN people p ON p.id = r.person_id JOIN units u ON u.id = r.unit_id
        WHERE r.status = 'accepted' AND r.receipt_no IS NOT NULL
          -- the census step's units (other steps register a few members of the older demo units too)
          AND u.party_org_id IN (SELECT id FROM organizations WHERE path <@ (SELECT path FROM organizations WHERE name = '梅河口市直机关工作委员会'))`,
    ),
  );
  assert.deepEqual(r, { reported: 5400, units: 88, communities: 4, employed: 5400 });
  const [pledged] = await t.kernel.db.system((q) =>
    q.query<{ n: number }>(
      `SELECT count(DISTINCT u.id) AS n FROM units u JOIN org_ties t ON t.to_unit_id = u.id AND t.kind = 'co_builds'
        WHERE u.id IN (SELECT unit_id FROM report_ins) OR u.org_id IN (SELECT id FROM organizations WHERE name IN ('光明社区党委', '向阳社区党委'))`,
    ),
  );
  assert.equal(pledged!.n, 93, 'the reported members’ units and the five the demo already tied to 光明 and 向阳');
  for (const [name, members] of [['新谊社区综合党委', 380], ['三顺店社区党支部', 590], ['定福里社区党委', 99]] as const) {
    const [c] = await t.kernel.db.system((q) =>
      q.query<{ m: number }>(
        `SELECT count(*) FILTER (WHERE is_member) AS m FROM people
          WHERE org_id IN (SELECT id FROM organizations WHERE path <@ (SELECT path FROM organizations WHERE name = $1))`,
        [name],
      ),
    );
    assert.equal(c!.m, members, name);
  }
});

test('residence columns link a row to a registered household; an unregistered one is refused naming the column', async () => {
  const [home] = (await t.request('GET', `/api/grids?orgId=${guangming}`, { cookie: secretary })).body.items;
  const household = await t.request('POST', '/api/households', {
    cookie: secretary, body: { gridId: home.id, address: '普查居住街 3 号', headName: '普查居住', size: 1, tags: [], freeTags: [] },
  });
  assert.equal(household.status, 200, household.text);
  const job = await census.importFile(
    await xlsx([
      { name: '普查居住甲', idNumber: idNumber('1970-03-03', 11), kind: '居民', residenceCommunity: '光明社区党委', household: '普查居住街3号' },
      { name: '普查居住乙', idNumber: idNumber('1970-03-03', 13), kind: '居民', residenceCommunity: '光明社区党委', household: '普查居住街 4 号' },
      { name: '普查居住丙', idNumber: idNumber('1970-03-03', 15), kind: '居民', household: '普查居住街3号' },
    ]),
  );
  assert.deepEqual([job.created, job.rejected], [1, 2]);
  const rejected = (await t.request('GET', `/api/census/imports/${job.id}/rows?outcome=rejected`, { cookie: secretary })).body.items;
  assert.deepEqual(
    rejected.map((r: { field: string; message: string }) => [r.field, r.message]),
    [
      ['household', '第 3 行，住户门牌：居住社区中没有登记“普查居住街4号”这一住户，请先在网格中登记住户，或留空'],
      ['residenceCommunity', '第 4 行，居住社区：填写了住户门牌时须填写居住社区'],
    ],
  );
  const [created] = (await t.request('GET', `/api/census/imports/${job.id}/rows?outcome=created`, { cookie: secretary })).body.items;
  const file = (await t.request('GET', `/api/people/${created.personId}`, { cookie: secretary })).body;
  assert.deepEqual([file.residence?.householdId, file.residence?.gridId], [household.body.id, home.id]);
});

test('the same file again is decided in the upload, row by row from content hashes; a file edited since is applied again', async () => {
  const rows = Array.from({ length: 12 }, (_, i) => ({ name: `重导${i}`, idNumber: idNumber('1974-04-04', 400 + i), kind: '居民', ethnicity: '汉族' }));
  const file = await xlsx(rows);
  const first = await census.importFile(file);
  assert.deepEqual([first.created, first.unchanged], [12, 0]);
  const again = await census.upload(file);
  assert.deepEqual([again.body.status, again.body.unchanged, again.body.doneRows], ['done', 12, 12], 'nothing left for a chunk to apply');

  const [edited] = (await t.request('GET', `/api/census/imports/${first.id}/rows?outcome=created`, { cookie: secretary })).body.items;
  assert.equal((await t.request('PATCH', `/api/people/${edited.personId}`, { cookie: secretary, body: { ethnicity: '满族' } })).status, 200);
  const third = await census.importFile(file);
  assert.deepEqual([third.merged, third.unchanged], [1, 11], 'the edited file is compared and merged, not skipped');
  assert.equal((await t.request('GET', `/api/people/${edited.personId}`, { cookie: secretary })).body.ethnicity, '汉族');
  const fourth = await census.upload(file);
  assert.deepEqual([fourth.body.status, fourth.body.unchanged], ['done', 12]);
});
