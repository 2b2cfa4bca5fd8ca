import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PHONE, screenshot, signIn, startApp, withPage, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

test('a cadre on a phone sees her area of the big visit, records a visit with a suggestion, and the campaign’s figures count it', async () => {
  let figures = '';
  await withPage(app, 'campaigns-before', async (page) => {
    await signIn(page, 'admin');
    await page.goto('/campaigns');
    await page.getByTestId('campaigns-list').getByText('万名党员干部党群连心大走访').click();
    const shown = page.getByTestId('campaign-figures');
    await shown.waitFor();
    figures = (await shown.textContent()) ?? '';
    assert.match(figures, /走访干部 110 名/);
    assert.match(figures, /征求意见建议 4 条/);
    assert.match(figures, /解决问题 65 件/);
    assert.match(figures, /投入资金 187,000\.00 元/);
    await screenshot(page, 'campaigns-figures');
  });

  await withPage(
    app,
    'campaigns-my-area-phone',
    async (page) => {
      await signIn(page, 'wangge');
      await page.goto('/my-area');
      const area = page.getByTestId('campaign-area').first();
      await area.getByTestId('campaign-visit').first().waitFor();
      const progress = (await area.getByTestId('campaign-progress').textContent()) ?? '';
      const [visited, total] = (/已走访 (\d+) \/ (\d+) 户/.exec(progress) ?? []).slice(1).map(Number);
      await screenshot(page, 'campaigns-my-area');
      await area.getByTestId('campaign-visit').first().click();
      await page.getByTestId('campaign-learned').fill('老人身体硬朗，希望楼下多放几把长椅');
      await page.getByTestId('campaign-suggestion').fill('楼下增设休息长椅');
      const [saved] = await Promise.all([
        page.waitForResponse((res) => res.url().endsWith('/api/visits') && res.request().method() === 'POST'),
        page.getByTestId('campaign-visit-form-submit').click(),
      ]);
      assert.equal(saved.status(), 200, await saved.text());
      await area.getByTestId('campaign-progress').getByText(`已走访 ${visited! + 1} / ${total} 户`).waitFor();
      await screenshot(page, 'campaigns-my-area-done');
    },
    PHONE,
  );

  await withPage(app, 'campaigns-after', async (page) => {
    await signIn(page, 'admin');
    await page.goto('/campaigns');
    await page.getByTestId('campaigns-list').getByText('万名党员干部党群连心大走访').click();
    await page.getByTestId('campaign-figures').getByText(/征求意见建议 5 条/).waitFor();
  });
});
