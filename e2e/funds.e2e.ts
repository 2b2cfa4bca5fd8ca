import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { chooseOption, chooseTreeOption, confirmPopover, openPage, screenshot, signIn, startApp, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

const BUDGET = '社区工作和服务群众经费（市财政列支）';
const PDF = { name: '发票.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') };

test('the city allocates to a community, which spends on a project with an invoice, reverses it and exports the ledger', async () => {
  const city = await openPage(app);
  const community = await openPage(app);
  try {
    await signIn(city.page, 'admin');
    await city.page.goto('/funds');
    await city.page.getByTestId('funds-balances').filter({ hasText: BUDGET }).waitFor();
    await city.page.getByTestId('funds-allocate').click();
    await chooseOption(city.page, city.page.getByTestId('funds-allocate-form-form').getByTestId('funds-source'), BUDGET);
    await chooseTreeOption(city.page, city.page.getByTestId('funds-to-org'), ['中共梅河口市委', '新华街道党工委', '光明社区党委']);
    await city.page.getByTestId('funds-amount').fill('10000');
    await city.page.getByTestId('funds-allocate-form-submit').click();
    await city.page.getByTestId('funds-allocate-form-form').waitFor({ state: 'detached' });

    await signIn(community.page, 'guangming');
    await community.page.goto('/funds');
    const row = community.page.getByTestId('funds-balances').locator('tr', { hasText: BUDGET });
    await row.waitFor();
    const left = async () => Number((await row.getByTestId('funds-leftFen').innerText()).replace(/,/g, ''));
    const before = await left();
    const projects = (await (await community.page.request.get('/api/projects')).json()) as { items: { id: number; name: string }[] };
    const project = projects.items.find((p) => p.name.includes('12157'))!;

    await community.page.getByTestId('funds-spend').click();
    const form = community.page.getByTestId('funds-spend-form-form');
    await chooseOption(community.page, form.getByTestId('funds-source'), BUDGET);
    await form.getByTestId('funds-amount').fill('1234.56');
    await form.getByTestId('funds-payee').fill('光明打印社');
    await chooseOption(community.page, form.getByTestId('funds-paid-for-kind'), '共建项目');
    await form.getByTestId('funds-paid-for-id').fill(String(project.id));
    await form.locator('input[type=file]').setInputFiles(PDF);
    await community.page.getByTestId('funds-spend-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await row.filter({ hasText: (before - 1234.56).toLocaleString('en-US', { minimumFractionDigits: 2 }) }).waitFor();
    assert.equal(Math.round((await left()) * 100), Math.round(before * 100) - 123456, 'the balance falls by the expense');
    await screenshot(community.page, 'funds-balances');

    await community.page.getByRole('tab', { name: '经费台账' }).click();
    const found = community.page.getByTestId('funds-ledger').locator('tr', { hasText: '光明打印社' }).filter({ hasText: '1,234.56' }).first();
    await found.waitFor();
    // The reversal joins the ledger beside it: hold on to the expense's own row.
    const entry = community.page.getByTestId('funds-ledger').locator(`tr[data-row-key="${await found.getAttribute('data-row-key')}"]`);
    await entry.getByRole('link', { name: '发票' }).waitFor();
    await entry.getByRole('button', { name: /冲\s*销/ }).click();
    await confirmPopover(community.page);
    await entry.filter({ hasText: '已冲销' }).waitFor();
    await community.page.getByRole('tab', { name: '收支余额' }).click();
    await row.filter({ hasText: before.toLocaleString('en-US', { minimumFractionDigits: 2 }) }).waitFor();
    assert.equal(Math.round((await left()) * 100), Math.round(before * 100), 'the reversal gives it back');

    const [download] = await Promise.all([community.page.waitForEvent('download'), community.page.getByTestId('funds-export').click()]);
    assert.match(download.suggestedFilename(), /光明社区党委\d{4}年经费台账\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const ws = wb.worksheets[0]!;
    const printed = ws.getColumn(6).values.filter((v) => v === '光明打印社');
    assert.equal(printed.length, 2, 'the expense and its reversal');
    assert.ok(ws.getColumn(7).values.includes(10000), 'the allocation received, in yuan');
  } finally {
    await city.context.close();
    await community.context.close();
  }
});
