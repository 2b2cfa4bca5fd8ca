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
  anyOf?: JsonSchema[];
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

test('a malformed id in the path is refused naming the parameter', async () => {
  let checked = 0;
  for (const r of t.routes.filter((x) => x.url.includes(':'))) {
    const res = await t.request(r.method, withIds(r.url, 'abc'), { cookie, body: bodySchema(r) ? {} : undefined });
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
  }
  const missing = await t.request('GET', '/api/nothing-here', { cookie });
  assert.equal(missing.status, 404);
  assert.match(missing.body.error.message, CHINESE);
});
