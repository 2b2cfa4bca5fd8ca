import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP_HEADERS, PHONE, confirmPopover, screenshot, signIn, startApp, withPage, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

test('a grid worker’s home on a phone starts with an overdue visit and leads to the visit page', () =>
  withPage(app, 'home-grid-worker', async (page) => {
    await signIn(page, 'wangge');
    const first = page.getByTestId('home-todo').locator('a.gj-todo').first();
    await first.waitFor();
    assert.equal(await first.getAttribute('data-testid'), 'todo-visit_overdue');
    assert.match((await first.textContent()) ?? '', /已逾期/);
    const box = await first.boundingBox();
    assert.ok(box && box.height >= 44, `a row a thumb can hit: ${box?.height}px`);
    await screenshot(page, 'home-grid-worker-phone');
    await first.click();
    await page.waitForURL('**/visits');
    await page.getByTestId('due-visit').first().waitFor();
  }, PHONE));

test('a secretary on a phone sees the pending report-in on the home and in the menu, follows it and accepts it', async () => {
  await withPage(app, 'home-reportin-issue', async (page) => {
    await signIn(page, 'liaison');
    const units = (await (await page.request.get('/api/auth/me', { headers: APP_HEADERS })).json()).grants.filter((g: { unitId: number | null }) => g.unitId);
    const unitId = units[0].unitId;
    const missing = (await (await page.request.get(`/api/units/${unitId}/unregistered`, { headers: APP_HEADERS })).json()).items;
    const community = (await (await page.request.get(`/api/report-ins/communities?q=${encodeURIComponent('光明社区党委')}`, { headers: APP_HEADERS })).json()).items[0];
    const issued = await page.request.post('/api/report-ins', { headers: APP_HEADERS, data: { personId: missing[0].id, orgId: community.id } });
    assert.equal(issued.status(), 200, await issued.text());
  });

  await withPage(app, 'home-reportin-accept', async (page) => {
    await signIn(page, 'guangming');
    const pending = page.getByTestId('todo-reportin_to_accept').filter({ hasText: '光明社区党委' });
    await pending.waitFor();
    const n = Number(/(\d+)/.exec((await pending.getByTestId('todo-count').textContent()) ?? '')?.[1]);
    assert.ok(n >= 1);
    await page.getByTestId('menu-toggle').click();
    // The badge's digits scroll; its title holds the count.
    assert.equal(Number(await page.getByTestId('menu-badge-reportins').locator('sup').getAttribute('title')), n, 'the menu badge counts the same');
    await page.keyboard.press('Escape');
    await screenshot(page, 'home-secretary-phone');

    await pending.click();
    await page.waitForURL('**/report-ins?status=issued');
    const accept = page.getByTestId('reportin-accept').first();
    await accept.waitFor();
    await accept.click();
    await confirmPopover(page);
    await page.getByTestId('receipt').waitFor();
    await page.goto('/');
    // Loaded: its rows, or the word that nothing waits.
    await page.getByTestId('home-todo').locator('a.gj-todo, .ant-empty').first().waitFor();
    const after = page.getByTestId('todo-reportin_to_accept').filter({ hasText: '光明社区党委' });
    if (n === 1) assert.equal(await after.count(), 0, 'accepted: nothing waits');
    else await after.getByTestId('todo-count').filter({ hasText: String(n - 1) }).waitFor();
  }, PHONE);
});
