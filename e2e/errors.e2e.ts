import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chooseEnglish, fillSignIn, screenshot, settle, signIn, startApp, withPage, type TestApp } from './helpers.ts';

let app: TestApp;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

const HAN = /\p{Script=Han}/u;

test('in English, the server’s refusals read in English: a form’s field, a wrong current password, a wrong sign-in; what it would refuse is not offered', () =>
  withPage(app, 'errors-english', async (page) => {
    await signIn(page, 'admin');
    await chooseEnglish(page);

    // A field the server refuses (the password rule is the server's alone), shown under the field.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-change-password').click();
    await page.getByTestId('password-current').fill('Gongjian2026');
    await page.getByTestId('password-new').fill('short');
    await page.getByTestId('password-confirm').fill('short');
    await page.getByTestId('change-password-submit').click();
    const fieldError = page.getByTestId('change-password-form').locator('.ant-form-item-explain-error', { hasText: 'at least 10 characters' });
    await fieldError.waitFor();
    const field = (await fieldError.textContent()) ?? '';
    assert.doesNotMatch(field, HAN, field);
    // A refusal only the server can make (it alone knows the password), beside its field.
    await page.getByTestId('password-current').fill('not-the-current-one');
    await page.getByTestId('password-new').fill('Another-Long-Password-2026');
    await page.getByTestId('password-confirm').fill('Another-Long-Password-2026');
    await page.getByTestId('change-password-submit').click();
    const wrongCurrent = page.getByTestId('change-password-form').locator('.ant-form-item-explain-error', { hasText: 'current password is wrong' });
    await wrongCurrent.waitFor();
    assert.doesNotMatch((await wrongCurrent.textContent()) ?? '', HAN);
    await page.getByTestId('change-password-cancel').click();
    await settle(page);

    // What the server would refuse is not offered: one's own account lists no "disable".
    await page.getByTestId('menu-users').click();
    await page.getByTestId('users-search').locator('input').fill('admin');
    await page.getByTestId('users-search').locator('input').press('Enter');
    await page.getByTestId('user-manage-admin').click();
    await page.getByTestId('user-drawer-body').waitFor();
    assert.equal(await page.getByTestId('user-disable').count(), 0);
    await screenshot(page, 'errors-english-own-account');

    // Signed out, the choice of language stays, and a wrong password is refused in English.
    await page.context().clearCookies();
    await fillSignIn(page, 'admin', 'not-the-password');
    const refusal = page.getByTestId('login-error');
    await refusal.filter({ hasText: 'Wrong user name or password' }).waitFor();
    const wrong = (await refusal.textContent()) ?? '';
    assert.doesNotMatch(wrong, HAN, wrong);
  }));
