import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/support/app.ts';
import { catalogEntries, inLang, langOf, LANGS } from './errors.ts';

let t: TestApp;
let admin: string;

before(async () => {
  // Building the app imports every module, so the catalog holds every code.
  t = await testApp();
  admin = await t.login('admin');
});
after(() => t.close());

const paramsOf = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HAN = /\p{Script=Han}/u;

test('every code has its message in zh-CN, zh-TW and English, each naming the same parameters', () => {
  const entries = catalogEntries();
  assert.ok(entries.length > 50, `${entries.length} codes`);
  for (const [code, entry] of entries) {
    const texts = Object.fromEntries(LANGS.map((lang) => [lang, inLang(entry, lang)]));
    for (const lang of LANGS) assert.ok(texts[lang]!.trim(), `${code} has no ${lang} message`);
    assert.deepEqual(paramsOf(texts.en!), paramsOf(texts['zh-CN']!), `${code}: the English message names other parameters`);
    assert.deepEqual(paramsOf(texts['zh-TW']!), paramsOf(texts['zh-CN']!), `${code}: the zh-TW message names other parameters`);
    assert.doesNotMatch(texts.en!.replace(/\{\w+\}/g, ''), HAN, `${code}: the English message has Chinese characters`);
  }
});

test('the language is the one the client asks for, zh-CN when it names none the server speaks', () => {
  assert.equal(langOf(undefined), 'zh-CN');
  assert.equal(langOf('en-US,en;q=0.9'), 'en');
  assert.equal(langOf('zh-TW'), 'zh-TW');
  assert.equal(langOf('zh-Hant-HK'), 'zh-TW');
  assert.equal(langOf('fr-FR, zh-CN;q=0.8'), 'zh-CN');
  assert.equal(langOf('fr-FR'), 'zh-CN');
});

test('a refusal keeps its code in every language; its message and field messages follow Accept-Language', async () => {
  const create = (lang?: string) =>
    t.request('POST', '/api/users', {
      cookie: admin,
      headers: lang ? { 'accept-language': lang } : {},
      body: { username: 'admin', displayName: '', password: 'short', orgId: 1, grants: [] },
    });
  const zh = await create();
  const en = await create('en');
  const tw = await create('zh-TW');
  for (const res of [zh, en, tw]) {
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.error.code, 'request.invalid');
    assert.deepEqual(res.body.error.fieldCodes, { displayName: 'field.empty', password: 'user.password_short' });
  }
  assert.equal(zh.body.error.fields.displayName, '姓名不能为空', 'zh-CN names the field by its label');
  assert.equal(zh.body.error.fields.password, '初始密码至少 10 位');
  assert.equal(tw.body.error.fields.password, '初始密碼至少 10 位');
  assert.equal(en.body.error.fields.password, 'password must be at least 10 characters');
  for (const text of [en.body.error.message, ...Object.values(en.body.error.fields as Record<string, string>)]) assert.doesNotMatch(text, HAN, text);
});

test('zod’s own messages and the database’s refusals are put into English too', async () => {
  const wrongType = await t.request('POST', '/api/users', {
    cookie: admin,
    headers: { 'accept-language': 'en' },
    body: { username: 42, displayName: 'X', password: 'a long one 2026', orgId: 1, grants: [] },
  });
  assert.equal(wrongType.body.error.fieldCodes.username, 'request.field');
  assert.match(wrongType.body.error.fields.username, /^username: Invalid input: expected string, received number$/);
  const taken = await t.request('POST', '/api/users', {
    cookie: admin,
    headers: { 'accept-language': 'en' },
    body: { username: 'admin', displayName: 'X', password: 'a long one 2026', orgId: 1, grants: [] },
  });
  assert.equal(taken.status, 409, taken.text);
  assert.equal(taken.body.error.code, 'user.username_taken');
  assert.deepEqual(taken.body.error.fields, { username: 'This user name is taken' });
});

test('zh-TW is Taiwan’s wording, not a character-by-character mapping: phrases, then the platform’s reviewed words', () => {
  const tw = (zh: string) => inLang({ zh, en: '' }, 'zh-TW');
  assert.equal(tw('导出台账'), '匯出臺帳');
  assert.equal(tw('数据'), '資料');
  assert.equal(tw('打印'), '列印');
  assert.equal(tw('用户'), '使用者');
  assert.equal(tw('今日志愿服务'), '今日志願服務', 'a wish to serve, not a diary');
  assert.equal(tw('登录账号'), '登入帳號');
  assert.equal(tw('社区未建网格党支部'), '社區未建網格黨支部', 'a neighbourhood, not an online community');
  assert.equal(tw('议事程序'), '議事程序');
  assert.equal(tw('{label}不能为空'), '{label}不能為空', 'parameters untouched');
});
