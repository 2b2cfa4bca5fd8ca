import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import { APP_HEADERS, testApp, type TestApp } from '../../../test/support/app.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { CLIENT_HEADER, CONTENT_SECURITY_POLICY } from './security.ts';

let t: TestApp;
let admin: string;
let wangge: number;

before(async () => {
  t = await testApp({ demo: true });
  admin = await t.login('admin');
  wangge = (await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT id FROM users WHERE username = 'wangge'`)))[0]!.id;
});
after(() => t.close());

const lock = () => t.kernel.db.system((q) => q.query(`UPDATE users SET locked_until = now() + interval '1 hour' WHERE id = $1`, [wangge]));
const locked = async () =>
  (await t.kernel.db.system((q) => q.query<{ locked: boolean }>(`SELECT locked_until IS NOT NULL AS locked FROM users WHERE id = $1`, [wangge])))[0]!.locked;
const unlock = (headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: `/api/users/${wangge}/unlock`, headers: { cookie: admin, host: 'localhost:3000', ...headers } });

test('a write from another origin, or without the client header, is refused with the admin’s own cookie; nothing changes', async () => {
  await lock();
  const refusals: [string, Record<string, string>][] = [
    ['another port of the same host', { ...APP_HEADERS, origin: 'http://localhost:9999' }],
    ['another scheme', { ...APP_HEADERS, origin: 'https://localhost:3000' }],
    ['an opaque origin', { ...APP_HEADERS, origin: 'null' }],
    ['a same-site page that sends no Origin', { ...APP_HEADERS, 'sec-fetch-site': 'same-site' }],
    ['a body-less POST from the same origin without the client header', { origin: 'http://localhost:3000' }],
    ['a body-less POST with no header at all', {}],
  ];
  for (const [what, headers] of refusals) {
    const res = await unlock(headers);
    assert.equal(res.statusCode, 403, what);
    assert.match(res.json().error.code, /^cross_site\.(origin|site|header)$/, what);
  }
  assert.equal(await locked(), true, 'the account is still locked');

  const own = await unlock({ ...APP_HEADERS, origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' });
  assert.equal(own.statusCode, 200, 'the app’s own page may');
  assert.equal(await locked(), false);
});

test('signing in and signing up are writes too: another site cannot sign a victim into its account', async () => {
  const signIn: InjectOptions = { method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Gongjian2026' } };
  const forged = await t.app.inject({ ...signIn, headers: { origin: 'http://127.0.0.1:9999', [CLIENT_HEADER]: 'gongjian' } });
  assert.equal(forged.statusCode, 403);
  assert.equal(forged.cookies.length, 0, 'no session is opened');
  assert.equal((await t.app.inject({ ...signIn, headers: {} })).statusCode, 403, 'nor without the client header');
  const register = await t.app.inject({ method: 'POST', url: '/api/residents/register', headers: { origin: 'http://127.0.0.1:9999' }, payload: {} });
  assert.equal(register.statusCode, 403);
});

test('PUBLIC_ORIGIN names the one origin writes may come from, whatever host the request names', async () => {
  const app = await buildApp(t.kernel, { webDir: null, publicOrigin: 'https://dangjian.example.cn' });
  try {
    const post = (origin: string) => app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...APP_HEADERS, cookie: admin, host: 'localhost:3000', origin } });
    assert.equal((await post('http://localhost:3000')).statusCode, 403);
    assert.equal((await post('https://dangjian.example.cn')).statusCode, 200);
  } finally {
    await app.close();
  }
});

test('hashed chunks are kept a year and never asked again; the page and the entry script are revalidated each time', async () => {
  const webDir = await mkdtemp(path.join(tmpdir(), 'gongjian-web-'));
  await mkdir(path.join(webDir, 'assets', 'chunks'), { recursive: true });
  await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>共建</title>');
  await writeFile(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(webDir, 'assets', 'chunks', 'zh-TW-ABCD1234.js'), 'export {}');
  const app = await buildApp(t.kernel, { webDir });
  try {
    const cache = async (url: string) => (await app.inject({ method: 'GET', url })).headers['cache-control'];
    assert.equal(await cache('/assets/chunks/zh-TW-ABCD1234.js'), 'public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/members/home', '/assets/app.js']) assert.equal(await cache(url), 'no-cache', url);
    const first = await app.inject({ method: 'GET', url: '/assets/app.js' });
    const again = await app.inject({ method: 'GET', url: '/assets/app.js', headers: { 'if-none-match': String(first.headers.etag) } });
    assert.equal(again.statusCode, 304, 'unchanged: nothing sent again');
  } finally {
    await app.close();
  }
});

test('PUBLIC_ORIGIN is read as the origin a browser sends; anything else stops the start', () => {
  const read = (value: string) => loadConfig({ PUBLIC_ORIGIN: value }, { dataDir: null }).publicOrigin;
  assert.equal(read('https://dangjian.example.cn/'), 'https://dangjian.example.cn');
  assert.equal(read('http://10.0.0.5:8080/app'), 'http://10.0.0.5:8080');
  assert.equal(loadConfig({}, { dataDir: null }).publicOrigin, null);
  for (const bad of ['dangjian.example.cn', 'ftp://dangjian.example.cn']) assert.throws(() => read(bad), /PUBLIC_ORIGIN 不是有效的网址/);
});

test('every answer carries the security headers: the app, its files, the API, the docs, errors', async () => {
  const webDir = await mkdtemp(path.join(tmpdir(), 'gongjian-web-'));
  await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>共建</title>');
  await writeFile(path.join(webDir, 'app.js'), 'console.log(1)');
  const app = await buildApp(t.kernel, { webDir });
  try {
    for (const url of ['/', '/orgs', '/app.js', '/api/health', '/api/auth/me', '/api/nothing', '/api/docs', '/api/docs/static/swagger-initializer.js', '/api/openapi.json']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.headers['content-security-policy'], CONTENT_SECURITY_POLICY, url);
      assert.match(CONTENT_SECURITY_POLICY, /script-src 'self';/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(res.headers['referrer-policy'], 'no-referrer', url);
      assert.equal(res.headers['x-frame-options'], 'DENY', url);
    }
    const refused = await app.inject({ method: 'POST', url: '/api/orgs', headers: { origin: 'http://127.0.0.1:9999' }, payload: {} });
    assert.equal(refused.headers['content-security-policy'], CONTENT_SECURITY_POLICY, 'a refusal too');
    // The docs' "Try it out" sends the client header, named in its page's source.
    const initializer = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    assert.match(initializer.body, new RegExp(`\\[["']${CLIENT_HEADER}["']\\]\\s*=\\s*["']${APP_HEADERS[CLIENT_HEADER]}["']`));
  } finally {
    await app.close();
    await rm(webDir, { recursive: true, force: true });
  }
});
