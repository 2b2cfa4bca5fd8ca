import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { PHONE, chooseOption, screenshot, settle, signIn, startApp, withPage, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

interface MapData {
  width: number;
  height: number;
  grids: { id: number; name: string; value: number; boundary: { coordinates: [number, number][][] } }[];
}

/** Where a point of the map's plane is on the page (y grows upwards on the map, downwards on screen). */
async function toScreen(page: Page, map: Pick<MapData, 'width' | 'height'>, [x, y]: [number, number]): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('grid-map-canvas').locator('canvas').first().boundingBox())!;
  return { x: box.x + (x / map.width) * box.width, y: box.y + (1 - y / map.height) * box.height };
}

async function clickMap(page: Page, map: MapData, point: [number, number]): Promise<void> {
  const p = await toScreen(page, map, point);
  await page.mouse.click(p.x, p.y);
}

/** The colour painted at a point of the map's plane (the canvas itself, as the user sees it). */
async function colourAt(page: Page, map: MapData, point: [number, number]): Promise<string> {
  const box = (await page.getByTestId('grid-map-canvas').locator('canvas').first().boundingBox())!;
  const p = await toScreen(page, map, point);
  return page.getByTestId('grid-map-canvas').locator('canvas').first().evaluate(
    (canvas: HTMLCanvasElement, at) => {
      const scale = canvas.width / at.w;
      return Array.from(canvas.getContext('2d')!.getImageData(Math.round(at.x * scale), Math.round(at.y * scale), 1, 1).data).join(',');
    },
    { x: p.x - box.x, y: p.y - box.y, w: box.width },
  );
}

/** Opens the grid map coloured by an indicator and returns what it draws. */
async function showMap(page: Page, indicatorLabel: string, indicator: string): Promise<MapData> {
  await page.goto('/grids');
  const first = page.waitForResponse((res) => res.url().includes('/api/grids/map?'));
  await page.getByTestId('grid-map-canvas').waitFor();
  let map = (await (await first).json()) as MapData;
  if (indicatorLabel) {
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/grids/map?') && r.url().includes(`indicator=${indicator}`)),
      chooseOption(page, page.getByTestId('grid-map-indicator'), indicatorLabel),
    ]);
    map = (await res.json()) as MapData;
  }
  await settle(page);
  return map;
}

/** A point inside a grid, left of its label. */
function insideOf(map: MapData, name: string): [number, number] {
  const ring = map.grids.find((g) => g.name === name)!.boundary.coordinates[0]!;
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [Math.min(...xs) + (Math.max(...xs) - Math.min(...xs)) * 0.2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

test('a community secretary draws a grid on the map by clicking its corners, then places a building in it', () =>
  withPage(app, 'grids-draw', async (page) => {
    await signIn(page, 'guangming');
    await page.getByTestId('menu-grids').click();
    const map = await showMap(page, '', 'households');
    assert.deepEqual(map.grids.map((g) => g.name), ['光明社区第一网格', '光明社区第二网格']);
    await screenshot(page, 'grid-map');

    // Overlapping the first grid: refused with the server's message, nothing drawn.
    await page.getByTestId('grid-draw').click();
    for (const p of [[60, 600], [300, 600], [300, 690], [60, 690]] as [number, number][]) await clickMap(page, map, p);
    await page.getByTestId('grid-draw-finish').click();
    await page.getByTestId('grid-create-name').fill('重叠网格');
    await page.getByTestId('grid-create-submit').click();
    await page.locator('.ant-message', { hasText: '与「光明社区第一网格」重叠' }).waitFor();
    await page.getByTestId('grid-create-cancel').click();
    await page.getByTestId('grid-draw-cancel').click();

    // The free strip along the top of the plan.
    await page.getByTestId('grid-draw').click();
    for (const p of [[60, 658], [500, 658], [500, 695], [60, 695]] as [number, number][]) await clickMap(page, map, p);
    await page.getByText('已点 4 个').waitFor();
    await page.getByTestId('grid-draw-finish').click();
    // The dialog opens while the first one's closing may still animate: type
    // and save only once it stands (a save clicked mid-animation was lost once in CI).
    await page.getByTestId('grid-create-form').waitFor();
    await settle(page);
    await page.getByTestId('grid-create-name').fill('光明社区北侧网格');
    const [created] = await Promise.all([
      page.waitForResponse((res) => res.url().endsWith('/api/grids') && res.request().method() === 'POST'),
      page.getByTestId('grid-create-submit').click(),
    ]);
    assert.equal(created.status(), 200, await created.text());
    const grid = (await created.json()) as { id: number; boundary: { coordinates: number[][][] } };
    assert.deepEqual(grid.boundary.coordinates[0]![0], grid.boundary.coordinates[0]!.at(-1), 'the ring is closed for the user');
    await page.locator('.ant-message', { hasText: '已建立光明社区北侧网格' }).waitFor();

    await page.getByTestId('grid-place').click();
    await clickMap(page, map, [250, 676]);
    await page.getByTestId('building-create-name').fill('北1号楼');
    const [building] = await Promise.all([
      page.waitForResponse((res) => res.url().endsWith(`/api/grids/${grid.id}/buildings`) && res.request().method() === 'POST'),
      page.getByTestId('building-create-submit').click(),
    ]);
    assert.equal(building.status(), 200, await building.text());
    await screenshot(page, 'grid-map-drawn');

    // Redrawing the boundary: pick the grid, its corners load, clear them and click the new ones.
    await page.getByTestId('grid-reshape').click();
    await clickMap(page, map, [450, 676]);
    await page.getByText('已载入原边界的 4 个顶点').waitFor();
    await page.getByTestId('grid-draw-clear').click();
    for (const p of [[60, 658], [400, 658], [400, 695], [60, 695]] as [number, number][]) await clickMap(page, map, p);
    const [reshaped] = await Promise.all([
      page.waitForResponse((res) => res.url().endsWith(`/api/grids/${grid.id}`) && res.request().method() === 'PATCH'),
      page.getByTestId('grid-draw-finish').click(),
    ]);
    assert.equal(reshaped.status(), 200, await reshaped.text());
    const corner = ((await reshaped.json()) as { boundary: { coordinates: number[][][] } }).boundary.coordinates[0]![1]!;
    assert.ok(Math.abs(corner[0]! - 400) <= 2 && Math.abs(corner[1]! - 658) <= 2, `the new corner, not the old one: ${corner.join(',')}`);
    await page.locator('.ant-message', { hasText: '已修改「光明社区北侧网格」的边界' }).waitFor();

    await page.getByRole('tab', { name: '网格', exact: true }).click();
    const row = page.getByTestId('grid-list').locator('tr', { hasText: '光明社区北侧网格' });
    await row.filter({ hasText: '未建党支部' }).waitFor();
    await row.getByTestId('grid-open').click();
    await page.getByTestId('grid-drawer').waitFor();
    await page.getByRole('tab', { name: '楼栋' }).click();
    await page.getByTestId('grid-buildings').getByText('北1号楼').waitFor();
    await page.getByRole('tab', { name: '住户' }).click();

    // The grid worker's Excel ledger: checked first (one bad row reported in Chinese), then the valid rows imported.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('住户台账');
    sheet.addRow(['楼栋', '单元', '门牌', '住址', '户主', '人口', '联系电话', '六清楚']);
    sheet.addRow(['北1号楼', 1, '101', '', '韩淑珍', 1, '13900007001', '空巢老人户']);
    sheet.addRow(['北1号楼', 5, '102', '', '韩二', 1, '', '']);
    await page.getByTestId('household-import').click();
    await page.getByTestId('import-modal').waitFor();
    await page.getByTestId('import-modal').locator('input[type=file]').setInputFiles({
      name: '住户台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await book.xlsx.writeBuffer()),
    });
    await page.getByTestId('import-errors').getByText('第 3 行：北1号楼只有 2 个单元').waitFor();
    await page.getByTestId('import-valid').click();
    await page.getByTestId('import-result').waitFor();
    await page.getByTestId('import-close').click();
    await page.getByTestId('grid-households').getByText('韩淑珍').waitFor();
    await screenshot(page, 'grid-drawer');
  }));

/** The community's map coloured by an indicator: the colours painted inside its two grids, and the first grid's figure. */
async function sampleMap(page: Page, indicatorLabel: string, indicator: string): Promise<{ colours: string; value: number }> {
  const map = await showMap(page, indicatorLabel, indicator);
  return {
    colours: `${await colourAt(page, map, insideOf(map, '光明社区第一网格'))}|${await colourAt(page, map, insideOf(map, '光明社区第二网格'))}`,
    value: map.grids.find((g) => g.name === '光明社区第一网格')!.value,
  };
}

test('a grid worker records a due visit on a phone, and the grid map recolours by visits this quarter', async () => {
  let before = { colours: '', value: 0 };
  await withPage(app, 'grids-map-before', async (page) => {
    await signIn(page, 'guangming');
    before = await sampleMap(page, '本季度走访次数', 'visits_quarter');
  });

  await withPage(
    app,
    'grids-visit-phone',
    async (page) => {
      await signIn(page, 'wangge');
      await page.goto('/visits');
      const due = page.getByTestId('due-list');
      await due.getByTestId('due-overdue').first().waitFor();
      await screenshot(page, 'visits-phone');
      const count = await due.getByTestId('due-visit').count();
      await due.getByTestId('due-visit').first().click();
      await page.getByTestId('visit-learned').fill('老人独居，腿脚不便，希望有人帮忙买菜');
      const [saved] = await Promise.all([
        page.waitForResponse((res) => res.url().endsWith('/api/visits') && res.request().method() === 'POST'),
        page.getByTestId('visit-create-submit').click(),
      ]);
      assert.equal(saved.status(), 200, await saved.text());
      await page.locator('.ant-message', { hasText: '走访已登记' }).waitFor();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="due-list"] [data-testid="due-visit"]').length === n - 1, count);
      await page.getByTestId('visit-diary').getByText('老人独居，腿脚不便').waitFor();
      await screenshot(page, 'visits-phone-done');

      // The grid worker's map on the phone: their own grid only.
      const [own] = await Promise.all([page.waitForResponse((res) => res.url().includes('/api/grids/map?')), page.goto('/grids')]);
      assert.deepEqual(((await own.json()) as MapData).grids.map((g) => g.name), ['光明社区第一网格']);
      await screenshot(page, 'grids-phone');
    },
    PHONE,
  );

  await withPage(app, 'grids-map-after', async (page) => {
    await signIn(page, 'guangming');
    const after = await sampleMap(page, '本季度走访次数', 'visits_quarter');
    assert.equal(after.value, before.value + 1);
    assert.notEqual(after.colours, before.colours, 'the grids are painted in other colours');
    await screenshot(page, 'grid-map-visits');
  });
});

test('a grid worker raises a need while recording a visit on a phone, and the map recolours by open needs', async () => {
  let before = { colours: '', value: 0 };
  await withPage(app, 'grids-needs-before', async (page) => {
    await signIn(page, 'guangming');
    before = await sampleMap(page, '未办结需求', 'open_needs');
  });

  await withPage(
    app,
    'grids-visit-need-phone',
    async (page) => {
      await signIn(page, 'wangge');
      await page.goto('/visits');
      await page.getByTestId('due-list').getByTestId('due-visit').first().click();
      await page.getByTestId('visit-learned').fill('楼道灯坏了一个月，老人晚上出门不便');
      await page.getByTestId('visit-raise-need').click();
      await page.getByTestId('visit-need-kind').getByText('诉求').click();
      await chooseOption(page, page.getByTestId('visit-need-category'), '市政设施');
      const [saved] = await Promise.all([
        page.waitForResponse((res) => res.url().endsWith('/api/visits') && res.request().method() === 'POST'),
        page.getByTestId('visit-create-submit').click(),
      ]);
      assert.equal(saved.status(), 200, await saved.text());
      const visit = (await saved.json()) as { need: { title: string; status: string } | null };
      assert.deepEqual(visit.need && [visit.need.title, visit.need.status], ['楼道灯坏了一个月，老人晚上出门不便', 'submitted']);
      await page.locator('.ant-message', { hasText: '需求已提出' }).waitFor();
      const entry = page.getByTestId('visit-diary').locator('.ant-list-item', { hasText: '楼道灯坏了一个月' });
      await entry.getByTestId('visit-need-status').filter({ hasText: '待受理' }).waitFor();
      await screenshot(page, 'visits-phone-need');
      await entry.getByTestId('visit-need').click();
      await page.locator('.ant-drawer', { hasText: '入户走访' }).waitFor();
    },
    PHONE,
  );

  await withPage(app, 'grids-needs-after', async (page) => {
    await signIn(page, 'guangming');
    const after = await sampleMap(page, '未办结需求', 'open_needs');
    assert.equal(after.value, before.value + 1, 'the grid counts one more open need');
    assert.notEqual(after.colours, before.colours, 'the grids are painted in other colours');
    await screenshot(page, 'grid-map-needs');
  });
});
