import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import * as orgs from '../orgs/service.ts';
import * as people from '../people/service.ts';
import { resolveSession } from '../users/auth.ts';
import * as users from '../users/service.ts';

let t: TestApp;
let secretary: string;
let member: string;
let resident: string;
let gridWorker: string;
let admin: string;
let guangming: number;
/** Members of 光明社区第一网格 with accounts of their own, for the claims at the same instant. */
const claimers: { cookie: string; personId: number }[] = [];

before(async () => {
  t = await testApp({ demo: true });
  secretary = await t.login('guangming');
  member = await t.login('dangyuan');
  resident = await t.login('jumin');
  gridWorker = await t.login('wangge');
  admin = await t.login('admin');
  const made = await t.kernel.db.system(async (q) => {
    guangming = (await orgs.search(q, '光明社区党委', 1, 1)).items[0]!.id;
    const branch = (await orgs.search(q, '光明社区第一网格党支部', 1, 1)).items[0]!.id;
    const free = (await people.rosterUnder(q, branch)).filter((p) => p.isMember && p.name !== '周志强').slice(0, 3);
    const out: { username: string; personId: number }[] = [];
    for (const [i, p] of free.entries()) {
      const user = await users.create(q, { username: `claimer${i}`, displayName: p.name, password: 'Claimer-2026-pass', orgId: branch, grants: [{ role: 'member', orgId: branch }] });
      await people.linkAccount(q, p.id, user.id);
      out.push({ username: `claimer${i}`, personId: p.id });
    }
    return out;
  });
  for (const m of made) claimers.push({ cookie: await t.login(m.username, 'Claimer-2026-pass'), personId: m.personId });
});
after(() => t.close());

const post = (cookie: string, url: string, body: unknown = {}) => t.request('POST', url, { cookie, body });
const code = (res: { body: { error?: { code: string } } }) => res.body.error?.code;

async function publish(body: Record<string, unknown>, cookie = secretary) {
  const res = await post(cookie, '/api/posts', { orgId: guangming, kind: 'patrol', duty: '晚间巡逻', seats: 2, ...body });
  assert.equal(res.status, 200, res.text);
  return res.body as { id: number; taken: number; seats: number; actions: string[]; holders: { id: number; personId: number; status: string; actions: string[] }[] };
}

test('the demo: 40+ duty-post holders in 定福里, the mediator’s 16 settled disputes counted from records', async () => {
  const dfl = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('定福里社区党委')}`, { cookie: admin })).body.items[0].id;
  const list = await t.request('GET', `/api/posts?orgId=${dfl}`, { cookie: admin });
  assert.equal(list.status, 200, list.text);
  const holders = new Set(list.body.items.flatMap((p: { holders: { personId: number; status: string }[] }) => p.holders.filter((h) => h.status === 'active').map((h) => h.personId)));
  assert.ok(holders.size >= 40, `${holders.size} holders`);
  const mediator = list.body.items.find((p: { kind: string; orgName: string }) => p.kind === 'mediator' && p.orgName.includes('调解'));
  assert.equal(mediator.figures.disputesSettled, 16);
  assert.equal(mediator.holders[0].figures.disputesSettled, 16, 'the holder’s own count');
  const detail = await t.request('GET', `/api/posts/${mediator.id}`, { cookie: admin });
  const disputes = detail.body.work.filter((w: { kind: string }) => w.kind === 'dispute');
  assert.equal(disputes.filter((w: { outcome: string }) => w.outcome === 'settled').length, 16);
  assert.ok(disputes.length > 16, 'disputes that did not settle are records too, and not counted as settled');
  assert.ok(detail.body.work.some((w: { needId: number | null; linked: string | null }) => w.needId && w.linked?.includes('邻里纠纷')), 'a need the needs list closed counts under the post');
});

test('a member claims from the community board; staff approve; the member sees it under my posts; staff release it', async () => {
  const p = await publish({ name: '夜间巡逻岗', seats: 2 });
  assert.deepEqual(p.actions.sort(), ['assign', 'edit']);
  const board = await t.request('GET', '/api/posts/board', { cookie: member });
  const seen = board.body.items.find((x: { id: number }) => x.id === p.id);
  assert.deepEqual(seen.actions, ['claim']);
  assert.deepEqual(seen.holders, [], 'nobody holds it yet');

  const claimed = await post(member, `/api/posts/${p.id}/claim`);
  assert.equal(claimed.status, 200, claimed.text);
  assert.equal(claimed.body.taken, 1);
  assert.deepEqual(claimed.body.actions, [], 'one seat each: no second claim offered');
  assert.equal(claimed.body.holders[0].status, 'pending');
  assert.deepEqual(claimed.body.holders[0].actions, [], 'the member does not approve their own claim');

  const staffView = (await t.request('GET', `/api/posts/${p.id}`, { cookie: secretary })).body;
  const seat = staffView.holders[0];
  assert.deepEqual(seat.actions, ['approve', 'reject']);
  assert.equal(code(await post(member, `/api/post-seats/${seat.id}/approve`)), 'post.staff_only');
  const approved = await post(secretary, `/api/post-seats/${seat.id}/approve`);
  assert.equal(approved.status, 200, approved.text);
  assert.equal(approved.body.holders[0].status, 'active');

  const mine = await t.request('GET', '/api/posts/mine', { cookie: member });
  const held = mine.body.items.find((x: { id: number }) => x.id === p.id);
  assert.equal(held.holders[0].status, 'active');
  assert.equal(held.holders.length, 1, 'a member sees their own seat only');

  const again = await post(secretary, `/api/post-seats/${seat.id}/approve`);
  assert.equal(code(again), 'post.seat_step');
  const released = await post(secretary, `/api/post-seats/${seat.id}/release`, { note: '搬离本社区' });
  assert.equal(released.status, 200, released.text);
  assert.equal(released.body.taken, 0, 'the seat is free again');
  assert.equal((await t.request('GET', '/api/posts/mine', { cookie: member })).body.items.some((x: { id: number }) => x.id === p.id), false);
});

test('refused claims: a second seat, a full post, a closed post, another community’s post, a resident', async () => {
  const p = await publish({ name: '楼栋长（二号楼）', kind: 'building_head', seats: 1 });
  assert.equal((await post(member, `/api/posts/${p.id}/claim`)).status, 200);
  const second = await post(member, `/api/posts/${p.id}/claim`);
  assert.equal(second.status, 409);
  assert.equal(code(second), 'post.second_seat');
  const full = await post(claimers[0]!.cookie, `/api/posts/${p.id}/claim`);
  assert.equal(full.status, 409);
  assert.equal(code(full), 'post.full');
  assert.match(full.body.error.message, /名额已满/);

  const closed = await publish({ name: '停止认领的岗位' });
  assert.equal((await t.request('PATCH', `/api/posts/${closed.id}`, { cookie: secretary, body: { status: 'closed' } })).status, 200);
  assert.equal(code(await post(member, `/api/posts/${closed.id}/claim`)), 'post.closed');

  const xiangyang = await t.login('xiangyang');
  const xyOrg = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('向阳社区党委')}`, { cookie: xiangyang })).body.items[0].id;
  const elsewhere = await publish({ orgId: xyOrg, name: '向阳巡逻岗' }, xiangyang);
  const outside = await post(member, `/api/posts/${elsewhere.id}/claim`);
  assert.equal(outside.status, 403);
  assert.equal(code(outside), 'post.outside_community');
  assert.equal((await t.request('GET', '/api/posts/board', { cookie: member })).body.items.some((x: { id: number }) => x.id === elsewhere.id), false);
  assert.equal((await t.request('GET', `/api/posts/${elsewhere.id}`, { cookie: member })).status, 404);

  assert.equal(code(await post(resident, `/api/posts/${p.id}/claim`)), 'post.members_claim');
  const rows = await t.kernel.db.system((q) => q.query<{ n: number }>(`SELECT count(*)::int AS n FROM duty_post_seats WHERE post_id = ANY ($1::bigint[])`, [[p.id, closed.id, elsewhere.id]]));
  assert.equal(rows[0]!.n, 1, 'only the first claim left a row');
});

test('claims of the last seat at the same instant: exactly one wins', async () => {
  const p = await publish({ name: '最后一个名额', seats: 2 });
  assert.equal((await post(member, `/api/posts/${p.id}/claim`)).status, 200);
  const results = await Promise.all(claimers.map((c) => post(c.cookie, `/api/posts/${p.id}/claim`)));
  assert.deepEqual(results.map((r) => r.status).sort(), [200, 409, 409], results.map((r) => r.text).join('\n'));
  for (const r of results.filter((x) => x.status === 409)) assert.equal(code(r), 'post.full');
  const [row] = await t.kernel.db.system((q) =>
    q.query<{ taken: number; held: number }>(
      `SELECT d.taken, (SELECT count(*)::int FROM duty_post_seats s WHERE s.post_id = d.id AND s.status IN ('pending', 'active')) AS held FROM duty_posts d WHERE d.id = $1`,
      [p.id],
    ),
  );
  assert.deepEqual(row, { taken: 2, held: 2 });
});

test('staff assign and edit: refused when full, twice for one member, below the seats taken, or by staff of another place', async () => {
  const members = (await t.request('GET', `/api/people?orgId=${guangming}&kind=member&pageSize=50`, { cookie: secretary })).body.items;
  const p = await publish({ name: '政策宣讲岗（二）', kind: 'policy_explainer', seats: 2 });
  const assigned = await post(secretary, `/api/posts/${p.id}/seats`, { personId: members[0].id });
  assert.equal(assigned.status, 200, assigned.text);
  assert.deepEqual(assigned.body.holders.map((h: { status: string; source: string }) => [h.status, h.source]), [['active', 'assigned']]);
  assert.equal(code(await post(secretary, `/api/posts/${p.id}/seats`, { personId: members[0].id })), 'post.holder_has_seat');
  assert.equal((await post(secretary, `/api/posts/${p.id}/seats`, { personId: members[1].id })).status, 200);
  const full = await post(secretary, `/api/posts/${p.id}/seats`, { personId: members[2].id });
  assert.equal(code(full), 'post.full');
  const fewer = await t.request('PATCH', `/api/posts/${p.id}`, { cookie: secretary, body: { seats: 1 } });
  assert.equal(code(fewer), 'post.seats_below_taken');
  assert.deepEqual(fewer.body.error.fieldCodes && Object.keys(fewer.body.error.fieldCodes), ['seats']);

  // The grid worker of the first grid is not staff of the community's own post.
  const byGridWorker = await post(gridWorker, `/api/posts/${p.id}/seats`, { personId: members[3].id });
  assert.ok(byGridWorker.status === 403 || byGridWorker.status === 404, byGridWorker.text);
  const publishedByGridWorker = await post(gridWorker, '/api/posts', { orgId: guangming, kind: 'patrol', name: '越级发布', seats: 1 });
  assert.equal(code(publishedByGridWorker), 'post.staff_only');
  const branch = (await t.request('GET', `/api/orgs?q=${encodeURIComponent('光明社区第一网格党支部')}`, { cookie: secretary })).body.items[0].id;
  assert.equal(code(await post(secretary, '/api/posts', { orgId: branch, kind: 'patrol', name: '支部岗', seats: 1 })), 'post.not_community');
  assert.equal(code(await post(secretary, '/api/posts', { kind: 'patrol', name: '无处', seats: 1 })), 'post.place_required');
  const dup = await post(secretary, '/api/posts', { orgId: guangming, kind: 'patrol', name: '政策宣讲岗（二）', seats: 1 });
  assert.equal(code(dup), 'post.name_taken');
});

test('work under a post: entries, a handled need and a service log, counted; refused for a non-holder, an open need, twice', async () => {
  const members = (await t.request('GET', `/api/people?orgId=${guangming}&kind=member&pageSize=50`, { cookie: secretary })).body.items;
  const holder = members[4];
  const p = await publish({ name: '纠纷调解岗（光明）', kind: 'mediator', seats: 1 });
  assert.equal((await post(secretary, `/api/posts/${p.id}/seats`, { personId: holder.id })).status, 200);

  const work = (body: Record<string, unknown>) => post(secretary, `/api/posts/${p.id}/work`, { personId: holder.id, ...body });
  assert.equal(code(await work({ kind: 'dispute', doneOn: '2026-03-01' })), 'post.dispute_details');
  assert.equal(code(await work({ kind: 'patrol', doneOn: '2026-03-01', outcome: 'settled' })), 'post.dispute_only');
  assert.equal(code(await work({ kind: 'patrol' })), 'post.date_required');
  assert.equal(code(await post(secretary, `/api/posts/${p.id}/work`, { personId: members[5].id, kind: 'patrol', doneOn: '2026-03-01' })), 'post.not_holder');
  const entry = await work({ kind: 'dispute', doneOn: '2026-03-01', parties: 2, outcome: 'settled', note: '楼道堆物' });
  assert.equal(entry.status, 200, entry.text);

  const needs = await t.kernel.db.system((q) =>
    q.query<{ id: number; status: string }>(`SELECT n.id, n.status FROM needs n JOIN organizations o ON o.id = n.org_id WHERE o.path <@ (SELECT path FROM organizations WHERE id = $1) ORDER BY n.id`, [guangming]),
  );
  const handled = needs.find((n) => ['done', 'checked', 'closed', 'rated'].includes(n.status))!;
  const open = needs.find((n) => ['submitted', 'accepted'].includes(n.status))!;
  assert.equal(code(await work({ kind: 'dispute', parties: 3, outcome: 'settled', needId: open.id })), 'post.need_not_handled');
  const linked = await work({ kind: 'dispute', parties: 3, outcome: 'settled', needId: handled.id });
  assert.equal(linked.status, 200, linked.text);
  assert.ok(linked.body.linked, 'shown with the need’s title');
  assert.equal(code(await work({ kind: 'dispute', parties: 3, outcome: 'settled', needId: handled.id })), 'post.already_attached');

  const log = await post(secretary, '/api/service-logs', { orgId: guangming, personId: holder.id, servedOn: '2026-03-02', what: '调解停车纠纷', place: '光明社区', hours: 1 });
  assert.equal(log.status, 200, log.text);
  const other = await post(secretary, '/api/service-logs', { orgId: guangming, personId: members[5].id, servedOn: '2026-03-02', what: '别人的服务', place: '光明社区', hours: 1 });
  assert.equal(code(await work({ kind: 'other', serviceLogId: other.body.id })), 'post.log_not_holders');
  assert.equal(code(await work({ kind: 'other', serviceLogId: log.body.id, needId: handled.id })), 'post.one_record');
  const fromLog = await work({ kind: 'other', serviceLogId: log.body.id });
  assert.equal(fromLog.status, 200, fromLog.text);
  assert.equal(fromLog.body.doneOn, '2026-03-02', 'the date is the log’s');

  const after = (await t.request('GET', `/api/posts/${p.id}`, { cookie: secretary })).body;
  assert.deepEqual(after.figures, { records: 3, disputesSettled: 2, needs: 1, serviceLogs: 1 });
  const byMember = await post(member, `/api/posts/${p.id}/work`, { personId: holder.id, kind: 'patrol', doneOn: '2026-03-01' });
  assert.equal(byMember.status, 403, 'a member of the community sees the post on the board, and is refused as not its holder');
  assert.equal(code(byMember), 'post.holders_record');
  assert.equal(code(await post(gridWorker, `/api/posts/${p.id}/work`, { personId: holder.id, kind: 'patrol', doneOn: '2026-03-01' })), 'kernel.not_found');
});

test('a holder records their own work from the phone; a claim not yet approved, another member or another holder’s work is refused; staff record any holder’s', async () => {
  const p = await publish({ name: '纠纷调解岗（本人记录）', kind: 'mediator', seats: 3 });
  const pending = await post(member, `/api/posts/${p.id}/claim`);
  assert.equal(pending.status, 200, pending.text);
  assert.ok(!pending.body.actions.includes('recordWork'), 'a claim awaiting approval records nothing');
  const early = await post(member, `/api/posts/${p.id}/work`, { kind: 'patrol', doneOn: '2026-04-01' });
  assert.equal(early.status, 403);
  assert.equal(code(early), 'post.holders_record');

  const seats = (await t.request('GET', `/api/posts/${p.id}`, { cookie: secretary })).body.holders;
  assert.equal((await post(secretary, `/api/post-seats/${seats[0].id}/approve`)).status, 200);
  const held = (await t.request('GET', '/api/posts/mine', { cookie: member })).body.items.find((x: { id: number }) => x.id === p.id);
  assert.deepEqual(held.actions, ['recordWork'], 'the holder is offered recording their own work, nothing else');

  const own = await post(member, `/api/posts/${p.id}/work`, { kind: 'dispute', doneOn: '2026-04-02', parties: 2, outcome: 'settled', note: '楼上漏水' });
  assert.equal(own.status, 200, own.text);
  assert.equal(own.body.personName, '周志强', 'recorded for the holder’s own seat');
  assert.equal(code(await post(member, `/api/posts/${p.id}/work`, { kind: 'dispute', doneOn: '2026-04-02' })), 'post.dispute_details');

  // Another member of the community sees the post on the board and is refused with a code of its own.
  const other = claimers[0]!;
  const boardView = (await t.request('GET', '/api/posts/board', { cookie: other.cookie })).body.items.find((x: { id: number }) => x.id === p.id);
  assert.ok(!boardView.actions.includes('recordWork'));
  const byOther = await post(other.cookie, `/api/posts/${p.id}/work`, { kind: 'patrol', doneOn: '2026-04-03' });
  assert.equal(byOther.status, 403);
  assert.equal(code(byOther), 'post.holders_record');

  // A second holder: neither records the other's work.
  const second = claimers[1]!;
  assert.equal((await post(secretary, `/api/posts/${p.id}/seats`, { personId: second.personId })).status, 200);
  const forAnother = await post(member, `/api/posts/${p.id}/work`, { personId: second.personId, kind: 'patrol', doneOn: '2026-04-03' });
  assert.equal(forAnother.status, 403);
  assert.equal(code(forAnother), 'post.own_work_only');
  assert.deepEqual(Object.keys(forAnother.body.error.fieldCodes ?? {}), ['personId']);

  const byStaff = await post(secretary, `/api/posts/${p.id}/work`, { personId: second.personId, kind: 'patrol', doneOn: '2026-04-04' });
  assert.equal(byStaff.status, 200, byStaff.text);
  const figures = (await t.request('GET', `/api/posts/${p.id}`, { cookie: secretary })).body;
  assert.deepEqual(figures.figures, { records: 2, disputesSettled: 1, needs: 0, serviceLogs: 0 });
  assert.deepEqual(figures.holders.map((h: { personId: number; figures: { records: number } }) => h.figures.records).sort(), [1, 1]);

  // The database holds it whoever writes: the holder's connection may insert work for their own held seat, never for another's.
  const scope = (await resolveSession(t.kernel.db, member.split(';')[0]!.split('=')[1]!))!;
  const insert = (personId: number, holderUserId: number | null) => t.kernel.db.scoped(scope, (q) => q.query(
    `INSERT INTO duty_post_work (org_id, post_id, person_id, holder_user_id, kind, done_on, recorded_by) VALUES ($1, $2, $3, $4, 'patrol', '2026-04-05', 'x')`,
    [guangming, p.id, personId, holderUserId]));
  await assert.rejects(insert(second.personId, scope.userId), /row-level security/, 'work for another holder, claimed as one’s own');
  await assert.rejects(insert(second.personId, null), /row-level security/, 'work for another holder');
  await insert(own.body.personId, scope.userId);
  const mineAfter = (await t.request('GET', '/api/posts/mine', { cookie: member })).body.items.find((x: { id: number }) => x.id === p.id);
  assert.equal(mineAfter.holders.length, 1, 'the holder reads their own seat');
  assert.equal(mineAfter.holders[0].figures.records, 2, 'and their own work under it');
});

test('a community’s own posts move with it when it merges; a grid’s follow the grid', async () => {
  const p = await publish({ name: '合并前的岗位', seats: 1 });
  const members = (await t.request('GET', `/api/people?orgId=${guangming}&kind=member&pageSize=50`, { cookie: secretary })).body.items;
  assert.equal((await post(secretary, `/api/posts/${p.id}/seats`, { personId: members[6].id })).status, 200);
  const holdings = await t.kernel.db.system(async (q) => {
    const { MODULES } = await import('../index.ts');
    const h = MODULES.find((m) => m.name === 'posts')!.orgHoldings![0]!;
    const before = await h.count(q, guangming);
    const xy = (await orgs.search(q, '向阳社区党委', 1, 1)).items[0]!.id;
    await h.move(q, { from: guangming, to: xy, fromName: '光明社区党委' });
    const [moved] = await q.query<{ org_id: number; seat_org: number }>(
      `SELECT d.org_id, s.org_id AS seat_org FROM duty_posts d JOIN duty_post_seats s ON s.post_id = d.id WHERE d.id = $1`, [p.id]);
    return { before, moved, xy };
  });
  assert.ok(holdings.before > 0);
  assert.deepEqual(holdings.moved, { org_id: holdings.xy, seat_org: holdings.xy }, 'the seat follows its post');
});
