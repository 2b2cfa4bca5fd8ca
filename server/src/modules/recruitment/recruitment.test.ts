import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { resolveSession } from '../users/auth.ts';

let t: TestApp;
let secretary: string;
let branchId: number;
let sponsors: number[];
before(async () => {
  t = await testApp({ demo: true });
  secretary = await t.login('guangming');
  branchId = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('光明社区第一网格党支部')}`, { cookie: secretary })).body.items[0].id;
  const members = (await t.request('GET', `/api/people?kind=member&orgId=${branchId}&pageSize=2`, { cookie: secretary })).body.items;
  sponsors = members.map((m: { id: number }) => m.id);
  for (const id of sponsors) {
    assert.equal((await t.request('PATCH', `/api/people/${id}`, { cookie: secretary, body: { memberStatus: 'full' } })).status, 200);
  }
});
after(() => t.close());

async function newApplicant(name: string): Promise<number> {
  const res = await t.request('POST', '/api/people', { cookie: secretary, body: { orgId: branchId, name } });
  assert.equal(res.status, 200, res.text);
  return res.body.id;
}

const step = (id: number, stage: string, on: string) => t.request('POST', `/api/recruitments/${id}/advance`, { cookie: secretary, body: { stage, on } });

test('an applicant becomes a full member stage by stage; the member file follows', async () => {
  const personId = await newApplicant('申请人甲');
  const started = await t.request('POST', '/api/recruitments', { cookie: secretary, body: { personId, orgId: branchId, appliedOn: '2023-03-01' } });
  assert.equal(started.status, 200, started.text);
  const id = started.body.id;
  assert.deepEqual([started.body.stage, started.body.nextStage], ['applicant', 'activist']);
  assert.equal((await t.request('POST', '/api/recruitments', { cookie: secretary, body: { personId, orgId: branchId, appliedOn: '2023-03-01' } })).status, 409);

  const skipped = await step(id, 'candidate', '2024-07-01');
  assert.equal(skipped.status, 400);
  assert.equal(skipped.body.error.fieldCodes.stage, 'recruitment.skipped_stage');
  const early = await step(id, 'activist', '2023-01-01');
  assert.equal(early.status, 400, 'an activist before the application');
  assert.ok(early.body.error.fields.on);
  assert.equal((await step(id, 'activist', '2023-06-01')).status, 200);
  const tooSoon = await step(id, 'candidate', '2024-01-01');
  assert.equal(tooSoon.status, 400, 'less than a year as an activist');
  assert.equal(tooSoon.body.error.fieldCodes.on, 'recruitment.day_order');
  assert.equal((await step(id, 'candidate', '2024-07-01')).status, 200);

  const noSponsors = await step(id, 'probationary', '2024-08-10');
  assert.equal(noSponsors.status, 400);
  const self = await t.request('POST', `/api/recruitments/${id}/sponsors`, { cookie: secretary, body: { sponsorIds: [personId, sponsors[0]] } });
  assert.ok(self.body.error.fields.sponsorIds);
  const set = await t.request('POST', `/api/recruitments/${id}/sponsors`, { cookie: secretary, body: { sponsorIds: sponsors } });
  assert.equal(set.status, 200, set.text);
  assert.equal(set.body.sponsors.length, 2);

  assert.equal((await step(id, 'probationary', '2024-08-10')).body.error.fieldCodes.on, 'recruitment.notice_not_over', 'no notice yet');
  const shortNotice = await t.request('POST', `/api/recruitments/${id}/notice`, { cookie: secretary, body: { startsOn: '2024-08-01', endsOn: '2024-08-02' } });
  assert.ok(shortNotice.body.error.fields.endsOn);
  assert.equal((await t.request('POST', `/api/recruitments/${id}/notice`, { cookie: secretary, body: { startsOn: '2024-08-01', endsOn: '2024-08-07' } })).status, 200);
  assert.equal((await step(id, 'probationary', '2024-08-05')).body.error.fieldCodes.on, 'recruitment.notice_not_over', 'before the notice ends');
  const admitted = await step(id, 'probationary', '2024-08-10');
  assert.equal(admitted.status, 200, admitted.text);
  assert.equal(admitted.body.noticeEndsOn, null, 'the next step needs a notice of its own');
  let file = (await t.request('GET', `/api/people/${personId}`, { cookie: secretary })).body;
  assert.deepEqual([file.isMember, file.memberStatus, file.joinedOn, file.orgId], [true, 'probationary', '2024-08-10', branchId]);

  await t.request('POST', `/api/recruitments/${id}/notice`, { cookie: secretary, body: { startsOn: '2025-08-10', endsOn: '2025-08-16' } });
  assert.equal((await step(id, 'full', '2025-08-01')).status, 400, 'less than a year of probation');
  assert.equal((await step(id, 'full', '2025-08-20')).status, 200);
  file = (await t.request('GET', `/api/people/${personId}`, { cookie: secretary })).body;
  assert.equal(file.memberStatus, 'full');
  assert.equal((await step(id, 'full', '2025-08-21')).status, 400, 'nothing after full membership');
});

test('a future day, a member applicant and a sponsor on probation are refused; a member or a liaison cannot recruit', async () => {
  const personId = await newApplicant('申请人乙');
  const future = await t.request('POST', '/api/recruitments', { cookie: secretary, body: { personId, orgId: branchId, appliedOn: '2999-01-01' } });
  assert.equal(future.body.error.fieldCodes.appliedOn, 'recruitment.after_today');
  const member = await t.request('POST', '/api/recruitments', { cookie: secretary, body: { personId: sponsors[0], orgId: branchId, appliedOn: '2024-01-01' } });
  assert.equal(member.body.error.fieldCodes.personId, 'recruitment.already_member');
  const started = await t.request('POST', '/api/recruitments', { cookie: secretary, body: { personId, orgId: branchId, appliedOn: '2024-01-01' } });
  const probationer = await newApplicant('预备党员丙');
  await t.request('PATCH', `/api/people/${probationer}`, { cookie: secretary, body: { isMember: true, memberStatus: 'probationary' } });
  const bad = await t.request('POST', `/api/recruitments/${started.body.id}/sponsors`, { cookie: secretary, body: { sponsorIds: [sponsors[0], probationer] } });
  assert.equal(bad.body.error.fieldCodes.sponsorIds, 'recruitment.sponsor_not_full');
  for (const user of ['dangyuan', 'liaison']) {
    const res = await t.request('POST', '/api/recruitments', { cookie: await t.login(user), body: { personId, orgId: branchId, appliedOn: '2024-01-01' } });
    assert.equal(res.status, 403, user);
  }
});

test('two clerks advancing the same record at once: exactly one succeeds', async () => {
  const personId = await newApplicant('申请人丁');
  const { id } = (await t.request('POST', '/api/recruitments', { cookie: secretary, body: { personId, orgId: branchId, appliedOn: '2024-01-01' } })).body;
  const other = await t.login('xinhua');
  const results = await Promise.all([
    t.request('POST', `/api/recruitments/${id}/advance`, { cookie: secretary, body: { stage: 'activist', on: '2024-03-01' } }),
    t.request('POST', `/api/recruitments/${id}/advance`, { cookie: other, body: { stage: 'activist', on: '2024-04-01' } }),
  ]);
  // The loser either waited for the winner's row (409) or ran after it and found the stage taken (400).
  const [won, lost] = [...results].sort((a, b) => a.status - b.status);
  assert.equal(won!.status, 200, won!.text);
  assert.ok([400, 409].includes(lost!.status), lost!.text);
  const after = (await t.request('GET', `/api/recruitments/${id}`, { cookie: secretary })).body;
  assert.equal(after.stage, 'activist');
});

test('the demo pipeline has one person at each stage before full membership, with sponsors and notices', async () => {
  const g2 = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('光明社区第二网格党支部')}`, { cookie: secretary })).body.items[0].id;
  const { items } = (await t.request('GET', `/api/recruitments?orgId=${g2}`, { cookie: secretary })).body;
  assert.deepEqual(items.map((r: { stage: string }) => r.stage).sort(), ['activist', 'applicant', 'candidate', 'probationary']);
  const admitted = items.find((r: { stage: string }) => r.stage === 'probationary');
  assert.equal(admitted.sponsors.length, 2);
  const file = (await t.request('GET', `/api/people/${admitted.personId}`, { cookie: secretary })).body;
  assert.deepEqual([file.isMember, file.memberStatus], [true, 'probationary']);
});

/** Runs SQL in the session's own scope, as its routes would: the database, not the service, must refuse. */
async function asSession<T>(cookie: string, sql: string, params: unknown[]): Promise<T[]> {
  const scope = (await resolveSession(t.kernel.db, cookie.slice(cookie.indexOf('=') + 1)))!;
  return t.kernel.db.scoped(scope, (q) => q.query<T>(sql, params));
}

test('an applicant sees their own application and may withdraw it; the branch ends one only with a reason; the history stays', async () => {
  const resident = await t.login('jumin');
  const [self] = (await t.request('GET', '/api/people', { cookie: resident })).body.items;
  const started = await t.request('POST', '/api/recruitments', { cookie: secretary, body: { personId: self.id, orgId: branchId, appliedOn: '2024-03-01' } });
  assert.equal(started.status, 200, started.text);
  const id = started.body.id;
  assert.equal((await step(id, 'activist', '2024-05-01')).status, 200);

  const mine = (await t.request('GET', '/api/recruitments/mine', { cookie: resident })).body;
  assert.deepEqual(mine.items.map((r: { id: number; stage: string; orgName: string }) => [r.id, r.stage, r.orgName]), [[id, 'activist', '光明社区第一网格党支部']]);
  assert.deepEqual((await t.request('GET', '/api/recruitments', { cookie: resident })).body.items.map((r: { id: number }) => r.id), [id], 'only their own');
  assert.equal((await step(id, 'candidate', '2025-06-01')).status, 200, 'the branch still takes steps');
  assert.equal((await t.request('POST', `/api/recruitments/${id}/advance`, { cookie: resident, body: { stage: 'probationary', on: '2025-07-01' } })).status, 403);
  await assert.rejects(
    asSession(resident, `UPDATE recruitments SET notice_starts_on = '2025-07-01', notice_ends_on = '2025-07-10' WHERE id = $1`, [id]),
    /may only withdraw/,
    'the database lets an applicant change nothing but the withdrawal',
  );
  const member = await t.login('dangyuan');
  assert.equal((await t.request('POST', `/api/recruitments/${id}/withdraw`, { cookie: member, body: { on: '2025-07-01' } })).status, 404, 'not theirs');

  const withdrawn = await t.request('POST', `/api/recruitments/${id}/withdraw`, { cookie: resident, body: { on: '2025-07-01', reason: '工作调动' } });
  assert.equal(withdrawn.status, 200, withdrawn.text);
  assert.deepEqual(
    [withdrawn.body.withdrawnBy, withdrawn.body.withdrawnOn, withdrawn.body.stage, withdrawn.body.candidateOn, withdrawn.body.nextStage],
    ['applicant', '2025-07-01', 'candidate', '2025-06-01', null],
  );
  const after = await step(id, 'probationary', '2025-08-01');
  assert.equal(after.status, 400);
  assert.equal(after.body.error.fieldCodes.stage, 'recruitment.ended');
  await assert.rejects(asSession(secretary, `UPDATE recruitments SET withdrawal_reason = 'x' WHERE id = $1`, [id]), /has ended/);

  // Applying again opens a new record beside the ended one; the branch ends it, saying why.
  const again = await t.request('POST', '/api/recruitments', { cookie: secretary, body: { personId: self.id, orgId: branchId, appliedOn: '2025-09-01' } });
  assert.equal(again.status, 200, again.text);
  const noReason = await t.request('POST', `/api/recruitments/${again.body.id}/withdraw`, { cookie: secretary, body: { on: '2025-09-02' } });
  assert.equal(noReason.status, 400);
  assert.equal(noReason.body.error.fieldCodes.reason, 'recruitment.reason_required');
  await assert.rejects(
    asSession(secretary, `UPDATE recruitments SET withdrawn_on = '2025-09-02', withdrawn_by = 'branch' WHERE id = $1`, [again.body.id]),
    /recruitments_withdrawal/,
  );
  const ended = await t.request('POST', `/api/recruitments/${again.body.id}/withdraw`, { cookie: secretary, body: { on: '2025-09-02', reason: '本人长期外出' } });
  assert.deepEqual([ended.status, ended.body.withdrawnBy, ended.body.withdrawalReason], [200, 'branch', '本人长期外出']);
  assert.deepEqual((await t.request('GET', '/api/recruitments/mine', { cookie: resident })).body.items.map((r: { id: number }) => r.id), [again.body.id, id]);
});
