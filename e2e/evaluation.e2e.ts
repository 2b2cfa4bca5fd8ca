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
