import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP_HEADERS, testApp, type TestApp } from '../../../../test/support/app.ts';
import { SIGNUPS_PER_HOUR } from './service.ts';

let t: TestApp;
let guangmingId: number;
before(async () => {
  t = await testApp({ demo: true });
  const list = await t.request('GET', '/api/residents/communities');
  assert.equal(list.status, 200, 'the directory needs no sign-in');
  guangmingId = list.body.items.find((c: { name: string }) => c.name === '光明社区党委').id;
});
after(() => t.close());

const register = (body: object, ip = '198.51.100.7') =>
  t.app.inject({ method: 'POST', url: '/api/residents/register', headers: APP_HEADERS, payload: body, remoteAddress: ip }).then((r) => ({ status: r.statusCode, body: r.json() }));

test('a resident registers with a phone, signs in, and sees only their own file, masked', async () => {
  const res = await register({ name: '居民赵敏', phone: '13812345678', password: 'Zhaomin2026', communityId: guangmingId });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const cookie = await t.login('13812345678', 'Zhaomin2026');
  const me = await t.request('GET', '/api/auth/me', { cookie });
  assert.deepEqual(me.body.grants.map((g: { role: string; orgName: string }) => [g.role, g.orgName]), [['resident', '光明社区党委']]);
  const people = await t.request('GET', '/api/people', { cookie });
  assert.deepEqual(people.body.items.map((p: { name: string; isMember: boolean; phoneMasked: string }) => [p.name, p.isMember, p.phoneMasked]), [['居民赵敏', false, '138****5678']]);
  const secretary = await t.login('guangming');
  const found = await t.request('GET', `/api/people?q=${encodeURIComponent('居民赵敏')}`, { cookie: secretary });
  assert.equal(found.body.total, 1, 'the community sees its new resident');

  const again = await register({ name: '另一人', phone: '13812345678', password: 'Another2026', communityId: guangmingId }, '198.51.100.8');
  assert.equal(again.status, 409);
  assert.equal(again.body.error.fields.phone, '该手机号已经注册，请直接登录');
});

test('bad input is refused with the field named; a client registering too often is held off', async () => {
  const bad = await register({ name: '', phone: '12345', password: 'short', communityId: guangmingId });
  assert.equal(bad.status, 400);
  assert.deepEqual(Object.keys(bad.body.error.fields).sort(), ['name', 'password', 'phone']);
  const grid = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('光明社区第一网格党支部')}`, { cookie: await t.login('guangming') })).body.items[0];
  const notCommunity = await register({ name: '居民钱', phone: '13700000000', password: 'Qianqian2026', communityId: grid.id });
  assert.equal(notCommunity.body.error.fields.communityId, '请选择本区域内的社区');

  const ip = '203.0.113.9';
  for (let i = 0; i < SIGNUPS_PER_HOUR; i++) {
    const ok = await register({ name: `居民${i}`, phone: `1390000100${i}`, password: 'Resident2026', communityId: guangmingId }, ip);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  }
  const held = await register({ name: '居民多', phone: '13900001099', password: 'Resident2026', communityId: guangmingId }, ip);
  assert.equal(held.status, 400);
  assert.equal(held.body.error.fields.phone, '注册过于频繁，请一小时后再试');
  const elsewhere = await register({ name: '居民多', phone: '13900001099', password: 'Resident2026', communityId: guangmingId }, '203.0.113.10');
  assert.equal(elsewhere.status, 200, 'another client is not held off');
});
