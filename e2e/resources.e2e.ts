import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { PHONE, chooseOption, screenshot, settle, signIn, startApp, withPage, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

/** Monday of the week after next: every day of it is in the future and free of demo bookings. */
function mondayAhead(): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCDate(d.getUTCDate() + 14 - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** Finds a venue by name and opens its week calendar at the week of date. */
async function openCalendar(page: Page, venue: string, date: string): Promise<Locator> {
  await page.getByTestId('venues-search').locator('input').fill(venue);
  await page.getByTestId('venues-search').locator('input').press('Enter');
  const table = page.getByTestId('venues-table');
  await table.getByTestId('venues-table-card').or(table.locator('tr')).filter({ hasText: venue }).first().getByTestId('venue-calendar').click();
  const calendar = page.locator('.ant-drawer').getByTestId('week-calendar');
  await calendar.waitFor();
  while (!(await calendar.getByTestId(`calendar-day-${date}`).isVisible())) await calendar.getByTestId('calendar-next').click();
  await settle(page);
  return calendar;
}

async function fillTime(page: Page, testId: string, value: string): Promise<void> {
  const input = page.getByTestId(testId).locator('input').or(page.locator(`input[data-testid="${testId}"]`)).first();
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await settle(page);
}

/** Books a slot from a day of an open calendar; returns the form so the caller can read its outcome. */
async function bookFrom(page: Page, calendar: Locator, date: string, from: string, to: string, purpose: string): Promise<void> {
  await calendar.getByTestId(`calendar-book-${date}`).click();
  await page.getByTestId('booking-form-form').waitFor();
  await settle(page);
  await fillTime(page, 'booking-form-start', from);
  await fillTime(page, 'booking-form-end', to);
  await page.getByTestId('booking-form-purpose').fill(purpose);
  await page.getByTestId('booking-form-submit').click();
}

test('a unit liaison offers a resource; the phone shows masked and is revealed on request', () =>
  withPage(app, 'resources-offer', async (page) => {
    await signIn(page, 'liaison');
    await page.getByTestId('menu-resources').click();
    await page.getByTestId('resources-table').waitFor();
    await page.getByTestId('resource-add').click();
    await page.getByTestId('resource-form-form').waitFor();
    await chooseOption(page, page.getByTestId('resource-form-unit'), '梅河口市税务局');
    await chooseOption(page, page.getByTestId('resource-form-kind'), '人才');
    await chooseOption(page, page.getByTestId('resource-form-category'), '法律服务');
    await page.getByTestId('resource-form-name').fill('个税汇算清缴辅导员');
    await page.getByTestId('resource-form-conditions').fill('提前一周预约');
    await page.getByTestId('resource-form-availability').fill('每年三月至六月');
    await page.getByTestId('resource-form-quantity').fill('2');
    await page.getByTestId('resource-form-quantity-unit').fill('人');
    await page.getByTestId('resource-form-contact-name').fill('孙伟');
    await page.getByTestId('resource-form-contact-phone').fill('13904356789');
    await page.getByTestId('resource-form-submit').click();
    await page.getByTestId('resource-form-form').waitFor({ state: 'detached' });

    const row = page.getByTestId('resources-table').locator('tr', { hasText: '个税汇算清缴辅导员' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /梅河口市税务局.*2 人.*每年三月至六月.*提前一周预约/);
    assert.equal(await row.getByTestId('resource-phone').textContent(), '139****6789');
    await screenshot(page, 'resources-list');
    await row.getByTestId('resource-reveal').click();
    await row.getByTestId('resource-phone').filter({ hasText: '13904356789' }).waitFor();
  }));

test('a venue is booked from its calendar on a phone; an overlapping booking is refused, naming the time taken', () =>
  withPage(
    app,
    'venues-book',
    async (page) => {
      const date = mondayAhead();
      await signIn(page, 'guangming');
      await page.goto('/venues');
      await page.getByTestId('venues-table').waitFor();
      await screenshot(page, 'venues-phone');
      const calendar = await openCalendar(page, '多功能活动室', date);
      await bookFrom(page, calendar, date, '09:00', '11:00', '主题党日');
      await page.getByTestId('booking-form-form').waitFor({ state: 'detached' });
      const day = calendar.getByTestId(`calendar-day-${date}`);
      await day.getByTestId('booking-item').filter({ hasText: '主题党日' }).filter({ hasText: '已预约' }).waitFor();

      await bookFrom(page, calendar, date, '10:00', '12:00', '居民议事会');
      const error = page.getByTestId('booking-form-form').locator('.ant-form-item-explain-error').filter({ hasText: '已有预约' });
      await error.waitFor();
      assert.match((await error.textContent()) ?? '', /09:00–11:00已有预约（已预约：主题党日），与您申请的.*10:00–12:00冲突，请另选时间/);
      await screenshot(page, 'venues-overlap-refused');
      await page.getByTestId('booking-form-cancel').click();
      await page.getByTestId('booking-form-form').waitFor({ state: 'detached' });
      assert.equal(await day.getByTestId('booking-item').filter({ hasText: '居民议事会' }).count(), 0);
      await screenshot(page, 'venues-calendar-phone');
    },
    PHONE,
  ));

test('the community asks for a unit’s meeting room; the unit’s liaison approves it', async () => {
  const date = mondayAhead();
  await withPage(app, 'venues-request', async (page) => {
    await signIn(page, 'guangming');
    await page.getByTestId('menu-venues').click();
    const calendar = await openCalendar(page, '税务局三楼会议室', date);
    await bookFrom(page, calendar, date, '14:00', '16:00', '社区党建联席会议（二）');
    await page.getByTestId('booking-form-form').waitFor({ state: 'detached' });
    await calendar.getByTestId('booking-item').filter({ hasText: '社区党建联席会议（二）' }).filter({ hasText: '待审批' }).waitFor();
    assert.equal(await calendar.getByTestId('booking-approve').count(), 0, 'the community does not decide on the unit’s room');
  });
  await withPage(app, 'venues-approve', async (page) => {
    await signIn(page, 'liaison');
    await page.getByTestId('menu-venues').click();
    await page.getByRole('tab', { name: '待审批' }).click();
    const item = page.getByTestId('pending-bookings').getByTestId('booking-item').filter({ hasText: '社区党建联席会议（二）' });
    await item.waitFor();
    await screenshot(page, 'venues-pending');
    await item.getByTestId('booking-approve').click();
    await page.getByRole('tab', { name: '社区预约日历' }).click();
    const calendar = page.getByTestId('week-calendar');
    while (!(await calendar.getByTestId(`calendar-day-${date}`).isVisible())) await calendar.getByTestId('calendar-next').click();
    await calendar.getByTestId('booking-item').filter({ hasText: '社区党建联席会议（二）' }).filter({ hasText: '已预约' }).waitFor();
    await screenshot(page, 'venues-community-calendar');
  });
});
