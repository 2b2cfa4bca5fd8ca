import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { regionYear } from '../../kernel/time.ts';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import type { MemberFigures } from './schema.ts';
import { proposeGrade } from './service.ts';

let t: TestApp;
let secretary: string;
let otherSecretary: string;
let member: string;
const year = regionYear();
before(async () => {
  t = await testApp({ demo: true });
  secretary = await t.login('guangming');
  otherSecretary = await t.login('xiangyang');
  member = await t.login('dangyuan');
});
after(() => t.close());

const post = (cookie: string, url: string, body: unknown = {}) => t.request('POST', url, { cookie, body });
const get = (cookie: string, url: string) => t.request('GET', url, { cookie });
const sql = <R>(text: string, params: unknown[] = []) => t.kernel.db.system((q) => q.query<R & Record<string, unknown>>(text, params));
const roundOf = async (y: number) =>
  (await sql<{ id: number }>(`SELECT r.id::int FROM evaluation_rounds r JOIN organizations o ON o.id = r.org_id WHERE o.name = '光明社区党委' AND r.year = $1`, [y]))[0]!.id;
const zhou = async () => (await sql<{ id: number }>(`SELECT p.id::int FROM people p JOIN users u ON u.id = p.user_id WHERE u.username = 'dangyuan'`))[0]!.id;

const figures = (f: Partial<MemberFigures>): MemberFigures => ({
  commitmentId: 1, reportId: 1, items: 3, fulfilled: 3, peer: { satisfied: 0, basically: 0, dissatisfied: 0 }, residents: { satisfied: 0, basically: 0, dissatisfied: 0 },
  points: 50, threshold: 40, postWork: 0, posts: [], ...f,
});

test('the proposed grade follows the documented rule', () => {
  const tally = (satisfied: number, basically: number, dissatisfied: number) => ({ satisfied, basically, dissatisfied });
  assert.equal(proposeGrade(figures({ peer: tally(2, 0, 0), residents: tally(1, 0, 0) })), 'excellent');
  assert.equal(proposeGrade(figures({ peer: tally(2, 0, 0), residents: tally(1, 0, 0), fulfilled: 2 })), 'qualified', 'an item not fulfilled');
  assert.equal(proposeGrade(figures({ peer: tally(2, 0, 0), residents: tally(1, 0, 0), points: 30 })), 'qualified', 'below the threshold');
  assert.equal(proposeGrade(figures({})), 'qualified', 'no ratings');
  assert.equal(proposeGrade(figures({ peer: tally(1, 0, 2), residents: tally(1, 0, 0) })), 'basically_qualified');
  assert.equal(proposeGrade(figures({ peer: tally(0, 1, 1), residents: tally(0, 0, 1) })), 'unqualified');
  assert.equal(proposeGrade(figures({ points: 0, fulfilled: null, postWork: 0 })), 'basically_qualified', 'nothing on record');
});

test('the demo: last year’s round confirmed for every member at the proposals, this year’s in progress', async () => {
  const closed = (await get(secretary, `/api/evaluation-rounds/${await roundOf(year - 1)}`)).body;
  assert.equal(closed.status, 'closed');
  assert.ok(closed.rows.length > 10, String(closed.rows.length));
  assert.ok(closed.rows.every((r: { confirmed: { grade: string; proposed: string } | null }) => r.confirmed && r.confirmed.grade === r.confirmed.proposed));
  const open = (await get(secretary, `/api/evaluation-rounds/${await roundOf(year)}`)).body;
  assert.equal(open.status, 'open');
  assert.deepEqual(open.actions, ['confirm']);
  assert.equal(open.rows.length, open.members);
  assert.ok(open.rows.some((r: RowShape) => r.figures.points > 0), 'points from the ledger');
  assert.equal(open.distribution.reduce((n: number, d: { proposed: number }) => n + d.proposed, 0), open.rows.length);
});

interface RowShape { personId: number; proposed: string; figures: MemberFigures; confirmed: { grade: string; proposed: string; reason: string | null; by: string } | null }

test('a member’s grade is proposed from records and confirmed; a change needs a reason; who and when are kept beside the proposal', async () => {
  const id = await roundOf(year);
  const personId = await zhou();
  const row = (await get(secretary, `/api/evaluation-rounds/${id}`)).body.rows.find((r: RowShape) => r.personId === personId) as RowShape;
  assert.ok(row.figures.commitmentId, 'his commitment of the year');
  assert.ok(row.figures.reportId, 'his report of the year');
  const other = row.proposed === 'excellent' ? 'qualified' : 'excellent';
  const bare = await post(secretary, `/api/evaluation-rounds/${id}/grades/${personId}`, { grade: other });
  assert.equal(bare.status, 400);
  assert.equal(bare.body.error.code, 'evaluation.reason_required');
  assert.deepEqual(bare.body.error.fieldCodes, { reason: 'evaluation.reason_required' });
  const changed = await post(secretary, `/api/evaluation-rounds/${id}/grades/${personId}`, { grade: other, reason: '全年坚持为居民做税法宣传' });
  assert.equal(changed.status, 200, changed.text);
  const mine = changed.body.rows.find((r: RowShape) => r.personId === personId) as RowShape;
  assert.deepEqual([mine.confirmed!.grade, mine.confirmed!.proposed, mine.confirmed!.reason], [other, row.proposed, '全年坚持为居民做税法宣传']);
  assert.ok(mine.confirmed!.by);
  const closing = await post(secretary, `/api/evaluation-rounds/${id}/close`);
  assert.equal(closing.body.error.code, 'evaluation.unconfirmed');
});

test('another branch’s round cannot be confirmed: a secretary elsewhere does not reach it', async () => {
  const id = await roundOf(year);
  const res = await post(otherSecretary, `/api/evaluation-rounds/${id}/grades/${await zhou()}`, { grade: 'qualified', reason: '越权' });
  assert.equal(res.status, 404);
  assert.equal(res.body.error.code, 'kernel.not_found');
  assert.equal((await post(otherSecretary, `/api/evaluation-rounds/${id}/close`)).body.error.code, 'kernel.not_found');
  const [{ n } = { n: -1 }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM evaluation_grades WHERE round_id = $1 AND confirmed_by_id = (SELECT id FROM users WHERE username = 'xiangyang')`, [id]);
  assert.equal(n, 0);
});

test('a closed round’s grades stand', async () => {
  const id = await roundOf(year - 1);
  const res = await post(secretary, `/api/evaluation-rounds/${id}/grades/${await zhou()}`, { grade: 'qualified', reason: '改' });
  assert.equal(res.body.error.code, 'evaluation.round_closed');
});

test('a member sees only their own grades', async () => {
  const own = await get(member, '/api/evaluation-grades');
  assert.equal(own.status, 200, own.text);
  assert.ok(own.body.items.length >= 1, 'last year’s confirmed grade');
  const [someone] = await sql<{ id: number }>(`SELECT person_id::int AS id FROM evaluation_grades WHERE person_id <> $1 LIMIT 1`, [await zhou()]);
  const others = await get(member, `/api/evaluation-grades?personId=${someone!.id}`);
  assert.equal(others.status, 403);
  assert.equal(others.body.error.code, 'evaluation.own_only');
  assert.equal((await get(member, `/api/evaluation-rounds/${await roundOf(year - 1)}`)).body.error.code, 'kernel.not_found');
  assert.equal((await get(secretary, `/api/evaluation-grades?personId=${someone!.id}`)).body.items.length, 1);
});

test('one round per branch and year', async () => {
  const orgId = (await sql<{ id: number }>(`SELECT id::int FROM organizations WHERE name = '光明社区党委'`))[0]!.id;
  const again = await post(secretary, '/api/evaluation-rounds', { orgId, year });
  assert.equal(again.status, 409);
  assert.equal(again.body.error.code, 'evaluation.round_taken');
  assert.deepEqual(again.body.error.fieldCodes, { year: 'evaluation.round_taken' });
  const list = (await get(secretary, `/api/evaluation-rounds?orgId=${orgId}`)).body;
  assert.deepEqual(list.actions, ['create']);
  assert.deepEqual((await get(member, `/api/evaluation-rounds?orgId=${orgId}`)).body.actions, []);
});

test('units evaluated by the community: pledge fulfilment and report ratings, reported back once', async () => {
  const orgId = (await sql<{ id: number }>(`SELECT id::int FROM organizations WHERE name = '光明社区党委'`))[0]!.id;
  const units = (await get(secretary, `/api/evaluation/units?orgId=${orgId}&year=${year}`)).body.items as { unitId: number; unitName: string; tally: { satisfied: number }; result: string | null; actions: string[] }[];
  const tax = units.find((u) => u.unitName === '梅河口市税务局')!;
  assert.equal(tax.tally.satisfied, 2);
  assert.equal(tax.result, 'satisfied');
  assert.deepEqual(tax.actions, ['reportBack']);
  const sent = await post(secretary, `/api/evaluation/units/${tax.unitId}/report-back`, { orgId, year, body: '全年履行共建承诺，居民评价满意。' });
  assert.equal(sent.status, 200, sent.text);
  assert.equal((await post(secretary, `/api/evaluation/units/${tax.unitId}/report-back`, { orgId, year, body: '再次' })).body.error.code, 'evaluation.reported_back');
  const liaison = await t.login('liaison');
  const [{ n } = { n: -1 }] = await t.kernel.db.system((q) => q.query<{ n: number }>(`SELECT count(*)::int AS n FROM evaluation_unit_reports WHERE unit_id = $1`, [tax.unitId]));
  assert.equal(n, 1);
  assert.equal((await get(liaison, `/api/evaluation/units?orgId=${orgId}&year=${year}`)).body.error.code, 'evaluation.staff_only');
  const sheet = await t.request('GET', `/api/evaluation/units/table.xlsx?orgId=${orgId}&year=${year}`, { cookie: secretary });
  assert.equal(sheet.status, 200);
  assert.match(String(sheet.headers['content-type']), /spreadsheetml/);
  assert.equal((await get(liaison, `/api/evaluation/units/table.xlsx?orgId=${orgId}&year=${year}`)).body.error.code, 'evaluation.staff_only');
});

test('departments rated by communities: one yearly row each, from the dispatch ratings', async () => {
  const admin = await t.login('admin');
  const rows = (await get(admin, `/api/evaluation/departments?year=${year}`)).body.items as { rated: number; satisfied: number; satisfiedShare: number; needIds: number[] }[];
  const [{ n } = { n: -1 }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM need_dispatches WHERE rating IS NOT NULL AND extract(year FROM rated_at AT TIME ZONE 'Asia/Shanghai') = $1`, [year]);
  assert.equal(rows.reduce((s, r) => s + r.rated, 0), n);
  for (const r of rows) assert.ok(r.needIds.length >= 1 && r.satisfied <= r.rated);
});
