import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { dingtalkSign } from '../server/src/modules/broadcast/channels.ts';
import { APP_HEADERS, DEMO_PASSWORD, PHONE, screenshot, settle, signIn, startApp, withPage, type TestApp } from './helpers.ts';

let app: TestApp;
let receiver: Server;
let base: string;
const received: { signed: boolean; text: string }[] = [];
const SECRET = 'SECe2e';

before(async () => {
  // A stand-in 钉钉 robot that checks the signature.
  receiver = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      const ts = Number(url.searchParams.get('timestamp'));
      received.push({ signed: url.searchParams.get('sign') === dingtalkSign(SECRET, ts), text: (JSON.parse(raw) as { text: { content: string } }).text.content });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  app = await startApp({ webhooksAnywhere: true, jobs: { poll: true, pollMs: 300 } });
});

after(async () => {
  await app?.close();
  receiver?.close();
});

test('a community secretary subscribes the community to a 钉钉 robot; a claimed wish is delivered, signed, and listed as sent', async () => {
  await withPage(app, 'broadcast-dingtalk', async (page) => {
    await signIn(page, 'guangming');
    await page.goto('/broadcast');
    await page.getByTestId('broadcast-add').click();
    await page.getByTestId('broadcast-name').fill('光明社区联盟群');
    await page.getByTestId('broadcast-target').fill(`${base}/robot/send?access_token=e2e`);
    await page.getByTestId('broadcast-secret').fill(SECRET);
    await page.getByTestId('broadcast-form-submit').click();
    await page.getByTestId('broadcast-subscriptions').getByText('光明社区联盟群').waitFor();
    assert.equal(await page.getByText('access_token=e2e').count(), 0, 'the address is not shown again');

    // A member claims a wish of the community's pool (through the API, as the phone would).
    const [wish] = await app.db.system((q) => q.query<{ id: number; title: string }>(
      `SELECT n.id, n.title FROM needs n JOIN organizations o ON o.id = n.org_id JOIN organizations c ON o.path <@ c.path
        WHERE n.kind = 'micro_wish' AND n.status = 'accepted' AND c.name LIKE '光明社区%' ORDER BY n.id LIMIT 1`));
    const login = await fetch(`${app.url}/api/auth/login`, { method: 'POST', headers: { ...APP_HEADERS, 'content-type': 'application/json' }, body: JSON.stringify({ username: 'dangyuan', password: DEMO_PASSWORD }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const claim = await fetch(`${app.url}/api/needs/${wish!.id}/claim`, { method: 'POST', headers: { ...APP_HEADERS, 'content-type': 'application/json', cookie }, body: '{}' });
    assert.equal(claim.status, 200, await claim.text());

    for (let waited = 0; !received.length && waited < 20_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
    assert.equal(received.length, 1);
    assert.ok(received[0]!.signed, '钉钉 signature');
    assert.match(received[0]!.text, /微心愿被认领/);

    await page.reload();
    await page.getByRole('tab', { name: '推送记录' }).click();
    const row = page.getByTestId('broadcast-deliveries').locator('tr', { hasText: wish!.title.slice(0, 6) });
    await row.getByText('已送达').waitFor();
    await page.getByRole('tab', { name: '站内消息' }).click();
    await page.getByTestId('broadcast-events').getByText('微心愿被认领').first().waitFor();
    await settle(page);
  });
});

test('a secretary on a phone sees the unread count on the bell, reads one message in the message centre, then all', async () => {
  await withPage(app, 'messages-phone', async (page) => {
    await signIn(page, 'guangming');
    await page.request.post('/api/messages/read', { headers: APP_HEADERS, data: { all: true } });
    for (const title of ['消息中心测试：楼道灯不亮', '消息中心测试：<b>电梯</b>维修']) {
      await app.db.system((q) => q.query(
        `SELECT gj_record_event('need.dispatched', id, NULL, NULL, 'need', 1, $1) FROM organizations WHERE name LIKE '光明社区%' ORDER BY id LIMIT 1`, [title]));
    }
    await page.reload();
    const bell = page.getByTestId('messages-bell');
    await bell.locator('sup[title="2"]').waitFor();
    await bell.click();
    await page.waitForURL(/\/messages$/);
    const list = page.getByTestId('messages-list');
    const first = list.getByTestId('message').filter({ hasText: '楼道灯不亮' });
    await first.and(page.locator('[data-read="false"]')).waitFor();
    // A title is text: the markup someone typed shows as typed.
    await list.getByTestId('message').filter({ hasText: '<b>电梯</b>维修' }).waitFor();
    await screenshot(page, 'messages-phone');
    const wide = await page.evaluate(() => [document.documentElement.scrollWidth, ...[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map((e) => `${e.tagName}.${e.className}`)]);
    assert.ok((wide[0] as number) <= PHONE.width + 1, `fits the phone, bell included: ${JSON.stringify(wide)}`);

    await first.click();
    await first.and(page.locator('[data-read="true"]')).waitFor();
    await bell.locator('sup[title="1"]').waitFor();
    await page.getByTestId('messages-all-read').click();
    await list.getByTestId('message').and(page.locator('[data-read="false"]')).first().waitFor({ state: 'detached' });
    await bell.locator('sup.ant-badge-count').waitFor({ state: 'detached' });
    assert.equal((await (await page.request.get('/api/messages/unread')).json()).unread, 0);
  }, PHONE);
});
