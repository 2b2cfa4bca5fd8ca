import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { pinyin } from 'pinyin-pro';
import { APP_HEADERS, PHONE, chooseOption, chooseTreeOption, confirmPopover, openPage, screenshot, signIn, startApp, typeAndChoose, withPage, type TestApp } from './helpers.ts';

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
    // The project is found by the initials of its name, as people type it; nobody types its number.
    const initials = pinyin(project.name.slice(0, 4), { pattern: 'first', toneType: 'none', type: 'array' }).join('');
    await typeAndChoose(community.page, form.getByTestId('funds-paid-for-id'), initials, project.name);
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
    await entry.filter({ hasText: project.name }).filter({ hasText: /第一条.*第 1 版/ }).waitFor();
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

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sheet = async (rows: unknown[][]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('经费预算');
  ws.addRow(['资金来源', '来源类型', '年度', '预算金额（元）']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

test('an administrator edits the guideline: a new version, the old one kept, the community reads it without buttons', async () => {
  await withPage(app, 'funds-rules', async (page) => {
    await signIn(page, 'admin');
    await page.goto('/funds');
    await page.getByTestId('funds-balances').filter({ hasText: BUDGET }).waitFor();
    await page.getByRole('tab', { name: '使用规则' }).click();
    const rules = page.getByTestId('funds-rules');
    await page.getByTestId('funds-rule-add').click();
    const form = page.getByTestId('funds-rule-form-form');
    await form.getByTestId('funds-rule-key').fill('第八条');
    await form.getByTestId('funds-rule-title').fill('<b>社会捐赠</b>用于民生实事');
    await chooseOption(page, form.getByTestId('funds-rule-source-kind'), '社会捐赠');
    await chooseOption(page, form.getByTestId('funds-rule-effect'), '超额须审批');
    await form.getByTestId('funds-rule-threshold').fill('3000');
    await page.getByTestId('funds-rule-form-submit').click();
    await form.waitFor({ state: 'detached' });
    const row = rules.locator('tr', { hasText: '第八条' });
    await row.filter({ hasText: '第 1 版' }).filter({ hasText: '3,000.00' }).waitFor();
    assert.equal(await row.locator('b').count(), 0, 'a typed title is text, never markup');

    await row.getByRole('button', { name: /修\s*改/ }).click();
    await form.getByTestId('funds-rule-threshold').fill('8000');
    await page.getByTestId('funds-rule-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await row.filter({ hasText: '第 2 版' }).filter({ hasText: '8,000.00' }).waitFor();
    await row.getByRole('button', { name: '历次版本' }).click();
    const history = page.getByTestId('funds-rule-history');
    await history.locator('tr', { hasText: '第 1 版' }).filter({ hasText: '已停用或被取代' }).waitFor();
    await history.locator('tr', { hasText: '第 2 版' }).filter({ hasText: '现行' }).waitFor();
    await screenshot(page, 'funds-rule-versions');
  });
  await withPage(app, 'funds-rules-community', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/funds');
    await page.getByTestId('funds-balances').filter({ hasText: BUDGET }).waitFor();
    await page.getByRole('tab', { name: '使用规则' }).click();
    const row = page.getByTestId('funds-rules').locator('tr', { hasText: '第一条' });
    await row.getByRole('button', { name: '历次版本' }).waitFor();
    assert.equal(await row.getByRole('button', { name: /修\s*改/ }).count(), 0, 'the city’s rule offers the community no edit');
  });
});

test('budgets import from Excel: a bad sheet names the column in Chinese and saves nothing; a good one is imported', async () => {
  await withPage(app, 'funds-import', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/funds');
    await page.getByTestId('funds-balances').filter({ hasText: BUDGET }).waitFor();
    await page.getByRole('tab', { name: '来源与预算' }).click();
    await page.getByTestId('funds-import').click();
    const modal = page.getByTestId('import-modal');
    const year = new Date().getFullYear();
    await modal.locator('input[type=file]').setInputFiles({ name: '预算.xlsx', mimeType: XLSX, buffer: await sheet([['社区居民捐赠款', '社会捐赠', year, '2000'], ['坏来源', '不知道', year, '-5']]) });
    const errors = page.getByTestId('import-errors');
    await errors.locator('tr', { hasText: '来源类型' }).waitFor();
    await errors.locator('tr', { hasText: '预算金额（元）' }).waitFor();
    assert.ok(await page.getByTestId('import-all').isDisabled(), 'a sheet with errors is not imported whole');
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await modal.waitFor({ state: 'detached' });
    const sources = page.getByTestId('funds-sources');
    assert.equal(await sources.getByText('社区居民捐赠款').count(), 0, 'nothing was saved');

    await page.getByTestId('funds-import').click();
    await modal.locator('input[type=file]').setInputFiles({ name: '预算.xlsx', mimeType: XLSX, buffer: await sheet([['社区居民捐赠款', '社会捐赠', year, '2000.50']]) });
    await page.getByTestId('import-report').waitFor();
    await page.getByTestId('import-all').click();
    await page.getByTestId('import-result').waitFor();
    await page.getByTestId('import-close').click();
    await sources.locator('tr', { hasText: '社区居民捐赠款' }).filter({ hasText: '2,000.50' }).waitFor();
  });
});

test('an in-kind contribution is shown in its own unit beside the money, never added to it', async () => {
  await withPage(app, 'funds-in-kind', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/funds');
    const row = page.getByTestId('funds-balances').locator('tr', { hasText: BUDGET });
    await row.waitFor();
    const left = await row.getByTestId('funds-leftFen').innerText();
    await page.getByRole('tab', { name: '实物投入' }).click();
    await page.getByTestId('funds-in-kind-add').click();
    const form = page.getByTestId('funds-in-kind-form-form');
    await form.getByTestId('funds-in-kind-description').fill('党员志愿者义务维修楼道灯');
    await form.getByTestId('funds-in-kind-count').fill('36');
    await form.getByTestId('funds-in-kind-unit').fill('小时');
    await page.getByTestId('funds-in-kind-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('funds-in-kind').locator('tr', { hasText: '党员志愿者义务维修楼道灯' }).filter({ hasText: '36 小时' }).waitFor();
    await page.getByRole('tab', { name: '收支余额' }).click();
    assert.equal(await row.getByTestId('funds-leftFen').innerText(), left, 'hours are not money');
    // Listed again beside the balances, the hours are headed as a quantity, never as money.
    const beside = page.getByTestId('funds-balances-in-kind');
    await beside.locator('tr', { hasText: '党员志愿者义务维修楼道灯' }).filter({ hasText: '36 小时' }).waitFor();
    const headers = await beside.locator('thead th').allInnerTexts();
    assert.ok(headers.includes('数量'), headers.join('|'));
    assert.ok(!headers.some((h) => h.includes('金额') || h.includes('元')), headers.join('|'));
    await screenshot(page, 'funds-in-kind');
  });
});

test('owners’ funds: the community records, the owners’ committee approves on a phone, the estate’s residents read what it paid for', async () => {
  const staff = await openPage(app);
  try {
    await signIn(staff.page, 'guangming');
    const post = async (url: string, data: unknown, page = staff.page) => {
      const res = await page.request.post(url, { data, headers: APP_HEADERS });
      assert.equal(res.status(), 200, await res.text());
      return (await res.json()) as { id: number };
    };
    const me = (await (await staff.page.request.get('/api/auth/me')).json()) as { grants: { orgId: number }[] };
    const guangming = me.grants[0]!.orgId;
    const unit = await post('/api/units', { orgId: guangming, name: '和谐小区业主委员会', kind: 'social_org' });
    await post('/api/fund-rules', { orgId: guangming, ruleKey: '业主条款', title: '业主资金用于小区公共部位维修', sourceKind: 'owners', effect: 'allow' });
    const admin = await openPage(app);
    try {
      await signIn(admin.page, 'admin');
      await post('/api/users', { username: 'hexie-yeweihui', displayName: '和谐小区业委会 周平', password: 'Owners-2026-pass', orgId: guangming, grants: [{ role: 'unit_liaison', orgId: guangming, unitId: unit.id }] }, admin.page);
    } finally {
      await admin.context.close();
    }

    // The residents' committee runs affairs: it registers the fund, naming the committee that holds it.
    await staff.page.goto('/funds');
    await staff.page.getByTestId('funds-balances').filter({ hasText: BUDGET }).waitFor();
    await staff.page.getByRole('tab', { name: '来源与预算' }).click();
    await staff.page.getByTestId('funds-source-add').click();
    const form = staff.page.getByTestId('funds-source-form-form');
    await form.getByTestId('funds-source-name').fill('和谐小区维修资金');
    await chooseOption(staff.page, form.getByTestId('funds-source-kind'), '业主资金');
    await typeAndChoose(staff.page, form.getByTestId('funds-source-unit'), '和谐', '和谐小区业主委员会');
    await staff.page.getByTestId('funds-source-form-submit').click();
    await form.waitFor({ state: 'detached' });
    const source = staff.page.getByTestId('funds-sources').locator('tr', { hasText: '和谐小区维修资金' });
    await source.getByRole('button', { name: '设定预算' }).click();
    await staff.page.getByTestId('funds-budget-form-form').getByTestId('funds-amount').fill('20000');
    await staff.page.getByTestId('funds-budget-form-submit').click();
    await source.filter({ hasText: '20,000.00' }).waitFor();

    await staff.page.getByTestId('funds-spend').click();
    const spend = staff.page.getByTestId('funds-spend-form-form');
    await chooseOption(staff.page, spend.getByTestId('funds-source'), '和谐小区维修资金');
    await spend.getByTestId('funds-amount').fill('860');
    await spend.getByTestId('funds-payee').fill('和谐小区防水工程队');
    await chooseOption(staff.page, spend.getByTestId('funds-paid-for-kind'), '阵地维护');
    await spend.getByTestId('funds-paid-for-label').fill('5 号楼屋面防水');
    await staff.page.getByTestId('funds-spend-form-submit').click();
    await spend.waitFor({ state: 'detached' });
    await staff.page.getByRole('tab', { name: '经费台账' }).click();
    const entry = staff.page.getByTestId('funds-ledger').locator('tr', { hasText: '和谐小区防水工程队' });
    await entry.filter({ hasText: '待和谐小区业主委员会审批' }).waitFor();
    assert.equal(await entry.getByRole('button', { name: /批\s*准/ }).count(), 0, 'the community does not approve the owners’ money');
  } finally {
    await staff.context.close();
  }

  await withPage(app, 'owners-committee', async (page) => {
    await signIn(page, 'hexie-yeweihui', 'Owners-2026-pass');
    await page.goto('/owners-funds');
    const pending = page.getByTestId('owners-pending').locator('.ant-list-item', { hasText: '和谐小区维修资金' });
    await pending.getByRole('button', { name: /^批\s*准$/ }).click();
    await page.getByTestId('owners-notice').filter({ hasText: '和谐小区防水工程队' }).filter({ hasText: '业委会审批：和谐小区业委会 周平' }).waitFor();
  }, PHONE);

  await withPage(app, 'owners-residents', async (page) => {
    await signIn(page, 'jumin');
    await page.goto('/owners-funds');
    const notice = page.getByTestId('owners-notice').filter({ hasText: '和谐小区维修资金' });
    await notice.filter({ hasText: '和谐小区业主委员会' }).filter({ hasText: '5 号楼屋面防水' }).filter({ hasText: '和谐小区业委会 周平' }).waitFor();
    assert.equal(await notice.getByTestId('owners-spent').innerText(), '860.00');
    assert.equal(await page.getByTestId('owners-pending').count(), 0, 'residents supervise; they do not decide');
    await screenshot(page, 'owners-funds-notice');
  }, PHONE);
});
