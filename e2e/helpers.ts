import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { buildApp, type AppOptions } from '../server/src/app.ts';
import type { Database } from '../server/src/kernel/db.ts';
import { testCipher, testDatabase } from '../test/support/db.ts';

// Writes sent from a test rather than through the web client carry its header too.
export { APP_HEADERS } from '../test/support/app.ts';

export const DEMO_PASSWORD = 'Gongjian2026';
export const SCREENSHOT_DIR = '/tmp/gongjian-e2e';
export const PHONE = { width: 390, height: 844 };

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestApp {
  url: string;
  browser: Browser;
  /** The app's database, for a test to set up what no route does (a locked account). */
  db: Database;
  close(): Promise<void>;
}

/**
 * One server and one browser per test file. The database is the unit tests'
 * (in-memory PGlite from the cached demo template, or a fresh database on
 * TEST_DATABASE_URL), so a browser test does not pay for loading the demo.
 * Serves whatever `npm run build:web` left in web/dist.
 */
export async function startApp(opts: Pick<AppOptions, 'jobs' | 'webhooksAnywhere'> = {}): Promise<TestApp> {
  const database = await testDatabase({ demo: true });
  const app = await buildApp({ db: database.db, cipher: testCipher }, opts);
  const close = async () => {
    await app.close();
    await database.close();
  };
  let browser: Browser;
  try {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    return {
      url: address,
      browser,
      db: database.db,
      close: async () => {
        await browser.close();
        await close();
      },
    };
  } catch (err) {
    await close();
    throw err;
  }
}

export interface Session {
  context: BrowserContext;
  page: Page;
}

/** Where the browser is: a device set to another time zone than the region's (`America/New_York`). */
export interface Device {
  timezoneId?: string;
}

/** A fresh browser context (own cookies and localStorage), so tests do not share a session or a language. */
export async function openPage(app: TestApp, viewport = { width: 1280, height: 800 }, device: Device = {}): Promise<Session> {
  const context = await app.browser.newContext({ baseURL: app.url, viewport, locale: 'zh-CN', ...device });
  // Under scripts/clock-check.sh the server's clock is set by libfaketime, which Chromium does not
  // survive: its pages get the same clock here instead, running on from the server's moment.
  if (process.env.FAKETIME) await context.clock.install({ time: Date.now() });
  // Generous: the first sign-in of a run also warms up argon2 and the browser.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[browser] ${err.message}`));
  return { context, page };
}

/**
 * Runs a test body in a fresh context and closes it afterwards; on failure it
 * leaves a screenshot beside the others, named after the test.
 */
export async function withPage(app: TestApp, name: string, body: (page: Page) => Promise<void>, viewport?: { width: number; height: number }, device?: Device): Promise<void> {
  const { context, page } = await openPage(app, viewport, device);
  try {
    await body(page);
  } catch (err) {
    await screenshot(page, `failed-${name}`).catch(() => undefined);
    throw err;
  } finally {
    await context.close();
  }
}

export async function fillSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await fillSignIn(page, username, password);
  // A first sign-in loads the app's whole bundle; beside the PostgreSQL pass it has taken longer than 15 s (the clock check).
  await page.getByTestId('user-menu').waitFor({ timeout: 45_000 });
}

/** Switches the signed-in UI to English with the header's language menu. */
export async function chooseEnglish(page: Page): Promise<void> {
  await chooseLanguage(page, 'en', 'Organizations');
}

/** Switches the language from the header and waits until the menu reads `orgsLabel`. */
export async function chooseLanguage(page: Page, lang: 'en' | 'zh-TW' | 'zh-CN', orgsLabel: string): Promise<void> {
  // On a loaded machine a click can land while the menu is still opening: choose again until the menu is relabelled.
  const relabelled = page.getByTestId('menu-orgs').filter({ hasText: orgsLabel });
  for (let attempt = 0; attempt < 3 && (await relabelled.count()) === 0; attempt++) {
    await settle(page);
    if (!(await page.getByTestId(`lang-${lang}`).isVisible())) await page.getByTestId('lang-switch').click();
    await settle(page);
    await page.getByTestId(`lang-${lang}`).click();
    await settle(page);
  }
  await relabelled.waitFor();
}

/** Waits until no finite CSS transition or animation runs (drawers, modals, tree motion); spinners loop forever and do not count. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

/** The text a PDF carries, page after page, as a reader's copy would take it (pdf.js, Mozilla's PDF reader). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return pages.join('\n');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await settle(page);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The rows of the organization tree panel (rc-tree also renders hidden rows for its motion). */
export function treeNodes(page: Page): Locator {
  return page.getByTestId('org-tree').locator('.ant-tree-treenode:not([aria-hidden="true"])');
}

/** A node of the organization tree panel, by the organization's name. */
export function treeNode(page: Page, name: string | RegExp): Locator {
  return treeNodes(page).filter({ has: page.locator('.ant-tree-title', { hasText: name }) });
}

/** Opens a tree node unless it is open already (a single root opens by itself). */
export async function expandTreeNode(page: Page, name: string | RegExp): Promise<void> {
  const node = treeNode(page, name).first();
  const switcher = node.locator('.ant-tree-switcher');
  if (await switcher.evaluate((el) => el.classList.contains('ant-tree-switcher_close'))) await switcher.click();
}

/**
 * Picks an option of an antd Select. Dropdowns open and close with a motion;
 * clicking during one lands on the wrong spot, hence the settles.
 */
export async function chooseOption(page: Page, select: Locator, label: string): Promise<void> {
  await settle(page);
  await select.click();
  await settle(page);
  await (await optionsOf(select)).filter({ hasText: label }).first().click();
  await settle(page);
}

/**
 * The options of this select's own open list, found by the list its input
 * controls: another select's list may still be fading out, visible, beside it.
 */
export async function optionsOf(select: Locator): Promise<Locator> {
  const input = select.locator('input[aria-controls]').first();
  await input.waitFor({ state: 'attached' });
  const list = await input.getAttribute('aria-controls');
  return select.page().locator(`.ant-select-dropdown:has([id="${list}"]) .ant-select-item-option`);
}

/** Picks the first option of a select once its options are in, and returns its label, as the select shows it chosen. */
export async function chooseFirstOption(page: Page, select: Locator): Promise<string> {
  await settle(page);
  await select.click();
  await settle(page);
  const option = (await optionsOf(select)).first();
  const label = (await option.innerText()).trim();
  await option.click();
  await select.filter({ hasText: label }).waitFor();
  await settle(page);
  return label;
}

/**
 * Types into a single select and clicks the option, until the select shows it
 * chosen: on a loaded machine the options can be replaced (a search's answer
 * arriving) between finding the option and the click landing.
 */
export async function typeAndChoose(page: Page, select: Locator, typed: string, option: string): Promise<void> {
  // The select's own text is its chosen label (what is typed stays in the input's value).
  const chosen = select.filter({ hasText: option });
  for (let attempt = 0; attempt < 3 && (await chosen.count()) === 0; attempt++) {
    await settle(page);
    await select.click();
    await page.keyboard.insertText(typed);
    await settle(page);
    await (await optionsOf(select)).filter({ hasText: option }).first().click();
    await settle(page);
  }
  await chosen.waitFor();
}

/** Picks a person by typing a name: the select searches the server. */
export async function choosePerson(page: Page, select: Locator, name: string): Promise<void> {
  await settle(page);
  await select.click();
  // One input event, one search; the option is clicked only once its answer is in.
  await Promise.all([
    page.waitForResponse((res) => res.url().includes('/api/people?') && res.url().includes(`q=${encodeURIComponent(name)}`)),
    page.keyboard.insertText(name),
  ]);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().waitFor();
  // Enter takes the first (active) option; a click can land while the list is still being replaced.
  await page.keyboard.press('Enter');
  await select.filter({ hasText: name }).waitFor();
  await settle(page);
}

/** Picks an organization in an antd TreeSelect, opening the given ancestors first. */
export async function chooseTreeOption(page: Page, select: Locator, path: string[]): Promise<void> {
  await settle(page);
  await select.click();
  await settle(page);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  for (const [i, name] of path.entries()) {
    const node = dropdown.locator('.ant-select-tree-treenode').filter({ has: page.locator('.ant-select-tree-title', { hasText: name }) }).first();
    if (i === path.length - 1) {
      await node.locator('.ant-select-tree-node-content-wrapper').click();
    } else {
      const switcher = node.locator('.ant-select-tree-switcher');
      if (await switcher.evaluate((el) => el.classList.contains('ant-select-tree-switcher_close'))) await switcher.click();
    }
    await settle(page);
  }
}

/**
 * Answers 确定 in the open Popconfirm. A click that lands while the popover is
 * still animating in can be lost on a loaded machine, so it settles first and
 * waits for the popover to close.
 */
export async function confirmPopover(page: Page): Promise<void> {
  const popover = page.locator('.ant-popover:visible');
  await popover.waitFor();
  await settle(page);
  await popover.getByRole('button', { name: /确\s*定/ }).click();
  await popover.waitFor({ state: 'hidden' });
}
