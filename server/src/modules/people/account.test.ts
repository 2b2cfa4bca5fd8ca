import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

// Accounts tied to people (issue 20): an administrator of the person's
// organization opens an account from the file or ties an existing one; the
// account then acts as that person. Never a second file, never an account
// from elsewhere, never two files to one account.

let t: TestApp;
let admin: string;
let secretary: string;
const sql = async <T>(text: string, params: unknown[] = []) => t.kernel.db.system((q) => q.query<T>(text, params));
const post = (cookie: string, url: string, body: unknown = {}) => t.request('POST', url, { cookie, body });
const code = (r: { body: { error?: { code: string } } }) => r.body.error?.code;

/** Files at 光明 with no account yet: members, then residents. */
async function unlinked(member: boolean, n: number): Promise<{ id: number; name: string }[]> {
  return sql(
    `SELECT p.id::int, p.name FROM people p JOIN organizations o ON o.id = p.org_id JOIN organizations c ON o.path <@ c.path
      WHERE c.name = '光明社区党委' AND p.user_id IS NULL AND p.is_member = $1 AND p.left_region_on IS NULL ORDER BY p.id LIMIT $2`,
    [member, n],
  );
}

before(async () => {
  t = await testApp({ demo: true });
  admin = await t.login('admin');
  secretary = await t.login('guangming');
});
after(() => t.close());

test('a secretary opens an account from a member’s file: it signs in as that member, with the member’s role there, and acts as them', async () => {
  const [person] = await unlinked(true, 1);
  const before = await t.request('GET', `/api/people/${person!.id}`, { cookie: secretary });
  assert.equal(before.body.account, null);
  assert.ok(before.body.actions.includes('account'));
  const opened = await post(secretary, `/api/people/${person!.id}/account`, { username: 'gm.member1', password: 'Member2026!' });
  assert.equal(opened.status, 200, opened.text);
  assert.equal(opened.body.account.username, 'gm.member1');
  const cookie = await t.login('gm.member1', 'Member2026!');
  const me = (await t.request('GET', '/api/auth/me', { cookie })).body;
  assert.deepEqual(me.grants.map((g: { role: string; orgId: number }) => [g.role, g.orgId]), [['member', before.body.orgId]]);
  assert.equal(me.displayName, person!.name);
  // The symptom of the review: an account with no file could not act as a member (您的账号没有关联人员档案).
  const feed = await post(cookie, `/api/users/${me.id}/calendar-feed`);
  assert.equal(feed.status, 200, feed.text);
  assert.equal((await t.request('GET', `/api/people/${person!.id}`, { cookie })).status, 200, 'the member reads their own file');

  assert.equal(code(await post(secretary, `/api/people/${person!.id}/account`, { username: 'gm.member1b', password: 'Member2026!' })), 'person.has_account');
  const [resident] = await unlinked(false, 1);
  const r = await post(secretary, `/api/people/${resident!.id}/account`, { username: 'gm.resident1', password: 'Resident2026!' });
  assert.equal(r.status, 200, r.text);
  const residentMe = (await t.request('GET', '/api/auth/me', { cookie: await t.login('gm.resident1', 'Resident2026!') })).body;
  assert.deepEqual(residentMe.grants.map((g: { role: string }) => g.role), ['resident'], 'a resident’s file opens a resident’s account');
});

test('refused: a bad user name or password naming the field, a name taken, a grid worker, another community’s secretary, one’s own file', async () => {
  const [person] = await unlinked(true, 1);
  const bad = await post(secretary, `/api/people/${person!.id}/account`, { username: 'x', password: '123' });
  assert.equal(bad.status, 400);
  assert.deepEqual(Object.keys(bad.body.error.fields).sort(), ['password', 'username']);
  assert.equal(code(await post(secretary, `/api/people/${person!.id}/account`, { username: 'guangming', password: 'Member2026!' })), 'user.username_taken');
  assert.equal(code(await post(await t.login('wangge'), `/api/people/${person!.id}/account`, { username: 'gm.grid1', password: 'Member2026!' })), 'person.account_admin');
  assert.equal((await post(await t.login('xiangyang'), `/api/people/${person!.id}/account`, { username: 'gm.other1', password: 'Member2026!' })).status, 404);
  const own = (await sql<{ id: number }>(`SELECT p.id::int FROM people p JOIN users u ON u.id = p.user_id WHERE u.username = 'guangming'`))[0];
  if (own) assert.equal(code(await post(secretary, `/api/people/${own.id}/account/link`, { userId: 1 })), 'person.account_admin', 'not to one’s own file');
  assert.equal((await t.request('GET', `/api/people/${person!.id}`, { cookie: secretary })).body.account, null, 'nothing was opened');
  assert.equal((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE username LIKE 'gm.grid1' OR username LIKE 'gm.other1'`))[0]!.n, 0);
});

test('an existing account is tied to a file where it holds a role; never one from elsewhere, never to two files; untied, it stays', async () => {
  const [first, second] = await unlinked(true, 2);
  const guangming = (await sql<{ id: number }>(`SELECT id::int FROM organizations WHERE name = '光明社区党委'`))[0]!.id;
  const xiangyang = (await sql<{ id: number }>(`SELECT id::int FROM organizations WHERE name = '向阳社区党委'`))[0]!.id;
  const make = async (username: string, orgId: number) => {
    const r = await post(admin, '/api/users', { username, displayName: username, password: 'Account2026!', orgId, grants: [{ role: 'member', orgId }] });
    assert.equal(r.status, 200, r.text);
    return r.body.id as number;
  };
  const here = await make('gm.link1', guangming);
  const there = await make('xy.link1', xiangyang);

  assert.equal(code(await post(admin, `/api/people/${first!.id}/account/link`, { userId: there })), 'person.account_elsewhere');
  const tied = await post(secretary, `/api/people/${first!.id}/account/link`, { userId: here });
  assert.equal(tied.status, 200, tied.text);
  assert.equal(tied.body.account.username, 'gm.link1');
  const again = await post(secretary, `/api/people/${second!.id}/account/link`, { userId: here });
  assert.equal(again.status, 409);
  assert.equal(code(again), 'person.account_taken');
  assert.deepEqual(Object.keys(again.body.error.fieldCodes ?? {}), ['userId']);

  const untied = await t.request('DELETE', `/api/people/${first!.id}/account`, { cookie: secretary });
  assert.equal(untied.status, 200, untied.text);
  assert.equal(untied.body.account, null);
  assert.equal((await t.request('GET', `/api/users/${here}`, { cookie: admin })).status, 200, 'the account stays');
  assert.equal(code(await t.request('DELETE', `/api/people/${first!.id}/account`, { cookie: secretary })), 'person.no_account');
  const audited = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'people' AND entity_id = $1 AND action = 'update' AND actor_name IS NOT NULL`, [first!.id]);
  assert.ok(audited[0]!.n >= 2, 'the tie and the untie are in the audit log');
});

test('账号激活: a member on file activates their own account with the identity number, the phone on file and the community’s code; every mismatch is answered alike; tries are limited', async () => {
  const { checkCharacter } = await import('../../kernel/idnumber.ts');
  const grid = (await sql<{ id: number }>(`SELECT id::int FROM organizations WHERE name = '光明社区第一网格党支部'`))[0]!.id;
  const idOf = (body: string) => body + checkCharacter(body);
  const file = async (name: string, idNumber: string | null, phone: string | null) => {
    const r = await post(secretary, '/api/people', { orgId: grid, name, isMember: true, ...(idNumber ? { idNumber } : {}), ...(phone ? { phone } : {}) });
    assert.equal(r.status, 200, r.text);
    return r.body.id as number;
  };
  const activate = (body: Record<string, string>) => t.request('POST', '/api/account-activations', { body });
  const clearTries = () => sql(`DELETE FROM account_activation_tries`);

  const noPhone = await file('激活无手机', idOf('22050219800101003'), null);
  assert.equal(code(await post(secretary, `/api/people/${noPhone}/activation-code`)), 'person.activation_needs');

  const person = await file('激活党员', idOf('22050219850615123'), '13911112222');
  const first = await post(secretary, `/api/people/${person}/activation-code`);
  assert.equal(first.status, 200, first.text);
  assert.match(first.body.code, /^\d{8}$/);
  const second = (await post(secretary, `/api/people/${person}/activation-code`)).body.code as string;
  const audit = await sql<{ after: string }>(`SELECT after::text FROM audit_log WHERE entity = 'people' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [person]);
  assert.doesNotMatch(audit[0]!.after, new RegExp(second), 'the code is never stored or logged as typed');
  assert.equal(code(await post(await t.login('wangge'), `/api/people/${person}/activation-code`)), 'person.account_admin');

  await clearTries();
  const right = { idNumber: idOf('22050219850615123'), phone: '13911112222', code: second, password: 'Jihuo2026!' };
  for (const wrong of [{ ...right, code: first.body.code }, { ...right, phone: '13911113333' }, { ...right, idNumber: idOf('22050219850615131') }]) {
    if (wrong.code === right.code && wrong.phone === right.phone && wrong.idNumber === right.idNumber) continue;
    const r = await activate(wrong);
    assert.equal(r.status, 400, r.text);
    assert.equal(code(r), 'person.activation_refused', 'an old code, another phone or an unknown identity number: the same answer');
  }
  const done = await activate(right);
  assert.equal(done.status, 200, done.text);
  assert.equal(done.body.username, '13911112222');
  const cookie = await t.login('13911112222', 'Jihuo2026!');
  const me = (await t.request('GET', '/api/auth/me', { cookie })).body;
  assert.deepEqual(me.grants.map((g: { role: string; orgId: number }) => [g.role, g.orgId]), [['member', grid]]);
  assert.equal((await t.request('GET', `/api/people/${person}`, { cookie: secretary })).body.account.username, '13911112222');
  assert.equal(code(await activate(right)), 'person.activation_refused', 'a code works once');
  assert.equal((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM people WHERE name = '激活党员'`))[0]!.n, 1, 'never a second file');

  // Five wrong codes void the code; then tries from one client are limited.
  const other = await file('激活五次', idOf('22050219900101002'), '13922223333');
  const issued = (await post(secretary, `/api/people/${other}/activation-code`)).body.code as string;
  await clearTries();
  const wrongCode = issued === '00000000' ? '00000001' : '00000000';
  const base = { idNumber: idOf('22050219900101002'), phone: '13922223333', password: 'Jihuo2026!' };
  for (let i = 0; i < 5; i++) assert.equal(code(await activate({ ...base, code: wrongCode })), 'person.activation_refused');
  assert.equal(code(await activate({ ...base, code: issued })), 'person.activation_refused', 'exhausted after five wrong tries');
  await clearTries();
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) statuses.push((await activate({ ...base, code: wrongCode })).status);
  assert.deepEqual(statuses, [...Array(10).fill(400), 429]);
});
