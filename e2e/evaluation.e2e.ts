import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chooseOption, settle, signIn, startApp, withPage, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

test('the year-end grade of a member is proposed from records and confirmed by the branch with a reason', async () => {
  await withPage(app, 'evaluation-confirm', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/evaluation');
    await page.getByTestId('evaluation-table').waitFor();
    await settle(page);
    const row = page.locator('tr', { hasText: '周志强' }).first();
    const commitment = (await row.locator('a[href^="/commitments?reportId="]').textContent()) ?? '';
    assert.ok(commitment.length > 0, 'his commitment report links to its record');
    const proposed = ((await row.locator('[data-testid^="evaluation-proposed-"]').textContent()) ?? '').trim();
    assert.ok(['优秀', '合格', '基本合格', '不合格'].includes(proposed), proposed);
    assert.equal(await page.getByTestId('evaluation-chart-canvas').count(), 1);
    await row.locator('[data-testid^="evaluation-confirm-"]').click();
    const other = proposed === '优秀' ? '合格' : '优秀';
    await chooseOption(page, page.getByTestId('evaluation-grade'), other);
    await page.getByTestId('evaluation-confirm-ok').click();
    // A grade other than the proposal is refused without a reason, beside the field.
    await page.getByText('确认的等次与建议等次不同，须写明理由').first().waitFor();
    await page.getByTestId('evaluation-reason').fill('全年坚持为居民做税法宣传');
    await page.getByTestId('evaluation-confirm-ok').click();
    const confirmed = row.locator('[data-testid^="evaluation-confirmed-"]');
    await confirmed.filter({ hasText: '全年坚持为居民做税法宣传' }).waitFor();
    const text = (await confirmed.textContent()) ?? '';
    assert.match(text, new RegExp(other));
    assert.match(text, /王丽华/);
    assert.equal(((await row.locator('[data-testid^="evaluation-proposed-"]').textContent()) ?? '').trim(), proposed, 'the proposal stays beside it');
  });
});

test('the community’s units table: each pledge and its report’s ratings, exported, and reported back once from the row’s actions', async () => {
  await withPage(app, 'evaluation-units', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/evaluation');
    await page.getByTestId('evaluation-tab-units').click();
    const table = page.getByTestId('evaluation-units');
    const row = table.locator('tr', { hasText: '梅河口市税务局' }).first();
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /满意 2/);
    assert.ok(await row.locator('a[href^="/commitments?reportId="]').count(), 'the ratings link to the report behind them');
    const href = await page.getByTestId('evaluation-units-export').getAttribute('href');
    assert.match(href ?? '', /^\/api\/evaluation\/units\/table\.xlsx\?orgId=\d+&year=\d{4}$/);
    const sheet = await page.request.get(href!);
    assert.equal(sheet.status(), 200);
    assert.match(sheet.headers()['content-type'] ?? '', /spreadsheetml/);

    await row.locator('[data-testid^="evaluation-report-back-"]').click();
    await page.getByTestId('evaluation-report-back-body').fill('<b>全年</b>履行共建承诺，居民评价满意。');
    await page.getByTestId('evaluation-report-back-ok').click();
    await row.locator('[data-testid^="evaluation-reported-"]').filter({ hasText: '<b>全年</b>履行共建承诺' }).waitFor();
    assert.equal(await row.locator('b').count(), 0, 'the words are shown as text');
    assert.equal(await row.locator('[data-testid^="evaluation-report-back-"]').count(), 0, 'reported back once: the action is gone');
    await settle(page);
  });
});

test('a figure links to the records behind it: the unit’s commitments of that year, filtered as the address says, the filters shown and removable', async () => {
  await withPage(app, 'evaluation-figure-links', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/evaluation');
    await page.getByTestId('evaluation-tab-units').click();
    const row = page.getByTestId('evaluation-units').locator('tr', { hasText: '梅河口市税务局' }).first();
    await row.locator('[data-testid^="evaluation-unit-commitments-"]').click();
    await page.waitForURL(/\/commitments\?unitId=\d+&year=\d{4}$/);
    await page.getByTestId('url-filter-unitId').filter({ hasText: '梅河口市税务局' }).waitFor();
    await page.getByTestId('url-filter-year').waitFor();
    await settle(page);
    const parties = await page.getByTestId('commitment-open').allTextContents();
    assert.ok(parties.length >= 1 && parties.every((p) => p === '梅河口市税务局'), parties.join(' | '));

    // Removing a filter lists what it hid, and the address says so too.
    await page.getByTestId('url-filter-unitId').locator('.ant-tag-close-icon').click();
    await page.waitForURL((u) => !u.search.includes('unitId'));
    await page.getByTestId('commitment-open').filter({ hasNotText: '梅河口市税务局' }).first().waitFor();
    assert.equal(await page.getByTestId('url-filter-unitId').count(), 0);

    // A post's work figure (/posts?postId=) lands on that post alone, named in its filter.
    await page.goto('/posts');
    const first = page.getByTestId('posts-list').getByTestId('post-card').nth(1);
    await first.waitFor();
    const postId = await first.getAttribute('data-post');
    await page.goto(`/posts?postId=${postId}`);
    await page.getByTestId('url-filter-postId').waitFor();
    await settle(page);
    assert.deepEqual(await page.getByTestId('post-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-post'))), [postId]);
    await page.getByTestId('url-filter-postId').locator('.ant-tag-close-icon').click();
    await page.getByTestId('post-card').nth(1).waitFor();
  });
});
