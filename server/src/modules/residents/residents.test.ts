import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { APP_HEADERS, testApp, type TestApp } from '../../../../test/support/app.ts';
import { buildApp } from '../../app.ts';
import { loadMigrations } from '../../kernel/migrate.ts';
import { ACCEPTED, SIGNUPS_PER_HOUR, SIGNUPS_PER_PHONE_DAY } from './service.ts';

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
  assert.equal(res.status, 202, JSON.stringify(res.body));
  const cookie = await t.login('13812345678', 'Zhaomin2026');
  const me = await t.request('GET', '/api/auth/me', { cookie });
  assert.deepEqual(me.body.grants.map((g: { role: string; orgName: string }) => [g.role, g.orgName]), [['resident', '光明社区党委']]);
  const people = await t.request('GET', '/api/people', { cookie });
  assert.deepEqual(people.body.items.map((p: { name: string; isMember: boolean; phoneMasked: string }) => [p.name, p.isMember, p.phoneMasked]), [['居民赵敏', false, '138****5678']]);
  const secretary = await t.login('guangming');
  const found = await t.request('GET', `/api/people?q=${encodeURIComponent('居民赵敏')}`, { cookie: secretary });
  assert.equal(found.body.total, 1, 'the community sees its new resident');

});

test('a known phone gets the same answer as a new one, and nothing is done to its account', async () => {
  const fresh = await register({ name: '居民孙', phone: '13811112222', password: 'Sunsun20261', communityId: guangmingId }, '198.51.100.21');
  const known = await register({ name: '冒名者', phone: '13812345678', password: 'Takeover2026', communityId: guangmingId }, '198.51.100.22');
  assert.equal(known.status, fresh.status);
  assert.equal(fresh.status, 202);
  assert.deepEqual(known.body, { ...fresh.body, username: '13812345678' }, 'the answer echoes the phone and says nothing else');
  assert.equal(known.body.message, ACCEPTED);
  await t.login('13812345678', 'Zhaomin2026');
  await assert.rejects(t.login('13812345678', 'Takeover2026'));
  const secretary = await t.login('guangming');
  const found = await t.request('GET', `/api/people?q=${encodeURIComponent('冒名者')}`, { cookie: secretary });
  assert.equal(found.body.total, 0, 'no second person for a known phone');
});

test('probing phones is limited per address, known or not; rotating X-Forwarded-For is not a new address', async () => {
  const from = '198.51.100.30';
  const probe = (phone: string, i: number) =>
    t.app
      .inject({
        method: 'POST', url: '/api/residents/register', remoteAddress: from, headers: { ...APP_HEADERS, 'x-forwarded-for': `10.9.${i}.${i}` },
        payload: { name: '探测', phone, password: 'Probing20261', communityId: guangmingId },
      })
      .then((r) => ({ status: r.statusCode, body: r.json() }));
  const known = ['13822220001', '13822220003'];
  for (const phone of known) await register({ name: '已注册居民', phone, password: 'Known20261x', communityId: guangmingId }, '198.51.100.31');
  for (let i = 0; i < SIGNUPS_PER_HOUR; i++) assert.equal((await probe(known[i] ?? `1350000000${i}`, i)).status, 202);
  const held = await probe('13500000099', 99);
  assert.equal(held.status, 400);
  assert.equal(held.body.error.fieldCodes.phone, 'resident.too_many_signups');
});

test('one phone is tried a few times a day, from any number of addresses', async () => {
  const phone = '13733334444';
  for (let i = 0; i < SIGNUPS_PER_PHONE_DAY; i++) {
    assert.equal((await register({ name: '居民周', phone, password: `Zhou2026-${i}x`, communityId: guangmingId }, `198.51.101.${i}`)).status, 202);
  }
  const held = await register({ name: '居民周', phone, password: 'Zhou2026-late', communityId: guangmingId }, '198.51.101.200');
  assert.equal(held.body.error.fieldCodes.phone, 'resident.too_many_signups');
});

test('behind a trusted proxy the forwarded address counts; from anywhere else it is ignored', async () => {
  const proxied = await buildApp(t.kernel, { webDir: null, trustProxy: ['10.0.0.1'] });
  try {
    const send = (remoteAddress: string, forwarded: string, phone: string) =>
      proxied
        .inject({
          method: 'POST', url: '/api/residents/register', remoteAddress, headers: { ...APP_HEADERS, 'x-forwarded-for': forwarded },
          payload: { name: '代理后居民', phone, password: 'Proxied20261', communityId: guangmingId },
        })
        .then((r) => r.statusCode);
    for (let i = 0; i < SIGNUPS_PER_HOUR; i++) assert.equal(await send('10.0.0.1', '203.0.113.50', `1360000000${i}`), 202);
    assert.equal(await send('10.0.0.1', '203.0.113.50', '13600000099'), 400, 'the real client is held off');
    assert.equal(await send('10.0.0.1', '203.0.113.51', '13600000098'), 202, 'another client behind the proxy is not');
    for (let i = 0; i < SIGNUPS_PER_HOUR; i++) assert.equal(await send('198.51.102.1', `203.0.114.${i}`, `1360000010${i}`), 202);
    assert.equal(await send('198.51.102.1', '203.0.114.99', '13600000199'), 400, 'an untrusted sender’s header is not believed');
  } finally {
    await proxied.close();
  }
});

test('bad input is refused with the field named; a client registering too often is held off', async () => {
  const bad = await register({ name: '', phone: '12345', password: 'short', communityId: guangmingId });
  assert.equal(bad.status, 400);
  assert.deepEqual(Object.keys(bad.body.error.fields).sort(), ['name', 'password', 'phone']);
  const ownPhone = await register({ name: '居民李', phone: '13755556666', password: '13755556666', communityId: guangmingId });
  assert.equal(ownPhone.body.error.fieldCodes.password, 'user.password_own_name');
  assert.equal(ownPhone.body.error.fields.password, '密码不能与用户名或手机号相同', 'the zh-CN message names the field');
  const grid = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('光明社区第一网格党支部')}`, { cookie: await t.login('guangming') })).body.items[0];
  const notCommunity = await register({ name: '居民钱', phone: '13700000000', password: 'Qianqian2026', communityId: grid.id });
  assert.equal(notCommunity.body.error.fieldCodes.communityId, 'resident.community_outside');

  const ip = '203.0.113.9';
  for (let i = 0; i < SIGNUPS_PER_HOUR; i++) {
    const ok = await register({ name: `居民${i}`, phone: `1390000100${i}`, password: 'Resident2026', communityId: guangmingId }, ip);
    assert.equal(ok.status, 202, JSON.stringify(ok.body));
  }
  const held = await register({ name: '居民多', phone: '13900001099', password: 'Resident2026', communityId: guangmingId }, ip);
  assert.equal(held.status, 400);
  assert.equal(held.body.error.fieldCodes.phone, 'resident.too_many_signups');
  const elsewhere = await register({ name: '居民多', phone: '13900001099', password: 'Resident2026', communityId: guangmingId }, '203.0.113.10');
  assert.equal(elsewhere.status, 202, 'another client is not held off');
});

test('sign-up’s database side is defined last by residents’ own migrations, where it is changed from now on', async () => {
  const migrations = await loadMigrations();
  for (const fn of ['gj_register_resident', 'gj_public_community_directory']) {
    const defining = migrations.filter((m) => new RegExp(`CREATE (OR REPLACE )?FUNCTION ${fn}\\(`).test(m.sql));
    assert.match(defining.at(-1)!.file, /^modules\/residents\/migrations\//, fn);
  }
});

