import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP_HEADERS, testApp, type RouteInfo, type TestApp } from '../support/app.ts';

// Bad input to every endpoint, found from the app's own OpenAPI document:
// a 4xx, never a 500, with a Chinese message that names the field.

let t: TestApp;
let cookie: string;
before(async () => {
  t = await testApp({ demo: true });
  cookie = await t.login('admin');
});
after(() => t.close());

const CHINESE = /[\u4e00-\u9fff]/;
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
}

/** A value of the wrong type for a schema. */
function wrong(s: JsonSchema): unknown {
  const type = s.type ?? s.anyOf?.find((x) => x.type !== 'null')?.type;
  const t0 = Array.isArray(type) ? type.find((x) => x !== 'null') : type;
  return t0 === 'string' ? { nested: true } : 'not-a-number-or-bool';
}

function bodySchema(r: RouteInfo): JsonSchema | undefined {
  const rb = r.op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined;
  return rb?.content?.['application/json']?.schema;
}

const withIds = (url: string, value: string) => url.replace(/:(\w+)/g, value);

// Strings the schemas' patterns accept, so that a sample body passes validation
// up to the character under test (and, before the guard, reached the database).
const BY_PATTERN: [RegExp, string][] = [
  [/^\^1\\d\{10\}/, '13812345678'],
  [/\[01\]\\d\|2\[0-3\]\):\[0-5\]\\d\$$/, '09:30'],
  [/T\(\[01\]/, '2026-05-01T09:30'],
  [/a-z0-9\]\[a-z0-9\._-\]/, 'sample.user'],
  [/xlsx\|csv/, 'ledger.csv'],
  [/data:image/, 'data:image/png;base64,iVBORw0KGgo='],
  [/A-Za-z0-9\+\/\]\{4\}/, 'eA=='],
];
const BY_FORMAT: Record<string, string> = { date: '2026-05-01', 'date-time': '2026-05-01T09:30:00+08:00', byte: 'eA==' };

/** A value the schema accepts (as far as a JSON schema says), every optional field included. */
function sample(s: JsonSchema): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined && s.type !== 'string') return s.default;
  const alt = s.anyOf ?? s.oneOf ?? s.allOf;
  if (alt) return sample(alt.find((x) => x.type !== 'null') ?? alt[0]!);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const o = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v)]));
      return typeof s.additionalProperties === 'object' ? { ...o, key: sample(s.additionalProperties) } : o;
    }
    case 'array':
      if (s.prefixItems) return s.prefixItems.map(sample);
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => (s.items ? sample(s.items) : null));
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'string':
      return (s.format && BY_FORMAT[s.format]) ?? BY_PATTERN.find(([re]) => s.pattern && re.test(s.pattern))?.[1] ?? '样例';
    default:
      return null;
  }
}

// NUL, which PostgreSQL refuses in text, and other C0 controls nobody types.
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u000e', '\u001b', '\u001f'];
const control = (i: number) => CONTROLS[i % CONTROLS.length]!;

/** The value with a control character put into each of its strings; returns the paths it put them at. */
function poison(value: unknown, path: (string | number)[] = [], into: string[] = []): unknown {
  if (typeof value === 'string') {
    into.push(path.join('.'));
    return `${value}${control(into.length)}`;
  }
  if (Array.isArray(value)) return value.map((v, i) => poison(v, [...path, i], into));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, [...path, k], into)]));
  return value;
}

/** A refusal of a control character, naming the field by its Chinese label. */
function assertNamed(res: { status: number; body: any; text: string }, keys: string[], what: string) { // eslint-disable-line @typescript-eslint/no-explicit-any
  assert.notEqual(res.status, 500, `${what}: ${res.text}`);
  assert.equal(res.status, 400, `${what}: ${res.text}`);
  for (const k of keys) {
    const [label, rest] = String(res.body.error.fields?.[k]).split('含有不可见的控制字符');
    assert.ok(rest === '' && CHINESE.test(label!), `${what} names ${k} in Chinese: ${res.text}`);
  }
}

test('a malformed id in the path is refused naming the parameter', async () => {
  let checked = 0;
  for (const r of t.routes.filter((x) => x.url.includes(':'))) {
    const res = await t.request(r.method, withIds(r.url, 'abc_'), { cookie, body: bodySchema(r) ? {} : undefined });
    assert.equal(res.status, 400, `${r.method} ${r.url}: ${res.text}`);
    const params = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    for (const p of params) assert.match(res.body.error.fields[p], CHINESE, `${r.method} ${r.url} names :${p}`);
    checked++;
  }
  assert.ok(checked >= 8);
});

test('every field of every request body, given the wrong type, is named in Chinese', async () => {
  let checked = 0;
  for (const r of t.routes) {
    const schema = bodySchema(r);
    if (!schema?.properties) continue;
    const body = Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, wrong(s)]));
    const res = await t.request(r.method, withIds(r.url, '1'), { cookie, body });
    assert.equal(res.status, 400, `${r.method} ${r.url}: ${res.text}`);
    assert.match(res.body.error.message, CHINESE);
    for (const k of Object.keys(schema.properties)) {
      assert.match(res.body.error.fields?.[k] ?? '', CHINESE, `${r.method} ${r.url} names ${k}: ${res.text}`);
    }
    checked++;
  }
  assert.ok(checked >= 8, `only ${checked} bodies`);
});

test('malformed JSON, a wrong content type and a bad page number get Chinese 4xx answers', async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/orgs', headers: { ...APP_HEADERS, cookie, 'content-type': 'application/json' }, payload: '{"name":' });
  assert.equal(res.statusCode, 400);
  assert.match(res.json().error.message, CHINESE);
  const form = await t.app.inject({ method: 'POST', url: '/api/orgs', headers: { ...APP_HEADERS, cookie, 'content-type': 'text/plain' }, payload: 'x' });
  assert.equal(form.statusCode, 415);
  assert.match(form.json().error.message, CHINESE);
  for (const r of t.routes.filter((x) => x.method === 'GET' && (x.op.parameters ?? []).some((p) => p.name === 'page'))) {
    const page = await t.request('GET', `${withIds(r.url, '1')}?page=0&pageSize=1000`, { cookie });
    assert.equal(page.status, 400, r.url);
    assert.match(page.body.error.fields.page, /页码/);
    assert.match(page.body.error.fields.pageSize, /每页条数/);
    // An offset past the integers a number holds exactly reached the database as "1.8e+18".
    const far = await t.request('GET', `${withIds(r.url, '1')}?page=${Number.MAX_SAFE_INTEGER}&pageSize=200`, { cookie });
    assert.equal(far.status, 400, `${r.url}: ${far.text}`);
    assert.match(far.body.error.fields.page, /页码/);
  }
  const missing = await t.request('GET', '/api/nothing-here', { cookie });
  assert.equal(missing.status, 404);
  assert.match(missing.body.error.message, CHINESE);
});

test('a control character in any string of any request body is refused naming the field, never a 500', async () => {
  let checked = 0;
  for (const r of t.routes) {
    const schema = bodySchema(r);
    if (!schema) continue;
    const keys: string[] = [];
    const body = poison(sample(schema), [], keys);
    if (!keys.length) continue;
    assertNamed(await t.request(r.method, withIds(r.url, '1'), { cookie, body }), keys, `${r.method} ${r.url}`);
    checked++;
  }
  assert.ok(checked >= 40, `only ${checked} bodies`);
});

test('a control character in any query parameter or path parameter is refused naming it', async () => {
  let query = 0;
  let path = 0;
  for (const r of t.routes) {
    const names = (r.op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    if (names.length) {
      const qs = names.map((n, i) => `${n}=${encodeURIComponent(`1${control(i)}`)}`).join('&');
      assertNamed(await t.request(r.method, `${withIds(r.url, '1')}?${qs}`, { cookie, body: bodySchema(r) ? {} : undefined }), names, `${r.method} ${r.url}?${qs}`);
      query++;
    }
    const params = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    if (params.length) {
      let i = 0;
      const url = r.url.replace(/:(\w+)/g, () => encodeURIComponent(`1${control(i++)}`));
      assertNamed(await t.request(r.method, url, { cookie, body: bodySchema(r) ? {} : undefined }), params, `${r.method} ${url}`);
      path++;
    }
  }
  assert.ok(query >= 20 && path >= 40, `only ${query} queries and ${path} paths`);
});

test('sign-in, resident sign-up and searches refuse a NUL with a 400, and tab, newline and return still pass', async () => {
  const login = await t.request('POST', '/api/auth/login', { body: { username: 'admin\u0000', password: 'x' } });
  assertNamed(login, ['username'], 'sign-in');
  assert.match(login.body.error.fields.username, /^用户名/);
  const register = sample(bodySchema(t.routes.find((r) => r.url === '/api/residents/register')!)!) as Record<string, unknown>;
  assertNamed(await t.request('POST', '/api/residents/register', { body: { ...register, name: '张\u0000三' } }), ['name'], 'resident sign-up');
  for (const url of ['/api/orgs', '/api/people']) {
    assertNamed(await t.request('GET', `${url}?q=%00`, { cookie }), ['q'], url);
    const spaced = await t.request('GET', `${url}?q=${encodeURIComponent('梅\t河\r\n口')}`, { cookie });
    assert.equal(spaced.status, 200, spaced.text);
  }
});

test('a reversed or absurd date range is refused naming its fields', async () => {
  let checked = 0;
  for (const r of t.routes.filter((x) => x.method === 'GET')) {
    const names = new Set((r.op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
    if (!names.has('from') || !names.has('to')) continue;
    const url = withIds(r.url, '1');
    const reversed = await t.request('GET', `${url}?from=2027-01-01&to=2026-01-01`, { cookie });
    assert.equal(reversed.status, 400, `${url}: ${reversed.text}`);
    assert.match(reversed.body.error.fields.from, /^起始日期.*截止日期/, reversed.text);
    assert.match(reversed.body.error.fields.to, /^截止日期.*起始日期/, reversed.text);
    for (const [name, value] of [['to', '1000-01-01'], ['from', '2101-01-01']]) {
      const absurd = await t.request('GET', `${url}?${name}=${value}`, { cookie });
      assert.equal(absurd.status, 400, `${url}?${name}=${value}: ${absurd.text}`);
      assert.match(absurd.body.error.fields[name!], /2000 年至 2100 年/, absurd.text);
    }
    const oneDay = await t.request('GET', `${url}?from=2026-05-01&to=2026-05-01`, { cookie });
    assert.notEqual(oneDay.status, 400, `${url}: a one-day range is a range: ${oneDay.text}`);
    checked++;
  }
  assert.ok(checked >= 3, `only ${checked} routes with a date range`);
});
