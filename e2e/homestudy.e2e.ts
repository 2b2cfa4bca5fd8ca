import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP_HEADERS, PHONE, screenshot, signIn, startApp, withPage, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

test('the member who delivers the month’s study records it on a phone, once, and the member is counted present', async () => {
  let delivered: { personId: number; activityId: number } | undefined;
  await withPage(app, 'homestudy-deliver', async (page) => {
    await signIn(page, 'dangyuan');
    await page.goto('/my-deliveries');
    const card = page.getByTestId('my-deliveries').getByTestId('delivery-card').filter({ hasText: '待送学' }).first();
    await card.waitFor();
    const button = card.getByTestId('delivery-deliver');
    const box = await button.boundingBox();
    assert.ok(box && box.height >= 40, `a button a thumb can hit: ${box?.height}px`);
    await screenshot(page, 'homestudy-phone');
    const title = (await card.locator('.ant-card-head-title').textContent()) ?? '';
    const mine = await (await page.request.get('/api/study-deliveries?mine=true', { headers: APP_HEADERS })).json();
    const task = mine.items.find((d: { status: string; personName: string }) => d.status === 'scheduled' && title.includes(d.personName));
    delivered = { personId: task.personId, activityId: task.activityId };
    await button.click();
    await page.getByTestId('delivery-note').fill('讲解了本月学习内容');
    await page.getByTestId('delivery-submit').click();
    await page.getByTestId('my-deliveries').getByTestId('delivery-card').filter({ hasText: title }).filter({ hasText: '已送达' }).waitFor();
    assert.equal(await page.getByTestId('my-deliveries').getByTestId('delivery-card').filter({ hasText: title }).getByTestId('delivery-deliver').count(), 0);
  }, PHONE);

  await withPage(app, 'homestudy-attendance', async (page) => {
    await signIn(page, 'guangming');
    // The branch's staff see whom they marked (with why) and the delivery recorded.
    await page.goto('/homestudy');
    await page.getByTestId('homestudy-members').getByText('年老体弱').first().waitFor();
    await page.getByTestId('homestudy-deliveries').locator('tr').filter({ hasText: '已送达' }).first().waitFor();
    await page.getByTestId('homestudy-mark').waitFor();
    const roster = await (await page.request.get(`/api/activities/${delivered!.activityId}/signups`, { headers: APP_HEADERS })).json();
    assert.equal(roster.items.find((s: { personId: number }) => s.personId === delivered!.personId)?.status, 'attended');
  });
});
