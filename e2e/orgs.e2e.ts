import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { PHONE, chooseOption, choosePerson, chooseTreeOption, expandTreeNode, screenshot, settle, signIn, startApp, treeNode, withPage, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

async function openOrg(page: Page, name: string): Promise<void> {
  await treeNode(page, name).locator('.ant-tree-title').first().click();
  await page.getByTestId('org-detail-name').filter({ hasText: name }).waitFor();
}

async function openTab(page: Page, key: string): Promise<void> {
  await page.getByTestId(`tab-${key}`).click();
  await settle(page);
}

async function addPartTimeSeat(page: Page, person: string, unit: string): Promise<void> {
  await page.getByTestId('seat-add-button').click();
  await page.getByTestId('seat-add-form').waitFor();
  await choosePerson(page, page.getByTestId('seat-add-person'), person);
  await page.getByTestId('seat-add-part-time').click();
  await chooseOption(page, page.getByTestId('seat-add-unit'), unit);
  await page.getByTestId('seat-add-submit').click();
  await page.getByTestId('seat-add-form').waitFor({ state: 'detached' });
  await page.getByTestId('seats-table').locator('tr', { hasText: person }).filter({ hasText: unit }).waitFor();
}

/** The row of a coverage gap, by the organization or unit it names and its kind. */
function gapRow(page: Page, name: string, kind: RegExp): Locator {
  return page.getByTestId('coverage-gaps').locator('tr', { hasText: name }).filter({ hasText: kind });
}

test('a street admin builds a comprehensive committee with part-time seats and a co-building tie, and sees it on the chart', () =>
  withPage(app, 'orgs-network', async (page) => {
    await signIn(page, 'xinhua');
    await page.getByTestId('menu-orgs').click();
    await openOrg(page, '光明社区党委');
    assert.match((await page.getByTestId('org-detail-secretary').textContent()) ?? '', /王丽华/);
    await screenshot(page, 'org-profile');

    await page.getByTestId('org-add-child').click();
    await page.getByTestId('org-create-name').fill('光明社区综合党委');
    // Only the kinds that may sit under a community are offered.
    await settle(page);
    await page.getByTestId('org-create-kind').click();
    const offered = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await offered.first().waitFor();
    // An option clicked while the list still slides in can be lost: the kind stayed empty.
    await settle(page);
    assert.equal(await offered.filter({ hasText: '街道党工委' }).count(), 0, 'no street under a community');
    await offered.filter({ hasText: '综合党委（大党委）' }).first().click();
    await settle(page);
    await page.getByTestId('org-create-founded').fill('2024-07-01');
    const [created] = await Promise.all([
      page.waitForResponse((res) => res.url().endsWith('/api/orgs') && res.request().method() === 'POST'),
      page.getByTestId('org-create-submit').click(),
    ]);
    const committee = (await created.json()) as { id: number };
    await treeNode(page, '光明社区综合党委').waitFor();
    await openOrg(page, '光明社区综合党委');
    assert.match((await page.getByTestId('org-detail').textContent()) ?? '', /2024-07-01/);

    await openTab(page, 'seats');
    await addPartTimeSeat(page, '孙伟', '梅河口市税务局');
    await addPartTimeSeat(page, '李文博', '梅河口市第五中学');
    assert.equal(await page.getByTestId('seats-table').getByTestId('seat-part-time').count(), 2);

    await openTab(page, 'ties');
    await page.getByTestId('tie-add-button').click();
    await chooseOption(page, page.getByTestId('tie-add-unit'), '梅河口市第五中学');
    await page.getByTestId('tie-add-pledge').fill('每学期开放一次实验室');
    await page.getByTestId('tie-add-submit').click();
    const tieRow = page.getByTestId('ties-table').locator('tr', { hasText: '梅河口市第五中学' });
    await tieRow.waitFor();
    assert.match((await tieRow.textContent()) ?? '', /共建.*进行中/);
    await screenshot(page, 'org-ties');

    // The chart of a subtree draws only ties with both ends inside it; the units sit at the community, one level up.
    await openOrg(page, '光明社区党委');
    const [chart] = await Promise.all([
      page.waitForResponse((res) => /\/api\/orgs\/\d+\/chart\?depth=3/.test(res.url())),
      openTab(page, 'chart'),
    ]);
    const data = (await chart.json()) as { units: { id: number; name: string }[]; ties: { kind: string; orgId: number; toUnitId: number | null }[] };
    const school = data.units.find((u) => u.name === '梅河口市第五中学');
    assert.ok(school, 'the chart of 光明社区党委 includes its units');
    assert.ok(
      data.ties.some((t) => t.kind === 'co_builds' && t.orgId === committee.id && t.toUnitId === school.id),
      'the chart data carries the new tie',
    );
    const canvas = page.getByTestId('org-chart-canvas').locator('canvas');
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 200, `canvas is ${box?.width}×${box?.height}`);
    // Something was painted: a blank canvas would be one colour.
    const colours = await canvas.evaluate((el: HTMLCanvasElement) => {
      const ctx = el.getContext('2d');
      const pixels = ctx?.getImageData(0, 0, el.width, el.height).data ?? new Uint8ClampedArray();
      const seen = new Set<number>();
      for (let i = 0; i < pixels.length && seen.size < 10; i += 4 * 97) seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
      return seen.size;
    });
    assert.ok(colours > 2, 'the chart canvas is painted');
    await screenshot(page, 'org-chart');
  }));

test('coverage lists the gaps, and their actions close them', () =>
  withPage(app, 'orgs-coverage', async (page) => {
    await signIn(page, 'xinhua');
    await page.getByTestId('menu-coverage').click();
    await page.waitForURL('**/coverage');
    const noSecretary = gapRow(page, '民主社区党委', /没有在任书记/);
    await noSecretary.waitFor();
    await screenshot(page, 'coverage');

    await noSecretary.getByTestId('gap-fix-secretary').click();
    await page.getByTestId('seat-add-form').waitFor();
    assert.match((await page.getByTestId('seat-add-role').textContent()) ?? '', /书记/);
    await choosePerson(page, page.getByTestId('seat-add-person'), '张春梅');
    await page.getByTestId('seat-add-submit').click();
    await noSecretary.waitFor({ state: 'detached' });

    // The street has more gaps than a page holds: look at one kind at a time.
    await chooseOption(page, page.getByTestId('coverage-filter'), '单位未与社区党组织建立共建关系');
    const noTie = gapRow(page, '民主综合市场', /共建/);
    await noTie.getByTestId('gap-fix-tie').click();
    await page.getByTestId('tie-add-form').waitFor();
    await page.getByTestId('tie-add-unit').filter({ hasText: '民主综合市场' }).waitFor();
    await page.getByTestId('tie-add-submit').click();
    await noTie.waitFor({ state: 'detached' });

    await chooseOption(page, page.getByTestId('coverage-filter'), '单位有党员但无党组织');
    const hidden = gapRow(page, '梅河口市税务局', /党员/);
    await hidden.getByTestId('gap-fix-partyOrg').click();
    await page.getByTestId('unit-form-form').waitFor();
    // A vertically managed bureau's committee belongs to its own system, outside the region's tree.
    await settle(page);
    await page.getByTestId('unit-form-party-org-where').getByText('区域外').click();
    await page.getByTestId('unit-form-party-org-outside').waitFor();
    await page.getByTestId('unit-form-submit').click();
    await page.getByTestId('unit-form-form').locator('.ant-form-item-explain-error', { hasText: '请填写区域外单位党组织的名称' }).waitFor();
    await page.getByTestId('unit-form-party-org-outside').fill('国家税务总局梅河口市税务局委员会');
    await screenshot(page, 'unit-party-org-outside');
    await page.getByTestId('unit-form-submit').click();
    await hidden.waitFor({ state: 'detached' });
  }));

test('dissolving an organization with children asks where they go, then retires it with the date', () =>
  withPage(app, 'orgs-dissolve', async (page) => {
    await signIn(page, 'xinhua');
    await page.getByTestId('menu-orgs').click();
    await openOrg(page, '民主社区党委');
    await page.getByTestId('org-more').click();
    await page.getByTestId('org-dissolve-button').click();
    await page.getByTestId('org-retire-form').waitFor();
    await page.getByTestId('org-retire-submit').click();

    const refusal = page.getByTestId('org-retire-refusal');
    await refusal.waitFor();
    // Each module's holdings are counted (grids, venues…), and the form says what moves and what stays.
    assert.match((await refusal.textContent()) ?? '', /1 个下级组织.*\d+ 个网格.*\d+ 项资源.*请选择转入的组织/);
    assert.match((await page.getByTestId('org-retire-moves').textContent()) ?? '', /网格.*需求.*资源.*活动.*仍记在原组织名下/);
    await chooseTreeOption(page, page.getByTestId('org-retire-target'), ['新华街道党工委', '光明社区党委']);
    // The retirement moves every module's holdings in one transaction, on the PGlite of this very process:
    // beside the PostgreSQL pass it can hold the event loop past the default wait, the click's own answer included.
    await page.getByTestId('org-retire-submit').click({ timeout: 60_000 });
    await page.getByTestId('org-retire-form').waitFor({ state: 'detached', timeout: 60_000 });

    await page.getByTestId('org-retired').waitFor();
    assert.match((await page.getByTestId('org-detail-status').textContent()) ?? '', /已撤销 · \d{4}-\d{2}-\d{2}/);
    await treeNode(page, '民主社区党委').waitFor({ state: 'detached' });
    await expandTreeNode(page, '光明社区党委');
    await treeNode(page, '民主社区第一网格党支部').waitFor();
    await screenshot(page, 'org-dissolved');
  }));

test('an Excel sheet is checked first, then only its correct rows are imported', () =>
  withPage(app, 'orgs-import', async (page) => {
    await signIn(page, 'xinhua');
    await page.getByTestId('menu-orgs').click();
    await openOrg(page, '光明社区党委');

    const template = await page.request.get('/api/orgs/import-template');
    assert.equal(template.status(), 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await template.body()) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    sheet.addRow(['', '光明社区第三网格党支部', '网格党支部', '2025-03-01']);
    sheet.addRow(['', '不知道是什么的组织', '不存在的类型']);
    const file = Buffer.from(await book.xlsx.writeBuffer());

    await page.getByTestId('org-more').click();
    await page.getByTestId('org-import-button').click();
    await page.getByTestId('import-modal').waitFor();
    await page.getByTestId('import-modal').locator('input[type=file]').setInputFiles({ name: '导入.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    assert.match((await errors.textContent()) ?? '', /组织类型/);
    assert.equal(await page.getByTestId('import-all').isDisabled(), true, 'a sheet with errors cannot be imported whole');
    // The template carries example rows of its own; they count among the correct ones.
    const valid = /正确行数\s*(\d+)/.exec((await page.getByTestId('import-report').textContent()) ?? '')?.[1];
    assert.ok(valid && Number(valid) >= 1, `report says ${valid} valid rows`);
    await screenshot(page, 'org-import-check');

    await page.getByTestId('import-valid').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    assert.match((await result.textContent()) ?? '', new RegExp(`新增 ${valid} 个`));
    await page.getByTestId('import-close').click();
    await treeNode(page, '光明社区第三网格党支部').waitFor();
  }));

test('on a phone the profile tabs scroll, lists are cards and the chart fits the width', () =>
  withPage(
    app,
    'orgs-phone',
    async (page) => {
      await signIn(page, 'xinhua');
      await page.goto('/orgs');
      await openOrg(page, '光明社区党委');
      await page.getByTestId('seats-table-card').first().waitFor();
      await screenshot(page, 'phone-org-profile');

      await openTab(page, 'coverage');
      await page.getByTestId('coverage-gaps-card').first().waitFor();
      await screenshot(page, 'phone-org-coverage');

      await openTab(page, 'chart');
      const canvas = page.getByTestId('org-chart-canvas').locator('canvas');
      await canvas.waitFor();
      const box = await canvas.boundingBox();
      assert.ok(box && box.width <= PHONE.width, `chart is ${box?.width}px wide`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= PHONE.width, `page is ${width}px wide on a ${PHONE.width}px phone`);
      await screenshot(page, 'phone-org-chart');
    },
    PHONE,
  ));

test('a create whose answer is lost on the network is sent again with its key and made once', () =>
  withPage(app, 'orgs-lost-answer', async (page) => {
    await signIn(page, 'guangming');
    await page.getByTestId('menu-orgs').click();
    await openOrg(page, '光明社区党委');
    // The first answer never reaches the phone: the server did the work, the browser saw a network error.
    const keys: string[] = [];
    await page.route('**/api/orgs', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length === 1) {
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.fallback();
    });
    await page.getByTestId('org-add-child').click();
    await page.getByTestId('org-create-name').fill('断网重试网格党支部');
    await chooseOption(page, page.getByTestId('org-create-kind'), '网格党支部');
    await page.getByTestId('org-create-submit').click();
    await treeNode(page, '断网重试网格党支部').waitFor();
    assert.equal(keys.length, 2, 'sent twice');
    assert.ok(keys[0] && keys[0] === keys[1], 'with one key');
    const found = await page.request.get(`/api/orgs?q=${encodeURIComponent('断网重试网格党支部')}`);
    assert.equal(((await found.json()) as { total: number }).total, 1, 'made once');
  }));
