import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP_HEADERS, openPage, screenshot, signIn, startApp, treeNode, withPage, type TestApp } from './helpers.ts';

let app: TestApp;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

test('dual identity: the joint committee’s secretary sees the joined branches’ members on its people page, marked', async () => {
  const admin = await openPage(app);
  try {
    await signIn(admin.page, 'admin');
    const found = (await (await admin.page.request.get(`/api/orgs?q=${encodeURIComponent('三顺店社区联合党委')}`)).json()) as { items: { id: number; name: string }[] };
    const joint = found.items.find((o) => o.name === '三顺店社区联合党委')!.id;
    const res = await admin.page.request.post('/api/users', {
      headers: APP_HEADERS,
      data: { username: 'ssd-joint-sec', displayName: '三顺店联合党委书记', password: 'Joint-2026-pass', orgId: joint, grants: [{ role: 'community_secretary', orgId: joint }] },
    });
    assert.equal(res.status(), 200, await res.text());
  } finally {
    await admin.context.close();
  }

  await withPage(app, 'joint-people', async (page) => {
    await signIn(page, 'ssd-joint-sec', 'Joint-2026-pass');
    await page.goto('/people');
    await treeNode(page, '三顺店社区联合党委').locator('.ant-tree-title').first().click();
    const marked = page.getByTestId('people-table').locator('tr').filter({ has: page.getByTestId('person-joined') });
    await marked.first().waitFor();
    assert.match((await marked.first().textContent()) ?? '', /党支部.*经三顺店社区联合党委联建/);
    // Their files stay with their branches: the name is not a link to a drawer the secretary could not open.
    assert.equal(await marked.first().getByTestId('person-open').count(), 0);
    assert.equal(await marked.first().getByTestId('person-name').count(), 1);
    await screenshot(page, 'joint-people');
  });
});
