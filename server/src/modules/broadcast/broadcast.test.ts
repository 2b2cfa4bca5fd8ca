import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { after, before, test } from 'node:test';
import { buildApp } from '../../app.ts';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { dingtalkSign, postToRobot } from './channels.ts';
import { smsGateway, smtpMailer, useMailer, useSmsProvider } from './service.ts';
import { loadConfig } from '../../config.ts';

/**
 * A clock the test moves by hand: the runner's time, so retries need no
 * sleeps. It runs a minute ahead, so work the database queued just now (at
 * its own now()) is due.
 */
const clock = (() => {
  let ahead = 60_000;
  return { now: () => new Date(Date.now() + ahead), advance: (ms: number) => void (ahead += ms) };
})();

interface Received { path: string; query: URLSearchParams; body: { msgtype?: string; text?: { content: string } } }
const received: Received[] = [];
const failures = new Map<string, number>();
const SECRET = 'SEC-test-secret';
let server: Server;
let base: string;
let t: TestApp;
let admin: string;

before(async () => {
  // A stand-in for 企业微信 and 钉钉: answers as they do, checks 钉钉's signature, and fails a path on request.
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      const left = failures.get(url.pathname) ?? 0;
      if (left > 0) {
        failures.set(url.pathname, left - 1);
        res.writeHead(502).end('bad gateway');
        return;
      }
      if (url.pathname === '/dingtalk') {
        const ts = Number(url.searchParams.get('timestamp'));
        if (url.searchParams.get('sign') !== dingtalkSign(SECRET, ts)) {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: 310000, errmsg: 'sign not match' }));
          return;
        }
      }
      received.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(raw) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await testApp({ webhooksAnywhere: true, jobs: { clock, workerId: 'one' } });
  admin = await t.login('admin');
});
after(async () => {
  await t.close();
  server.close();
});

const CITY = async () => (await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT id FROM organizations WHERE parent_id IS NULL ORDER BY id LIMIT 1`)))[0]!.id;
const KINDS = ['need.claimed', 'need.dispatched', 'need.overdue', 'meeting.task_assigned'];

async function subscribe(channel: string, path: string, extra: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/broadcast/subscriptions', { cookie: admin, body: { orgId: await CITY(), channel, name: `${channel}${path}`, target: `${base}${path}?key=k`, kinds: KINDS, ...extra } });
  assert.equal(res.status, 200, res.text);
  return res.body;
}

test('a webhook that is not https, points at this machine, or is not its kind’s documented host is refused by code unless allowed', async () => {
  const strict = await buildApp(t.kernel, { webDir: null });
  try {
    const cityId = await CITY();
    const cases: [string, string, string][] = [
      ['dingtalk', 'http://oapi.dingtalk.com/robot/send?access_token=x', 'broadcast.webhook_not_https'],
      ['dingtalk', 'https://127.0.0.1/robot/send', 'broadcast.webhook_private'],
      ['wecom', 'https://192.168.1.10/cgi-bin/webhook/send', 'broadcast.webhook_private'],
      ['wecom', 'https://evil.example.com/cgi-bin/webhook/send?key=x', 'broadcast.webhook_wrong_host'],
      ['feishu', 'not a url', 'broadcast.webhook_invalid'],
    ];
    for (const [channel, target, code] of cases) {
      const res = await strict.inject({ method: 'POST', url: '/api/broadcast/subscriptions', headers: { cookie: admin, 'x-requested-with': 'gongjian' }, payload: { orgId: cityId, channel, name: 'x', target, kinds: ['need.claimed'] } });
      assert.equal(res.json().error?.code, code, `${target}: ${res.body}`);
    }
    const ok = await strict.inject({ method: 'POST', url: '/api/broadcast/subscriptions', headers: { cookie: admin, 'x-requested-with': 'gongjian' }, payload: { orgId: cityId, channel: 'dingtalk', name: '正式群', target: 'https://oapi.dingtalk.com/robot/send?access_token=abc', secret: 'SECxyz', kinds: ['need.claimed'] } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(JSON.stringify(ok.json()).includes('abc'), false, 'the address’s key is never shown again');
    assert.equal(JSON.stringify(ok.json()).includes('SECxyz'), false, 'nor the secret');
    assert.equal(ok.json().signed, true);
    await strict.inject({ method: 'DELETE', url: `/api/broadcast/subscriptions/${ok.json().id}`, headers: { cookie: admin, 'x-requested-with': 'gongjian' } });
  } finally {
    await strict.close();
  }
  const email = await t.request('POST', '/api/broadcast/subscriptions', { cookie: admin, body: { orgId: await CITY(), channel: 'email', name: '邮件', target: 'a@example.cn', kinds: ['need.claimed'] } });
  assert.equal(email.body.error.code, 'broadcast.channel_unavailable', 'no mailer is configured by default');
});

test('the 企业微信 and signed 钉钉 robots receive a claimed wish, an overdue dispatch and an assigned task, through the runner; a failing robot gets it on the fourth try', async () => {
  await subscribe('dingtalk', '/dingtalk', { secret: SECRET });
  await subscribe('wecom', '/wecom');
  const db = t.kernel.db;
  const [wish] = await db.system((q) => q.query<{ id: number; title: string }>(
    `SELECT n.id, n.title FROM needs n JOIN organizations o ON o.id = n.org_id JOIN organizations c ON o.path <@ c.path
      WHERE n.kind = 'micro_wish' AND n.status = 'accepted' AND c.name LIKE '光明社区%' ORDER BY n.id LIMIT 1`));
  assert.ok(wish, 'the demo has a wish in the pool');
  const member = await t.login('dangyuan');
  const claimed = await t.request('POST', `/api/needs/${wish.id}/claim`, { cookie: member, body: {} });
  assert.equal(claimed.status, 200, claimed.text);
  assert.equal(received.length, 0, 'the request does not deliver');

  const [due] = await db.system((q) => q.query<{ id: number; title: string }>(
    `UPDATE needs SET deadline = now() - interval '1 day' WHERE id = (SELECT id FROM needs WHERE status = 'dispatched' ORDER BY id LIMIT 1) RETURNING id, title`));
  assert.ok(due, 'the demo has a dispatched need');
  const [task] = await db.system((q) => q.query<{ title: string }>(
    `INSERT INTO meeting_tasks (org_id, meeting_id, resolution_id, assignee_org_id, unit_id, assignee_name, title, deadline, responsible)
     SELECT org_id, meeting_id, resolution_id, assignee_org_id, unit_id, assignee_name, '整治楼道堆物', current_date + 30, responsible FROM meeting_tasks ORDER BY id LIMIT 1
     RETURNING title`));
  assert.ok(task, 'the demo has a meeting task to copy');

  await t.app.jobs.drain();
  const texts = (path: string) => received.filter((r) => r.path === path).map((r) => r.body.text!.content);
  for (const path of ['/dingtalk', '/wecom']) {
    assert.ok(texts(path).some((x) => x.includes('微心愿被认领')), `${path}: wish claimed ${JSON.stringify(texts(path))}`);
    assert.ok(texts(path).some((x) => x.includes('需求超时')), `${path}: overdue`);
    assert.ok(texts(path).some((x) => x.includes('分派会议任务') && x.includes('整治楼道堆物')), `${path}: task`);
  }
  assert.ok(received.filter((r) => r.path === '/dingtalk').every((r) => r.query.get('timestamp') && r.query.get('sign')), '钉钉 signed');
  assert.ok(received.every((r) => r.body.msgtype === 'text'));

  // A robot that fails three times gets the message on the fourth try; the failures are visible meanwhile.
  const flaky = await subscribe('wecom', '/flaky', { kinds: ['meeting.task_assigned'] });
  failures.set('/flaky', 3);
  await db.system((q) => q.query(
    `INSERT INTO meeting_tasks (org_id, meeting_id, resolution_id, assignee_org_id, unit_id, assignee_name, title, deadline, responsible)
     SELECT org_id, meeting_id, resolution_id, assignee_org_id, unit_id, assignee_name, '重试四次', current_date + 30, responsible FROM meeting_tasks ORDER BY id LIMIT 1`));
  await t.app.jobs.drain();
  const seen = async () => (await t.request('GET', `/api/broadcast/deliveries?subscriptionId=${flaky.id}`, { cookie: admin })).body.items[0];
  assert.deepEqual([(await seen()).status, (await seen()).attempts], ['retrying', 1]);
  assert.match((await seen()).lastError, /502/);
  // Backoff 30 s, 1 min, 2 min: the clock moves, nobody sleeps.
  for (const wait of [30_000, 60_000, 120_000]) {
    assert.equal(texts('/flaky').length, 0);
    clock.advance(wait);
    await t.app.jobs.drain();
  }
  assert.deepEqual(texts('/flaky').length, 1, 'delivered on the fourth try');
  assert.deepEqual([(await seen()).status, (await seen()).attempts], ['sent', 4]);
  // No number, phone or address leaves.
  for (const r of received) assert.doesNotMatch(r.body.text!.content, /\d{11}|\d{17}[\dX]/);
});

test('two app servers over one database deliver each message exactly once', async () => {
  const second = await buildApp(t.kernel, { webDir: null, webhooksAnywhere: true, jobs: { clock, workerId: 'two' } });
  try {
    const before = received.length;
    await t.kernel.db.system((q) => q.query(
      `INSERT INTO meeting_tasks (org_id, meeting_id, resolution_id, assignee_org_id, unit_id, assignee_name, title, deadline, responsible)
       SELECT org_id, meeting_id, resolution_id, assignee_org_id, unit_id, assignee_name, '两台服务器', current_date + 30, responsible FROM meeting_tasks ORDER BY id LIMIT 1`));
    await Promise.all([t.app.jobs.drain(), second.jobs.drain(), t.app.jobs.tick(), second.jobs.tick()]);
    const got = received.slice(before).filter((r) => r.body.text!.content.includes('两台服务器'));
    assert.deepEqual(got.map((r) => r.path).sort(), ['/dingtalk', '/flaky', '/wecom'], 'each robot once');
  } finally {
    await second.close();
  }
});

test('the in-app channel lists the events the caller may read: the claimer reads their claim, another community’s secretary does not', async () => {
  const all = await t.request('GET', '/api/broadcast/events?pageSize=200', { cookie: admin });
  assert.equal(all.status, 200, all.text);
  const claim = all.body.items.find((e: { kind: string }) => e.kind === 'need.claimed');
  assert.ok(claim, 'the district administrator reads the claim');
  const mine = await t.request('GET', '/api/broadcast/events?pageSize=200', { cookie: await t.login('dangyuan') });
  assert.ok(mine.body.items.some((e: { id: number }) => e.id === claim.id), 'the member reads their own claim');
  const other = await t.request('GET', '/api/broadcast/events?pageSize=200', { cookie: await t.login('xiangyang') });
  assert.equal(other.body.items.some((e: { id: number }) => e.id === claim.id), false, 'another community does not');
});

test('a daily digest sends the day’s events as one message; quiet hours hold a message until they end', async () => {
  const db = t.kernel.db;
  const guangming = (await db.system((q) => q.query<{ id: number }>(`SELECT id FROM organizations WHERE name LIKE '光明社区%' ORDER BY id LIMIT 1`)))[0]!.id;
  const digest = await t.request('POST', '/api/broadcast/subscriptions', { cookie: admin, body: { orgId: guangming, channel: 'wecom', name: '摘要群', target: `${base}/digest?key=k`, kinds: ['need.claimed', 'activity.published'], mode: 'daily' } });
  assert.equal(digest.status, 200, digest.text);
  await db.system(async (q) => {
    await q.query(`UPDATE broadcast_subscriptions SET digest_from = now() - interval '1 day 1 minute' WHERE id = $1`, [digest.body.id]);
    await q.query(`SELECT gj_record_event('activity.published', $1, NULL, NULL, 'activity', 1, '重阳节敬老活动'), gj_record_event('need.claimed', $1, NULL, NULL, 'need', 1, '王奶奶想要一台收音机 13912345678')`, [guangming]);
  });
  clock.advance(16 * 60_000);
  await t.app.jobs.drain();
  const got = received.filter((r) => r.path === '/digest');
  assert.equal(got.length, 1, 'one digest, not a message per event');
  assert.match(got[0]!.body.text!.content, /摘要：共 \d+ 件/);
  assert.match(got[0]!.body.text!.content, /重阳节敬老活动/);
  assert.doesNotMatch(got[0]!.body.text!.content, /13912345678/, 'no phone leaves');

  // Quiet all day but the last minute: the message waits, without spending an attempt, and goes when they end.
  const minute = (d: Date) => {
    const [h, m] = d.toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour12: false }).split(':').map(Number) as [number, number];
    return (h % 24) * 60 + m;
  };
  const now = minute(clock.now());
  const quiet = await t.request('POST', '/api/broadcast/subscriptions', { cookie: admin, body: { orgId: guangming, channel: 'wecom', name: '免打扰群', target: `${base}/quiet?key=k`, kinds: ['need.claimed'], quietFrom: now, quietTo: (now + 30) % 1440 } });
  assert.equal(quiet.status, 200, quiet.text);
  await db.system((q) => q.query(`SELECT gj_record_event('need.claimed', $1, NULL, NULL, 'need', 1, '免打扰时段的心愿')`, [guangming]));
  await t.app.jobs.drain();
  assert.equal(received.filter((r) => r.path === '/quiet').length, 0, 'held in quiet hours');
  clock.advance(31 * 60_000);
  await t.app.jobs.drain();
  assert.equal(received.filter((r) => r.path === '/quiet').length, 1, 'sent when they end');
  const d = (await t.request('GET', `/api/broadcast/deliveries?subscriptionId=${quiet.body.id}`, { cookie: admin })).body.items[0];
  assert.deepEqual([d.status, d.attempts], ['sent', 1]);
});

test('email: a person’s own subscription is sent through the SMTP server the server is given (SMTP_URL), as plain text', async () => {
  // A local SMTP server standing in for the mail provider: it keeps what it is given.
  const { SMTPServer } = await import('smtp-server');
  const mails: { to: string[]; raw: string }[] = [];
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  const port = (smtp.server.address() as AddressInfo).port;
  useMailer(smtpMailer(`smtp://127.0.0.1:${port}?ignoreTLS=true`, 'gongjian@example.cn'));
  try {
    const member = await t.login('dangyuan');
    const [home] = await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT g.org_id AS id FROM user_grants g JOIN users u ON u.id = g.user_id WHERE u.username = 'dangyuan' LIMIT 1`));
    const own = await t.request('POST', '/api/broadcast/subscriptions', { cookie: member, body: { orgId: home!.id, personal: true, channel: 'email', name: '我的邮件', target: 'zhou@example.cn', kinds: ['need.claimed'] } });
    assert.equal(own.status, 200, own.text);
    // The member's own claim, as the needs module's trigger records it.
    await t.kernel.db.system((q) => q.query(
      `SELECT gj_record_event('need.claimed', $1, NULL, (SELECT id FROM users WHERE username = 'dangyuan'), 'need', 1, '帮独居老人买药')`, [home!.id]));
    await t.app.jobs.drain();
    const mail = mails.find((m) => m.to.includes('zhou@example.cn'));
    assert.ok(mail, `the mail reached the SMTP server: ${JSON.stringify(mails.map((m) => m.to))}`);
    assert.match(mail.raw, /^From: gongjian@example\.cn/m);
    assert.match(mail.raw, /^Content-Type: text\/plain/m);
    const delivered = (await t.request('GET', `/api/broadcast/deliveries?subscriptionId=${own.body.id}`, { cookie: member })).body.items[0];
    assert.equal(delivered?.status, 'sent');
  } finally {
    useMailer(null);
    await new Promise<void>((r) => smtp.close(() => r()));
  }
});

test('SMS: a person’s own subscription is sent through the SMS gateway the server is given (SMS_URL, SMS_TOKEN); a gateway that refuses is retried', async () => {
  const texts: { to: string; text: string; auth: string | undefined }[] = [];
  let refuse = 1;
  const gateway = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (refuse-- > 0) return void res.writeHead(503).end('busy');
      texts.push({ ...(JSON.parse(raw) as { to: string; text: string }), auth: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
  const cfg = loadConfig({ SMS_URL: url, SMS_TOKEN: 'tok-1', GONGJIAN_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }, { dataDir: null });
  assert.deepEqual(cfg.sms, { url, token: 'tok-1' });
  assert.throws(() => loadConfig({ SMS_URL: 'sms gateway' }, { dataDir: null }), /SMS_URL/);
  const member = await t.login('dangyuan');
  const [home] = await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT g.org_id AS id FROM user_grants g JOIN users u ON u.id = g.user_id WHERE u.username = 'dangyuan' LIMIT 1`));
  const body = { orgId: home!.id, personal: true, channel: 'sms', name: '我的短信', target: '139 0000 1111', kinds: ['need.claimed'] };
  const unavailable = await t.request('POST', '/api/broadcast/subscriptions', { cookie: member, body });
  assert.equal(unavailable.body.error?.code, 'broadcast.channel_unavailable', 'no SMS gateway, no SMS channel');
  useSmsProvider(smsGateway(cfg.sms!.url, cfg.sms!.token));
  try {
    const own = await t.request('POST', '/api/broadcast/subscriptions', { cookie: member, body });
    assert.equal(own.status, 200, own.text);
    assert.equal(JSON.stringify(own.body).includes('13900001111'), false, 'the number is shown masked');
    await t.kernel.db.system((q) => q.query(
      `SELECT gj_record_event('need.claimed', $1, NULL, (SELECT id FROM users WHERE username = 'dangyuan'), 'need', 1, '给3号楼独居老人（13812345678）送药')`, [home!.id]));
    await t.app.jobs.drain();
    const seen = async () => (await t.request('GET', `/api/broadcast/deliveries?subscriptionId=${own.body.id}`, { cookie: member })).body.items[0];
    assert.equal((await seen()).status, 'retrying');
    assert.match((await seen()).lastError, /503/);
    clock.advance(30_000);
    await t.app.jobs.drain();
    assert.equal((await seen()).status, 'sent');
    const sms = texts.find((x) => x.to === '13900001111');
    assert.ok(sms, `the gateway got the message: ${JSON.stringify(texts)}`);
    assert.equal(sms.auth, 'Bearer tok-1');
    assert.match(sms.text, /微心愿被认领/);
    assert.doesNotMatch(sms.text, /13812345678|3号楼/, 'blotted as every message');
  } finally {
    useSmsProvider(null);
    await new Promise<void>((r) => gateway.close(() => r()));
  }
});

test('the wall screen asks for events blotted: a phone number or a house number in a title is blotted, as in a message', async () => {
  const db = t.kernel.db;
  const guangming = (await db.system((q) => q.query<{ id: number }>(`SELECT id FROM organizations WHERE name LIKE '光明社区%' ORDER BY id LIMIT 1`)))[0]!.id;
  await db.system((q) => q.query(`SELECT gj_record_event('need.claimed', $1, NULL, NULL, 'need', 1, '3号楼王大爷（13812345678）家门口路灯不亮')`, [guangming]));
  const ask = (blotted: boolean) => t.request('GET', `/api/broadcast/events?orgId=${guangming}&pageSize=5${blotted ? '&blotted=true' : ''}`, { cookie: admin });
  const plain = (await ask(false)).body.items[0];
  assert.equal(plain.title, '3号楼王大爷（13812345678）家门口路灯不亮', 'staff in the app read the title as written');
  const wall = await ask(true);
  assert.equal(wall.status, 200, wall.text);
  assert.equal(wall.body.items[0].title, '＊王大爷（＊）家门口路灯不亮');
});

test('a robot’s address is checked again when a message is sent: once webhooks may no longer point anywhere, one added meanwhile is not sent; a documented host that now resolves inside reaches nothing', async () => {
  const before = received.length;
  // Resolves every name to this machine, where the stand-in robot listens.
  const toThisMachine: LookupFunction = (_host, options, callback) =>
    (options as { all?: boolean }).all ? (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4);
  await assert.rejects(postToRobot('wecom', `${base}/strict?key=k`, null, '测试', new Date(), false), /https/);
  await assert.rejects(postToRobot('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', null, '测试', new Date(), false, toThisMachine), /private address \(127\.0\.0\.1\)/);
  // The same resolver lets the message through where webhooks may point anywhere: the refusal is the address check's.
  await postToRobot('wecom', `http://robot.test:${new URL(base).port}/resolved?key=k`, null, '测试', new Date(), true, toThisMachine);
  assert.deepEqual(received.slice(before).map((r) => r.path), ['/resolved']);

  // Through the runner: the server's setting now, not when the robot was added, decides.
  const sub = await subscribe('wecom', '/strict', { kinds: ['meeting.task_assigned'] });
  const strict = await buildApp(t.kernel, { webDir: null, jobs: { clock, workerId: 'strict' } });
  try {
    await t.kernel.db.system((q) => q.query(
      `INSERT INTO meeting_tasks (org_id, meeting_id, resolution_id, assignee_org_id, unit_id, assignee_name, title, deadline, responsible)
       SELECT org_id, meeting_id, resolution_id, assignee_org_id, unit_id, assignee_name, '收紧之后', current_date + 30, responsible FROM meeting_tasks ORDER BY id LIMIT 1`));
    await strict.jobs.drain();
    const [d] = (await t.request('GET', `/api/broadcast/deliveries?subscriptionId=${sub.id}`, { cookie: admin })).body.items;
    assert.equal(d.status, 'retrying');
    assert.match(d.lastError, /https/);
    assert.equal(received.some((r) => r.path === '/strict'), false, 'nothing reached the address');
  } finally {
    await strict.close();
  }
});

test('the message centre: the caller’s visible events, unread until read one by one or all at once; one person’s reading is theirs alone', async () => {
  const db = t.kernel.db;
  const guangming = (await db.system((q) => q.query<{ id: number }>(`SELECT id FROM organizations WHERE name LIKE '光明社区%' ORDER BY id LIMIT 1`)))[0]!.id;
  const secretary = await t.login('guangming');
  const other = await t.login('xiangyang');
  await t.request('POST', '/api/messages/read', { cookie: secretary, body: { all: true } });
  await t.request('POST', '/api/messages/read', { cookie: other, body: { all: true } });
  const unread = async (cookie: string) => (await t.request('GET', '/api/messages/unread', { cookie })).body.unread as number;
  assert.equal(await unread(secretary), 0, 'all read');

  for (const title of ['消息一：楼道灯不亮', '消息二：电梯维修']) {
    await db.system((q) => q.query(`SELECT gj_record_event('need.dispatched', $1, NULL, NULL, 'need', 1, $2)`, [guangming, title]));
  }
  assert.equal(await unread(secretary), 2);
  assert.equal(await unread(other), 0, 'another community’s secretary is not told');
  const list = (await t.request('GET', '/api/messages?unread=true', { cookie: secretary })).body;
  assert.deepEqual(list.items.map((m: { title: string }) => m.title), ['消息二：电梯维修', '消息一：楼道灯不亮'], 'newest first');
  assert.equal(list.unread, 2);
  const [second, first] = list.items as { id: number; read: boolean }[];

  // Another community's secretary may not mark it (it is not theirs to read), and the secretary's stays unread.
  assert.equal((await t.request('POST', '/api/messages/read', { cookie: other, body: { eventIds: [first!.id] } })).status, 404);
  assert.equal(await db.system(async (q) => (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM broadcast_reads WHERE event_id = $1`, [first!.id]))[0]!.n), 0);
  assert.equal(await unread(secretary), 2);

  const marked = await t.request('POST', '/api/messages/read', { cookie: secretary, body: { eventIds: [first!.id] } });
  assert.equal(marked.body.unread, 1);
  const all = (await t.request('GET', '/api/messages?pageSize=5', { cookie: secretary })).body.items as { id: number; read: boolean }[];
  assert.deepEqual(all.filter((m) => m.id === first!.id || m.id === second!.id).map((m) => [m.id, m.read]), [[second!.id, false], [first!.id, true]]);

  const nothing = await t.request('POST', '/api/messages/read', { cookie: secretary, body: {} });
  assert.equal(nothing.status, 400);
  assert.match(nothing.body.error.fields.eventIds, /请指明要标为已读的消息/, 'names the field, in words');

  assert.equal((await t.request('POST', '/api/messages/read', { cookie: secretary, body: { all: true } })).body.unread, 0);
  await db.system((q) => q.query(`SELECT gj_record_event('need.overdue', $1, NULL, NULL, 'need', 1, '消息三：超时')`, [guangming]));
  assert.equal(await unread(secretary), 1, 'a new message after “all read” is unread');

  // A member's messages include the events naming them at organizations they may not read: listed, not only counted.
  const member = await t.login('dangyuan');
  const mine = (await t.request('GET', '/api/messages?pageSize=200', { cookie: member })).body;
  assert.ok(mine.total > 0, 'the member’s own claims');
  assert.equal(mine.items.length, mine.total, 'every message counted is listed');
  const listed = (await t.request('GET', '/api/broadcast/events?pageSize=200', { cookie: member })).body;
  assert.equal(listed.items.length, listed.total, 'and so in the events list');
});
