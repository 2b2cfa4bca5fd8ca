import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { addDays, regionToday } from '../../kernel/time.ts';

// A points entry or a service record is dated within the person's membership:
// not after today in the region, and for a member not before they joined.

let t: TestApp;
let secretary: string;
let orgId: number;
let member: { id: number; joinedOn: string };
let resident: number;
let ruleId: number;

before(async () => {
  t = await testApp({ demo: true });
  secretary = await t.login('guangming');
  const [m] = await t.kernel.db.system((q) =>
    q.query<{ id: number; joined_on: string; org_id: number }>(
      `SELECT p.id, p.joined_on::text, p.org_id FROM people p JOIN users u ON u.id = p.user_id WHERE u.username = 'dangyuan'`,
    ),
  );
  member = { id: m!.id, joinedOn: m!.joined_on };
  orgId = (await t.request('GET', `/api/people/${member.id}`, { cookie: secretary })).body.orgId;
  const [r] = await t.kernel.db.system((q) => q.query<{ id: number }>(`SELECT p.id FROM people p JOIN users u ON u.id = p.user_id WHERE u.username = 'jumin'`));
  resident = r!.id;
  const rules = (await t.request('GET', '/api/points/rules', { cookie: secretary })).body.items as { id: number; kind: string; effectiveFrom: string }[];
  const bonus = rules.filter((x) => x.kind === 'bonus').sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0]!;
  // Dates before the member joined must still be in the rule's time, or the rule refuses first.
  await t.kernel.db.system((q) => q.query(`UPDATE people SET joined_on = $2 WHERE id = $1`, [member.id, addDays(bonus.effectiveFrom, 10)]));
  member.joinedOn = addDays(bonus.effectiveFrom, 10);
  ruleId = bonus.id;
});
after(() => t.close());

const entry = (on: string) => t.request('POST', '/api/points/entries', { cookie: secretary, body: { personId: member.id, orgId, ruleId, reason: '表彰', on } });
const log = (personId: number, servedOn: string) =>
  t.request('POST', '/api/service-logs', { cookie: secretary, body: { orgId, personId, servedOn, what: '楼道清理', place: '光明社区', hours: 2 } });

test('a points entry dated in the future or before the member joined is refused, naming the date', async () => {
  assert.ok(member.joinedOn, 'the demo member has a joining date');
  const future = await entry(addDays(regionToday(), 1));
  assert.equal(future.status, 400, future.text);
  assert.equal(future.body.error.fieldCodes.on, 'person.after_today');
  assert.match(future.body.error.fields.on, /记分日期不能晚于今天/, 'names the field');
  const early = await entry(addDays(member.joinedOn, -1));
  assert.equal(early.status, 400, early.text);
  assert.match(early.body.error.fields.on, new RegExp(`记分日期不能早于.*入党日期（${member.joinedOn}）`));
  const ok = await entry(member.joinedOn);
  assert.equal(ok.status, 200, ok.text);
  assert.equal((await entry(regionToday())).status, 200);
});

test('a service record dated in the future is refused; before joining only for a member', async () => {
  const future = await log(member.id, addDays(regionToday(), 1));
  assert.equal(future.status, 400, future.text);
  assert.equal(future.body.error.fieldCodes.servedOn, 'person.after_today');
  assert.match(future.body.error.fields.servedOn, /服务日期不能晚于今天/, 'names the field');
  const early = await log(member.id, addDays(member.joinedOn, -1));
  assert.equal(early.status, 400, early.text);
  assert.match(early.body.error.fields.servedOn, /服务日期不能早于.*入党日期/);
  assert.equal((await log(member.id, regionToday())).status, 200);

  const residentFuture = await log(resident, addDays(regionToday(), 1));
  assert.equal(residentFuture.status, 400, residentFuture.text);
  const residentLongAgo = await log(resident, addDays(member.joinedOn, -1));
  assert.equal(residentLongAgo.status, 200, 'a resident has no membership to start: only the future is refused');
});
