import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { DEMO_PASSWORD } from '../demo/meihekou.ts';
import { APP_HEADERS } from '../../../test/support/app.ts';
import { testCipher, testDatabase, type TestDatabase } from '../../../test/support/db.ts';

let database: TestDatabase;
let app: FastifyInstance;
const lines: Record<string, any>[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
let raw = '';

before(async () => {
  database = await testDatabase({ demo: true });
  app = await buildApp(
    { db: database.db, cipher: testCipher },
    {
      webDir: null,
      logLevel: 'info',
      logStream: { write: (line) => { raw += line; lines.push(JSON.parse(line)); } },
      extraRoutes: (a) => a.get('/api/test/fault', async () => { throw new Error('the disk is on fire'); }),
    },
  );
  await app.ready();
});
after(async () => {
  await app.close();
  await database.close();
});

test('an unexpected error answers 500 with a request id, and the log has that id, the route and the stack', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/test/fault' });
  assert.equal(res.statusCode, 500);
  const { error } = res.json();
  assert.match(error.requestId, /^[0-9a-f]{16}$/);
  assert.equal(res.headers['x-request-id'], error.requestId);
  assert.equal(error.message, `服务器内部错误，请联系管理员并提供编号 ${error.requestId}`);
  assert.ok(!res.body.includes('disk is on fire'), 'the fault stays on the server');
  const logged = lines.find((l) => l.requestId === error.requestId && l.level === 50);
  assert.ok(logged, 'the error is logged');
  assert.equal(logged.route, '/api/test/fault');
  assert.equal(logged.err.message, 'the disk is on fire');
  assert.match(logged.err.stack, /log\.test\.ts/);
});

test('each request is one line: method, route, status, time and user — no body, password, cookie, query or phone', async () => {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', headers: APP_HEADERS, payload: { username: 'guangming', password: DEMO_PASSWORD } });
  assert.equal(login.statusCode, 200);
  const token = login.cookies.find((c) => c.name === 'gj_session')!.value;
  const userId = login.json().user.id;
  const search = await app.inject({ method: 'GET', url: `/api/people?q=${encodeURIComponent('13812345678')}`, headers: { cookie: `gj_session=${token}` } });
  assert.equal(search.statusCode, 200);

  const line = lines.find((l) => l.requestId === search.headers['x-request-id'] && l.msg === 'request');
  assert.ok(line, raw);
  assert.deepEqual(
    { method: line.method, route: line.route, status: line.status, userId: line.userId, ms: typeof line.ms },
    { method: 'GET', route: '/api/people', status: 200, userId, ms: 'number' },
  );
  assert.ok(lines.some((l) => l.requestId === login.headers['x-request-id'] && l.route === '/api/auth/login' && l.status === 200));
  assert.ok(lines.some((l) => l.event === 'sign_in' && l.userId === userId), 'the sign-in names the account');
  for (const secret of [DEMO_PASSWORD, token, '13812345678', 'guangming']) assert.ok(!raw.includes(secret), `the log holds ${secret}`);
});
