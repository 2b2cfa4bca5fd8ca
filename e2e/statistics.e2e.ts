import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { regionToday } from '../server/src/kernel/time.ts';
import { pdfText, screenshot, settle, signIn, startApp, withPage, type TestApp } from './helpers.ts';

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
    // What is on the paper: the title, and each figure's row as the page shows it (name, this year, last year), read back from the PDF.
    const onPaper = (await pdfText(pdf)).replace(/\s+/g, '');
    assert.ok(onPaper.includes(`光明社区党委${year}年度报告`), 'the title is printed');
    const rows = await page.getByTestId('annual-figures').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '').join('')));
    assert.equal(rows.length, api.figures.length);
    for (const row of rows) assert.ok(onPaper.includes(row.replace(/\s+/g, '')), `printed: ${row}`);
    assert.ok(onPaper.includes(candidates.find(Boolean)!.name), 'and the candidates');
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

test('the district’s big screen at 1920×1080: the year’s figures, the communities coloured by a figure with the same numbers in a table, the last events blotted; in three languages', async () => {
  await withPage(app, 'statistics-big-screen', async (page) => {
    await signIn(page, 'admin');
    await page.goto('/statistics');
    await page.getByTestId('statistics-title').filter({ hasText: '梅河口' }).waitFor();
    const [screen] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('statistics-big-screen').click()]);
    await screen!.getByTestId('bigscreen-title').filter({ hasText: '区域化党建' }).waitFor();
    const orgId = Number(new URL(screen!.url()).searchParams.get('orgId'));
    const areas = await (await screen!.request.get(`/api/orgs/${orgId}/statistics/areas`)).json() as { areas: { name: string; groupName: string; values: Record<string, number> }[] };
    const guangming = areas.areas.find((a) => a.name === '光明社区党委')!;
    assert.ok(guangming, 'the district’s map holds 光明社区');

    // Coloured by visits: the table beside the map carries the same numbers, in tree order.
    await screen!.getByTestId('bigscreen-indicator').getByText('走访', { exact: true }).click();
    await screen!.getByTestId('bigscreen-areas').locator('th', { hasText: '走访' }).waitFor();
    const row = screen!.getByTestId('bigscreen-areas').locator('tr', { hasText: '光明社区党委' });
    assert.equal((await row.locator('td').last().innerText()).trim(), String(guangming.values['grids.visits']));
    assert.match(await row.innerText(), new RegExp(guangming.groupName));
    assert.equal(await screen!.getByTestId('bigscreen-map-canvas').locator('canvas').count(), 1, 'the map is drawn');
    await screen!.getByTestId('bigscreen-figure-needs.solved').waitFor();
    assert.ok(await screen!.getByTestId('bigscreen-events').locator('li').count() > 0, 'what happened last');
    const size = await screen!.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
    assert.ok(size.w <= 1920 && size.h <= 1080, `fits the wall without scrolling: ${size.w}×${size.h}`);
    await screenshot(screen!, 'statistics-big-screen');

    for (const [lang, title] of [['en', 'regionalized party building'], ['zh-TW', '區域化黨建']] as const) {
      await screen!.evaluate((l) => localStorage.setItem('gongjian.lang', l), lang);
      await screen!.reload();
      await screen!.getByTestId('bigscreen-title').filter({ hasText: title }).waitFor();
    }
    await screen!.evaluate(() => localStorage.setItem('gongjian.lang', 'zh-CN'));
  }, { width: 1920, height: 1080 });
});
