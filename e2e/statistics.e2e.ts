import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { regionToday } from '../server/src/kernel/time.ts';
import { screenshot, settle, signIn, startApp, withPage, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

test('a community’s statistics: a figure leads to the list behind it, filtered the same way', async () => {
  await withPage(app, 'statistics-figure-link', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/statistics');
    const card = page.getByTestId('figure-needs.submitted');
    await card.waitFor();
    await settle(page);
    assert.match((await page.getByTestId('statistics-title').textContent()) ?? '', /光明社区党委/);
    assert.equal(await page.getByTestId('statistics-trend-chart').count(), 1, 'the monthly chart');
    assert.equal(await page.getByTestId('statistics-trend-table').count(), 1, 'and its table');
    const value = Number(((await card.locator('.ant-statistic-content-value').textContent()) ?? '').replace(/\D/g, ''));
    await card.click();
    await page.waitForURL(/\/needs\?orgId=\d+&status=submitted$/);
    await page.getByTestId('needs-table').waitFor();
    await settle(page);
    assert.match((await page.getByTestId('needs-status').textContent()) ?? '', /待受理/, 'the list is filtered by the state');
    if (value > 0) await page.getByText(`共 ${value} 条`).first().waitFor();
    else await page.locator('.ant-empty').first().waitFor();
  });
});

test('a community’s year-end report: the year beside the last, candidates in name order, printed alone on A4 and exported to Excel', async () => {
  await withPage(app, 'statistics-annual', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/statistics');
    await page.getByTestId('statistics-view').getByText('年度报告').click();
    await page.waitForURL(/view=annual/);
    const report = page.getByTestId('annual-report');
    await report.waitFor();
    const year = Number(regionToday().slice(0, 4));
    assert.match((await page.getByTestId('annual-title').textContent()) ?? '', new RegExp(`光明社区党委${year}年度报告`));
    const orgId = ((await (await page.request.get(`/api/orgs?q=${encodeURIComponent('光明社区党委')}`)).json()) as { items: { id: number }[] }).items[0]!.id;
    const api = (await (await page.request.get(`/api/orgs/${orgId}/annual-report?year=${year}`)).json()) as { figures: { key: string; value: number }[]; commendations: { key: string; people: { name: string }[] }[] };
    for (const f of api.figures) assert.equal(Number(await page.getByTestId(`annual-${f.key}`).textContent()), f.value, f.key);
    const candidates = api.commendations.flatMap((c) => c.people);
    assert.ok(candidates.length > 0, 'the demo’s year puts someone forward');
    await page.getByTestId(`annual-commendation-${api.commendations.find((c) => c.people.length > 0)!.key}`).getByText(candidates.find(Boolean)!.name).first().waitFor();
    await settle(page);

    // On paper the report stands alone: no menu, tree or header.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.ant-layout-sider').first().isVisible(), false, 'the menu is not printed');
    assert.equal(await page.locator('.gj-with-tree-panel').first().isVisible(), false, 'nor the tree');
    assert.ok(await report.isVisible());
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    await screenshot(page, 'statistics-annual-print');
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('annual-export').click()]);
    assert.equal(download.suggestedFilename(), `光明社区党委${year}年度报告.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const sheet = wb.getWorksheet('年度数据')!;
    assert.equal(sheet.rowCount, api.figures.length + 1, 'every figure a row');
    assert.equal(wb.getWorksheet('评优候选')!.rowCount, candidates.length + 1, 'every candidate a row');
  });
});
