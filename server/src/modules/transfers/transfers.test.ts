import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
let guangming: string;
let xiangyang: string;
before(async () => {
  t = await testApp({ demo: true });
  guangming = await t.login('guangming');
  xiangyang = await t.login('xiangyang');
});
after(() => t.close());

async function aMember(cookie: string) {
  const res = await t.request('GET', '/api/people?pageSize=200', { cookie });
  return res.body.items.find((p: { isMember: boolean; name: string }) => p.isMember && p.name !== '周志强');
}
const dest = async (cookie: string, name: string) =>
  (await t.request('GET', `/api/transfers/destinations?q=${encodeURIComponent(name)}`, { cookie })).body.items.find((o: { name: string }) => o.name === name).id;

test('a transfer inside the region: request, approval, letter, receipt; the member stays until received', async () => {
  const member = await aMember(guangming);
  const to = await dest(guangming, '向阳社区党委');
  const req = await t.request('POST', '/api/transfers', { cookie: guangming, body: { personId: member.id, toOrgId: to, reason: '迁居向阳社区' } });
  assert.equal(req.status, 200, req.text);
  assert.deepEqual(req.body.actions, ['approve', 'return', 'withdraw']);
  assert.equal(req.body.toName, '向阳社区党委');

  const early = await t.request('POST', `/api/transfers/${req.body.id}/receive`, { cookie: xiangyang });
  assert.equal(early.status, 403, 'the receiving side cannot receive before approval');
  assert.equal((await t.request('GET', `/api/transfers/${req.body.id}/letter`, { cookie: guangming })).status, 400);

  const approved = await t.request('POST', `/api/transfers/${req.body.id}/approve`, { cookie: guangming });
  assert.equal(approved.body.status, 'approved');
  assert.match(approved.body.letterNo, /^JZ\d{10}$/);
  assert.deepEqual(approved.body.actions, [], 'the sending side waits');
  const letter = await t.app.inject({ method: 'GET', url: `/api/transfers/${req.body.id}/letter`, headers: { cookie: guangming } });
  assert.match(String(letter.headers['content-type']), /text\/html/);
  assert.match(String(letter.headers['content-disposition']), /^inline/);
  assert.match(letter.body, new RegExp(`${member.name}同志.*转至你处`));

  assert.equal((await t.request('GET', `/api/people/${member.id}`, { cookie: guangming })).body.orgId, member.orgId, 'still in the sending organization’s care');
  const inbox = await t.request('GET', '/api/transfers?status=approved', { cookie: xiangyang });
  const seen = inbox.body.items.find((x: { id: number }) => x.id === req.body.id);
  assert.deepEqual(seen.actions, ['return', 'receive']);
  assert.equal(seen.fromOrgName, member.orgName);
  assert.equal(seen.personName, member.name, 'the receiving side knows whom it receives, though it cannot read the file yet');
  const theirs = await t.app.inject({ method: 'GET', url: `/api/transfers/${req.body.id}/letter`, headers: { cookie: xiangyang } });
  assert.match(theirs.body, new RegExp(`${member.name}同志`), 'and so does the letter it is handed');

  const done = await t.request('POST', `/api/transfers/${req.body.id}/receive`, { cookie: xiangyang });
  assert.equal(done.body.status, 'done');
  assert.equal((await t.request('GET', `/api/people/${member.id}`, { cookie: xiangyang })).body.orgName, '向阳社区党委');
  assert.equal((await t.request('GET', `/api/people/${member.id}`, { cookie: guangming })).status, 404, 'now in the receiving side’s care');
});

test('returned for revision, resubmitted to outside the region, closed by the sending side', async () => {
  const member = await aMember(guangming);
  const req = await t.request('POST', '/api/transfers', { cookie: guangming, body: { personId: member.id, toOrgId: await dest(guangming, '胜利社区党委'), reason: '工作调动' } });
  const dup = await t.request('POST', '/api/transfers', { cookie: guangming, body: { personId: member.id, toOutside: '长春市某社区党委', reason: '重复' } });
  assert.equal(dup.status, 409);
  const returned = await t.request('POST', `/api/transfers/${req.body.id}/return`, { cookie: guangming, body: { note: '转入组织填错了' } });
  assert.equal(returned.status, 200, returned.text);
  assert.deepEqual([returned.body.status, returned.body.lastNote, returned.body.actions], ['returned', '转入组织填错了', ['withdraw', 'resubmit']]);
  const both = await t.request('POST', `/api/transfers/${req.body.id}/resubmit`, { cookie: guangming, body: { reason: '工作调动到长春' } });
  assert.equal(both.status, 400);
  assert.ok(both.body.error.fields.toOrgId);
  const again = await t.request('POST', `/api/transfers/${req.body.id}/resubmit`, { cookie: guangming, body: { toOutside: '中共长春市朝阳区某社区委员会', reason: '工作调动到长春' } });
  assert.deepEqual([again.body.status, again.body.outside, again.body.toName], ['requested', true, '中共长春市朝阳区某社区委员会']);
  await t.request('POST', `/api/transfers/${req.body.id}/approve`, { cookie: guangming });
  const listed = async () => (await t.request('GET', `/api/people?q=${encodeURIComponent(member.name)}&pageSize=200`, { cookie: guangming })).body.items;
  const count = async () => (await t.request('GET', `/api/orgs/${member.orgId}/summary`, { cookie: guangming })).body.memberCount;
  assert.ok((await listed()).some((p: { id: number }) => p.id === member.id), 'listed until the transfer is done');
  const members = await count();
  const closed = await t.request('POST', `/api/transfers/${req.body.id}/receive`, { cookie: guangming });
  assert.equal(closed.body.status, 'done');
  assert.ok(!(await listed()).some((p: { id: number }) => p.id === member.id), 'gone from the sending side’s list once out of the region');
  assert.equal(await count(), members - 1);
  assert.equal((await t.request('GET', `/api/people/${member.id}`, { cookie: guangming })).status, 200, 'the file itself is kept');
});

test('a member sees their own transfer and cannot act on it; a grid worker cannot approve', async () => {
  const [zhou] = await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT id FROM people WHERE user_id = (SELECT id FROM users WHERE username = 'dangyuan')`));
  const req = await t.request('POST', '/api/transfers', { cookie: guangming, body: { personId: zhou!.id, toOrgId: await dest(guangming, '民主社区党委'), reason: '搬家' } });
  assert.equal(req.status, 200, req.text);
  const member = await t.login('dangyuan');
  const mine = await t.request('GET', '/api/transfers', { cookie: member });
  assert.deepEqual(mine.body.items.map((x: { id: number; actions: string[] }) => [x.id, x.actions]), [[req.body.id, []]]);
  assert.equal((await t.request('POST', `/api/transfers/${req.body.id}/approve`, { cookie: member })).status, 403);
  const worker = await t.login('wangge');
  assert.equal((await t.request('POST', `/api/transfers/${req.body.id}/approve`, { cookie: worker })).status, 403);
  assert.equal((await t.request('POST', '/api/transfers', { cookie: member, body: { personId: zhou!.id, toOutside: 'x', reason: 'x' } })).status, 403);
});
