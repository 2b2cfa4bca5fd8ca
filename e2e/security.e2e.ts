import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { regionToday } from '../server/src/kernel/time.ts';
import { APP_HEADERS, DEMO_PASSWORD, chooseOption, expandTreeNode, settle, signIn, startApp, treeNode, withPage, type TestApp } from './helpers.ts';

// What a community secretary typed into names in issue 12: shown as HTML, it
// ran in the district admin's browser. Each runs a script that sets __xss.
const IMG = '<img src=x onerror=__xss=1>';
const SCRIPT = '<script>__xss=1</script>';
const SVG = '<svg onload=__xss=1>'; // 20 characters, a grid theme's limit

let app: TestApp;
type Api = <T = any>(method: string, url: string, body?: unknown) => Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The API as a user signs in to it from the app: same origin, the client's header. */
async function apiAs(username: string): Promise<Api> {
  const headers = { ...APP_HEADERS, origin: app.url, 'content-type': 'application/json' };
  const login = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  assert.equal(login.status, 200);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async (method, url, body) => {
    const res = await fetch(`${app.url}${url}`, { method, headers: { ...headers, cookie }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    assert.equal(res.status, 200, `${method} ${url}: ${text}`);
    return JSON.parse(text);
  };
}

const square = (x: number, y: number, w: number, h: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]] });

/** Names the chart, the map and the grid list show, planted by the 光明 community secretary through the API. */
const names = {
  org: `恶意支部${IMG}`,
  unit: `恶意单位${IMG}${SCRIPT}`,
  grid: `恶意网格${IMG}`,
  building: `恶楼${IMG}`,
  pledge: `恶意承诺${IMG}${SCRIPT}`,
};

/** Names the lists, drawers and print pages of people, needs, activities, venues, resources and projects show. */
const more = {
  person: `恶意人员${IMG}`,
  needTitle: `恶意需求${IMG}`,
  needText: `${SCRIPT}${IMG}`,
  activity: `恶意活动${IMG}`,
  place: `恶意地点${SCRIPT}`,
  venue: `恶意阵地${IMG}`,
  resource: `恶意资源${SCRIPT}`,
  project: `恶意项目${IMG}`,
};
/** Names the funds page and the evaluation table show, beside their charts. */
const charted = {
  source: `恶意经费${IMG}`,
  payee: `恶意收款${SCRIPT}`,
  member: `恶意党员${IMG}`,
};
let gridId: number;
let needId: number;

before(async () => {
  app = await startApp();
  const api = await apiAs('guangming');
  const community = (await api('GET', `/api/orgs?q=${encodeURIComponent('光明社区党委')}`)).items[0].id;
  const branch = await api('POST', '/api/orgs', { parentId: community, name: names.org, kind: 'grid_branch' });
  const unit = await api('POST', '/api/units', { orgId: community, name: names.unit, kind: 'co_building', note: SCRIPT });
  await api('POST', `/api/orgs/${branch.id}/ties`, { kind: 'co_builds', toUnitId: unit.id, startedOn: '2026-01-01', pledge: names.pledge, note: IMG });
  const grid = await api('POST', '/api/grids', { communityId: community, name: names.grid, theme: SVG, branchId: branch.id, boundary: square(950, 50, 50, 600) });
  await api('POST', `/api/grids/${grid.id}/buildings`, { name: names.building, entrances: 1, x: 975, y: 300 });
  await api('POST', `/api/grids/${grid.id}/units`, { unitId: unit.id });
  gridId = grid.id;

  // A party member of the planted grid (its branch), so that the grid's member card lists them.
  await api('POST', '/api/people', { orgId: branch.id, name: more.person, isMember: true, category: 'retired' });
  const need = await api('POST', '/api/needs', {
    kind: 'request', category: 'other', orgId: community, title: more.needTitle, description: more.needText, placeText: more.needText, requesterName: `恶意${IMG}`,
  });
  needId = need.id;
  await api('POST', `/api/needs/${need.id}/accept`, {});
  await api('POST', `/api/needs/${need.id}/dispatch`, { unitId: unit.id, deadline: '2099-01-01T00:00:00+08:00', note: IMG });
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  await api('POST', '/api/activities', {
    orgId: community, kind: 'volunteer', title: more.activity, place: more.place, startsAt: `${day}T09:00:00+08:00`, endsAt: `${day}T11:00:00+08:00`, capacity: 5, audience: ['members'],
  });
  await api('POST', '/api/venues', { orgId: community, name: more.venue, venueType: 'court', opensAt: '08:00', closesAt: '18:00' });
  await api('POST', '/api/resources', { orgId: community, kind: 'fund', category: 'aid', name: more.resource });
  await api('POST', '/api/projects', { orgId: community, name: more.project });

  // A city-budget source of 光明's own (the budget rule allows it anything), spent from this month: a bar of its own in the
  // chart, tall beside the demo's spending of the month (a sliver slips between the hover grid's points), so the street approves it.
  const today = regionToday();
  const source = await api('POST', '/api/fund-sources', { orgId: community, kind: 'city_budget', name: charted.source });
  await api('POST', `/api/fund-sources/${source.id}/budget`, { year: Number(today.slice(0, 4)), amountFen: 1_000_000_00 });
  const spent = await api('POST', '/api/fund-expenses', { orgId: community, sourceId: source.id, amountFen: 500_000_00, entryOn: today, payee: charted.payee, paidForKind: 'venue_upkeep' });
  await (await apiAs('xinhua'))('POST', `/api/fund-entries/${spent.id}/approve`, {});
  // A member of 光明's open evaluation round (the page's first), renamed: the round reads names as they are now.
  const [round] = (await api('GET', '/api/evaluation-rounds')).items;
  const table = await api('GET', `/api/evaluation-rounds/${round.id}`);
  await api('PATCH', `/api/people/${table.rows[0].personId}`, { name: charted.member });
});

after(async () => {
  await app?.close();
});

interface Watch {
  /** The text of every ECharts tooltip shown so far. */
  tips(): Promise<string[]>;
  /** Script ran, or the browser refused a script by the content security policy, or a dialog opened. */
  fired(): Promise<{ xss: unknown; violations: string[]; dialogs: string[] }>;
}

/**
 * Watches the page from before its first script: whether __xss is ever set,
 * what the content security policy refused (an inline handler that got into
 * the page), dialogs, and what every chart tooltip said.
 */
async function watch(page: Page): Promise<Watch> {
  // Hovering a whole chart on a shared machine is slow; the watch is what is tested.
  page.setDefaultTimeout(60_000);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[]; __tips: string[] };
    w.__violations = [];
    w.__tips = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    new MutationObserver(() => {
      // ECharts puts its tooltip beside the canvas, in the chart's container.
      for (const el of document.querySelectorAll('[data-testid$="-canvas"] > div')) {
        const text = el.querySelector('canvas') ? '' : (el.textContent ?? '');
        if (text && w.__tips.at(-1) !== text) w.__tips.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return {
    tips: () => page.evaluate(() => (window as unknown as { __tips: string[] }).__tips),
    fired: async () => ({
      ...(await page.evaluate(() => ({ xss: (window as unknown as { __xss?: unknown }).__xss, violations: (window as unknown as { __violations: string[] }).__violations }))),
      dialogs,
    }),
  };
}

async function assertNothingRan(w: Watch, where: string): Promise<void> {
  assert.deepEqual(await w.fired(), { xss: undefined, violations: [], dialogs: [] }, where);
}

/** Moves the mouse over every painted spot of a chart's canvas, `step` px apart (8: every node, label and edge shows its tooltip). */
async function hoverEverything(page: Page, canvas: Locator, step = 8): Promise<number> {
  const box = (await canvas.boundingBox())!;
  const spots = await canvas.evaluate((el: HTMLCanvasElement, step) => {
    const scale = el.width / el.getBoundingClientRect().width;
    const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
    const out: [number, number][] = [];
    for (let y = 0; y < el.height; y += step * scale) {
      for (let x = 0; x < el.width; x += step * scale) {
        const i = (Math.floor(y) * el.width + Math.floor(x)) * 4;
        if (data[i + 3]! > 0 && Math.min(data[i]!, data[i + 1]!, data[i + 2]!) < 235) out.push([x / scale, y / scale]);
      }
    }
    return out;
  }, step);
  for (const [x, y] of spots) await page.mouse.move(box.x + x, box.y + y);
  return spots.length;
}

test('names typed as script by a community run nothing when the district admin hovers the chart and the map', () =>
  withPage(app, 'security-xss', async (page) => {
    const w = await watch(page);
    await signIn(page, 'admin');
    await page.getByTestId('menu-orgs').click();
    await expandTreeNode(page, '新华街道党工委');
    await treeNode(page, '光明社区党委').locator('.ant-tree-title').first().click();
    await page.getByTestId('org-detail-name').filter({ hasText: '光明社区党委' }).waitFor();
    await expandTreeNode(page, '光明社区党委');
    await treeNode(page, names.org).waitFor();

    // The organization chart: every node and edge hovered.
    await page.getByTestId('tab-chart').click();
    const chart = page.getByTestId('org-chart-canvas').locator('canvas');
    await chart.waitFor();
    await settle(page);
    assert.ok((await hoverEverything(page, chart)) > 50, 'the chart is painted');
    const chartTips = (await w.tips()).join('\n');
    for (const name of [names.org, names.unit]) assert.ok(chartTips.includes(name), `the chart's tooltip shows ${name} as text; it showed:\n${chartTips}`);
    await assertNothingRan(w, 'organization chart');

    // The grid map of the same community: every grid, building and unit hovered.
    const [mapAnswer] = await Promise.all([page.waitForResponse((r) => r.url().includes('/api/grids/map?')), page.getByTestId('menu-grids').click()]);
    const map = (await mapAnswer.json()) as {
      width: number; height: number;
      grids: { id: number; boundary: { coordinates: [number, number][][] } }[];
      buildings: { x: number; y: number }[];
      units: { gridId: number }[];
    };
    const canvas = page.getByTestId('grid-map-canvas').locator('canvas').first();
    await canvas.waitFor();
    await settle(page);
    const box = (await canvas.boundingBox())!;
    const hover = ([x, y]: [number, number]) => page.mouse.move(box.x + (x / map.width) * box.width, box.y + (1 - y / map.height) * box.height);
    const centre = (g: (typeof map.grids)[number]) => {
      const ring = g.boundary.coordinates[0]!.slice(0, -1);
      return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length] as [number, number];
    };
    for (const g of map.grids) {
      const [cx, cy] = centre(g);
      await hover([cx, cy - 12]);
    }
    for (const b of map.buildings) await hover([b.x, b.y]);
    // Units are pinned just below their grid's label (GridMap.tsx).
    for (const [i, u] of map.units.entries()) {
      const [cx, cy] = centre(map.grids.find((g) => g.id === u.gridId)!);
      await hover([cx + (i % 3) * 14 - 14, cy - 40 + 6]);
    }
    const mapTips = (await w.tips()).join('\n');
    for (const name of [names.grid, SVG, names.org, names.building, names.unit]) assert.ok(mapTips.includes(name), `the map's tooltip shows ${name} as text; it showed:\n${mapTips}`);
    await assertNothingRan(w, 'grid map');

    // The grids' list, rendered by React as text.
    await page.getByRole('tab', { name: '网格', exact: true }).click();
    await page.getByTestId('grid-list').getByText(names.grid).waitFor();
    await assertNothingRan(w, 'grid list');
    // Tall enough for the whole chart: the mouse reaches only what is on screen.
  }, { width: 1280, height: 2000 }));

test('every answer carries the content security policy, and the API docs and the app work under it', async () => {
  for (const url of ['/', '/orgs', '/api/health', '/api/docs', '/api/docs/static/swagger-ui-bundle.js']) {
    const res = await fetch(`${app.url}${url}`);
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'.*object-src 'none'.*frame-ancestors 'none'.*base-uri 'none'/, url);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', url);
  }
  await withPage(app, 'security-docs', async (page) => {
    const w = await watch(page);
    await page.goto('/api/docs');
    // The docs load a megabyte of script and the whole API's document.
    await page.locator('.swagger-ui .info .title', { hasText: '共建 Gongjian API' }).waitFor({ timeout: 60_000 });
    await page.locator('.opblock-tag', { hasText: '系统' }).first().waitFor();
    await assertNothingRan(w, 'API docs');
  });
});

test('a page on another port of the same host cannot unlock an account with the admin’s cookie', async () => {
  const [wangge] = await app.db.system((q) => q.query<{ id: number }>(`UPDATE users SET locked_until = now() + interval '1 hour' WHERE username = 'wangge' RETURNING id`));
  const target = `${app.url}/api/users/${wangge!.id}/unlock`;
  // The attacker's page: a body-less fetch (which a browser sends with the
  // same-site cookie), a fetch with the client header (needs a preflight the
  // app never grants), and a form.
  const attack = `<!doctype html><meta charset="utf-8"><body><form id="f" method="post" action="${target}" target="sink"></form><iframe name="sink"></iframe>
<script>
  const results = [];
  const tryIt = (what, p) => p.then((r) => results.push(what + ':' + r.type + ':' + r.status), (e) => results.push(what + ':failed'));
  Promise.all([
    tryIt('no-cors', fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', credentials: 'include' })),
    tryIt('header', fetch(${JSON.stringify(target)}, { method: 'POST', credentials: 'include', headers: { 'x-requested-with': 'gongjian' } })),
  ]).then(() => { document.getElementById('f').submit(); window.done = results; });
</script></body>`;
  const server: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(attack));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const evil = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    await withPage(app, 'security-csrf', async (page) => {
      await signIn(page, 'admin');
      const answers: number[] = [];
      page.on('response', (r) => {
        if (r.url() === target && r.request().method() === 'POST') answers.push(r.status());
      });
      await page.goto(evil);
      const done = await page.waitForFunction(() => (window as unknown as { done?: string[] }).done).then((h) => h.jsonValue() as Promise<string[]>);
      // The form's answer arrives in the frame (the app refuses to be framed, but it answers).
      while (answers.length < 2) await page.waitForTimeout(100);
      assert.deepEqual(answers, [403, 403], 'the body-less fetch and the form are refused');
      assert.ok(done.includes('header:failed'), `a fetch with the client header is stopped at its preflight: ${done.join(', ')}`);
    });
    const [row] = await app.db.system((q) => q.query<{ locked: boolean }>(`SELECT locked_until > now() AS locked FROM users WHERE id = $1`, [wangge!.id]));
    assert.equal(row!.locked, true, 'the account is still locked');
  } finally {
    server.close();
  }
});

test('names typed as script in people, needs, activities, venues, resources and projects run nothing on their pages, drawers and print pages', () =>
  withPage(app, 'security-xss-lists', async (page) => {
    const w = await watch(page);
    await signIn(page, 'guangming');
    /** The page shows the name as text (not as an element), and a click on it opens what it opens: nothing ran. */
    const shows = async (where: string, name: string, open = true) => {
      const text = page.getByText(name).first();
      await text.waitFor();
      if (open) {
        await text.click();
        await settle(page);
        await page.keyboard.press('Escape');
      }
      await assertNothingRan(w, where);
    };
    const search = async (menu: string, box: string, typed: string) => {
      await page.getByTestId(`menu-${menu}`).click();
      const input = page.getByTestId(box).locator('input');
      await input.fill(typed);
      await input.press('Enter');
    };

    await search('people', 'people-search', '恶意人员');
    await shows('people list and drawer', more.person);
    await search('needs', 'needs-search', '恶意需求');
    await shows('needs list and drawer', more.needTitle);
    await page.getByTestId('menu-activities').click();
    await shows('activities list and drawer', more.activity);
    await search('venues', 'venues-search', '恶意阵地');
    await shows('venues list', more.venue);
    await search('resources', 'resources-search', '恶意资源');
    await shows('resources list', more.resource);
    await page.getByTestId('menu-projects').click();
    await shows('projects list and drawer', more.project);
    await page.getByTestId('menu-home').click();
    await settle(page);
    await assertNothingRan(w, 'home');

    // Print pages are built on the server: the names are escaped there.
    for (const [where, url, name] of [
      ['dispatch slip', `/api/needs/${needId}/slip`, more.needTitle],
      ['grid member card', `/api/grids/${gridId}/cards?kind=member`, more.person],
      ['grid organization card', `/api/grids/${gridId}/cards?kind=organization`, names.org],
    ] as const) {
      await page.goto(url);
      await shows(where, name, false);
    }
  }));

test('names typed as script in funds and evaluation run nothing when their charts are hovered', () =>
  withPage(app, 'security-xss-charts', async (page) => {
    const w = await watch(page);
    await signIn(page, 'guangming');

    // The funds page: the source's bar shows its name in the tooltip, as text; the payee in the ledger.
    await page.getByTestId('menu-funds').click();
    await page.getByTestId('funds-balances').getByText(charted.source).first().waitFor();
    const funds = page.getByTestId('funds-chart-canvas').locator('canvas');
    await funds.waitFor();
    await settle(page);
    assert.ok((await hoverEverything(page, funds)) > 20, 'the funds chart is painted');
    const fundTips = (await w.tips()).join('\n');
    assert.ok(fundTips.includes(charted.source), `the funds chart's tooltip shows the source as text; it showed:\n${fundTips}`);
    await assertNothingRan(w, 'funds chart');
    await page.getByRole('tab', { name: '经费台账' }).click();
    await page.getByTestId('funds-ledger').getByText(charted.payee).first().waitFor();
    await assertNothingRan(w, 'funds ledger');

    // The evaluation page: the member in the table as text, the grade chart hovered.
    const before = (await w.tips()).length;
    await page.getByTestId('menu-evaluation').click();
    await page.getByTestId('evaluation-table').getByText(charted.member).first().waitFor();
    const grades = page.getByTestId('evaluation-chart-canvas').locator('canvas');
    await grades.waitFor();
    await settle(page);
    assert.ok((await hoverEverything(page, grades)) > 20, 'the grade chart is painted');
    assert.ok((await w.tips()).length > before, 'the grade chart showed its tooltips');
    await assertNothingRan(w, 'evaluation chart and table');
  }, { width: 1280, height: 1600 }));

test('names typed as script run nothing on the big screen: its tiles are hovered and their tooltips show the names as text', () =>
  withPage(app, 'security-xss-big-screen', async (page) => {
    const w = await watch(page);
    await signIn(page, 'guangming');
    const community = (await (await page.request.get(`/api/orgs?q=${encodeURIComponent('光明社区党委')}`)).json()).items[0].id;
    // A community's screen tiles its own organizations, the planted branch among them; tiles are large, so 40 px apart reach each.
    await page.goto(`/big-screen?orgId=${community}`);
    await page.getByTestId('bigscreen-areas').getByText(names.org).first().waitFor();
    const map = page.getByTestId('bigscreen-map-canvas').locator('canvas');
    await map.waitFor();
    await settle(page);
    assert.ok((await hoverEverything(page, map, 40)) > 20, 'the map is painted');
    const tips = (await w.tips()).join('\n');
    assert.ok(tips.includes(names.org), `the tile's tooltip shows the branch's name as text; it showed:\n${tips}`);
    await assertNothingRan(w, 'big screen');
  }, { width: 1920, height: 1080 }));

test('the district admin sees an unknown name’s sign-in wait on the security page and clears it', () =>
  withPage(app, 'security-waits', async (page) => {
    const headers = { ...APP_HEADERS, origin: app.url, 'content-type': 'application/json' };
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username: 'spray-e2e', password: `guess-${i}` }) });
      assert.equal(res.status, 401);
    }
    await signIn(page, 'admin');
    await page.getByTestId('menu-audit').click();
    await page.getByTestId('audit-tabs').getByRole('tab', { name: '安全日志' }).click();
    const row = page.getByTestId('sign-in-waits').locator('.ant-table-row', { hasText: 'spray-e2e' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /不存在的用户名/);
    await row.getByTestId('sign-in-wait-clear').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定/ }).click();
    await row.waitFor({ state: 'detached' });
    await chooseOption(page, page.getByTestId('security-kind'), '解除登录等待（来源网段或用户名）');
    await page.getByTestId('security-table').locator('.ant-table-row', { hasText: 'account spray-e2e' }).waitFor();
  }));
