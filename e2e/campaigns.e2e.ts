import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP_HEADERS, openPage, PHONE, screenshot, signIn, startApp, withPage, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

test('a cadre on a phone sees her area of the big visit, records a visit with a suggestion, and the campaign’s figures count it', async () => {
  let figures = '';
  await withPage(app, 'campaigns-before', async (page) => {
    await signIn(page, 'admin');
    await page.goto('/campaigns');
    await page.getByTestId('campaigns-list').getByText('万名党员干部党群连心大走访').click();
    const shown = page.getByTestId('campaign-figures');
    await shown.waitFor();
    figures = (await shown.textContent()) ?? '';
    assert.match(figures, /走访干部 110 名/);
    assert.match(figures, /征求意见建议 4 条/);
    assert.match(figures, /解决问题 65 件/);
    assert.match(figures, /投入资金 187,000\.00 元/);
    await screenshot(page, 'campaigns-figures');
  });

  await withPage(
    app,
    'campaigns-my-area-phone',
    async (page) => {
      await signIn(page, 'wangge');
      await page.goto('/my-area');
      const area = page.getByTestId('campaign-area').first();
      await area.getByTestId('campaign-visit').first().waitFor();
      const progress = (await area.getByTestId('campaign-progress').textContent()) ?? '';
      const [visited, total] = (/已走访 (\d+) \/ (\d+) 户/.exec(progress) ?? []).slice(1).map(Number);
      await screenshot(page, 'campaigns-my-area');
      await area.getByTestId('campaign-visit').first().click();
      await page.getByTestId('campaign-learned').fill('老人身体硬朗，希望楼下多放几把长椅');
      await page.getByTestId('campaign-suggestion').fill('楼下增设休息长椅');
      const [saved] = await Promise.all([
        page.waitForResponse((res) => res.url().endsWith('/api/campaigns/visits') && res.request().method() === 'POST'),
        page.getByTestId('campaign-visit-form-submit').click(),
      ]);
      assert.equal(saved.status(), 200, await saved.text());
      await area.getByTestId('campaign-progress').getByText(`已走访 ${visited! + 1} / ${total} 户`).waitFor();
      await screenshot(page, 'campaigns-my-area-done');
    },
    PHONE,
  );

  await withPage(app, 'campaigns-after', async (page) => {
    await signIn(page, 'admin');
    await page.goto('/campaigns');
    await page.getByTestId('campaigns-list').getByText('万名党员干部党群连心大走访').click();
    await page.getByTestId('campaign-figures').getByText(/征求意见建议 5 条/).waitFor();
  });
});

test('a reported member given a grid of the big visit records a visit with a suggestion on a phone; the suggestion is the household’s need in the community’s list', async () => {
  // The community's secretary gives the member (周志强, reported in 光明) a grid of a new campaign.
  const staff = await openPage(app);
  let gridName = '';
  try {
    await signIn(staff.page, 'guangming');
    const get = async (url: string) => (await staff.page.request.get(url)).json();
    const org = (await get(`/api/orgs?q=${encodeURIComponent('光明社区党委')}`)).items.find((o: { name: string }) => o.name === '光明社区党委').id as number;
    const person = (await get(`/api/people?orgId=${org}&q=${encodeURIComponent('周志强')}`)).items[0] as { id: number };
    const grid = ((await get(`/api/grids?orgId=${org}`)).items as { id: number; name: string; householdCount: number }[]).find((g) => g.householdCount > 0)!;
    gridName = grid.name;
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toLocaleDateString('sv', { timeZone: 'Asia/Shanghai' });
    const c = await staff.page.request.post('/api/campaigns', { headers: APP_HEADERS, data: { orgId: org, name: '报到党员包片走访', startsOn: day(-1), endsOn: day(14) } });
    assert.equal(c.status(), 200, await c.text());
    const a = await staff.page.request.post(`/api/campaigns/${(await c.json()).id}/cadres`, {
      headers: APP_HEADERS, data: { cadreKind: 'reported_member', name: '周志强', personId: person.id, areaKind: 'grid', gridId: grid.id },
    });
    assert.equal(a.status(), 200, await a.text());
  } finally {
    await staff.context.close();
  }

  await withPage(
    app,
    'campaigns-reported-member-phone',
    async (page) => {
      await signIn(page, 'dangyuan');
      await page.goto('/my-area');
      const area = page.getByTestId('campaign-area').filter({ hasText: '报到党员包片走访' });
      await area.getByTestId('campaign-visit').first().click();
      await page.getByTestId('campaign-learned').fill('二单元楼道灯坏了一个月');
      await page.getByTestId('campaign-suggestion').fill('修好二单元楼道灯');
      const [saved] = await Promise.all([
        page.waitForResponse((res) => res.url().endsWith('/api/campaigns/visits') && res.request().method() === 'POST'),
        page.getByTestId('campaign-visit-form-submit').click(),
      ]);
      assert.equal(saved.status(), 200, await saved.text());
      assert.equal(typeof (await saved.json()).needId, 'number', 'the suggestion is a need');
      await screenshot(page, 'campaigns-reported-member');
    },
    PHONE,
  );

  await withPage(app, 'campaigns-suggestion-in-needs', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/needs?status=submitted');
    await page.getByText('修好二单元楼道灯').first().waitFor();
    assert.ok(gridName);
  });
});
