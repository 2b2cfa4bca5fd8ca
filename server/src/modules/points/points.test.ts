import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { attend, newMembers, publishActivity } from '../../../../test/support/activities.ts';
import { testApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
let secretary: string;
let guangmingId: number;
let gridId: number;
before(async () => {
  t = await testApp({ demo: true });
  secretary = await t.login('guangming');
  const orgId = async (name: string) => (await t.request('GET', `/api/orgs?q=${encodeURIComponent(name)}`, { cookie: secretary })).body.items[0].id;
  guangmingId = await orgId('光明社区党委');
  // Rules and re-runs at a grid branch stay within it.
  gridId = await orgId('光明社区第一网格党支部');
});
after(() => t.close());

test('the ledger is never edited; a rule change reaches past entries only by an explicit re-run, as corrections', async () => {
  const [m] = await newMembers(t, 'rule', 1);
  await attend(t, secretary, m!.cookie, (await publishActivity(t, secretary, gridId)).id);
  const admin = await t.login('admin');
  const entry = (await t.request('GET', `/api/points/entries?personId=${m!.personId}`, { cookie: admin })).body.items[0];
  assert.equal(entry.points, 1);

  // Not even the database owner may change or remove an entry.
  for (const sql of [`UPDATE points_entries SET points = 5 WHERE id = $1`, `DELETE FROM points_entries WHERE id = $1`]) {
    await assert.rejects(t.kernel.db.system((q) => q.query(sql, [entry.id])), /never changed/);
  }

  const year = new Date().getFullYear();
  const rule = await t.request('POST', '/api/points/rules', {
    cookie: secretary, body: { orgId: gridId, kind: 'attend', name: '参加一次活动', points: 2, effectiveFrom: `${year}-01-01` },
  });
  assert.equal(rule.status, 200, rule.text);
  const still = await t.request('GET', `/api/points/entries?personId=${m!.personId}`, { cookie: admin });
  assert.equal(still.body.items.reduce((n: number, e: { points: number }) => n + e.points, 0), 1, 'not applied retroactively');

  const rerun = await t.request('POST', '/api/points/rerun', { cookie: secretary, body: { orgId: gridId, year } });
  assert.equal(rerun.status, 200, rerun.text);
  assert.equal(rerun.body.corrections, 1);
  const now = await t.request('GET', `/api/points/entries?personId=${m!.personId}`, { cookie: admin });
  assert.deepEqual(now.body.items.map((e: { points: number; correction: boolean }) => [e.points, e.correction]), [[1, true], [1, false]]);
  const again = await t.request('POST', '/api/points/rerun', { cookie: secretary, body: { orgId: gridId, year } });
  assert.equal(again.body.corrections, 0, 'a second re-run finds nothing to correct');
});

test('the points list of a year ranks members and names those below the threshold, those with nothing too', async () => {
  const totals = await t.request('GET', `/api/points/totals?orgId=${guangmingId}&pageSize=200`, { cookie: secretary });
  assert.equal(totals.status, 200, totals.text);
  assert.equal(totals.body.threshold, 24);
  const items = totals.body.items as { points: number; rank: number; belowThreshold: boolean }[];
  assert.ok(items.some((i) => !i.belowThreshold) && items.some((i) => i.belowThreshold), 'members on both sides of 24');
  assert.equal(totals.body.below, items.filter((i) => i.points < 24).length);
  assert.ok(items.every((i, k) => k === 0 || items[k - 1]!.points >= i.points));
  assert.equal(items[0]!.rank, 1);
  const below = await t.request('GET', `/api/points/totals?orgId=${guangmingId}&onlyBelow=true&pageSize=2`, { cookie: secretary });
  assert.deepEqual([below.body.total, below.body.below, below.body.items.length], [items.length, totals.body.below, 2]);
  assert.ok(below.body.items.every((i: { belowThreshold: boolean }) => i.belowThreshold));
});

test('spendable points are credited from earned ones where a rule says so; redeeming never moves earned totals or the below-threshold list', async () => {
  const [m] = await newMembers(t, 'spend', 1);
  const year = new Date().getFullYear();
  const rule = await t.request('POST', '/api/points/rules', { cookie: secretary, body: { orgId: gridId, kind: 'spendable', name: '每得 1 分可兑换 1 分', points: 1, effectiveFrom: `${year}-01-01` } });
  assert.equal(rule.status, 200, rule.text);
  await attend(t, secretary, m!.cookie, (await publishActivity(t, secretary, gridId)).id);
  const earnedBefore = (await t.request('GET', '/api/me/service', { cookie: m!.cookie })).body;
  assert.ok(earnedBefore.points > 0);
  assert.equal(earnedBefore.spendable, earnedBefore.points, 'credited one for one');

  const listed = async () => {
    const r = (await t.request('GET', `/api/points/totals?orgId=${gridId}&year=${year}&pageSize=200`, { cookie: secretary })).body;
    return { below: r.below, mine: r.items.find((i: { personId: number }) => i.personId === m!.personId) };
  };
  const totalsBefore = await listed();
  const redeemed = await t.request('POST', '/api/points/redemptions', { cookie: secretary, body: { personId: m!.personId, orgId: gridId, points: 0.5, reason: '兑换洗衣粉一袋' } });
  assert.equal(redeemed.status, 200, redeemed.text);
  assert.equal(redeemed.body.balance, earnedBefore.points - 0.5);
  assert.deepEqual(await listed(), totalsBefore, 'earned totals and the below-threshold list unchanged');
  const after = (await t.request('GET', '/api/me/service', { cookie: m!.cookie })).body;
  assert.deepEqual([after.points, after.spendable], [earnedBefore.points, earnedBefore.points - 0.5]);

  const tooMuch = await t.request('POST', '/api/points/redemptions', { cookie: secretary, body: { personId: m!.personId, orgId: gridId, points: 1000, reason: '超额兑换' } });
  assert.equal(tooMuch.status, 400);
  assert.equal(tooMuch.body.error.fieldCodes.points, 'points.balance_short');
  // The database refuses an overdraft even when the service's check is bypassed.
  await assert.rejects(
    t.kernel.db.system((q) => q.query(`INSERT INTO points_spendable (org_id, person_id, kind, points, reason) VALUES ($1, $2, 'redeem', -1000, '绕过检查')`, [gridId, m!.personId])),
    /short/,
  );
  assert.equal((await t.request('POST', '/api/points/redemptions', { cookie: m!.cookie, body: { personId: m!.personId, orgId: gridId, points: 0.5, reason: '自己兑换' } })).status, 403);
});

test('points are the administrators’ at the organization: a grid worker who organizes activities there sets no rule, adds no points, redeems nothing', async () => {
  const [m] = await newMembers(t, 'policy', 1);
  const worker = await t.login('wangge');
  const year = new Date().getFullYear();
  const refused = [
    await t.request('POST', '/api/points/rules', { cookie: worker, body: { orgId: gridId, kind: 'bonus', name: '网格员加分', points: 1, effectiveFrom: `${year}-01-01` } }),
    await t.request('POST', '/api/points/rerun', { cookie: worker, body: { orgId: gridId, year } }),
    await t.request('POST', '/api/points/redemptions', { cookie: worker, body: { personId: m!.personId, orgId: gridId, points: 0.5, reason: '网格员兑换' } }),
  ];
  assert.deepEqual(refused.map((r) => r.status), [403, 403, 403]);
  assert.equal(refused[0]!.body.error.code, 'points.admins_only');
  // The same grid worker organizes an activity there: the refusal is about points, not the place.
  assert.equal((await t.request('POST', '/api/activities', {
    cookie: worker, body: { orgId: gridId, kind: 'volunteer', title: '网格员组织的活动', place: '第一网格', startsAt: `${year + 1}-03-01T09:00:00+08:00`, endsAt: `${year + 1}-03-01T10:00:00+08:00`, capacity: 5, audience: ['members'] },
  })).status, 200);
});
