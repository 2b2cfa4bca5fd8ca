import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { PHONE, chooseOption, choosePerson, confirmPopover, openPage, screenshot, settle, signIn, startApp, typeAndChoose, withPage, type TestApp } from './helpers.ts';
import { addDays, regionInstant, regionToday } from '../server/src/kernel/time.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

const TODAY = '今日志愿服务：小区环境整治';

/** A statistic's number (antd renders the value apart from its title). */
async function statistic(box: Locator): Promise<number> {
  return Number((await box.locator('.ant-statistic-content-value').textContent())?.replace(/[^\d.]/g, ''));
}

/** The region's calendar day n days from today. */
const dayAhead = (n: number) => addDays(regionToday(), n);

/** The start times (2026/12/07 09:00) of what a list shows, in its order. */
async function startTimes(items: Locator): Promise<string[]> {
  return (await items.allTextContents()).map((text) => text.match(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/)?.[0] ?? `no time in ${text}`);
}

const ascending = (times: string[]) => times.every((t, i) => i === 0 || times[i - 1]! <= t);

async function openRoster(page: Page, title: string): Promise<Locator> {
  await page.getByTestId('activities-table').locator('tr', { hasText: title }).getByTestId('activity-open').click();
  const drawer = page.getByTestId('roster-drawer');
  await drawer.waitFor();
  await settle(page);
  return drawer;
}

test('a member signs up on a phone, checks in by the organizer’s QR code, and sees hours and points', async () => {
  const organizer = await openPage(app);
  const member = await openPage(app, PHONE);
  try {
    await signIn(member.page, 'dangyuan');
    await member.page.goto('/my-service');
    const points = member.page.getByTestId('my-points');
    await points.waitFor();
    const pointsBefore = await statistic(points);

    // Sign up for the next open day.
    const card = member.page.getByTestId('activity-card').filter({ hasText: '便民服务直通车开放日' }).first();
    await card.getByTestId('activity-signup').click();
    await card.getByTestId('activity-my-status').filter({ hasText: '已报名' }).waitFor();
    // What is on is listed soonest first, a year of open days after it.
    const times = await startTimes(member.page.getByTestId('activity-card'));
    assert.ok(ascending(times), `soonest first: ${times.join(', ')}`);
    await screenshot(member.page, 'activities-member-phone');

    // The organizer shows today's code; the member's phone opens what the QR image holds.
    await signIn(organizer.page, 'guangming');
    await organizer.page.getByTestId('menu-activities').click();
    const drawer = await openRoster(organizer.page, TODAY);
    const qr = drawer.getByTestId('checkin-qr');
    await qr.waitFor();
    await screenshot(organizer.page, 'activities-organizer-qr');
    const link = new URL((await qr.getAttribute('data-link'))!);
    await member.page.goto(link.pathname + link.search);
    await member.page.getByTestId('checkin-ok').waitFor();
    await member.page.waitForFunction(
      (before) => Number(document.querySelector('[data-testid="my-points"] .ant-statistic-content-value')?.textContent?.replace(/[^\d.]/g, '')) === before + 1,
      pointsBefore,
    );

    // A screenshot of a code from minutes ago does not check anyone in.
    const stale = `/my-service?checkin=${link.searchParams.get('checkin')}&token=0000000000000000`;
    await member.page.goto(stale);
    await member.page.getByTestId('checkin-failed').waitFor();

    // The organizer confirms two hours; the member sees them.
    await organizer.page.getByTestId('roster-drawer').locator('.ant-drawer-close').click();
    const again = await openRoster(organizer.page, TODAY);
    await again.getByTestId('roster-table').locator('tr', { hasText: '周志强' }).getByTestId('roster-confirm').click();
    await organizer.page.locator('input[data-testid="confirm-hours-value"], [data-testid="confirm-hours-value"] input').first().fill('2');
    await organizer.page.getByTestId('confirm-hours-submit').click();
    await again.getByTestId('roster-table').locator('tr', { hasText: '周志强' }).filter({ hasText: '2 小时' }).waitFor();

    await member.page.goto('/my-service');
    await member.page.getByTestId('my-log').filter({ hasText: '小区环境整治' }).filter({ hasText: '已确认' }).waitFor();
    assert.ok((await statistic(member.page.getByTestId('my-hours'))) >= 2);
    await screenshot(member.page, 'activities-member-after');
  } finally {
    await organizer.context.close();
    await member.context.close();
  }
});

test('a member checks in by scanning: the scan tab photographs the organizer’s code and opens the check-in it holds; another code is refused', async () => {
  const organizer = await openPage(app);
  const member = await openPage(app, PHONE);
  try {
    await signIn(organizer.page, 'guangming');
    await organizer.page.getByTestId('menu-activities').click();
    const drawer = await openRoster(organizer.page, TODAY);
    const qr = drawer.getByTestId('checkin-qr');
    await qr.waitFor();
    // What the phone's camera sees: the code on the organizer's screen.
    const photo = await qr.screenshot();

    await signIn(member.page, 'dangyuan');
    await member.page.getByTestId('tab-scan').click();
    await member.page.getByTestId('scan-page').waitFor();
    await member.page.getByTestId('scan-input').setInputFiles({ name: 'code.png', mimeType: 'image/png', buffer: photo });
    await member.page.getByTestId('checkin-ok').waitFor();
    assert.equal(new URL(member.page.url()).search, '', 'the code is used once: the address forgets it');

    // A code that leads elsewhere is read and refused, not followed.
    const { default: QRCode } = await import('qrcode');
    const foreign = await QRCode.toBuffer('https://example.com/my-service?checkin=1&token=abc');
    await member.page.getByTestId('tab-scan').click();
    await member.page.getByTestId('scan-input').setInputFiles({ name: 'other.png', mimeType: 'image/png', buffer: foreign });
    await member.page.getByTestId('scan-foreign').waitFor();
    assert.equal(new URL(member.page.url()).pathname, '/scan');
  } finally {
    await organizer.context.close();
    await member.context.close();
  }
});

test('a unit liaison reads the year-end feedback and downloads it in Excel', () =>
  withPage(app, 'activities-feedback', async (page) => {
    await signIn(page, 'liaison');
    await page.getByTestId('menu-feedback').click();
    const table = page.getByTestId('feedback-table');
    await table.locator('tr', { hasText: '光明社区党委' }).first().waitFor();
    assert.ok((await table.locator('tr', { hasText: '未达标' }).count()) > 0, 'members below 24 are marked');
    await screenshot(page, 'activities-feedback');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('feedback-excel').click()]);
    assert.match(download.suggestedFilename(), /梅河口市税务局.*年度党员服务情况反馈\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const sheet = wb.worksheets[0]!;
    assert.equal(sheet.getCell(1, 1).value, '姓名');
    assert.ok(sheet.rowCount > 6);
    const print = await page.request.get((await page.getByTestId('feedback-print').getAttribute('href'))!);
    assert.match(await print.text(), /在职党员到社区服务情况反馈表/);
  }));

test('a community issues a service certificate, and its code verifies on the public page', () =>
  withPage(app, 'activities-certificate', async (page) => {
    await signIn(page, 'guangming');
    await page.getByTestId('menu-activities').click();
    await page.getByTestId('tab-certificates').click();
    await page.getByTestId('certificate-issue').click();
    const person = page.getByTestId('certificate-person');
    await settle(page);
    await person.click();
    await Promise.all([page.waitForResponse((res) => res.url().includes('/api/people?') && res.url().includes(encodeURIComponent('周志强'))), page.keyboard.insertText('周志强')]);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '周志强' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('certificate-form-submit').click();
    const link = page.getByTestId('certificates-table').locator('tr', { hasText: '周志强' }).getByTestId('certificate-link');
    await link.waitFor();
    const code = (await link.textContent())!;

    // Anyone holding the paper checks it without signing in.
    const visitor = await openPage(app, PHONE);
    try {
      await visitor.page.goto(`/api/certificates/verify?code=${code}`);
      await visitor.page.getByTestId('certificate-valid').waitFor();
      assert.equal(await visitor.page.getByTestId('certificate-person').textContent(), '周志强');
      await screenshot(visitor.page, 'activities-certificate-verified');
      const forged = await visitor.page.goto('/api/certificates/verify?code=ZZZZZZZZZZZZ');
      assert.equal(forged?.status(), 404);
    } finally {
      await visitor.context.close();
    }
  }));

test('the organizer sees the community calendar and the points list with those below 24', () =>
  withPage(app, 'activities-calendar', async (page) => {
    await signIn(page, 'guangming');
    await page.getByTestId('menu-activities').click();
    await page.getByTestId('tab-calendar').click();
    await page.getByTestId('activity-calendar').getByText(TODAY).waitFor();
    await screenshot(page, 'activities-calendar');
    await page.getByTestId('tab-points').click();
    await page.getByTestId('points-summary').waitFor();
    assert.match((await page.getByTestId('points-summary').textContent()) ?? '', /年度达标线 24 分/);
    await page.getByTestId('points-only-below').click();
    await screenshot(page, 'activities-points');
    await page.getByTestId('points-rerun').click();
    await confirmPopover(page);
    await page.locator('.ant-message', { hasText: '已记 0 笔更正' }).waitFor();
  }));

test('an organizer holds an activity at a venue: the form books it and refuses a second at the same time; a deduction asks first', () =>
  withPage(app, 'activities-venue', async (page) => {
    await signIn(page, 'guangming');
    await page.getByTestId('menu-activities').click();
    // Soon enough to be on the table's first page, which lists today and after, soonest first.
    const day = dayAhead(3);
    const publish = async (title: string) => {
      await page.getByTestId('activity-create').click();
      await page.getByTestId('activity-form-title').fill(title);
      await page.getByTestId('activity-form-place-mode').getByText('阵地').click();
      await typeAndChoose(page, page.getByTestId('activity-form-venue'), '多功能活动室', '光明社区');
      // The form takes the region's clock, as the venue's hours are.
      await page.getByTestId('activity-form-starts').fill(`${day}T19:00`);
      await page.getByTestId('activity-form-ends').fill(`${day}T20:30`);
      await page.getByTestId('activity-form-submit').click();
    };
    await publish('阵地预约测试：读书分享会');
    await page.getByTestId('activities-table').locator('tr', { hasText: '阵地预约测试：读书分享会' }).filter({ hasText: '多功能活动室' }).waitFor();
    await publish('阵地预约测试：同一时段');
    const refused = page.getByTestId('activity-form-form').locator('.ant-form-item-explain-error', { hasText: '多功能活动室' });
    await refused.waitFor();
    assert.match((await refused.textContent()) ?? '', /已有预约.*冲突/);
    await screenshot(page, 'activities-venue-clash');
    await page.getByTestId('activity-form-cancel').click();

    await page.getByTestId('tab-setup').click();
    await page.getByTestId('entry-create').click();
    await choosePerson(page, page.getByTestId('entry-form-person'), '周志强');
    await chooseOption(page, page.getByTestId('entry-form-rule'), '无故缺席');
    await page.getByTestId('entry-form-reason').fill('测试：值班未到');
    await page.getByTestId('entry-form-submit').click();
    const confirm = page.getByTestId('deduction-confirm');
    await confirm.waitFor();
    await screenshot(page, 'activities-deduction-confirm');
    await confirm.click();
    await page.getByTestId('entries-table').locator('tr', { hasText: '测试：值班未到' }).filter({ hasText: '-1' }).waitFor();
  }));

test('points are redeemed from the spendable balance; the year’s earned points stay', () =>
  withPage(app, 'activities-redeem', async (page) => {
    await signIn(page, 'guangming');
    await page.getByTestId('menu-activities').click();
    await page.getByTestId('tab-points').click();
    const earned = page.getByTestId('points-table').locator('tr', { hasText: '周志强' }).first();
    await earned.waitFor();
    const earnedBefore = await earned.textContent();

    await page.getByTestId('tab-setup').click();
    await choosePerson(page, page.getByTestId('redeem-person'), '周志强');
    const balance = page.getByTestId('redeem-balance');
    await balance.waitFor();
    const before = Number((await balance.textContent())?.match(/([\d.]+) 分/)?.[1]);
    assert.ok(before >= 1, `a balance to redeem: ${before}`);
    await page.getByTestId('redeem-create').click();
    await page.getByTestId('redeem-form-points').fill('1');
    await page.getByTestId('redeem-form-reason').fill('兑换洗衣粉一袋');
    await page.getByTestId('redeem-form-submit').click();
    await balance.filter({ hasText: `${before - 1} 分` }).waitFor();
    await page.getByTestId('spendable-table').locator('tr', { hasText: '兑换洗衣粉一袋' }).waitFor();
    await screenshot(page, 'activities-redeem');

    await page.getByTestId('tab-points').click();
    await earned.waitFor();
    assert.equal(await earned.textContent(), earnedBefore, 'earned points and rank unchanged');
  }));

test('an activity held for a need is listed on the need’s page', () =>
  withPage(app, 'activities-linked-need', async (page) => {
    const title = '关联需求测试：门禁维修志愿服务';
    await signIn(page, 'guangming');
    await page.getByTestId('menu-activities').click();
    await page.getByTestId('activity-create').click();
    await page.getByTestId('activity-form-title').fill(title);
    await page.getByTestId('activity-form-place').fill('光明社区2号楼1单元');
    const day = dayAhead(4);
    await page.getByTestId('activity-form-starts').fill(`${day}T09:00`);
    await page.getByTestId('activity-form-ends').fill(`${day}T11:00`);
    const needs = page.getByTestId('activity-form-needs');
    await needs.click();
    // The option is clicked once the search's answer is in, and the need is seen chosen before saving.
    await Promise.all([
      page.waitForResponse((res) => res.url().includes('/api/needs?') && res.url().includes(`q=${encodeURIComponent('单元门禁')}`)),
      page.keyboard.insertText('单元门禁'),
    ]);
    await settle(page);
    // Exactly this need: the big visit raised one called 单元门禁损坏维修 too.
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^单元门禁损坏（/ }).first().click();
    await needs.locator('.ant-select-selection-item', { hasText: /^单元门禁损坏（/ }).waitFor();
    await page.keyboard.press('Escape');
    const [saved] = await Promise.all([
      page.waitForResponse((res) => res.request().method() === 'POST' && /\/api\/activities$/.test(res.url())),
      page.getByTestId('activity-form-submit').click(),
    ]);
    assert.deepEqual(((await saved.json()) as { needs: { title: string }[] }).needs.map((n) => n.title), ['单元门禁损坏']);
    await page.getByTestId('activities-table').locator('tr', { hasText: title }).waitFor();

    await page.goto('/needs');
    await page.getByTestId('needs-search').locator('input').fill('单元门禁损坏');
    await page.getByTestId('needs-search').locator('input').press('Enter');
    await page.getByTestId('need-open').filter({ hasText: '单元门禁损坏' }).filter({ hasNotText: '维修' }).first().click();
    await page.getByTestId('need-tab-activities').click();
    await page.getByTestId('linked-activities').filter({ hasText: title }).waitFor();
    await screenshot(page, 'need-linked-activities');
  }));

test('a grid worker organizes activities but is not offered the points setup, which is the administrators’', () =>
  withPage(app, 'activities-grid-worker', async (page) => {
    await signIn(page, 'wangge');
    await page.getByTestId('menu-activities').click();
    await page.getByTestId('activity-create').waitFor();
    await page.getByTestId('tab-points').waitFor();
    assert.equal(await page.getByTestId('tab-setup').count(), 0);
  }));

test('the organizer’s table opens on today and after, soonest first, with a year of open days planned; the past is a switch away, latest first', () =>
  withPage(app, 'activities-upcoming-past', async (page) => {
    await signIn(page, 'guangming');
    await page.getByTestId('menu-activities').click();
    const rows = page.getByTestId('activities-table').locator('tbody tr.ant-table-row');
    await rows.filter({ hasText: TODAY }).waitFor();
    const upcoming = await startTimes(rows);
    assert.ok(ascending(upcoming), `soonest first: ${upcoming.join(', ')}`);
    await screenshot(page, 'activities-upcoming');

    // The two series run a year ahead, two days a month, and today's is still on the first page.
    const total = Number((await page.getByTestId('activities-table').locator('.ant-pagination-total-text').textContent())?.match(/\d+/)?.[0]);
    assert.ok(total >= 22, `a year of open days and party days: ${total}`);

    // The upcoming rows stay until the past ones arrive: wait for that answer, not for any row.
    await Promise.all([
      page.waitForResponse((res) => /\/api\/activities\?/.test(res.url()) && res.url().includes('when=past')),
      page.getByTestId('activities-when-past').click(),
    ]);
    await rows.filter({ hasText: TODAY }).first().waitFor({ state: 'detached' });
    await rows.filter({ hasText: '主题党日' }).first().waitFor();
    assert.equal(await rows.filter({ hasText: TODAY }).count(), 0, 'today’s is not past');
    const past = await startTimes(rows);
    assert.ok(ascending([...past].reverse()), `latest first: ${past.join(', ')}`);
    assert.ok(past.every((t) => t < regionToday().replaceAll('-', '/')), `before today: ${past.join(', ')}`);
    await screenshot(page, 'activities-past');
  }));

test('an organizer whose browser is in New York publishes and reschedules in Beijing time', () =>
  withPage(
    app,
    'activities-reschedule-zone',
    async (page) => {
      const title = '改期测试：楼道清理';
      const day = dayAhead(5);
      const beijing = (hhmm: string) => regionInstant(`${day}T${hhmm}`).toISOString();
      await signIn(page, 'guangming');
      await page.getByTestId('menu-activities').click();
      await page.getByTestId('activity-create').click();
      await page.getByTestId('activity-form-title').fill(title);
      await page.getByTestId('activity-form-place').fill('光明社区3号楼');
      await page.getByTestId('activity-form-starts').fill(`${day}T09:00`);
      await page.getByTestId('activity-form-ends').fill(`${day}T11:00`);
      const [created] = await Promise.all([
        page.waitForResponse((res) => res.request().method() === 'POST' && /\/api\/activities$/.test(res.url())),
        page.getByTestId('activity-form-submit').click(),
      ]);
      assert.equal(((await created.json()) as { startsAt: string }).startsAt, beijing('09:00'));

      const row = page.getByTestId('activities-table').locator('tr', { hasText: title });
      await row.filter({ hasText: `${day.replaceAll('-', '/')} 09:00–11:00` }).waitFor();
      await row.getByTestId('activity-reschedule').click();
      assert.equal(await page.getByTestId('reschedule-starts').inputValue(), `${day}T09:00`, 'the form shows the Beijing time');
      await page.getByTestId('reschedule-starts').fill(`${day}T15:00`);
      await page.getByTestId('reschedule-ends').fill(`${day}T16:30`);
      const [moved] = await Promise.all([
        page.waitForResponse((res) => /\/reschedule$/.test(res.url())),
        page.getByTestId('reschedule-form-submit').click(),
      ]);
      const body = (await moved.json()) as { startsAt: string; endsAt: string };
      assert.deepEqual([body.startsAt, body.endsAt], [beijing('15:00'), beijing('16:30')]);
      await row.filter({ hasText: `${day.replaceAll('-', '/')} 15:00–16:30` }).waitFor();
      await screenshot(page, 'activities-reschedule-new-york');
    },
    undefined,
    { timezoneId: 'America/New_York' },
  ));
