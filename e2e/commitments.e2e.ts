import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { PHONE, chooseOption, confirmPopover, settle, signIn, startApp, withPage, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

/** Opens the first row of a list (commitments or reports) whose party is named so. */
async function openRow(page: Page, testId: 'commitment-open' | 'report-open', party: string, drawer: string): Promise<void> {
  await page.getByTestId(testId).filter({ hasText: party }).first().click();
  await page.getByTestId(drawer).waitFor();
  await settle(page);
}

test('a unit liaison drafts and signs a co-building pledge; the community signs and it is in force, both signatures shown', async () => {
  await withPage(app, 'commitments-liaison-drafts', async (page) => {
    await signIn(page, 'liaison');
    await page.goto('/commitments');
    await page.getByTestId('commitment-new-pledge').click();
    await page.getByTestId('commitment-item-what').fill('每季度开展一次税法宣传进社区');
    await chooseOption(page, page.getByTestId('commitment-item-source'), '文字说明');
    await page.getByTestId('commitment-create').click();
    const drawer = page.getByTestId('commitment-drawer');
    await drawer.getByTestId('commitment-status').filter({ hasText: '起草中' }).waitFor();
    await drawer.getByTestId('commitment-sign-party').click();
    await confirmPopover(page);
    await drawer.getByTestId('commitment-status').filter({ hasText: '承诺方已签' }).waitFor();
    assert.equal(await drawer.getByTestId('commitment-sign-party').count(), 0, 'a side signs once');
  });
  await withPage(app, 'commitments-community-signs', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/commitments');
    await openRow(page, 'commitment-open', '梅河口市税务局', 'commitment-drawer');
    const drawer = page.getByTestId('commitment-drawer');
    await drawer.getByTestId('commitment-status').filter({ hasText: '承诺方已签' }).waitFor();
    await drawer.getByTestId('commitment-sign-community').click();
    await confirmPopover(page);
    await drawer.getByTestId('commitment-status').filter({ hasText: '已生效' }).waitFor();
    const signatures = (await drawer.getByTestId('commitment-signatures').textContent()) ?? '';
    assert.match(signatures, /孙伟/);
    assert.match(signatures, /王丽华/);
  });
});

test('a draft pledge’s items are edited (changed, added, removed) until a side signs; then the form is gone', async () => {
  await withPage(app, 'commitments-edit-items', async (page) => {
    await signIn(page, 'liaison');
    await page.goto('/commitments');
    await page.getByTestId('commitment-new-pledge').click();
    await page.getByTestId('commitment-starts').fill('2027-01-01');
    await page.getByTestId('commitment-ends').fill('2027-12-31');
    await page.getByTestId('commitment-item-what').fill('会议室每月向居民开放');
    await page.getByTestId('commitment-create').click();
    const drawer = page.getByTestId('commitment-drawer');
    await drawer.getByTestId('commitment-status').filter({ hasText: '起草中' }).waitFor();

    await drawer.getByTestId('commitment-edit-items').click();
    const items = page.getByTestId('commitment-item-form');
    await items.first().waitFor();
    await items.first().getByTestId('commitment-item-what').fill('<i>会议室</i>每周向居民开放');
    await page.getByTestId('commitment-item-add').click();
    await items.nth(1).getByTestId('commitment-item-what').fill('每季度税法宣传一次');
    await page.getByTestId('commitment-item-add').click();
    await items.nth(2).getByTestId('commitment-item-what').fill('写错了的一项');
    await items.nth(2).getByTestId('commitment-item-remove').click();
    assert.equal(await items.count(), 2);
    await page.getByTestId('commitment-items-save').click();
    await drawer.getByTestId('commitment-item').filter({ hasText: '每季度税法宣传一次' }).waitFor();
    const shown = await drawer.getByTestId('commitment-item').allTextContents();
    assert.equal(shown.length, 2, shown.join(' | '));
    assert.ok(shown[0]!.includes('<i>会议室</i>每周向居民开放'), 'typed text shown as text');
    assert.equal(await drawer.locator('i').filter({ hasText: '会议室' }).count(), 0);
    assert.ok(!shown.some((x) => x.includes('写错了')), 'the removed item is gone');

    await drawer.getByTestId('commitment-sign-party').click();
    await confirmPopover(page);
    await drawer.getByTestId('commitment-status').filter({ hasText: '承诺方已签' }).waitFor();
    assert.equal(await drawer.getByTestId('commitment-edit-items').count(), 0, 'signed items are frozen: no edit offered');
  });
});

test('a member’s draft report on a phone shows the party days they attended', async () => {
  await withPage(app, 'commitments-member-draft', async (page) => {
    await signIn(page, 'dangyuan');
    await page.goto('/me/commitments');
    await openRow(page, 'report-open', '周志强', 'report-drawer');
    const drawer = page.getByTestId('report-drawer');
    await drawer.getByTestId('report-status').filter({ hasText: '待述诺' }).waitFor();
    const records = (await drawer.getByTestId('commitment-item-records').first().textContent()) ?? '';
    assert.match(records, /主题党日/);
    await drawer.getByTestId('report-statement').waitFor();
  }, PHONE);
});

test('a resident asks about a published report and rates it, once', async () => {
  await withPage(app, 'commitments-resident-rates', async (page) => {
    await signIn(page, 'jumin');
    await page.goto('/commitment-reports');
    await openRow(page, 'report-open', '第五中学', 'report-drawer');
    const drawer = page.getByTestId('report-drawer');
    await drawer.getByTestId('commitment-question-input').fill('暑假操场也开放吗？');
    await drawer.getByTestId('commitment-ask').click();
    await drawer.getByTestId('commitment-question').filter({ hasText: '暑假操场也开放吗？' }).waitFor();
    await drawer.getByTestId('commitment-grade').getByText('基本满意').click();
    await drawer.getByTestId('commitment-rate').click();
    await drawer.getByTestId('commitment-my-rating').filter({ hasText: '基本满意' }).waitFor();
    assert.equal(await drawer.getByTestId('commitment-rate').count(), 0, 'one rating per resident');
    assert.match((await drawer.getByTestId('commitment-tally').textContent()) ?? '', /基本满意 1/);
  }, PHONE);
});
