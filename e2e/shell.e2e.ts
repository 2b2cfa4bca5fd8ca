import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  PHONE,
  chooseEnglish,
  chooseLanguage,
  chooseOption,
  chooseTreeOption,
  confirmPopover,
  expandTreeNode,
  fillSignIn,
  screenshot,
  signIn,
  startApp,
  treeNode,
  treeNodes,
  typeAndChoose,
  withPage,
  type TestApp,
} from './helpers.ts';

/** Fills and submits the new-sub-organization form with a building group. */
async function addBuildingGroup(page: Page, name: string): Promise<void> {
  await page.getByTestId('org-add-child').click();
  await page.getByTestId('org-create-name').fill(name);
  await typeAndChoose(page, page.getByTestId('org-create-kind'), '楼栋', '楼栋党小组');
  await page.getByTestId('org-create-submit').click();
}

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

test('admin sees the whole tree from 梅河口市委 and opens it to 新华街道党工委', () =>
  withPage(app, 'admin-tree', async (page) => {
    await signIn(page, 'admin');
    await page.getByTestId('demo-banner').waitFor({ state: 'visible' });
    assert.match(await page.getByTestId('demo-banner').innerText(), /演示数据/);
    await page.getByTestId('menu-orgs').click();
    await page.waitForURL('**/orgs');

    const root = treeNode(page, '梅河口市委');
    await root.waitFor();
    await expandTreeNode(page, '梅河口市委');
    const street = treeNode(page, '新华街道党工委');
    await street.waitFor();

    await street.locator('.ant-tree-title').click();
    const detail = page.getByTestId('org-detail');
    await detail.waitFor();
    assert.equal(await page.getByTestId('org-detail-name').textContent(), '新华街道党工委');
    assert.match((await page.getByTestId('org-detail-path').textContent()) ?? '', /梅河口市委.*新华街道党工委/);
    assert.equal(await page.getByTestId('org-add-child').count(), 1, 'a district admin may add organizations');
    await screenshot(page, 'admin-orgs');
  }));

test('a community secretary sees only the own community, and search does not reach another', () =>
  withPage(app, 'secretary-scope', async (page) => {
    await signIn(page, 'guangming');
    await page.getByTestId('menu-orgs').click();
    const first = treeNodes(page).first();
    await first.waitFor();
    assert.match((await first.textContent()) ?? '', /光明社区党委/);
    const names = await page.getByTestId('org-tree').locator('.ant-tree-title').allTextContents();
    assert.ok(!names.some((n) => n.includes('梅河口市委') || n.includes('新华街道') || n.includes('向阳社区')), `tree shows ${names.join(', ')}`);

    await page.getByTestId('org-search').locator('input').fill('向阳社区党委');
    await page.getByTestId('org-search').locator('input').press('Enter');
    await page.getByTestId('org-search-empty').waitFor();
    assert.equal(await page.getByTestId('org-search-result').count(), 0);

    await page.getByTestId('org-search').locator('input').fill('光明');
    await page.getByTestId('org-search').locator('input').press('Enter');
    await page.getByTestId('org-search-results').waitFor();
    assert.ok((await page.getByTestId('org-search-result').count()) >= 1);
  }));

test('an organizer adds a sub-organization and renames it; the tree follows', () =>
  withPage(app, 'org-create-rename', async (page) => {
    await signIn(page, 'guangming');
    await page.getByTestId('menu-orgs').click();
    await treeNode(page, '光明社区第二网格党支部').locator('.ant-tree-title').click();
    await page.getByTestId('org-detail').waitFor();
    const before = Number(await page.getByTestId('org-detail-children').textContent());

    await addBuildingGroup(page, '幸福里楼栋党小组');
    await treeNode(page, '幸福里楼栋党小组').waitFor();
    await page.getByTestId('org-detail-children').filter({ hasText: String(before + 1) }).waitFor();

    // The same name again under the same parent: the server's message lands on the name field.
    await addBuildingGroup(page, '幸福里楼栋党小组');
    const fieldError = page.getByTestId('org-create-form').locator('.ant-form-item-explain-error');
    await fieldError.waitFor();
    assert.match((await fieldError.textContent()) ?? '', /同名/);
    await page.getByTestId('org-create-cancel').click();
    await page.getByTestId('org-create-form').waitFor({ state: 'detached' });

    await treeNode(page, '幸福里楼栋党小组').locator('.ant-tree-title').click();
    await page.getByTestId('org-detail-name').filter({ hasText: '幸福里楼栋党小组' }).waitFor();
    await page.getByTestId('org-rename-button').click();
    await page.getByTestId('org-rename-name').fill('幸福里党小组');
    await page.getByTestId('org-rename-submit').click();
    await treeNode(page, /^幸福里党小组$/).waitFor();
    assert.equal(await page.getByTestId('org-detail-name').textContent(), '幸福里党小组');
  }));

test('in the user drawer an administrator adds and removes a role and disables the account', () =>
  withPage(app, 'user-drawer', async (page) => {
    await signIn(page, 'admin');
    await page.getByTestId('menu-users').click();
    await page.getByTestId('user-manage-wangge').click();
    const drawer = page.getByTestId('user-drawer-body');
    await drawer.waitFor();
    assert.equal(await page.getByTestId('user-grant').count(), 1);

    await chooseOption(page, page.getByTestId('grant-role'), '居民');
    await chooseTreeOption(page, page.getByTestId('grant-org'), ['梅河口市委', '新华街道党工委', '光明社区党委']);
    await page.getByTestId('grant-add-submit').click();
    await page.getByTestId('user-grant').nth(1).waitFor();
    assert.match((await page.getByTestId('user-grant').nth(1).textContent()) ?? '', /居民.*光明社区党委/);

    await page.getByTestId('user-grant').nth(1).getByTestId('grant-remove').click();
    await confirmPopover(page);
    await page.getByTestId('user-grant').nth(1).waitFor({ state: 'detached' });

    await page.getByTestId('user-disable').click();
    await confirmPopover(page);
    await page.getByTestId('user-enable').waitFor();
    await page.getByTestId('users-table').locator('tr', { hasText: 'wangge' }).filter({ hasText: '已停用' }).waitFor();
    await screenshot(page, 'admin-user-drawer');

    await page.getByTestId('user-enable').click();
    await confirmPopover(page);
    await page.getByTestId('user-disable').waitFor();
  }));

test('admin creates a user with a grant, and the audit log shows the insert', () =>
  withPage(app, 'create-user-audit', async (page) => {
    await signIn(page, 'admin');
    await page.getByTestId('menu-users').click();
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('user-create-button').click();

    const form = page.getByTestId('user-create-form');
    await form.waitFor();
    await page.getByTestId('user-create-username').fill('e2e.gridworker');
    await page.getByTestId('user-create-display-name').fill('测试网格员');
    await page.getByTestId('user-create-password').fill('Test2026pass');
    await chooseTreeOption(page, page.getByTestId('user-create-org'), ['梅河口市委', '新华街道党工委', '光明社区党委']);
    await chooseOption(page, page.getByTestId('grant-role'), '网格员');
    // The first grant's organization follows the managing organization.
    assert.match((await page.getByTestId('grant-org').textContent()) ?? '', /光明社区党委/);
    await page.getByTestId('user-create-submit').click();

    await page.getByTestId('user-manage-e2e.gridworker').waitFor();
    const row = page.getByTestId('users-table').locator('tr', { hasText: 'e2e.gridworker' });
    assert.match((await row.textContent()) ?? '', /网格员 · 光明社区党委/);

    await page.getByTestId('menu-audit').click();
    await page.waitForURL('**/audit');
    await page.getByTestId('audit-table').locator('.ant-table-row').first().waitFor();
    await chooseOption(page, page.getByTestId('audit-entity'), '用户');
    await Promise.all([
      page.waitForResponse((res) => res.url().includes('/api/audit?') && res.url().includes('entity=users') && res.url().includes('action=insert')),
      chooseOption(page, page.getByTestId('audit-action'), '新增'),
    ]);
    // Newest first: the user just created heads the filtered list.
    const newest = page.getByTestId('audit-table').locator('.ant-table-row').first();
    assert.match((await newest.textContent()) ?? '', /新增.*用户/);
    await newest.locator('.ant-table-row-expand-icon').click();
    const diff = page.getByTestId('audit-table').locator('.ant-table-expanded-row').first();
    await diff.waitFor();
    assert.match((await diff.textContent()) ?? '', /e2e\.gridworker/);
    await screenshot(page, 'admin-audit');

    await page.getByTestId('audit-tabs').getByRole('tab', { name: '安全日志' }).click();
    await chooseOption(page, page.getByTestId('security-kind'), '新建账号');
    const created = page.getByTestId('security-table').locator('.ant-table-row', { hasText: 'e2e.gridworker' });
    await created.waitFor();
    assert.match((await created.textContent()) ?? '', /新建账号/);
    await screenshot(page, 'admin-security-log');
  }));

test('on a phone, a member gets the menu in a drawer and no user administration', () =>
  withPage(app, 'phone-member', async (page) => {
    await signIn(page, 'dangyuan');
    assert.equal(await page.getByTestId('side-menu').count(), 0, 'no side bar on a phone');
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('menu-myfile').waitFor();
    assert.equal(await page.getByTestId('menu-people').count(), 0, 'a member has their own file, not the list');
    assert.equal(await page.getByTestId('menu-users').count(), 0);
    assert.equal(await page.getByTestId('menu-audit').count(), 0);
    await screenshot(page, 'phone-member-drawer');

    await page.getByTestId('menu-myfile').click();
    await page.waitForURL('**/me');
    await page.getByTestId('my-file').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `page is ${width}px wide on a ${PHONE.width}px phone`);
    await screenshot(page, 'phone-member-file');
  }, PHONE));

test('a wrong password shows the server’s Chinese message; repeated failures show the lock', () =>
  withPage(app, 'wrong-password', async (page) => {
    await fillSignIn(page, 'jumin', 'wrong-password-1');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /用户名或密码错误/);
    assert.match(page.url(), /\/login$/);

    for (let i = 0; i < 5 && (await page.getByTestId('login-locked').count()) === 0; i++) {
      await Promise.all([page.waitForResponse((res) => res.url().endsWith('/api/auth/login')), page.getByTestId('login-submit').click()]);
    }
    const locked = page.getByTestId('login-locked');
    await locked.waitFor();
    assert.match((await locked.textContent()) ?? '', /账号已锁定/);
    await screenshot(page, 'login-locked');
  }));

test('switching the language relabels the menu, and the choice is remembered', () =>
  withPage(app, 'language', async (page) => {
    await signIn(page, 'xinhua');
    assert.equal(await page.getByTestId('menu-orgs').textContent(), '组织体系');

    await chooseEnglish(page);
    assert.equal(await page.getByTestId('menu-orgs').textContent(), 'Organizations');
    assert.equal(await page.getByTestId('menu-people').textContent(), 'Members & residents');

    await page.reload();
    await page.getByTestId('menu-orgs').waitFor();
    assert.equal(await page.getByTestId('menu-orgs').textContent(), 'Organizations');

    await chooseLanguage(page, 'zh-TW', '組織體系');
    // Server-provided names follow into Traditional characters too.
    await treeNode(page, '新華街道黨工委').waitFor();
    await screenshot(page, 'zh-tw-home');
  }));
