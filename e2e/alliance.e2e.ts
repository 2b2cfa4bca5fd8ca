import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP_HEADERS, PHONE, openPage, screenshot, signIn, startApp, withPage, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

const HOSTILE = `<img src=x onerror="window.__pwned=1">《居民议事会》&amp;</title>`;

test('the public alliance page opens signed out on a phone: activities, venues, projects, and a hostile title shows literally', async () => {
  // The community's secretary publishes an activity for residents whose title is markup.
  const staff = await openPage(app);
  try {
    await signIn(staff.page, 'guangming');
    const orgs = await (await staff.page.request.get(`/api/orgs?q=${encodeURIComponent('光明社区党委')}`, { headers: APP_HEADERS })).json();
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const made = await staff.page.request.post('/api/activities', {
      headers: APP_HEADERS,
      data: { orgId: orgs.items[0].id, kind: 'lecture', title: HOSTILE, place: '光明社区党群服务中心', startsAt: `${day}T01:00:00Z`, endsAt: `${day}T02:00:00Z`, capacity: 30, audience: ['residents'] },
    });
    assert.equal(made.status(), 200, await made.text());
  } finally {
    await staff.context.close();
  }

  await withPage(app, 'alliance-public', async (page) => {
    await page.goto('/alliance/guangming');
    await page.getByTestId('alliance-page').waitFor();
    assert.equal(new URL(page.url()).pathname, '/alliance/guangming', 'no sign-in asked');
    await page.getByTestId('alliance-activities').getByTestId('alliance-activity-title').filter({ hasText: HOSTILE }).waitFor();
    await page.getByTestId('alliance-venues').getByText('第五中学操场').waitFor();
    await page.getByTestId('alliance-projects').getByText('党员干部进社区·点亮微心愿').waitFor();
    await page.getByTestId('alliance-units').getByText('梅河口市税务局').first().waitFor();
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.locator('[data-testid=alliance-page] img[src=x]').count(), 0);
    assert.equal(await page.getByTestId('alliance-feed').getAttribute('href'), '/api/alliance/guangming/feed.atom');
    const calendar = await page.request.get((await page.getByTestId('alliance-calendar').getAttribute('href'))!);
    assert.equal(calendar.status(), 200, 'the calendar opens signed out');
    assert.match(await calendar.text(), /BEGIN:VEVENT/);
    // Phone-first: nothing wider than the screen.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
    await screenshot(page, 'alliance-public-phone');
  }, PHONE);
});

test('a page no community published is not found, signed out', async () => {
  await withPage(app, 'alliance-missing', async (page) => {
    await page.goto('/alliance/minzhu');
    await page.getByText('这个联盟公开页不存在或尚未公开').waitFor();
  }, PHONE);
});

test('the secretary sees what the page shows and may change it', async () => {
  await withPage(app, 'alliance-settings', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/alliance-page');
    const form = page.getByTestId('alliance-form');
    await form.waitFor();
    assert.equal(await page.getByTestId('alliance-slug').inputValue(), 'guangming');
    assert.equal(await form.locator('input[type=checkbox]:checked').count(), 5);
    await page.getByTestId('alliance-save').waitFor();
  });
});
