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
