import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { COMMITMENT_STATUSES, REPORT_STATUSES } from './schema.ts';
import { resultOf } from './service.ts';

let t: TestApp;
let resident: string;
let secretary: string;
let member: string;
let liaison: string;
let street: string;
let otherSecretary: string;
before(async () => {
  t = await testApp({ demo: true });
  resident = await t.login('jumin');
  secretary = await t.login('guangming');
  member = await t.login('dangyuan');
  liaison = await t.login('liaison');
  street = await t.login('xinhua');
  otherSecretary = await t.login('xiangyang');
});
after(() => t.close());

const post = (cookie: string, url: string, body: unknown = {}) => t.request('POST', url, { cookie, body });
const get = (cookie: string, url: string) => t.request('GET', url, { cookie });
const sql = <R>(text: string, params: unknown[] = []) => t.kernel.db.system((q) => q.query<R & Record<string, unknown>>(text, params));
const guangming = async () => (await sql<{ id: number }>(`SELECT id::int FROM organizations WHERE name = '光明社区党委'`))[0]!.id;
const reportOf = async (party: string) =>
  (await sql<{ id: number }>(`SELECT r.id::int FROM commitment_reports r JOIN commitments c ON c.id = r.commitment_id WHERE c.party_name = $1 ORDER BY r.member_user_id IS NULL, r.id DESC LIMIT 1`, [party]))[0]!.id;

test('the demo: 93 pledges with items, members’ commitments at report-in, every state of a commitment and of a report', async () => {
  const [pledges] = await sql<{ n: number; bare: number }>(
    `SELECT count(DISTINCT c.unit_id)::int AS n, count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM commitment_items i WHERE i.commitment_id = c.id))::int AS bare
       FROM commitments c JOIN organizations o ON o.id = c.org_id WHERE c.kind = 'unit' AND o.name IN ('光明社区党委', '民主社区党委', '向阳社区党委', '胜利社区党委')`,
  );
  assert.deepEqual([pledges!.n, pledges!.bare], [93, 0]);
  const [members] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM commitments WHERE kind = 'member' AND report_in_id IS NOT NULL`);
  assert.ok(members!.n > 3000, String(members!.n));
  const states = await sql<{ status: string }>(`SELECT DISTINCT status FROM commitments`);
  assert.deepEqual(states.map((r) => r.status).sort(), [...COMMITMENT_STATUSES.values].sort());
  const reports = await sql<{ status: string }>(`SELECT DISTINCT status FROM commitment_reports`);
  assert.deepEqual(reports.map((r) => r.status).sort(), [...REPORT_STATUSES.values].sort());
});

test('a unit’s pledge: drafted by its liaison, signed by both sides with who and when; the database refuses a skipped step', async () => {
  const orgId = await guangming();
  const unitId = (await sql<{ id: number }>(`SELECT id::int FROM units WHERE name = '梅河口市税务局'`))[0]!.id;
  const created = await post(liaison, '/api/commitments', {
    kind: 'unit', orgId, unitId, startsOn: '2030-01-01', endsOn: '2032-12-31',
    items: [{ what: '每季度开展一次税法宣传进社区', cadence: 'quarterly', target: 4, source: 'evidence' }, { what: '会议室向居民开放', cadence: 'monthly', source: 'venue' }],
  });
  assert.equal(created.status, 200, created.text);
  const id = created.body.id;
  assert.deepEqual([created.body.status, created.body.items.length], ['draft', 2]);
  assert.deepEqual(created.body.actions, ['edit', 'signAsParty']);
  assert.equal((await post(liaison, `/api/commitments/${id}/sign`)).body.status, 'party_signed');
  assert.equal((await post(liaison, `/api/commitments/${id}/sign`)).body.error.code, 'commitment.signed_already');
  const signed = await post(secretary, `/api/commitments/${id}/sign`);
  assert.equal(signed.body.status, 'in_force');
  assert.ok(signed.body.partySigner.includes('孙伟') && signed.body.communitySigner.includes('王丽华') && signed.body.communitySignedAt, signed.text);
  const edit = await t.request('PUT', `/api/commitments/${id}/items`, { cookie: liaison, body: { items: [{ what: '改', cadence: 'once', source: 'evidence' }] } });
  assert.equal(edit.body.error.code, 'commitment.not_draft');
  await assert.rejects(sql(`UPDATE commitments SET status = 'draft' WHERE id = $1`, [id]), /cannot go from in_force to draft/);
  // The signed items hold in the database too, whoever writes: no item added, changed or removed.
  await assert.rejects(sql(`INSERT INTO commitment_items (org_id, commitment_id, what, cadence, source) VALUES ($1, $2, '补写', 'once', 'evidence')`, [orgId, id]), /frozen/);
  await assert.rejects(sql(`UPDATE commitment_items SET what = '改写' WHERE commitment_id = $1`, [id]), /frozen/);
  await assert.rejects(sql(`DELETE FROM commitment_items WHERE commitment_id = $1`, [id]), /frozen/);
  await assert.rejects(sql(`UPDATE commitments SET community_signer = '别人' WHERE id = $1`, [id]), /already signed/);
  const again = await post(liaison, '/api/commitments', { kind: 'unit', orgId, unitId, startsOn: '2030-01-01', endsOn: '2030-12-31', items: [{ what: '重复', cadence: 'once', source: 'evidence' }] });
  assert.equal(again.body.error.code, 'commitment.unit_term_taken');
});

test('a member’s draft report is assembled from the activities they attended; fulfilling is theirs alone', async () => {
  const reportId = await reportOf('周志强');
  const draft = await get(member, `/api/commitment-reports/${reportId}`);
  assert.equal(draft.status, 200, draft.text);
  assert.equal(draft.body.status, 'draft');
  assert.deepEqual(draft.body.actions, ['submit']);
  const partyDay = draft.body.items.find((i: { activityKind: string }) => i.activityKind === 'party_day');
  assert.ok(partyDay.found.length > 0 && partyDay.found.every((f: { source: string; title: string }) => f.source === 'activities' && f.title.includes('主题党日')), JSON.stringify(partyDay));
  const evidence = draft.body.items.find((i: { source: string }) => i.source === 'evidence');
  assert.deepEqual(evidence.actions, ['fulfil']);
  const commitmentId = draft.body.commitmentId;
  const theirs = await post(secretary, `/api/commitments/${commitmentId}/items/${evidence.id}/fulfil`, { evidence: '代写' });
  assert.equal(theirs.body.error.code, 'commitment.not_your_item');
  const stranger = await post(liaison, `/api/commitments/${commitmentId}/items/${evidence.id}/fulfil`, { evidence: '代写' });
  assert.equal(stranger.status, 404);
  const fulfilled = await post(member, `/api/commitments/${commitmentId}/items/${evidence.id}/fulfil`, { evidence: '在社区开展税法宣传 4 次' });
  assert.equal(fulfilled.body.items.find((i: { id: number }) => i.id === evidence.id).progress, 'evidenced');
  const submitted = await post(member, `/api/commitment-reports/${reportId}/submit`, { statement: '全年按承诺参加主题党日和志愿服务。' });
  assert.equal(submitted.body.status, 'submitted');
  assert.ok(submitted.body.items.find((i: { activityKind: string }) => i.activityKind === 'party_day').found.length > 0, 'the records are kept with the report');
  assert.deepEqual((await get(secretary, `/api/commitment-reports/${reportId}`)).body.actions, ['return', 'publish']);
});

test('questions and ratings: residents of the community ask and rate once, inside the window, never their own report', async () => {
  const school = await reportOf('梅河口市第五中学');
  const seen = await get(resident, `/api/commitment-reports/${school}`);
  assert.deepEqual([seen.status, seen.body.myRole, seen.body.actions], [200, 'resident', ['ask', 'rate']]);
  const asked = await post(resident, `/api/commitment-reports/${school}/questions`, { body: '暑假操场也开放吗？' });
  assert.equal(asked.body.questions.at(-1).askerRole, 'resident');
  const rated = await post(resident, `/api/commitment-reports/${school}/ratings`, { grade: 'basically' });
  assert.deepEqual([rated.body.myRating, rated.body.tally.total, rated.body.result], ['basically', 1, 'basically']);
  assert.equal((await post(resident, `/api/commitment-reports/${school}/ratings`, { grade: 'satisfied' })).body.error.code, 'commitment.rated_twice');

  const tax = await reportOf('梅河口市税务局');
  const own = await post(liaison, `/api/commitment-reports/${tax}/ratings`, { grade: 'satisfied' });
  assert.equal(own.body.error.code, 'commitment.own_report');
  assert.equal((await post(liaison, `/api/commitment-reports/${tax}/questions`, { body: '自问' })).body.error.code, 'commitment.own_report');
  const answered = await get(liaison, `/api/commitment-reports/${tax}`);
  assert.equal(answered.body.questions[0].answer.includes('提前三天'), true);

  const hospital = await reportOf('梅河口市中心医院');
  const closed = await post(otherSecretary, `/api/commitment-reports/${hospital}/ratings`, { grade: 'dissatisfied' });
  assert.equal(closed.body.error.code, 'commitment.rated_twice');
  const late = await post(street, `/api/commitment-reports/${hospital}/ratings`, { grade: 'dissatisfied' });
  assert.equal(late.status, 404, 'xinhua’s street does not reach 向阳');
  const heping = await t.login('heping');
  const outside = await post(heping, `/api/commitment-reports/${hospital}/ratings`, { grade: 'dissatisfied' });
  assert.equal(outside.body.error.code, 'commitment.window_closed');
  assert.equal((await get(heping, `/api/commitment-reports/${hospital}`)).body.result, 'satisfied');

  // A resident of 光明 reaches no report of 向阳, not even to ask.
  const elsewhere = await post(resident, `/api/commitment-reports/${hospital}/questions`, { body: '越界' });
  assert.equal(elsewhere.body.error.code, 'commitment.not_your_community');
  // The database holds the window too, whatever a route does.
  await assert.rejects(
    sql(`INSERT INTO commitment_ratings (org_id, report_id, rater_user_id, rater_name, rater_role, grade) SELECT org_id, id, 1, 'x', 'community', 'satisfied' FROM commitment_reports WHERE id = $1`, [hospital]),
    /closed/,
  );
});

test('who sees what: members their own, units their own, residents only what is published to them', async () => {
  const mine = await get(member, '/api/commitments');
  assert.ok(mine.body.items.length > 0 && mine.body.items.every((c: { partyName: string }) => c.partyName === '周志强'), mine.text);
  const units = await get(liaison, '/api/commitments');
  assert.ok(units.body.items.every((c: { partyName: string; kind: string }) => c.kind === 'unit' && c.partyName === '梅河口市税务局'), units.text);
  const residents = await get(resident, '/api/commitment-reports?pageSize=200');
  assert.ok(residents.body.items.length >= 2 && residents.body.items.every((r: { status: string; orgName: string | null }) => r.status === 'published'), residents.text);
  assert.equal((await get(resident, '/api/commitments')).body.items.every((c: { status: string }) => c.status === 'in_force'), true);
  const drafts = await get(resident, `/api/commitment-reports/${await reportOf('周志强')}`);
  assert.equal(drafts.status, 404);
});

test('the community opens a report window: one draft per commitment in force, only by its secretary', async () => {
  const orgId = await guangming();
  const refused = await post(member, '/api/commitment-windows', { orgId, year: 2031, title: '越权', opensAt: '2031-01-01T00:00:00+08:00', closesAt: '2031-02-01T00:00:00+08:00' });
  assert.equal(refused.body.error.code, 'commitment.community_only');
  const backwards = await post(secretary, '/api/commitment-windows', { orgId, year: 2031, title: '倒置', opensAt: '2031-02-01T00:00:00+08:00', closesAt: '2031-01-01T00:00:00+08:00' });
  assert.equal(backwards.body.error.code, 'commitment.window_span');
  const opened = await post(secretary, '/api/commitment-windows', { orgId, year: 2031, title: '2031 年度述诺', opensAt: '2031-01-01T00:00:00+08:00', closesAt: '2031-02-01T00:00:00+08:00' });
  assert.equal(opened.status, 200, opened.text);
  assert.equal(opened.body.reports, 1, 'only the pledge signed above reaches into 2031');
});

test('the result is derived: two thirds satisfied, more than a third dissatisfied, else basically', () => {
  assert.equal(resultOf({ satisfied: 0, basically: 0, dissatisfied: 0 }), null);
  assert.equal(resultOf({ satisfied: 2, basically: 1, dissatisfied: 0 }), 'satisfied');
  assert.equal(resultOf({ satisfied: 1, basically: 1, dissatisfied: 0 }), 'basically');
  assert.equal(resultOf({ satisfied: 2, basically: 0, dissatisfied: 2 }), 'dissatisfied');
});

test('the list reads the filters a figure links with: a member’s or a unit’s commitments of a year', async () => {
  const [one] = await sql<{ person_id: number; year: number }>(
    `SELECT person_id::int, extract(year FROM starts_on)::int AS year FROM commitments WHERE kind = 'member' AND org_id = $1 ORDER BY id LIMIT 1`, [await guangming()]);
  const theirs = await get(secretary, `/api/commitments?personId=${one!.person_id}&year=${one!.year}`);
  assert.equal(theirs.status, 200, theirs.text);
  assert.ok(theirs.body.items.length >= 1);
  assert.ok(theirs.body.items.every((c: { personId: number; startsOn: string; endsOn: string }) =>
    c.personId === one!.person_id && c.startsOn <= `${one!.year}-12-31` && c.endsOn >= `${one!.year}-01-01`), theirs.text);
  assert.equal((await get(secretary, `/api/commitments?personId=${one!.person_id}&year=2001`)).body.total, 0, 'another year holds none of them');
  const [unit] = await sql<{ unit_id: number }>(`SELECT unit_id::int FROM commitments WHERE kind = 'unit' AND org_id = $1 ORDER BY id LIMIT 1`, [await guangming()]);
  const units = await get(secretary, `/api/commitments?unitId=${unit!.unit_id}`);
  assert.ok(units.body.items.length >= 1 && units.body.items.every((c: { unitId: number }) => c.unitId === unit!.unit_id), units.text);
  assert.equal((await get(secretary, '/api/commitments?year=1900')).body.error.fieldCodes.year, 'field.year_range');
});
