import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkCharacter } from '../server/src/kernel/idnumber.ts';
import { APP_HEADERS, PHONE, chooseOption, choosePerson, chooseTreeOption, confirmPopover, fillSignIn, screenshot, settle, signIn, startApp, typeAndChoose, withPage, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

/** Answers a FormModal and waits for it to close (a refusal keeps it open and fails the wait). */
async function submitForm(page: Page, testId: string): Promise<void> {
  await page.getByTestId(`${testId}-submit`).click();
  await page.getByTestId(`${testId}-form`).waitFor({ state: 'detached' });
}

test('dual registration: the liaison issues, the community accepts with a receipt, the member commits on a phone', async () => {
  await withPage(app, 'reportin-issue', async (page) => {
    await signIn(page, 'liaison');
    await page.goto('/report-ins');
    await page.getByTestId('tab-unregistered').click();
    const zhou = page.getByTestId('unregistered-member').filter({ hasText: '周志强' });
    await zhou.getByTestId('reportin-issue-button').click();
    await page.getByTestId('reportin-issue-form').waitFor();
    await chooseOption(page, page.getByTestId('reportin-issue-community'), '光明社区党委');
    await submitForm(page, 'reportin-issue');
    await zhou.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: '报到登记' }).click();
    await page.getByTestId('reportins-unit').locator('tr', { hasText: '周志强' }).filter({ hasText: '待社区接收' }).waitFor();
    await screenshot(page, 'reportin-unit-issued');
  });

  let receiptNo = '';
  await withPage(app, 'reportin-accept', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/report-ins');
    const row = page.getByTestId('reportins-community').locator('tr', { hasText: '周志强' });
    await row.getByTestId('reportin-accept').click();
    await confirmPopover(page);
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor();
    receiptNo = (await page.getByTestId('receipt-no').textContent()) ?? '';
    assert.match(receiptNo, /^BD\d{10}$/);
    assert.match((await receipt.textContent()) ?? '', /梅河口市税务局.*周志强.*光明社区党委/);
    await screenshot(page, 'reportin-receipt');
    await page.keyboard.press('Escape');
    await row.filter({ hasText: '已报到' }).waitFor();
  });

  await withPage(app, 'reportin-unit-receipt', async (page) => {
    await signIn(page, 'liaison');
    await page.goto('/report-ins');
    await page.getByTestId('reportins-unit').locator('tr', { hasText: '周志强' }).getByTestId('reportin-receipt').click();
    await page.getByTestId('receipt-no').filter({ hasText: receiptNo }).waitFor();
  });

  await withPage(
    app,
    'reportin-commit',
    async (page) => {
      await signIn(page, 'dangyuan');
      await page.goto('/report-ins');
      await page.getByTestId('reportins-mine-card').filter({ hasText: '已报到' }).waitFor();
      await page.getByTestId('reportin-service-item').locator('input').fill('税法宣传');
      await page.getByTestId('reportin-commitment').fill('每季度为社区居民讲一次个税政策');
      await page.getByTestId('reportin-commit-submit').click();
      await page.getByTestId('reportins-mine-card').filter({ hasText: '每季度为社区居民讲一次个税政策' }).waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= PHONE.width, `the page fits a phone (${width}px)`);
      await screenshot(page, 'reportin-member-phone');
    },
    PHONE,
  );
});

/** Picks the receiving organization by typing its name: the directory is searched on the server. */
async function chooseDestination(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.getByTestId('transfer-form-to').click();
  await Promise.all([
    page.waitForResponse((res) => res.url().includes('/api/transfers/destinations') && res.url().includes(`q=${encodeURIComponent(name)}`)),
    page.keyboard.insertText(name),
  ]);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click();
  await settle(page);
}

test('a transfer from request to done: returned for revision, resubmitted, approved with a letter, received', async () => {
  let name = '';
  await withPage(app, 'transfer-send', async (page) => {
    await signIn(page, 'guangming');
    // A retired member whose name no one else in the community shares, so picking by name is unambiguous.
    const members = await (await page.request.get('/api/people?kind=member&category=retired&pageSize=50')).json();
    for (const p of members.items as { name: string }[]) {
      const same = await (await page.request.get(`/api/people?q=${encodeURIComponent(p.name)}`)).json();
      if (same.total === 1) {
        name = p.name;
        break;
      }
    }
    assert.ok(name, 'a retired member with a name of their own');
    await page.goto('/transfers');
    await page.getByTestId('transfer-request').click();
    await page.getByTestId('transfer-form-form').waitFor();
    await choosePerson(page, page.getByTestId('transfer-form-person'), name);
    await chooseDestination(page, '向阳社区党委');
    await page.getByTestId('transfer-form-reason').fill('迁居');
    await submitForm(page, 'transfer-form');
    const row = page.getByTestId('transfers-table').locator('tr', { hasText: name });
    await row.filter({ hasText: '待转出方审批' }).waitFor();

    await row.getByTestId('transfer-return').click();
    await page.getByTestId('transfer-return-note').fill('请写明迁入的小区');
    await submitForm(page, 'transfer-return');
    await row.filter({ hasText: '请写明迁入的小区' }).waitFor();
    await row.getByTestId('transfer-resubmit').click();
    await page.getByTestId('transfer-form-reason').fill('迁居向阳社区幸福小区');
    await submitForm(page, 'transfer-form');
    await row.filter({ hasText: '待转出方审批' }).waitFor();

    await row.getByTestId('transfer-approve').click();
    await confirmPopover(page);
    await row.filter({ hasText: '待转入方接收' }).waitFor();
    await row.filter({ hasText: `仍由` }).waitFor();
    const href = await row.getByTestId('transfer-letter').getAttribute('href');
    const letter = await (await page.request.get(href!)).text();
    assert.match(letter, new RegExp(`${name}同志.*迁居向阳社区幸福小区`));
    await screenshot(page, 'transfer-approved');
  });

  await withPage(app, 'transfer-receive', async (page) => {
    await signIn(page, 'xiangyang');
    await page.goto('/transfers');
    const row = page.getByTestId('transfers-table').locator('tr', { hasText: name });
    await row.getByTestId('transfer-receive').click();
    await confirmPopover(page);
    await row.filter({ hasText: '已办结' }).waitFor();
    const found = await (await page.request.get(`/api/people?q=${encodeURIComponent(name)}`)).json();
    assert.ok(found.items.some((p: { orgName: string }) => p.orgName === '向阳社区党委'), 'the file moved to the receiving side');
  });
});

test('a member sees only their own file, on a phone; staff filter members and reveal a phone, recorded', async () => {
  await withPage(
    app,
    'my-file',
    async (page) => {
      await signIn(page, 'dangyuan');
      await page.goto('/me');
      await page.getByTestId('person-name').filter({ hasText: '周志强' }).waitFor();
      assert.match((await page.getByTestId('my-file').textContent()) ?? '', /税法宣传/);
      const list = await (await page.request.get('/api/people?pageSize=200')).json();
      assert.deepEqual(list.items.map((p: { name: string }) => p.name), ['周志强']);
      await screenshot(page, 'my-file-phone');
      await page.goto('/people');
      await page.getByText('403').waitFor();
    },
    PHONE,
  );

  await withPage(app, 'people-reveal', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/people');
    await chooseOption(page, page.getByTestId('people-filter-kind'), '群众/居民');
    const card = page.getByTestId('people-table').locator('tr', { hasText: '139' }).first();
    await card.getByTestId('person-open').click();
    await page.getByTestId('person-file').waitFor();
    const masked = (await page.getByTestId('person-phone').textContent()) ?? '';
    assert.match(masked, /^139\*{4}\d{4}$/);
    await page.getByTestId('person-reveal-phone').click();
    const clear = (await page.getByTestId('person-phone-clear').textContent()) ?? '';
    assert.match(clear, /^139\d{8}$/);
    assert.equal(clear.slice(-4), masked.slice(-4));
    await screenshot(page, 'person-file');
  });
});

test('a resident registers on a phone and signs in with the phone number', async () => {
  await withPage(
    app,
    'resident-register',
    async (page) => {
      await page.goto('/login');
      await page.getByTestId('register-link').click();
      await page.getByTestId('register-name').fill('居民孙丽');
      await page.getByTestId('register-phone').fill('13688886666');
      await page.getByTestId('register-password').fill('Sunli2026ok');
      await chooseOption(page, page.getByTestId('register-community'), '光明社区党委');
      await screenshot(page, 'resident-register-phone');
      await page.getByTestId('register-submit').click();
      await page.waitForURL('**/login');
      await fillSignIn(page, '13688886666', 'Sunli2026ok');
      await page.getByTestId('user-menu').waitFor();
      await page.goto('/me');
      await page.getByTestId('person-name').filter({ hasText: '居民孙丽' }).waitFor();
      await settle(page);
    },
    PHONE,
  );
});

test('recruitment: a candidate whose notice has ended is admitted; a short notice is refused with the field named', async () => {
  await withPage(app, 'recruitment', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/recruitment');
    const candidate = page.getByTestId('recruitment-table').locator('tr', { hasText: '发展对象' });
    const name = ((await candidate.getByTestId('recruitment-open').textContent()) ?? '').trim();
    await candidate.getByTestId('recruitment-open').click();
    await page.getByTestId('recruitment-steps').waitFor();

    await page.getByTestId('recruitment-notice').click();
    await page.getByTestId('recruitment-notice-form').locator('input').nth(0).fill('2025-06-20');
    await page.getByTestId('recruitment-notice-form').locator('input').nth(1).fill('2025-06-21');
    await page.getByTestId('recruitment-notice-submit').click();
    await page.getByTestId('recruitment-notice-form').locator('.ant-form-item-explain-error', { hasText: '公示期不少于 5 天' }).waitFor();
    await page.getByTestId('recruitment-notice-cancel').click();

    await page.getByTestId('recruitment-advance').click();
    await submitForm(page, 'recruitment-advance');
    await page.getByTestId('recruitment-drawer').getByText('进入下一阶段：正式党员').waitFor();
    await screenshot(page, 'recruitment-admitted');
    const found = await (await page.request.get(`/api/people?q=${encodeURIComponent(name)}&kind=member&memberStatus=probationary`)).json();
    assert.ok(found.total >= 1, `${name} is now a probationary member`);
  });
});

test('recruitment: the applicant follows their own application on a phone and withdraws it; the branch sees it ended', async () => {
  let recruitmentId = 0;
  await withPage(app, 'recruitment-for-resident', async (page) => {
    await signIn(page, 'guangming');
    const [self] = (await (await page.request.get(`/api/people?q=${encodeURIComponent('吴秀英')}&kind=resident`)).json()).items;
    const [branch] = (await (await page.request.get(`/api/orgs?q=${encodeURIComponent('光明社区第一网格党支部')}`)).json()).items;
    const started = await page.request.post('/api/recruitments', { headers: APP_HEADERS, data: { personId: self.id, orgId: branch.id, appliedOn: '2025-03-01' } });
    assert.equal(started.status(), 200, await started.text());
    recruitmentId = (await started.json()).id;
  });
  await withPage(
    app,
    'my-application',
    async (page) => {
      await signIn(page, 'jumin');
      await page.goto('/me/application');
      const record = page.getByTestId('my-application-record');
      await record.getByText('光明社区第一网格党支部').waitFor();
      await screenshot(page, 'my-application');
      await record.getByTestId('recruitment-withdraw').click();
      await page.getByTestId('recruitment-withdraw-reason').fill('工作调动，暂缓');
      await submitForm(page, 'recruitment-withdraw');
      await record.getByTestId('recruitment-withdrawn').filter({ hasText: '撤回入党申请' }).waitFor();
      assert.equal(await record.getByTestId('recruitment-withdraw').count(), 0, 'nothing more to do on an ended record');
    },
    PHONE,
  );
  await withPage(app, 'recruitment-ended', async (page) => {
    await signIn(page, 'guangming');
    const ended = await (await page.request.get(`/api/recruitments/${recruitmentId}`)).json();
    assert.deepEqual([ended.withdrawnBy, ended.withdrawalReason], ['applicant', '工作调动，暂缓']);
  });
});

test('recruitment: the branch ends an activist’s application, and must say why', async () => {
  await withPage(app, 'recruitment-end', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/recruitment');
    const activist = page.getByTestId('recruitment-table').locator('tr', { hasText: '入党积极分子' }).first();
    await activist.getByTestId('recruitment-open').click();
    await page.getByTestId('recruitment-steps').waitFor();
    const [recruitment] = await Promise.all([
      page.waitForResponse((res) => /\/api\/recruitments\/\d+\/withdraw$/.test(res.url())),
      (async () => {
        await page.getByTestId('recruitment-end').click();
        await page.getByTestId('recruitment-withdraw-submit').click();
        await page.getByTestId('recruitment-withdraw-form').locator('.ant-form-item-explain-error', { hasText: '请写明终止发展的原因' }).waitFor();
        await page.getByTestId('recruitment-withdraw-reason').fill('长期不参加组织生活');
        await submitForm(page, 'recruitment-withdraw');
      })(),
    ]);
    await page.getByTestId('recruitment-drawer').getByTestId('recruitment-withdrawn').filter({ hasText: '党组织已于' }).waitFor();
    assert.equal(await page.getByTestId('recruitment-end').count(), 0, 'an ended application offers no further step');
    const ended = await (await page.request.get(recruitment.url().replace(/\/withdraw$/, ''))).json();
    assert.deepEqual([ended.withdrawnBy, ended.withdrawalReason], ['branch', '长期不参加组织生活']);
  });
});

test('talent pool: the community narrows a skill to the people living in one grid', async () => {
  await withPage(app, 'talents-grid', async (page) => {
    await signIn(page, 'guangming');
    const [community] = (await (await page.request.get(`/api/orgs?q=${encodeURIComponent('光明社区党委')}`)).json()).items;
    const [branch] = (await (await page.request.get(`/api/orgs?q=${encodeURIComponent('光明社区第一网格党支部')}`)).json()).items;
    const [home, other] = (await (await page.request.get(`/api/grids?orgId=${community.id}`)).json()).items;
    const neighbour = async (grid: { id: number }, name: string) => {
      const household = await page.request.post('/api/households', { headers: APP_HEADERS, data: { gridId: grid.id, address: `${name}街 1 号`, headName: name, size: 1, tags: [], freeTags: [] } });
      assert.equal(household.status(), 200, await household.text());
      const person = await page.request.post('/api/people', { headers: APP_HEADERS, data: { orgId: branch.id, name, householdId: (await household.json()).id, skills: ['网格测试裁缝'] } });
      assert.equal(person.status(), 200, await person.text());
    };
    await neighbour(home, '网格甲裁缝');
    await neighbour(other, '网格乙裁缝');

    await page.goto('/talents');
    await page.getByTestId('talent-search').locator('input').fill('网格测试裁缝');
    await page.getByTestId('talent-search').locator('input').press('Enter');
    const table = page.getByTestId('talents-table');
    await table.locator('tbody tr', { hasText: '网格乙裁缝' }).waitFor();
    await table.locator('tbody tr', { hasText: '网格甲裁缝' }).waitFor();

    const picker = page.getByTestId('talent-grid');
    await typeAndChoose(page, picker.getByTestId('residence-community'), '光明社区', '光明社区党委');
    await Promise.all([
      page.waitForResponse((res) => res.url().includes('/api/people/talents?') && res.url().includes(`gridId=${home.id}`)),
      chooseOption(page, picker.getByTestId('residence-grid'), home.name),
    ]);
    await table.locator('tbody tr', { hasText: '网格乙裁缝' }).waitFor({ state: 'detached' });
    assert.equal(await table.locator('tbody tr', { hasText: '网格甲裁缝' }).count(), 1);
    assert.match((await page.getByTestId('talents-export').getAttribute('href')) ?? '', new RegExp(`gridId=${home.id}`), 'the ledger is the same list');
  });
});

test('talent pool: the district finds 定福里 mediators free at weekends', async () => {
  await withPage(app, 'talents', async (page) => {
    await signIn(page, 'admin');
    await page.goto('/talents');
    await page.getByTestId('talent-search').locator('input').fill('调解');
    await page.getByTestId('talent-search').locator('input').press('Enter');
    await page.getByLabel('周末').check();
    const rows = page.getByTestId('talents-table').locator('tbody tr', { hasText: '人民调解' });
    await rows.first().waitFor();
    assert.match((await rows.first().textContent()) ?? '', /周末/);
    await screenshot(page, 'talents');
  });
});

test('a secretary registers a member: a wrong ID number is refused under its field, the right one is stored masked', async () => {
  await withPage(app, 'person-create', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/people');
    await page.getByTestId('person-create').click();
    await page.getByTestId('person-form-form').waitFor();
    await chooseTreeOption(page, page.getByTestId('person-form-org'), ['光明社区党委', '光明社区第一网格党支部']);
    await page.getByTestId('person-form-name').fill('新登记党员');
    const body = '22058119850615123';
    await page.getByTestId('person-form-id-number').fill(`${body}${checkCharacter(body) === '0' ? '1' : '0'}`);
    await page.getByTestId('person-form-member').click();
    await page.getByTestId('person-form-submit').click();
    await page.getByTestId('person-form-form').locator('.ant-form-item-explain-error', { hasText: '校验' }).waitFor();
    await screenshot(page, 'person-form-refused');
    await page.getByTestId('person-form-id-number').fill(`${body}${checkCharacter(body)}`);
    // Where they live: a household registered in one of the community's grids, picked community → grid → household.
    const [community] = (await (await page.request.get(`/api/orgs?q=${encodeURIComponent('光明社区党委')}`)).json()).items;
    const [grid] = (await (await page.request.get(`/api/grids?orgId=${community.id}`)).json()).items;
    const household = await page.request.post('/api/households', { headers: APP_HEADERS, data: { gridId: grid.id, address: '浏览器居住街 5 号', headName: '浏览器居住', size: 1, tags: [], freeTags: [] } });
    assert.equal(household.status(), 200, await household.text());
    await typeAndChoose(page, page.getByTestId('residence-community'), '光明社区', '光明社区党委');
    await chooseOption(page, page.getByTestId('residence-grid'), grid.name);
    // A grid holds many households: type to find one.
    await page.getByTestId('residence-household').click();
    await page.keyboard.insertText('浏览器居住');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '浏览器居住' }).first().click();
    await submitForm(page, 'person-form');
    await page.getByTestId('person-idNumber').filter({ hasText: /^2205\*+\w{4}$/ }).waitFor();
    assert.match((await page.getByTestId('person-file').textContent()) ?? '', /1985-06-15/, 'the birth date follows from the number');
    assert.match((await page.getByTestId('person-residence').textContent()) ?? '', new RegExp(`光明社区党委 / ${grid.name} / 浏览器居住街`));
  });
});

test('a joining date known only to the month shows and stays month-only in the edit form, and can be made a month or a full date', async () => {
  await withPage(app, 'person-month-only', async (page) => {
    await signIn(page, 'guangming');
    const [grid] = (await (await page.request.get(`/api/orgs?q=${encodeURIComponent('光明社区第一网格党支部')}`)).json()).items;
    const made = await page.request.post('/api/people', { headers: APP_HEADERS, data: { orgId: grid.id, name: '年月入党党员', isMember: true, joinedOn: '2003-06' } });
    assert.equal(made.status(), 200, await made.text());
    const { id } = (await made.json()) as { id: number };
    const joinedOn = async () => ((await (await page.request.get(`/api/people/${id}`)).json()) as { joinedOn: string | null }).joinedOn;

    await page.goto('/people');
    await page.getByTestId('people-search').locator('input').fill('年月入党党员');
    await page.getByTestId('people-search').locator('input').press('Enter');
    await page.getByTestId('person-open').filter({ hasText: '年月入党党员' }).click();
    const edit = async () => {
      await page.getByTestId('person-edit').click();
      await page.getByTestId('person-form-form').waitFor();
      await settle(page);
    };

    // Shown as the month it is, and saved unchanged as that month.
    await edit();
    assert.equal(await page.getByTestId('person-form-joined-on').inputValue(), '2003-06');
    assert.equal(await page.getByTestId('person-form-joined-on-known').textContent(), '2003年6月');
    await screenshot(page, 'person-month-only');
    await submitForm(page, 'person-form');
    assert.equal(await joinedOn(), '2003-06');

    // Asked for a day, it stays the month until one is picked, within that month.
    await edit();
    await chooseOption(page, page.getByTestId('person-form-joined-on-precision'), '日期');
    await page.getByTestId('person-form-joined-on-known').filter({ hasText: '只知道 2003年6月' }).waitFor();
    assert.equal(await page.getByTestId('person-form-joined-on').getAttribute('min'), '2003-06-01');
    await page.getByTestId('person-form-joined-on').fill('2003-06-18');
    await submitForm(page, 'person-form');
    assert.equal(await joinedOn(), '2003-06-18');
    await page.getByTestId('person-file').filter({ hasText: '2003-06-18' }).waitFor();

    // And back to the month alone, the day dropped on purpose.
    await edit();
    await chooseOption(page, page.getByTestId('person-form-joined-on-precision'), '只知年月');
    assert.equal(await page.getByTestId('person-form-joined-on').inputValue(), '2003-06');
    await submitForm(page, 'person-form');
    assert.equal(await joinedOn(), '2003-06');
    await page.getByTestId('person-file').filter({ hasText: '2003年6月' }).waitFor();
  });
});

test('accounts tied to people: the secretary opens an account from a member’s file, the member signs in as themselves on a phone; a mistaken tie is undone after a confirmation', async () => {
  const [grid] = await app.db.system((q) => q.query<{ id: number }>(`SELECT id::int FROM organizations WHERE name = '光明社区第一网格党支部'`));
  await withPage(app, 'person-account', async (page) => {
    await signIn(page, 'guangming');
    const made = await page.request.post('/api/people', { headers: APP_HEADERS, data: { orgId: grid!.id, name: '档案开户党员', isMember: true } });
    assert.equal(made.status(), 200, await made.text());
    await page.goto('/people');
    await page.getByTestId('people-search').locator('input').fill('档案开户党员');
    await page.getByTestId('people-search').locator('input').press('Enter');
    await page.getByTestId('person-open').filter({ hasText: '档案开户党员' }).click();
    await page.getByTestId('person-account-name').filter({ hasText: '未开通' }).waitFor();
    await page.getByTestId('person-account-open').click();
    await page.getByTestId('person-account-open-form-form').waitFor();
    await settle(page);
    await page.getByTestId('person-account-username').fill('x');
    await page.getByTestId('person-account-password').fill('Kaihu2026!');
    await page.getByTestId('person-account-open-form-submit').click();
    await page.locator('.ant-form-item-explain-error').filter({ hasText: /用户名/ }).waitFor();
    await page.getByTestId('person-account-username').fill('gm.kaihu');
    await page.getByTestId('person-account-open-form-submit').click();
    await page.getByTestId('person-account-open-form-form').waitFor({ state: 'detached' });
    await page.getByTestId('person-account-name').filter({ hasText: 'gm.kaihu' }).waitFor();
    await screenshot(page, 'person-account');

    await withPage(app, 'person-account-member', async (phone) => {
      await signIn(phone, 'gm.kaihu', 'Kaihu2026!');
      await phone.goto('/me');
      await phone.getByTestId('person-name').filter({ hasText: '档案开户党员' }).waitFor();
    }, PHONE);

    await page.getByTestId('person-account-untie').click();
    await confirmPopover(page);
    await page.getByTestId('person-account-name').filter({ hasText: '未开通' }).waitFor();
  });
});

test('账号激活: the secretary issues a code from a member’s file; the member activates their own account on a phone and signs in with the phone number', async () => {
  const [grid] = await app.db.system((q) => q.query<{ id: number }>(`SELECT id::int FROM organizations WHERE name = '光明社区第一网格党支部'`));
  const idNumber = (body: string) => body + checkCharacter(body);
  let code = '';
  await withPage(app, 'person-activation-code', async (page) => {
    await signIn(page, 'guangming');
    const made = await page.request.post('/api/people', {
      headers: APP_HEADERS, data: { orgId: grid!.id, name: '自助激活党员', isMember: true, idNumber: idNumber('22050219880808123'), phone: '13966667777' },
    });
    assert.equal(made.status(), 200, await made.text());
    await page.goto('/people');
    await page.getByTestId('people-search').locator('input').fill('自助激活党员');
    await page.getByTestId('people-search').locator('input').press('Enter');
    await page.getByTestId('person-open').filter({ hasText: '自助激活党员' }).click();
    await page.getByTestId('person-activation-code').click();
    const value = page.getByTestId('person-activation-code-value');
    await value.waitFor();
    code = ((await value.textContent()) ?? '').replace(/\D/g, '');
    assert.match(code, /^\d{8}$/);
    await screenshot(page, 'person-activation-code');
  });
  await withPage(app, 'activate-phone', async (page) => {
    await page.goto('/login');
    await page.getByTestId('activate-link').click();
    await page.getByTestId('activate-id-number').fill(idNumber('22050219880808123'));
    await page.getByTestId('activate-phone').fill('13966667777');
    await page.getByTestId('activate-code').fill(code === '00000000' ? '00000001' : '00000000');
    await page.getByTestId('activate-password').fill('Zizhu2026!');
    await page.getByTestId('activate-submit').click();
    await page.locator('.ant-message, .ant-alert, .ant-form-item-explain-error').filter({ hasText: /激活码/ }).first().waitFor();
    await page.getByTestId('activate-code').fill(code);
    await page.getByTestId('activate-submit').click();
    await page.waitForURL(/\/login$/);
    await signIn(page, '13966667777', 'Zizhu2026!');
    await page.goto('/me');
    await page.getByTestId('person-name').filter({ hasText: '自助激活党员' }).waitFor();
    await screenshot(page, 'activated-member-phone');
  }, PHONE);
});

test('on a phone, members, residents, liaisons and grid workers have bottom tabs to their own work; a secretary keeps the menu alone', async () => {
  const expected: [string, string[], string][] = [
    ['dangyuan', ['home', 'scan', 'my-service', 'messages', 'myfile'], '/my-service'],
    ['jumin', ['home', 'scan', 'my-needs', 'messages', 'myfile'], '/my-needs'],
    ['wangge', ['home', 'visits', 'messages'], '/visits'],
    ['liaison', ['home', 'reportins', 'messages'], '/report-ins'],
  ];
  for (const [username, tabs, work] of expected) {
    await withPage(app, `phone-tabs-${username}`, async (page) => {
      await signIn(page, username);
      const bar = page.getByTestId('phone-tabs');
      await bar.waitFor();
      const keys = await bar.locator('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')!.replace(/^tab-/, '')));
      assert.deepEqual(keys, tabs, username);
      for (const button of await bar.locator('button').all()) assert.ok(((await button.boundingBox())?.height ?? 0) >= 44, 'a thumb’s target');
      // Their own work: after home and, for those who check in to activities, scan.
      const workTab = bar.getByTestId(`tab-${tabs[tabs[1] === 'scan' ? 2 : 1]!}`);
      await workTab.click();
      await workTab.and(page.locator('[aria-current="page"]')).waitFor();
      assert.equal(new URL(page.url()).pathname, work, username);
      await bar.getByTestId('tab-messages').click();
      await page.getByTestId('messages-list').waitFor();
      // The end of a page is not hidden behind the tabs.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const end = (await page.locator('.gj-content > *').last().boundingBox())!;
      const barTop = (await bar.boundingBox())!.y;
      assert.ok(end.y + end.height <= barTop + 1, `the page ends above the tabs (${end.y + end.height} > ${barTop})`);
      if (username === 'dangyuan') await screenshot(page, 'phone-tabs-member');
    }, PHONE);
  }
  await withPage(app, 'phone-tabs-secretary', async (page) => {
    await signIn(page, 'guangming');
    await page.getByTestId('menu-toggle').waitFor();
    assert.equal(await page.getByTestId('phone-tabs').count(), 0);
  }, PHONE);
  await withPage(app, 'phone-tabs-desk', async (page) => {
    await signIn(page, 'dangyuan');
    await page.getByTestId('side-menu').waitFor();
    assert.equal(await page.getByTestId('phone-tabs').count(), 0, 'at a desk the side menu is enough');
  });
});
