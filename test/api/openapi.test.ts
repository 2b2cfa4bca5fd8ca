import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../support/app.ts';

let t: TestApp;
before(async () => {
  t = await testApp({ demo: false });
});
after(() => t.close());

test('OpenAPI 3.1 is generated from the validating schemas and lists every route', async () => {
  const res = await t.request('GET', '/api/openapi.json');
  assert.equal(res.status, 200);
  assert.equal(res.body.openapi, '3.1.0');
  const ops = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([p, o]) => Object.keys(o).map((m) => `${m} ${p}`));
  for (const must of ['post /api/auth/login', 'get /api/orgs/{orgId}/children', 'post /api/users/{userId}/grants', 'get /api/audit', 'get /api/health']) {
    assert.ok(ops.includes(must), must);
  }
  const create = res.body.paths['/api/orgs'].post.requestBody.content['application/json'].schema;
  assert.deepEqual(create.required.sort(), ['kind', 'name', 'parentId']);
  assert.equal(create.properties.name.description, '组织名称');
  const docs = await t.request('GET', '/api/docs/');
  assert.equal(docs.status, 200);
  assert.match(docs.text, /swagger/i);
});

test('health reports the database kind and migration version', async () => {
  const res = await t.request('GET', '/api/health');
  assert.equal(res.body.status, 'ok');
  assert.equal(res.body.database, process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite');
  assert.ok(res.body.schemaVersion >= 5);
});

type Op = { operationId?: string; security?: unknown[]; parameters?: { in: string }[]; requestBody?: unknown; responses: Record<string, { $ref?: string; content?: Record<string, { schema: { $ref?: string } }> }> };

test('every operation has a unique operationId, its security, and its error answers in one shared schema', async () => {
  const doc = (await t.request('GET', '/api/openapi.json')).body;
  const ops = Object.entries(doc.paths as Record<string, Record<string, Op>>).flatMap(([p, o]) => Object.entries(o).map(([m, op]) => ({ name: `${m} ${p}`, m, op })));
  const ids = ops.map((x) => x.op.operationId);
  assert.ok(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]+$/.test(id)), 'every operation has an operationId');
  assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
  assert.equal(doc.paths['/api/orgs/{orgId}/children'].get.operationId, 'getOrgsByOrgIdChildren');

  const error = doc.components.schemas.Error;
  assert.deepEqual(error.required, ['error']);
  assert.deepEqual(error.properties.error.required.sort(), ['code', 'message']);
  assert.equal(error.properties.error.properties.requestId.type, 'string', 'a 500 may carry the request id a user quotes');
  // Answers shared by every operation are named responses (Error404); an operation's own are written out.
  const resolve = (r: Op['responses'][string] | undefined) => (r?.$ref ? doc.components.responses[r.$ref.replace('#/components/responses/', '')] : r);
  const isError = (r: Op['responses'][string] | undefined) => resolve(r)?.content?.['application/json']?.schema.$ref === '#/components/schemas/Error';
  for (const { name, m, op } of ops) {
    assert.ok(Array.isArray(op.security), `${name} states its security`);
    const secured = op.security!.length > 0;
    if (secured) assert.deepEqual(op.security, [{ session: [] }], name);
    const statuses = ['500', ...(secured ? ['401', '403'] : []), ...(op.parameters?.length || op.requestBody ? ['400'] : [])];
    if (op.parameters?.some((p) => p.in === 'path')) statuses.push('404');
    if (secured && m !== 'get') statuses.push('409');
    for (const s of statuses) assert.ok(isError(op.responses[s]), `${name} documents ${s}`);
  }
  assert.ok(doc.components.securitySchemes.session.in === 'cookie');
  for (const open of ['post /api/auth/login', 'post /api/residents/register', 'get /api/health']) {
    assert.deepEqual(ops.find((x) => x.name === open)!.op.security, [], `${open} is public`);
  }
  const login = doc.paths['/api/auth/login'].post.responses;
  for (const s of ['401', '403', '429']) assert.ok(isError(login[s]), `sign-in documents ${s}`);
});

test('no schema uses the array form of items, which OpenAPI 3.1 refuses (tuples are prefixItems)', async () => {
  const doc = (await t.request('GET', '/api/openapi.json')).body;
  const found: string[] = [];
  let tuples = 0;
  const walk = (v: unknown, at: string) => {
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.items)) found.push(at);
    if (Array.isArray(o.prefixItems)) tuples++;
    for (const [k, x] of Object.entries(o)) walk(x, `${at}/${k}`);
  };
  walk(doc, '#');
  assert.deepEqual(found, []);
  assert.ok(tuples >= 4, 'the grids\' boundary points are tuples');
});
