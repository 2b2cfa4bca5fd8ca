import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { checkCharacter } from '../server/src/kernel/idnumber.ts';
import { PHONE, screenshot, settle, signIn, startApp, typeAndChoose, withPage, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const idNumber = (birth: string, seq: number) => {
  const body = `220581${birth}${String(seq).padStart(3, '0')}`;
  return body + checkCharacter(body);
};
/** Enough people for several chunks, so the progress bar is seen moving. */
const BULK = 2500;

/**
 * A sheet as it comes back from the field: Traditional headers and labels,
 * full-width digits and spaces, one person twice, and four bad rows.
 */
async function messySheet(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('普查');
  sheet.addRow(['姓名', '身份證號', '人員類型', '所屬組織', '黨員類別', '入黨日期', '手機號']);
  sheet.addRow(['陳　澤民', fullWidth(idNumber('19750302', 11)), '黨員', '光明社區第一網格黨支部', '在職黨員', '2001年7月1日', '１３９ ０４３５ ９９０１']);
  sheet.addRow(['陳澤民', idNumber('19750302', 11), '黨員', '光明社區第一網格黨支部', '', '', '']);
  sheet.addRow(['錢偉', '220581197503021234', '黨員', '', '', '', '']);
  sheet.addRow(['孫麗', idNumber('19900101', 32), '黨員', '向陽社區黨委', '', '', '']);
  sheet.addRow(['周敏', idNumber('19920505', 42), '居民', '', '', '2015-01-01', '']);
  sheet.addRow(['吳剛', idNumber('20010203', 51), '黨員', '', '', '2010-07-01', '']);
  for (let i = 0; i < BULK; i++) {
    const day = new Date(Date.UTC(1950, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    sheet.addRow([`居民${i}`, idNumber(day, 100 + (i % 7)), '居民', i % 2 ? '光明社區第一網格黨支部' : '光明社區第二網格黨支部', '', '', '']);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

interface Job {
  id: number;
  status: string;
  doneRows: number;
  totalRows: number;
}

/** Chooses a file; the page answers with its columns to check. */
async function choose(page: Page, name: string, buffer: Buffer): Promise<Locator> {
  await page.getByTestId('census-upload').locator('input[type=file]').setInputFiles({ name, mimeType: XLSX, buffer });
  const mapping = page.getByTestId('census-mapping').filter({ hasText: name });
  await mapping.waitFor({ timeout: 120_000 });
  return mapping;
}

/** Starts the import the mapping card shows, and returns the job it started (as the upload answered) and its card. */
async function start(page: Page): Promise<{ job: Job; card: Locator }> {
  const [res] = await Promise.all([
    // Reading and checking a few thousand rows takes seconds on a busy machine.
    page.waitForResponse((r) => r.url().endsWith('/api/census/imports') && r.request().method() === 'POST', { timeout: 120_000 }),
    page.getByTestId('census-start').click(),
  ]);
  const job = (await res.json()) as Job;
  const card = page.locator(`[data-testid=census-job][data-job="${job.id}"]`);
  await card.waitFor();
  return { job, card };
}

/** Uploads a file whose headers the page recognizes, and imports it as suggested. */
async function upload(page: Page, name: string, buffer: Buffer): Promise<{ job: Job; card: Locator }> {
  await choose(page, name, buffer);
  return start(page);
}

/** The counts the job card shows: created, merged, unchanged, rejected. */
async function counts(card: Locator): Promise<number[]> {
  return Promise.all(
    ['created', 'merged', 'unchanged', 'rejected'].map(async (key) =>
      Number(((await card.getByTestId(`census-${key}`).locator('.ant-statistic-content-value').textContent()) ?? '').replace(/\D/g, '')),
    ),
  );
}

async function waitDone(card: Locator): Promise<void> {
  await card.getByTestId('census-report').waitFor({ timeout: 120_000 });
  await settle(card.page());
}

test('a messy Excel file imports with a progress bar; the rejected rows, fixed in the downloaded report, import too', () =>
  withPage(app, 'census-import', async (page) => {
    await signIn(page, 'guangming');
    await page.getByTestId('menu-census').click();
    await page.waitForURL('**/census');
    await page.getByTestId('census-org').filter({ hasText: '光明社区党委' }).waitFor();

    const template = await page.request.get('/api/census/template');
    assert.equal(template.status(), 200);

    // The page polls the job while it runs; every answer it got is kept to check the bar's course.
    const polled: Job[] = [];
    page.on('response', (res) => {
      if (/\/api\/census\/imports\/\d+$/.test(res.url())) void res.json().then((j: Job) => polled.push(j), () => undefined);
    });
    const { job, card: first } = await upload(page, '光明社区普查.xlsx', await messySheet());
    // The upload answers at once with the job started: the bar begins short of full and fills as chunks commit.
    assert.equal(job.status, 'running');
    assert.ok(job.doneRows < job.totalRows);
    await screenshot(page, 'census-progress');
    await waitDone(first);
    assert.match((await first.getByTestId('census-rows-done').textContent()) ?? '', new RegExp(`已处理 ${BULK + 6} / ${BULK + 6} 行`));
    assert.deepEqual(await counts(first), [BULK + 1, 1, 0, 4]);
    assert.equal(await first.getByRole('progressbar').getAttribute('aria-valuenow'), '100');
    assert.ok(polled.some((j) => j.id === job.id && j.status === 'done'), 'the page followed the job to the end');
    const rejected = page.getByTestId('census-rejected-rows');
    assert.match((await rejected.textContent()) ?? '', /第 4 行，身份证号：身份证号校验位不正确/);
    assert.match((await rejected.textContent()) ?? '', /第 5 行，所属组织：“向陽社區黨委”不在光明社区党委之下/);
    await screenshot(page, 'census-done');

    // The report, downloaded as the user would, with the rejected rows as they were typed.
    const [download] = await Promise.all([page.waitForEvent('download'), first.getByTestId('census-report').click()]);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = report.getWorksheet('未导入的行')!;
    assert.equal(sheet.rowCount, 5);
    const header = (sheet.getRow(1).values as unknown[]).map((h) => String(h ?? '').replace(/\*$/, ''));
    const cell = (row: number, name: string) => sheet.getRow(row).getCell(header.indexOf(name));
    const rowOf = (name: string) => [2, 3, 4, 5].find((r) => cell(r, '姓名').value === name)!;
    cell(rowOf('錢偉'), '身份证号').value = idNumber('19750302', 13);
    cell(rowOf('孫麗'), '所属组织').value = '光明社区第二网格党支部';
    cell(rowOf('周敏'), '入党日期').value = '';
    cell(rowOf('吳剛'), '入党日期').value = '2021-07-01';

    const { card: fixed } = await upload(page, '光明社区普查-改正.xlsx', Buffer.from(await report.xlsx.writeBuffer()));
    await waitDone(fixed);
    assert.deepEqual(await counts(fixed), [4, 0, 0, 0]);

    // The first file again: nobody new, nobody doubled; the bad rows are still refused.
    const { card: again } = await upload(page, '光明社区普查.xlsx', await messySheet());
    await waitDone(again);
    assert.deepEqual(await counts(again), [0, 1, BULK + 1, 4]);
    const people = await page.request.get(`/api/people?q=${encodeURIComponent('陈泽民')}`);
    assert.equal(((await people.json()) as { total: number }).total, 1, 'the duplicate row was merged, once');
    await page.getByTestId('census-history').locator('tbody tr').nth(2).waitFor();
  }));

test('on a phone the census page reads as cards', () =>
  withPage(
    app,
    'census-phone',
    async (page) => {
      await signIn(page, 'guangming');
      await page.goto('/census');
      await page.getByTestId('census-history-card').first().waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= PHONE.width, `the page is ${width}px wide`);
      await page.getByTestId('census-history-card').first().click();
      await page.getByTestId('census-job').waitFor();
      await screenshot(page, 'census-phone');
    },
    PHONE,
  ));

test('a roll with its own headers: the columns are shown with their first rows, one is corrected, and the roll imports as written', () =>
  withPage(app, 'census-mapping', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/census');
    await page.getByTestId('census-org').filter({ hasText: '光明社区党委' }).waitFor();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('党员花名册');
    sheet.addRow(['同志', '公民身份号码', '政治面貌', '所在党组织', '联系电话', '入党时间', '党员类别', '备注']);
    sheet.addRow(['罗麗華', idNumber('19600315', 201), '中共党员', '光明社区第一网格党支部', '+86 138 1234 5678', '2003年6月', '退休', '老党员']);
    sheet.addRow(['張偉', idNumber('19700101', 203), '中共党员', '光明社区第二网格党支部', '0086-139-0435-0001', '2003.6', '在职', '']);

    const mapping = await choose(page, '党员花名册.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    // Every column with its first rows and what it is read as; the name column's header is the roll's own.
    const column = (i: number) => mapping.getByTestId(`census-column-${i}`);
    assert.match((await column(0).textContent()) ?? '', /同志.*罗麗華.*張偉.*不导入/);
    assert.match((await column(5).textContent()) ?? '', /入党时间.*2003年6月.*2003\.6.*入党日期/);
    assert.match((await column(7).textContent()) ?? '', /备注.*老党员.*不导入/);
    assert.match((await mapping.getByTestId('census-missing').textContent()) ?? '', /姓名/);
    await screenshot(page, 'census-mapping');

    await typeAndChoose(page, mapping.getByTestId('census-field-0'), '姓名', '姓名 *');
    await mapping.getByTestId('census-missing').waitFor({ state: 'detached' });
    const { card } = await start(page);
    await waitDone(card);
    assert.deepEqual(await counts(card), [2, 0, 0, 0]);
    assert.match((await card.getByTestId('census-ignored').textContent()) ?? '', /未导入：备注/);
    await screenshot(page, 'census-mapped');

    // As written: the Traditional name, found by its Simplified spelling; only the month of joining is shown.
    await page.goto('/people');
    await page.getByTestId('people-search').locator('input').fill('罗丽华');
    await page.getByTestId('people-search').locator('input').press('Enter');
    await page.getByTestId('person-open').filter({ hasText: '罗麗華' }).click();
    await page.getByText('2003年6月').first().waitFor();
    assert.equal(await page.getByText('2003-06-01').count(), 0);
    await screenshot(page, 'census-month-only');
  }));
