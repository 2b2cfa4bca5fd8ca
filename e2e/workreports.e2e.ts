import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PHONE, openPage, screenshot, signIn, startApp, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

test('光明’s secretary files last month’s report, assembled from its records, on a phone; 新华街道 reads it and comments; the community reads the comment', async () => {
  const secretary = await openPage(app, PHONE);
  const street = await openPage(app);
  try {
    await signIn(secretary.page, 'guangming');
    await secretary.page.goto('/work-reports');
    await secretary.page.getByTestId('workreport-create').click();
    const form = secretary.page.locator('.ant-modal:visible');
    await form.getByTestId('workreport-records').filter({ hasText: '开展活动' }).waitFor();
    await form.getByTestId('workreport-statement').fill('上月开展主题党日和志愿服务，办结居民需求，落实联席会议任务。');
    await secretary.page.getByTestId('workreport-form-submit').click();
    await secretary.page.getByTestId('workreport-form-submit').waitFor({ state: 'detached' });
    await secretary.page.getByRole('tab', { name: '本组织报送' }).click();
    const mine = secretary.page.getByTestId('workreports-filed').getByTestId('workreport').filter({ hasText: '上月开展主题党日' });
    await mine.waitFor();
    assert.equal(await mine.getByTestId('workreport-comment-send').count(), 0, 'the reporter does not comment on its own report');
    const width = await secretary.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `fits a phone: ${width}px`);
    await screenshot(secretary.page, 'workreports-filed-phone');

    await signIn(street.page, 'xinhua');
    await street.page.getByTestId('menu-work-reports').click();
    const addressed = street.page.getByTestId('workreports-received').getByTestId('workreport').filter({ hasText: '上月开展主题党日' });
    await addressed.getByTestId('workreport-comment-text').fill('需求办结情况请附居民评价。');
    await addressed.getByTestId('workreport-comment-send').click();
    await addressed.getByTestId('workreport-comment').filter({ hasText: '需求办结情况请附居民评价。' }).waitFor();
    await screenshot(street.page, 'workreports-received');

    await secretary.page.reload();
    await secretary.page.getByRole('tab', { name: '本组织报送' }).click();
    await mine.getByTestId('workreport-comment').filter({ hasText: '需求办结情况请附居民评价。' }).waitFor();
  } finally {
    await secretary.context.close();
    await street.context.close();
  }
});
