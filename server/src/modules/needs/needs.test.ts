import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import type { Polygon } from '../grids/schema.ts';
import { neighbours, slotAt } from './matching.ts';
import { NEED_STATUSES } from './schema.ts';
import * as needs from './service.ts';

let t: TestApp;
let resident: string;
let secretary: string;
let member: string;
let liaison: string;
let street: string;
before(async () => {
  t = await testApp({ demo: true });
  resident = await t.login('jumin');
  secretary = await t.login('guangming');
  member = await t.login('dangyuan');
  liaison = await t.login('liaison');
  street = await t.login('xinhua');
});
after(() => t.close());

// A 1×1 PNG.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const orgId = async (name: string, cookie = secretary) => (await t.request('GET', `/api/orgs?q=${encodeURIComponent(name)}`, { cookie })).body.items[0].id as number;
const post = (cookie: string, url: string, body: unknown = {}) => t.request('POST', url, { cookie, body });

async function publishedWish(title: string): Promise<number> {
  const created = await post(resident, '/api/needs', { kind: 'micro_wish', category: 'living', title, requesterName: '吴秀英', phone: '13900002222', address: '光明社区1号楼2单元301室' });
  assert.equal(created.status, 200, created.text);
  assert.equal((await post(secretary, `/api/needs/${created.body.id}/accept`)).status, 200);
  return created.body.id;
}

// First, before the other tests add needs of their own.
test('the demo holds needs in every state of the loop, across the seed models', async () => {
  const rows = await t.kernel.db.system((q) => q.query<{ status: string; title: string }>(`SELECT status, title FROM needs`));
  assert.deepEqual([...new Set(rows.map((r) => r.status))].sort(), [...NEED_STATUSES.values].sort());
  for (const model of ['院墙破损', '占道经营', '邻里纠纷', '收音机', '排水管道']) assert.ok(rows.some((r) => r.title.includes(model)), model);
  const pingfang = await t.kernel.db.system((q) => q.query<{ title: string; status: string }>(`SELECT title, status FROM needs WHERE title LIKE '%坡道%' OR title LIKE '%路灯%'`));
  assert.ok(pingfang.filter((r) => r.title.includes('坡道')).length >= 5 && pingfang.filter((r) => r.title.includes('路灯')).length >= 5, JSON.stringify(pingfang));
  assert.ok(pingfang.some((r) => r.status === 'overdue') && pingfang.some((r) => r.status === 'closed'));
});

test('a resident’s wish: published, claimed by a member, done with evidence, checked, confirmed and rated, every step a row', async () => {
  const created = await post(resident, '/api/needs', {
    kind: 'micro_wish', category: 'living', title: '想要一台收音机', description: '独居老人，想听戏曲', phone: '13900002222', address: '光明社区1号楼2单元301室', photos: [PNG],
  });
  assert.equal(created.status, 200, created.text);
  const id = created.body.id;
  assert.deepEqual([created.body.status, created.body.source, created.body.phoneMasked, created.body.photos.length], ['submitted', 'resident', '139****2222', 1]);
  assert.equal(created.body.addressMasked, '光明社区1号****');
  assert.ok(!created.text.includes('13900002222') && !created.text.includes('301室'), 'contact data never leaves in clear');
  const stored = await t.kernel.db.system((q) => q.query<{ requester_phone_enc: string }>('SELECT requester_phone_enc FROM needs WHERE id = $1', [id]));
  assert.match(stored[0]!.requester_phone_enc, /^v1:/);
  const revealed = await post(secretary, `/api/needs/${id}/reveal`, { field: 'address' });
  assert.equal(revealed.body.value, '光明社区1号楼2单元301室');
  assert.equal((await post(member, `/api/needs/${id}/reveal`, { field: 'phone' })).status, 404, 'a member outside the need does not even see it');
  assert.equal((await post(await t.login('wangge'), `/api/needs/${id}/reveal`, { field: 'phone' })).status, 404);
  const reveals = await t.kernel.db.system((q) => q.query<{ field: string }>('SELECT field FROM need_reveals WHERE need_id = $1', [id]));
  assert.deepEqual(reveals.map((r) => r.field), ['address'], 'the disclosure is recorded');

  const early = await post(member, `/api/needs/${id}/claim`);
  assert.equal(early.status, 400, 'not in the pool before the community accepts it');
  assert.equal(early.body.error.code, 'need.not_claimable');
  const accepted = await post(secretary, `/api/needs/${id}/accept`, { note: '发布到心愿池' });
  assert.equal(accepted.body.status, 'accepted');

  const pool = await t.request('GET', '/api/needs/pool', { cookie: member });
  const wish = pool.body.items.find((w: { id: number }) => w.id === id);
  assert.ok(wish, 'the member sees the published wish');
  assert.equal(wish.requester, '吴**', 'anonymized');
  assert.ok(!pool.text.includes('139****2222'));
  assert.equal((await t.request('GET', '/api/needs/pool', { cookie: await t.login('xiangyang') })).body.items.some((w: { id: number }) => w.id === id), false, 'another community’s pool does not show it');

  const claimed = await post(member, `/api/needs/${id}/claim`);
  assert.equal(claimed.status, 200, claimed.text);
  assert.deepEqual([claimed.body.status, claimed.body.requesterName, claimed.body.phoneMasked], ['claimed', '吴**', null]);
  assert.deepEqual(claimed.body.actions, ['start', 'done', 'withdraw']);

  const noEvidence = await post(member, `/api/needs/${id}/done`, { result: ' ' });
  assert.equal(noEvidence.status, 400);
  assert.equal(noEvidence.body.error.fieldCodes.result, 'field.empty');
  assert.match(noEvidence.body.error.fields.result, /办理结果/, 'the zh-CN message names the field');
  const done = await post(member, `/api/needs/${id}/done`, { result: '送去收音机一台，并教会使用', photos: [PNG] });
  assert.equal(done.body.status, 'done', done.text);
  assert.equal((await post(resident, `/api/needs/${id}/confirm`)).status, 403, 'the resident confirms only after the community checks');
  assert.equal((await post(secretary, `/api/needs/${id}/check`)).body.status, 'checked');
  assert.equal((await post(resident, `/api/needs/${id}/rate`, { rating: 5 })).status, 403, 'rated only once closed');
  assert.equal((await post(resident, `/api/needs/${id}/confirm`)).body.status, 'closed');
  const rated = await post(resident, `/api/needs/${id}/rate`, { rating: 5, comment: '谢谢党员同志' });
  assert.deepEqual([rated.body.status, rated.body.residentRating], ['rated', 5]);
  assert.deepEqual(
    rated.body.events.map((e: { toStatus: string }) => e.toStatus),
    ['submitted', 'accepted', 'claimed', 'done', 'checked', 'closed', 'rated'],
  );
  assert.ok(rated.body.events.every((e: { actorName: string }) => e.actorName), 'who took each step');
  assert.equal(rated.body.handlerName, '周志强', 'the resident sees who fulfilled the wish');
  const staffView = await t.request('GET', `/api/needs/${id}`, { cookie: secretary });
  assert.deepEqual(staffView.body.claims.map((c: { status: string }) => c.status), ['fulfilled']);
  assert.deepEqual(rated.body.photos.map((p: { purpose: string }) => p.purpose), ['need', 'evidence']);
  const photo = await t.app.inject({ method: 'GET', url: `/api/needs/${id}/photos/${rated.body.photos[0].id}`, headers: { cookie: resident } });
  assert.equal(photo.headers['content-type'], 'image/png');
});

test('two claims of one wish at the same instant: exactly one stands', async () => {
  const id = await publishedWish('修理轮椅');
  const taxUnit = (await t.request('GET', '/api/auth/me', { cookie: liaison })).body.grants[0].unitId;
  const results = await Promise.all([post(member, `/api/needs/${id}/claim`), post(liaison, `/api/needs/${id}/claim`, { unitId: taxUnit })]);
  assert.deepEqual(results.map((r) => r.status).sort(), [200, 409], results.map((r) => r.text).join('\n'));
  assert.equal(results.find((r) => r.status === 409)!.body.error.code, 'need.already_claimed');
  const active = await t.kernel.db.system((q) => q.query(`SELECT 1 FROM need_claims WHERE need_id = $1 AND status = 'active'`, [id]));
  assert.equal(active.length, 1);
});

test('a claim withdrawn returns the wish to the pool; staff revoke; the claimer then no longer sees it', async () => {
  const id = await publishedWish('陪同就医');
  assert.equal((await post(member, `/api/needs/${id}/claim`)).status, 200);
  const withdrawn = await post(member, `/api/needs/${id}/withdraw`, { reason: '临时出差' });
  assert.deepEqual(withdrawn.body, { id, status: 'accepted' });
  assert.equal((await t.request('GET', `/api/needs/${id}`, { cookie: member })).status, 404);
  assert.ok((await t.request('GET', '/api/needs/pool', { cookie: member })).body.items.some((w: { id: number }) => w.id === id));
  assert.equal((await post(member, `/api/needs/${id}/claim`)).status, 200);
  assert.equal((await post(secretary, `/api/needs/${id}/revoke`, { reason: '长期未联系居民' })).status, 200);
  const detail = await t.request('GET', `/api/needs/${id}`, { cookie: secretary });
  assert.deepEqual(detail.body.claims.map((c: { status: string; endNote: string }) => [c.status, c.endNote]), [['withdrawn', '临时出差'], ['revoked', '长期未联系居民']]);
  assert.equal(detail.body.events.at(-1).note, '长期未联系居民');
});

test('a livelihood matter is dispatched, reported in, goes overdue, escalates to the street, is done, checked and the department rated', async () => {
  const grid = await orgId('光明社区第一网格党支部');
  const created = await post(secretary, '/api/needs', {
    kind: 'livelihood', category: 'facilities', source: 'visit', orgId: grid, title: '3号楼前路灯不亮', placeText: '光明社区3号楼前', requesterName: '李桂兰', urgency: 'urgent',
  });
  assert.equal(created.status, 200, created.text);
  const id = created.body.id;
  await post(secretary, `/api/needs/${id}/accept`);
  const targets = await t.request('GET', '/api/needs/dispatch-targets', { cookie: secretary });
  const housing = targets.body.items.find((u: { name: string }) => u.name === '梅河口市住房和城乡建设局');
  assert.ok(housing, 'the district’s departments are dispatch targets of a community');
  const tax = targets.body.items.find((u: { name: string }) => u.name === '梅河口市税务局');

  const past = await post(secretary, `/api/needs/${id}/dispatch`, { unitId: tax.id, deadline: '2020-01-01T00:00:00+08:00' });
  assert.equal(past.status, 400);
  assert.equal(past.body.error.fieldCodes.deadline, 'need.deadline_past');
  const deadline = new Date(Date.now() + 3600_000).toISOString();
  const dispatched = await post(secretary, `/api/needs/${id}/dispatch`, { unitId: tax.id, deadline, note: '请税务局协调物业维修' });
  assert.deepEqual([dispatched.body.status, dispatched.body.handlerName, dispatched.body.overdue], ['dispatched', '梅河口市税务局', false]);

  // Another unit's liaison may not act on it; the assigned one must report in before it is done.
  const power = await t.kernel.db.system(async (q) => {
    const [u] = await q.query<{ id: number; org_id: number }>(`SELECT id, org_id FROM units WHERE name = '国网梅河口市供电公司'`);
    return u!;
  });
  const { body: otherUser } = await post(await t.login('admin'), '/api/users', {
    username: 'power_liaison', displayName: '供电公司联络员', password: 'Power12345', orgId: power.org_id, grants: [{ role: 'unit_liaison', orgId: power.org_id, unitId: power.id }],
  });
  assert.ok(otherUser.id, JSON.stringify(otherUser));
  const other = await t.login('power_liaison', 'Power12345');
  assert.equal((await post(other, `/api/needs/${id}/respond`, { note: '收到' })).status, 404);
  assert.equal((await post(liaison, `/api/needs/${id}/done`, { result: '修好了' })).status, 403, 'report in first');
  const responded = await post(liaison, `/api/needs/${id}/respond`, { note: '已联系物业，明天更换灯泡' });
  assert.equal(responded.body.status, 'in_progress', responded.text);

  // The deadline passes: read time says overdue before any sweep; the sweep escalates to the street.
  await t.kernel.db.system((q) => q.query(`UPDATE needs SET deadline = now() - interval '1 hour' WHERE id = $1`, [id]));
  const late = await t.request('GET', `/api/needs/${id}`, { cookie: secretary });
  assert.deepEqual([late.body.status, late.body.overdue], ['in_progress', true]);
  assert.ok((await t.request('GET', '/api/needs?overdue=true', { cookie: secretary })).body.items.some((n: { id: number }) => n.id === id));
  const swept = await post(street, '/api/needs/sweep', { orgId: await orgId('新华街道党工委', street) });
  assert.ok(swept.body.escalated >= 1, swept.text);
  const escalated = await t.request('GET', `/api/needs?escalated=true`, { cookie: street });
  const row = escalated.body.items.find((n: { id: number }) => n.id === id);
  assert.deepEqual([row.status, row.escalatedTo], ['overdue', '新华街道党工委']);

  const done = await post(liaison, `/api/needs/${id}/done`, { result: '已更换灯泡 2 个，路灯恢复' });
  assert.equal(done.body.status, 'done', done.text);
  assert.equal((await post(secretary, `/api/needs/${id}/check`)).body.status, 'checked');
  assert.equal((await post(liaison, `/api/needs/${id}/rate-department`, { rating: 5 })).status, 403);
  const rated = await post(secretary, `/api/needs/${id}/rate-department`, { rating: 3, comment: '超期办结' });
  assert.equal(rated.body.dispatches[0].rating, 3, rated.text);
  assert.ok(!rated.body.actions.includes('rateDepartment'));
  const closed = await post(secretary, `/api/needs/${id}/close`);
  assert.equal(closed.body.status, 'closed');

  const year = new Date().getFullYear();
  const ratings = await t.request('GET', `/api/needs/department-ratings?year=${year}`, { cookie: secretary });
  assert.deepEqual(ratings.body.items.find((r: { unitName: string }) => r.unitName === '梅河口市税务局'), {
    unitId: tax.id, unitName: '梅河口市税务局', year, count: 1, average: 3, onTime: 0,
  });
});

test('the dispatch slip prints the matter, the department, the deadline, the community, a number and signature lines — for the two sides only', async () => {
  const created = await post(secretary, '/api/needs', {
    kind: 'livelihood', category: 'facilities', orgId: await orgId('光明社区第二网格党支部'), title: '4号楼<井盖>松动', placeText: '光明社区4号楼北侧',
    requesterName: '孙立新', phone: '13900005555',
  });
  const id = created.body.id;
  await post(secretary, `/api/needs/${id}/accept`);
  const slip = (cookie: string) => t.app.inject({ method: 'GET', url: `/api/needs/${id}/slip`, headers: { cookie } });
  const early = await slip(secretary);
  assert.equal(early.statusCode, 400, 'nothing to print before it is dispatched');
  assert.equal(early.json().error.fieldCodes.status, 'need.slip_not_dispatched');

  const targets = (await t.request('GET', '/api/needs/dispatch-targets', { cookie: secretary })).body.items;
  const tax = targets.find((u: { name: string }) => u.name === '梅河口市税务局');
  const dispatched = await post(secretary, `/api/needs/${id}/dispatch`, { unitId: tax.id, deadline: '2099-06-30T18:00:00+08:00', note: '请协调物业加固' });
  assert.equal(dispatched.status, 200, dispatched.text);
  const d = dispatched.body.dispatches[0];
  const number = `PD${d.dispatchedAt.slice(0, 4)}${String(d.id).padStart(6, '0')}`;

  const printed = await slip(secretary);
  assert.equal(printed.statusCode, 200, printed.body);
  assert.match(printed.headers['content-type'] as string, /text\/html/);
  const html = printed.body;
  for (const part of [number, '4号楼&lt;井盖&gt;松动', '梅河口市税务局', '2099-06-30 18:00', '光明社区党委', '光明社区第二网格党支部', '请协调物业加固', '承办单位签收', '签收人签字', '经办人签字']) {
    assert.ok(html.includes(part), `${part} on the slip`);
  }
  assert.ok(!html.includes('<井盖>'), 'what users typed is escaped');
  assert.ok(html.includes('孙立新（139****5555）'), 'the community sees whom it is for, contact masked');

  const department = await slip(liaison);
  assert.equal(department.statusCode, 200, 'the department it went to prints it too');
  assert.ok(department.body.includes(number) && department.body.includes('光明社区党委'));
  assert.ok(department.body.includes('孙**') && !department.body.includes('孙立新') && !department.body.includes('5555'), 'anonymized for the department');

  assert.equal((await slip(await t.login('xiangyang'))).statusCode, 404, 'another community cannot print it');
  assert.equal((await slip(member)).statusCode, 404);
  await post(secretary, `/api/needs/${id}/recall`, { reason: '改由社区自行协调' });
  assert.equal((await slip(liaison)).statusCode, 403, 'once recalled, the department’s slip is void');
});

test('a department acts only on what is dispatched to it now, and only the department’s steps', async () => {
  const created = await post(secretary, '/api/needs', { kind: 'livelihood', category: 'facilities', orgId: await orgId('光明社区党委'), title: '健身器材损坏', requesterName: '马玉兰' });
  const id = created.body.id;
  await post(secretary, `/api/needs/${id}/accept`);
  const targets = (await t.request('GET', '/api/needs/dispatch-targets', { cookie: secretary })).body.items;
  const unit = (name: string) => targets.find((u: { name: string }) => u.name === name).id;
  const deadline = '2099-01-01T00:00:00+08:00';
  assert.equal((await post(secretary, `/api/needs/${id}/dispatch`, { unitId: unit('梅河口市税务局'), deadline })).status, 200);
  assert.equal((await post(liaison, `/api/needs/${id}/respond`, { note: '收到' })).body.status, 'in_progress');
  for (const [step, body] of [['check', {}], ['recall', { reason: '自行收回' }], ['dispatch', { unitId: unit('梅河口市住房和城乡建设局'), deadline }], ['close', {}]] as const) {
    const r = await post(liaison, `/api/needs/${id}/${step}`, body);
    assert.equal(r.status, 403, `${step}: ${r.text}`);
    assert.equal(r.body.error.code, 'need.step_refused_in_status');
    assert.equal(r.body.error.params.status, '办理中');
  }
  const noEvidence = await post(liaison, `/api/needs/${id}/done`, { result: '' });
  assert.equal(noEvidence.status, 400, 'done without a result is refused');
  assert.equal(noEvidence.body.error.fieldCodes.result, 'field.empty');

  // Taken back and sent to another department: the first one can no longer act on it, and is told why.
  await post(secretary, `/api/needs/${id}/recall`, { reason: '改派住建局' });
  assert.equal((await post(secretary, `/api/needs/${id}/dispatch`, { unitId: unit('梅河口市住房和城乡建设局'), deadline })).status, 200);
  for (const [step, body] of [['respond', { note: '继续办理' }], ['done', { result: '已修好' }]] as const) {
    const r = await post(liaison, `/api/needs/${id}/${step}`, body);
    assert.equal(r.status, 403, `${step}: ${r.text}`);
    assert.equal(r.body.error.code, 'need.no_longer_dispatched');
  }
  const stored = await t.kernel.db.system((q) => q.query<{ status: string; claimer_name: string }>('SELECT status, claimer_name FROM needs WHERE id = $1', [id]));
  assert.deepEqual(stored[0], { status: 'dispatched', claimer_name: '梅河口市住房和城乡建设局' });
});

test('a wish already claimed cannot be claimed again', async () => {
  const id = await publishedWish('想要一副老花镜');
  assert.equal((await post(member, `/api/needs/${id}/claim`)).status, 200);
  const taxUnit = (await t.request('GET', '/api/auth/me', { cookie: liaison })).body.grants[0].unitId;
  const again = await post(liaison, `/api/needs/${id}/claim`, { unitId: taxUnit });
  assert.equal(again.status, 409, again.text);
  assert.equal(again.body.error.code, 'need.already_claimed');
  assert.equal((await post(member, `/api/needs/${id}/claim`)).status, 409, 'not twice by the same member either');
});

test('illegal steps are refused in Chinese, by the service and by the database', async () => {
  const created = await post(secretary, '/api/needs', { kind: 'request', category: 'environment', orgId: await orgId('光明社区党委'), title: '楼道堆放杂物', requesterName: '张建国' });
  const id = created.body.id;
  const check = await post(secretary, `/api/needs/${id}/check`);
  assert.equal(check.status, 403);
  assert.equal(check.body.error.code, 'need.step_refused_in_status');
  assert.match(check.body.error.message, /当前「待受理」，您不能验收/, 'names the status and the step');
  const reject = await post(secretary, `/api/needs/${id}/reject`, { reason: '' });
  assert.equal(reject.status, 400);
  assert.equal(reject.body.error.fieldCodes.reason, 'field.empty');
  await assert.rejects(
    t.kernel.db.system((q) => q.query(`UPDATE needs SET status = 'closed' WHERE id = $1`, [id])),
    (err: { constraint?: string }) => err.constraint === 'needs_transition',
  );
  await assert.rejects(
    t.kernel.db.system((q) => q.query(`UPDATE needs SET status = 'accepted' WHERE id = $1`, [id]).then(() => q.query(`UPDATE needs SET status = 'in_progress' WHERE id = $1`, [id])).then(() => q.query(`UPDATE needs SET status = 'done' WHERE id = $1`, [id]))),
    (err: { constraint?: string }) => err.constraint === 'needs_evidence',
  );
  const rejected = await post(secretary, `/api/needs/${id}/reject`, { reason: '属物业职责，已转物业' });
  assert.deepEqual([rejected.body.status, rejected.body.events.at(-1).note], ['rejected', '属物业职责，已转物业']);
  assert.equal((await post(secretary, `/api/needs/${id}/accept`)).status, 403);
});

test('a need can be placed on a grid and building of its community; the grid map counts open needs per grid', async () => {
  const grids = (await t.request('GET', '/api/grids', { cookie: secretary })).body.items;
  const grid = grids[0];
  const buildings = (await t.request('GET', `/api/grids/${grid.id}/buildings`, { cookie: secretary })).body.items;
  const body = { kind: 'livelihood', category: 'facilities', orgId: grid.communityId, gridId: grid.id, buildingId: buildings[0].id, title: '楼道灯坏了', requesterName: '张德明' };
  const created = await post(secretary, '/api/needs', body);
  assert.equal(created.status, 200, created.text);
  assert.deepEqual([created.body.gridId, created.body.buildingId], [grid.id, buildings[0].id]);
  const other = grids.find((g: { id: number }) => g.id !== grid.id);
  const wrong = await post(secretary, '/api/needs', { ...body, gridId: other.id });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.error.fieldCodes.buildingId, 'need.building_outside_grid');
  const counts = await t.kernel.db.system((q) => needs.openNeedsByGrid(q, [grid.id]));
  assert.ok((counts.get(grid.id)?.open ?? 0) >= 1);
  const map = await t.request('GET', `/api/grids/map?orgId=${grid.communityId}&indicator=open_needs`, { cookie: secretary });
  assert.equal(map.status, 200, map.text);
  assert.equal(map.body.grids.find((g: { id: number }) => g.id === grid.id).value, counts.get(grid.id)!.open);
});

test('photos must be real, small images', async () => {
  const fake = await post(resident, '/api/needs', { kind: 'request', category: 'other', title: '测试', photos: ['data:image/png;base64,' + Buffer.from('<script>').toString('base64')] });
  assert.equal(fake.status, 400);
  assert.equal(fake.body.error.fieldCodes.photos, 'need.photo_type');
  const big = Buffer.alloc(2 * 1024 * 1024 + 10);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(big);
  const large = await post(resident, '/api/needs', { kind: 'request', category: 'other', title: '测试', photos: [`data:image/png;base64,${big.toString('base64')}`] });
  assert.equal(large.status, 400);
});

test('matching ranks the talent pool by grid, then by who is free now, and says why', async () => {
  const grid1 = await orgId('光明社区第一网格党支部');
  const grid2 = await orgId('光明社区第二网格党支部');
  const community = await orgId('光明社区党委');
  // Three people of the test's own making (a skill nobody else has): the lowest id in the need's grid is
  // never free, a higher one is always free, and one elsewhere in the community is always free too.
  const [notFree, free, elsewhere] = await t.kernel.db.system(async (q) => {
    const pick = async (org: number, offset: number, availability: string[]) => {
      const [p] = await q.query<{ id: number; name: string }>(
        `UPDATE people SET skills = '{水电维修工}', availability = $3
          WHERE id = (SELECT id FROM people WHERE org_id = ANY (SELECT id FROM organizations WHERE path <@ (SELECT path FROM organizations WHERE id = $1))
                       AND is_member AND left_region_on IS NULL ORDER BY id OFFSET $2 LIMIT 1) RETURNING id, name`,
        [org, offset, availability],
      );
      return p!;
    };
    return [await pick(grid1, 0, []), await pick(grid1, 1, ['weekday', 'evening', 'weekend']), await pick(grid2, 0, ['weekday', 'evening', 'weekend'])];
  });
  const grids = (await t.request('GET', '/api/grids', { cookie: secretary })).body.items;
  const gridOf = grids.find((g: { branchId: number | null }) => g.branchId === grid1);
  const created = await post(secretary, '/api/needs', {
    kind: 'livelihood', category: 'facilities', orgId: community, gridId: gridOf.id, title: '单元门禁损坏', requesterName: '王秀英',
  });
  assert.equal(created.status, 200, created.text);
  const res = await t.request('GET', `/api/needs/${created.body.id}/matches`, { cookie: secretary });
  assert.equal(res.status, 200, res.text);
  const members = res.body.items.filter((x: { kind: string }) => x.kind === 'member');
  const rank = (id: number) => members.findIndex((m: { id: number }) => m.id === id);
  assert.ok(rank(free.id) >= 0 && rank(notFree.id) >= 0 && rank(elsewhere.id) >= 0, res.text);
  assert.ok(rank(free.id) < rank(notFree.id), 'in the same grid, whoever is free now comes first');
  assert.ok(rank(notFree.id) < rank(elsewhere.id), 'the need’s own grid before the rest of the community, free or not');
  const reasons = (id: number) => members[rank(id)].reasons.map((r: { text: string }) => r.text).join(' ');
  assert.match(reasons(free.id), /同一网格（光明社区第一网格）/);
  assert.match(reasons(free.id), /技能：水电维修工/);
  assert.match(reasons(free.id), /有空（正当其时）/);
  assert.doesNotMatch(reasons(notFree.id), /有空/);
  assert.match(reasons(elsewhere.id), /相邻网格（光明社区第二网格）/, 'the second grid borders the first');

  const housing = res.body.items.find((x: { name: string }) => x.name === '梅河口市住房和城乡建设局');
  assert.ok(housing.reasons.some((r: { code: string }) => r.code === 'department'));
  const resources = res.body.items.filter((x: { kind: string }) => x.kind === 'resource');
  assert.ok(resources.length > 0, res.text);
  assert.ok(
    resources.every((r: { reasons: { code: string }[] }) => ['place.community_resource', 'place.street_resource'].includes(r.reasons[0]!.code)),
    'each resource says where it is',
  );
  // A resident does not see another's need at all: not found, before the role is asked.
  assert.equal((await t.request('GET', `/api/needs/${created.body.id}/matches`, { cookie: resident })).status, 404);
});

test('the time of week a moment falls in, and which grids border each other', () => {
  // 2026-11-21 is a Saturday; times are China Standard Time.
  assert.equal(slotAt(new Date('2026-11-21T10:00:00+08:00')), 'weekend');
  assert.equal(slotAt(new Date('2026-11-23T09:00:00+08:00')), 'weekday');
  assert.equal(slotAt(new Date('2026-11-23T17:59:00+08:00')), 'weekday');
  assert.equal(slotAt(new Date('2026-11-23T18:00:00+08:00')), 'evening');
  assert.equal(slotAt(new Date('2026-11-23T07:00:00+08:00')), 'weekday', 'Monday morning in Beijing, still Sunday in UTC');
  const square = (x: number, y: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + 10, y], [x + 10, y + 10], [x, y + 10], [x, y]]] });
  assert.equal(neighbours(square(0, 0), square(10, 0)), true, 'a shared edge');
  assert.equal(neighbours(square(0, 0), square(10, 10)), true, 'a shared corner');
  assert.equal(neighbours(square(0, 0), square(5, 10.5)), true, 'a hair apart is still next door');
  assert.equal(neighbours(square(0, 0), square(20, 0)), false);
});
