import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PHONE, chooseFirstOption, chooseOption, openPage, optionsOf, screenshot, settle, signIn, startApp, typeAndChoose, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

test('the district registers a department’s task with its authority and funds; 光明’s secretary sees it on a phone beside 150 tasks, 80% administrative, those without money marked, and pays for it from the funds page', async () => {
  const staff = await openPage(app);
  const secretary = await openPage(app, PHONE);
  const desk = await openPage(app);
  try {
    await signIn(staff.page, 'admin');
    await staff.page.getByTestId('menu-pushed-tasks').click();
    await staff.page.getByTestId('pushed-figures').filter({ hasText: '交办事项 150 项' }).waitFor();
    await staff.page.getByTestId('pushed-create').click();
    await typeAndChoose(staff.page, staff.page.getByTestId('pushed-department'), '住房', '梅河口市住房和城乡建设局');
    const communities = staff.page.getByTestId('pushed-communities');
    await settle(staff.page);
    await communities.click();
    await staff.page.keyboard.type('光明');
    await (await optionsOf(communities)).filter({ hasText: '光明社区党委' }).first().click();
    await staff.page.keyboard.press('Escape');
    await communities.filter({ hasText: '光明社区党委' }).waitFor();
    await staff.page.getByTestId('pushed-title').fill('老旧小区加装电梯入户协调');
    await staff.page.getByTestId('pushed-authority').fill('《梅河口市既有住宅加装电梯实施办法》第八条：委托社区组织业主协商');
    await staff.page.getByTestId('pushed-funds').fill('3000');
    // 费随事转: the money is named by its source, held where the department is or above.
    const sourceName = (await chooseFirstOption(staff.page, staff.page.getByTestId('pushed-fund-source'))).split(' · ')[0]?.trim() ?? '';
    assert.ok(sourceName, 'a source to choose');
    await staff.page.getByTestId('pushed-form-submit').click();
    await staff.page.getByTestId('pushed-form-submit').waitFor({ state: 'detached' });
    await staff.page.getByTestId('pushed-figures').filter({ hasText: '交办事项 151 项' }).waitFor();
    await staff.page.getByRole('tab', { name: '按部门统计' }).click();
    await staff.page.getByTestId('pushed-departments').locator('tr', { hasText: '梅河口市住房和城乡建设局' }).waitFor();
    await screenshot(staff.page, 'pushed-tasks-departments');

    await signIn(secretary.page, 'guangming');
    await secretary.page.goto('/pushed-tasks');
    await secretary.page.getByTestId('pushed-figures').filter({ hasText: '交办事项 151 项' }).waitFor();
    assert.match(await secretary.page.getByTestId('pushed-figures').innerText(), /行政性事务 121 项（占 80%）/);
    const card = secretary.page.getByTestId('pushed-task').filter({ hasText: '老旧小区加装电梯入户协调' });
    await card.filter({ hasText: '经费 ¥3,000.00' }).waitFor();
    assert.match(await card.innerText(), new RegExp(sourceName), 'with the source it comes from');
    assert.equal(await card.getByTestId('pushed-no-authority').count(), 0, 'it came with its authority');
    assert.equal(await card.getByTestId('pushed-no-funds').count(), 0, 'and with its money');
    assert.ok(await secretary.page.getByTestId('pushed-no-funds').count() > 0, 'tasks that came without money are marked');
    assert.equal(await secretary.page.getByTestId('pushed-create').count(), 0, 'the community registers nothing pushed onto it');
    assert.equal(await card.getByTestId('pushed-withdraw').count(), 0);
    const width = await secretary.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `fits a phone: ${width}px`);
    await screenshot(secretary.page, 'pushed-tasks-community-phone');

    // The community pays for the task from the money that came with it: the expense names the task, found by its title.
    await signIn(desk.page, 'guangming');
    await desk.page.goto('/funds');
    await desk.page.getByTestId('funds-spend').click();
    const form = desk.page.getByTestId('funds-spend-form-form');
    await chooseOption(desk.page, form.getByTestId('funds-source'), '社区工作和服务群众经费（市财政列支）');
    await form.getByTestId('funds-amount').fill('500');
    await form.getByTestId('funds-payee').fill('光明社区居委会');
    await chooseOption(desk.page, form.getByTestId('funds-paid-for-kind'), '部门下派任务');
    await typeAndChoose(desk.page, form.getByTestId('funds-paid-for-id'), '加装电梯', '老旧小区加装电梯入户协调');
    await desk.page.getByTestId('funds-spend-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await secretary.page.reload();
    await card.getByTestId('pushed-spent').filter({ hasText: '已支出 ¥500.00' }).waitFor();
    // Above the community, the task shows which community spent it.
    await staff.page.reload();
    await staff.page.getByTestId('pushed-task').filter({ hasText: '老旧小区加装电梯入户协调' })
      .getByTestId('pushed-communities-spent').filter({ hasText: '光明社区党委（已支出 ¥500.00）' }).waitFor();
  } finally {
    await staff.context.close();
    await secretary.context.close();
    await desk.context.close();
  }
});
