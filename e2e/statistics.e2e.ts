import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { settle, signIn, startApp, withPage, type TestApp } from './helpers.ts';

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
