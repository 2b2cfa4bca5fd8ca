import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PHONE, confirmPopover, openPage, screenshot, settle, signIn, startApp, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

test('a member claims a duty post on a phone; staff see the claim, approve it, and the member holds the post', async () => {
  const member = await openPage(app, PHONE);
  const staff = await openPage(app);
  try {
    await signIn(member.page, 'dangyuan');
    await member.page.goto('/my-posts');
    const board = member.page.getByTestId('posts-board');
    await board.waitFor();
    const card = board.getByTestId('post-card').filter({ hasText: '政策宣讲岗' });
    const claim = card.getByTestId('post-claim');
    const box = await claim.boundingBox();
    assert.ok(box && box.height >= 40, `a claim button a thumb can hit: ${box?.height}px`);
    await screenshot(member.page, 'posts-member-phone');
    await claim.click();
    await confirmPopover(member.page);
    // The server no longer offers the claim: one seat each.
    await card.getByTestId('post-claim').waitFor({ state: 'detached' });
    await member.page.getByTestId('posts-tab-mine').click();
    const mine = member.page.getByTestId('posts-mine').getByTestId('post-card').filter({ hasText: '政策宣讲岗' });
    await mine.filter({ hasText: '待审核' }).waitFor();

    await signIn(staff.page, 'guangming');
    await staff.page.getByTestId('menu-posts').click();
    const post = staff.page.getByTestId('posts-list').getByTestId('post-card').filter({ hasText: '政策宣讲岗' });
    const seat = post.getByTestId('post-seat').filter({ hasText: '周志强' });
    await seat.filter({ hasText: '待审核' }).waitFor();
    await screenshot(staff.page, 'posts-staff-claim');
    await seat.getByTestId('seat-approve').click();
    await seat.filter({ hasText: '在岗' }).waitFor();
    await settle(staff.page);

    await member.page.reload();
    await member.page.getByTestId('posts-tab-mine').click();
    const held = member.page.getByTestId('posts-mine').getByTestId('post-card').filter({ hasText: '政策宣讲岗' }).filter({ hasText: '在岗' });
    await held.waitFor();

    // The holder records their own work from the phone: the post's actions offer it, the form asks no one's name.
    const work = held.getByTestId('post-my-work');
    const workBox = await work.boundingBox();
    assert.ok(workBox && workBox.height >= 40, `a work button a thumb can hit: ${workBox?.height}px`);
    await work.click();
    const drawer = member.page.getByTestId('post-work-drawer');
    await drawer.getByTestId('post-record-work').click();
    const form = member.page.getByTestId('post-work-form-form');
    await form.waitFor();
    assert.equal(await form.getByText('党员', { exact: true }).count(), 0, 'a holder records their own work only: no one to choose');
    await form.locator('textarea').first().fill('<b>宣讲</b>垃圾分类新规');
    await member.page.getByTestId('post-work-form-submit').click();
    await drawer.getByText('<b>宣讲</b>垃圾分类新规').waitFor();
    assert.equal(await drawer.locator('b').count(), 0, 'the note is shown as text');
    await screenshot(member.page, 'posts-holder-work-phone');
  } finally {
    await member.context.close();
    await staff.context.close();
  }
});
