import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { PHONE, chooseOption, openPage, screenshot, settle, signIn, startApp, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

const day = (fromToday: number) => new Date(Date.now() + fromToday * 86_400_000).toISOString().slice(0, 10);

async function chooseMany(page: Page, select: Locator, labels: string[]): Promise<void> {
  await settle(page);
  await select.click();
  await settle(page);
  for (const label of labels) await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
  await page.keyboard.press('Escape');
  await settle(page);
}

async function schedule(page: Page, title: string, on: string): Promise<Locator> {
  await page.getByTestId('meeting-schedule').click();
  await page.getByTestId('meeting-title').fill(title);
  await page.getByTestId('meeting-starts').fill(`${on}T09:00`);
  await page.getByTestId('meeting-form-submit').click();
  const drawer = page.getByTestId('meeting-drawer');
  await drawer.getByText(title).first().waitFor();
  return drawer;
}

test('a joint meeting: two units invited and signed in, a resolution with two tasks; the liaison works its task on a phone; the next meeting lists what is open', async () => {
  const staff = await openPage(app);
  const liaison = await openPage(app, PHONE);
  try {
    await signIn(staff.page, 'guangming');
    await staff.page.getByTestId('menu-meetings').click();
    // The page opens at the secretary's own organization, as funds and needs do, not at an empty filter.
    await staff.page.locator('.ant-select', { hasText: '光明社区党委' }).first().waitFor();
    const drawer = await schedule(staff.page, '光明社区共建联席会议', day(1));

    await drawer.getByTestId('meeting-invite').click();
    await chooseMany(staff.page, staff.page.getByTestId('invite-units'), ['梅河口市税务局', '梅河口市第五中学']);
    await staff.page.getByTestId('invite-form-submit').click();
    const invitees = drawer.getByTestId('meeting-invitee');
    await invitees.filter({ hasText: '梅河口市第五中学' }).waitFor();
    for (const unit of ['梅河口市税务局', '梅河口市第五中学']) {
      await chooseOption(staff.page, invitees.filter({ hasText: unit }).getByTestId('invitee-attendance'), '本人出席');
    }

    await drawer.getByTestId('meeting-resolve').click();
    const form = staff.page.locator('.ant-modal:visible');
    await form.getByTestId('resolve-text').fill('税务局开展税法宣传进社区，五中节假日开放操场');
    await form.getByTestId('resolve-add-task').click();
    const tasks = form.getByTestId('resolve-task');
    for (const [n, [title, unit]] of [['税法宣传进社区', '梅河口市税务局'], ['节假日开放操场', '梅河口市第五中学']].entries()) {
      const task = tasks.nth(n);
      await task.getByTestId('task-title').fill(title!);
      await chooseOption(staff.page, task.getByTestId('task-unit'), unit!);
      await task.getByTestId('task-deadline').fill(day(30));
      await task.getByTestId('task-responsible').fill(`${unit}联络员`);
    }
    await staff.page.getByTestId('resolve-form-submit').click();
    const resolution = drawer.getByTestId('meeting-resolution');
    await resolution.getByTestId('task-card').filter({ hasText: '节假日开放操场' }).waitFor();
    await screenshot(staff.page, 'meetings-resolution');

    await signIn(liaison.page, 'liaison');
    await liaison.page.goto('/my-tasks');
    const invitation = liaison.page.getByTestId('my-meetings').getByTestId('meeting-card').filter({ hasText: '光明社区共建联席会议' });
    await invitation.getByTestId('answer-attending').click();
    await invitation.getByTestId('invitation-response').filter({ hasText: '参会' }).waitFor();
    const card = liaison.page.getByTestId('my-tasks').getByTestId('task-card').filter({ hasText: '税法宣传进社区' });
    const accept = card.getByTestId('task-accept');
    const box = await accept.boundingBox();
    assert.ok(box && box.height >= 40, `a button a thumb can hit: ${box?.height}px`);
    assert.equal(await liaison.page.getByTestId('my-tasks').getByTestId('task-card').filter({ hasText: '节假日开放操场' }).count(), 0, 'another unit’s task is not the liaison’s');
    await screenshot(liaison.page, 'meetings-liaison-phone');
    await accept.click();
    for (const [step, words] of [['report', '已与社区确定宣传日期'], ['complete', '在社区广场开展宣传，发放资料200份']] as const) {
      await card.getByTestId(`task-${step}`).click();
      await liaison.page.getByTestId('task-step-text').fill(words);
      await liaison.page.getByTestId('task-step-submit').click();
      await card.filter({ hasText: words }).waitFor();
    }
    await card.filter({ hasText: '已完成' }).waitFor();

    await staff.page.locator('.ant-drawer-close').click();
    const next = await schedule(staff.page, '光明社区下月联席会议', day(31));
    const carried = next.getByTestId('meeting-carried');
    await carried.getByTestId('task-card').filter({ hasText: '节假日开放操场' }).waitFor();
    assert.equal(await carried.getByTestId('task-card').filter({ hasText: '税法宣传进社区' }).count(), 0, 'what is done is not carried');
    await screenshot(staff.page, 'meetings-next-agenda');
  } finally {
    await staff.context.close();
    await liaison.context.close();
  }
});

test('a representative on duty records a visitor; the need appears in the community’s list with its source', async () => {
  const staff = await openPage(app);
  try {
    await signIn(staff.page, 'guangming');
    await staff.page.getByTestId('menu-reception').click();
    await staff.page.getByTestId('reception-add').click();
    await staff.page.getByTestId('rep-name').fill('赵文华');
    await staff.page.getByTestId('rep-constituency').fill('光明选区');
    await staff.page.getByTestId('rep-form-submit').click();
    const row = staff.page.getByTestId('reception-roster').locator('tr', { hasText: '赵文华' });
    await row.getByTestId('rep-schedule').click();
    await staff.page.getByTestId('slot-form-submit').click();
    await staff.page.getByTestId('slot-form-submit').waitFor({ state: 'detached' });
    await row.getByTestId('rep-visit').click();
    await chooseOption(staff.page, staff.page.getByTestId('visit-category'), '市政设施');
    await staff.page.getByTestId('visit-title').fill('光明小区东门路灯不亮');
    await staff.page.getByTestId('visit-visitor').fill('钱大爷');
    await staff.page.getByTestId('visit-form-submit').click();
    await row.filter({ hasText: '1 次接待' }).waitFor();
    await staff.page.getByTestId('reception-figures').filter({ hasText: '接待来访 1 人次' }).waitFor();
    await screenshot(staff.page, 'reception-office');

    await staff.page.getByTestId('menu-needs').click();
    await chooseOption(staff.page, staff.page.getByTestId('needs-source'), '接待室');
    await staff.page.getByText('光明小区东门路灯不亮').first().waitFor();
  } finally {
    await staff.context.close();
  }
});
