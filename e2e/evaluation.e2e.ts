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
    assert.equal(await page.getByTestId('evaluation-chart').count(), 1);
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
