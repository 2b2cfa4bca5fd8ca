import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../../test/support/app.ts';
import { REGION_TIME_ZONE, regionToday } from '../../kernel/time.ts';
import type { AnnualReport, Statistics } from './schema.ts';

let t: TestApp;
let admin: string;
let secretary: string;
let otherSecretary: string;
let member: string;
const to = regionToday();
const from = `${Number(to.slice(0, 4)) - 2}-01-01`;
before(async () => {
  t = await testApp({ demo: true });
  admin = await t.login('admin');
  secretary = await t.login('guangming');
  otherSecretary = await t.login('xiangyang');
  member = await t.login('dangyuan');
});
after(() => t.close());

const get = (cookie: string, url: string, lang?: string) => t.request('GET', url, { cookie, ...(lang ? { headers: { 'accept-language': lang } } : {}) });
const sql = async (text: string, params: unknown[] = []) => t.kernel.db.system((q) => q.query<Record<string, unknown>>(text, params));
const orgNamed = async (name: string) => (await sql(`SELECT id::int, path::text FROM organizations WHERE name = $1`, [name]))[0] as { id: number; path: string };

/**
 * The records themselves, counted here without the modules' code: the
 * statistics must equal them (the seed figures check), whatever the demo holds.
 */
async function recount({ id, path }: { id: number; path: string }): Promise<Record<string, number>> {
  const under = (alias: string) => `${alias}.org_id IN (SELECT id FROM organizations WHERE path <@ '${path}'::ltree)`;
  const day = (d: string) => `('${d}'::date)::timestamp AT TIME ZONE '${REGION_TIME_ZONE}'`;
  const within = (col: string) => `${col} >= ${day(from)} AND ${col} < ${day(to)} + interval '1 day'`;
  const n = async (text: string) => Number((await sql(`SELECT count(*)::int AS n FROM ${text}`))[0]!.n);
  const spent = Object.fromEntries(
    (await sql(
      `SELECT s.kind, coalesce(sum(e.amount_fen), 0)::text AS fen FROM fund_sources s
         LEFT JOIN fund_entries e ON e.source_id = s.id AND ${under('e')} AND e.kind = 'expense' AND e.status = 'posted' AND e.entry_on BETWEEN '${from}' AND '${to}'
        GROUP BY s.kind`,
    )).map((r) => [`funds.spent.${r.kind as string}`, Number(r.fen) / 100]),
  );
  const kinds = ['city_budget', 'party_fee_reward', 'department', 'sponsorship', 'donation', 'owners'];
  return {
    'orgs.organizations': await n(`organizations o WHERE o.path <@ '${path}'::ltree AND o.status = 'active'`),
    'people.members': await n(`people p WHERE ${under('p')} AND p.is_member AND p.left_region_on IS NULL`),
    'reportins.reported': await n(`(SELECT DISTINCT r.person_id FROM report_ins r WHERE ${under('r')} AND r.status = 'accepted') x`),
    'grids.grids': await n(`grids g WHERE ${under('g')}`),
    'grids.households': await n(`households h WHERE ${under('h')}`),
    'grids.visits': await n(`visits v WHERE ${under('v')} AND v.visited_on BETWEEN '${from}' AND '${to}'`),
    'needs.received': await n(`needs n WHERE ${under('n')} AND ${within('n.created_at')}`),
    'needs.submitted': await n(`needs n WHERE ${under('n')} AND n.status = 'submitted'`),
    'needs.solved': await n(`needs n WHERE ${under('n')} AND ${within('n.done_at')}`),
    'needs.solvedInTime': await n(`needs n WHERE ${under('n')} AND ${within('n.done_at')} AND n.done_at <= n.deadline`),
    'activities.held': await n(`activities a WHERE ${under('a')} AND a.status = 'open' AND a.ends_at < now() AND ${within('a.starts_at')}`),
    'activities.attendance': await n(`activity_signups s JOIN activities a ON a.id = s.activity_id WHERE ${under('s')} AND s.status = 'attended' AND ${within('a.starts_at')}`),
    'evaluation.reportedBack': await n(`evaluation_unit_reports r WHERE ${under('r')} AND ${within('r.sent_at')}`),
    'meetings.openTasks': await n(`meeting_tasks t WHERE ${under('t')} AND t.status <> 'done'`),
    'meetings.overdueTasks': await n(`meeting_tasks t WHERE ${under('t')} AND t.status <> 'done' AND t.deadline < current_date`),
    'points.belowThreshold': await n(
      `people m CROSS JOIN gj_points_rule(${id}, 'threshold', make_date(${to.slice(0, 4)}, 12, 31)) t
        WHERE ${under('m')} AND m.is_member
          AND coalesce((SELECT sum(e.points) FROM points_entries e WHERE e.person_id = m.id AND e.year = ${to.slice(0, 4)}), 0) < t.points`,
    ),
    ...Object.fromEntries(kinds.map((k) => [`funds.spent.${k}`, spent[`funds.spent.${k}`] ?? 0])),
    'reception.onDuty': await n(`(SELECT DISTINCT s.representative_id FROM reception_duty_slots s WHERE ${under('s')} AND s.on_date BETWEEN '${from}' AND '${to}') x`),
    'reception.visitors': await n(`reception_visits v WHERE ${under('v')} AND v.visited_on BETWEEN '${from}' AND '${to}'`),
    'reception.solved': await n(
      `reception_visits v JOIN needs n ON n.id = v.need_id WHERE ${under('v')} AND v.visited_on BETWEEN '${from}' AND '${to}' AND n.status IN ('checked', 'closed', 'rated')`,
    ),
  };
}

const valuesOf = (s: Statistics) => Object.fromEntries(s.figures.map((f) => [f.key, f.value]));

test('seed figures: the reference model’s statistics equal counts of its records, for the city, a street and a community', async () => {
  const city = await orgNamed('中共梅河口市委');
  const res = await get(admin, `/api/orgs/${city.id}/statistics?from=${from}&to=${to}`);
  assert.equal(res.status, 200, res.text);
  const stats = res.body as Statistics;
  assert.deepEqual(valuesOf(stats), await recount(city));
  assert.ok(valuesOf(stats)['people.members']! > 0 && valuesOf(stats)['grids.households']! > 0, 'the demo has records behind the figures');
  assert.ok(Object.keys(valuesOf(stats)).some((k) => k.startsWith('funds.spent.') && valuesOf(stats)[k]! > 0), 'the reference model’s funds by source');
  // Side by side: every child's figures are its own subtree's records.
  assert.ok(stats.children.length > 1);
  for (const child of stats.children) {
    const { path } = (await sql(`SELECT path::text FROM organizations WHERE id = $1`, [child.orgId]))[0] as { path: string };
    assert.deepEqual(child.values, await recount({ id: child.orgId, path }), child.name);
  }
  const community = await orgNamed('光明社区党委');
  const mine = (await get(secretary, `/api/orgs/${community.id}/statistics?from=${from}&to=${to}`)).body as Statistics;
  assert.deepEqual(valuesOf(mine), await recount(community));
  assert.ok(valuesOf(mine)['points.belowThreshold']! > 0, 'the community’s threshold counts its members below it');
});

test('each figure links to its list filtered the same way; the key figures come per month and add up', async () => {
  const community = await orgNamed('光明社区党委');
  const stats = (await get(secretary, `/api/orgs/${community.id}/statistics?from=${from}&to=${to}`)).body as Statistics;
  const submitted = stats.figures.find((f) => f.key === 'needs.submitted')!;
  assert.equal(submitted.link, `/needs?orgId=${community.id}&status=submitted`);
  assert.deepEqual(submitted.label, { zh: '待受理的需求', en: 'Needs awaiting acceptance' });
  assert.equal(stats.trend.months[0], from.slice(0, 7));
  assert.equal(stats.trend.months.at(-1), to.slice(0, 7));
  assert.ok(stats.trend.series.length >= 2);
  for (const s of stats.trend.series) {
    assert.equal(s.values.length, stats.trend.months.length);
    assert.equal(s.values.reduce((a, b) => a + b, 0), valuesOf(stats)[s.key], s.key);
  }
});

test('a period ending before it starts, or longer than ten years, is refused naming the field', async () => {
  const community = await orgNamed('光明社区党委');
  const backwards = await get(secretary, `/api/orgs/${community.id}/statistics?from=2025-05-01&to=2025-04-30`);
  assert.equal(backwards.status, 400);
  assert.deepEqual(backwards.body.error.fieldCodes, { from: 'field.not_after', to: 'field.not_before' });
  const long = await get(secretary, `/api/orgs/${community.id}/statistics?from=2014-01-01&to=2024-01-01`, 'en');
  assert.equal(long.status, 400);
  assert.deepEqual(long.body.error.fieldCodes, { to: 'statistics.period_too_long' });
  assert.match(long.body.error.fields.to, /10 years/);
  const zh = await get(secretary, `/api/orgs/${community.id}/statistics?from=2014-01-01&to=2024-01-01`);
  assert.match(zh.body.error.fields.to, /截止日期/);
  assert.equal((await get(secretary, `/api/orgs/${community.id}/statistics?from=2014-01-01&to=2023-12-31`)).status, 200, 'ten years exactly');
});

test('figures only for organizations in the caller’s scope, and only for staff', async () => {
  const community = await orgNamed('光明社区党委');
  const other = await get(otherSecretary, `/api/orgs/${community.id}/statistics`);
  assert.equal(other.status, 404);
  const own = (await sql(`SELECT p.org_id::int AS id FROM people p JOIN users u ON u.id = p.user_id WHERE u.username = 'dangyuan'`))[0]!.id as number;
  const byMember = await get(member, `/api/orgs/${own}/statistics`);
  assert.equal(byMember.status, 403);
  assert.equal(byMember.body.error.code, 'statistics.staff_only');
});

test('anti-formalism: the statistics name and rank nobody — only counts of records', async () => {
  const city = await orgNamed('中共梅河口市委');
  const res = await get(admin, `/api/orgs/${city.id}/statistics?from=${from}&to=${to}`);
  const stats = res.body as Statistics;
  assert.deepEqual(Object.keys(stats).sort(), ['children', 'figures', 'from', 'orgId', 'orgName', 'to', 'trend']);
  for (const f of stats.figures) assert.deepEqual(Object.keys(f).sort(), ['key', 'label', 'link', 'period', 'value']);
  // Children are organizations, never people.
  const orgIds = new Set((await sql(`SELECT id::int FROM organizations`)).map((r) => r.id as number));
  assert.ok(stats.children.every((c) => orgIds.has(c.orgId)));
  const names = (await sql(`SELECT DISTINCT name FROM people WHERE length(name) >= 2`)).map((r) => r.name as string);
  const leaked = names.filter((n) => res.text.includes(n));
  assert.deepEqual(leaked, [], 'no person’s name in the answer');
  assert.doesNotMatch(res.text, /rank|personId|userId|排名|排行/i);
});

test('seed figures: 平房区’s reception office on the statistics page, counted from its duty and visits, as its own page counts them', async () => {
  const district = await orgNamed('新疆街道党工委（平房区模式）');
  const stats = (await get(admin, `/api/orgs/${district.id}/statistics?from=${from}&to=${to}`)).body as Statistics;
  const office = (await get(admin, `/api/reception/figures?orgId=${district.id}&from=${from}&to=${to}`)).body;
  const v = valuesOf(stats);
  assert.deepEqual([v['reception.onDuty'], v['reception.visitors'], v['reception.solved']], [office.onDuty, office.visitors, office.solved]);
  assert.deepEqual(v, await recount(district));
  assert.ok(v['reception.visitors']! > 0 && v['reception.solved']! > 0, 'the demo has visitors, some of whose problems were solved');
  assert.equal(stats.figures.find((f) => f.key === 'reception.visitors')!.link, `/reception?orgId=${district.id}&from=${from}&to=${to}`);
});

test('the year-end report: the statistics page’s figures for the year with last year’s beside them, and the candidates the records put forward, in name order', async () => {
  const community = await orgNamed('光明社区党委');
  const year = Number(to.slice(0, 4));
  const res = await get(secretary, `/api/orgs/${community.id}/annual-report?year=${year}`);
  assert.equal(res.status, 200, res.text);
  const report = res.body as AnnualReport;
  assert.deepEqual([report.from, report.to], [`${year}-01-01`, to], 'this year so far');
  const now = (await get(secretary, `/api/orgs/${community.id}/statistics?from=${year}-01-01&to=${to}`)).body as Statistics;
  assert.deepEqual(Object.fromEntries(report.figures.map((f) => [f.key, f.value])), valuesOf(now), 'the same counts as the statistics page');
  const last = (await get(secretary, `/api/orgs/${community.id}/statistics?from=${year - 1}-01-01&to=${year - 1}-12-31`)).body as Statistics;
  for (const f of report.figures) assert.equal(f.previous, f.period ? valuesOf(last)[f.key] : null, f.key);

  const kinds = Object.fromEntries(report.commendations.map((c) => [c.key, c.people]));
  assert.deepEqual(Object.keys(kinds).sort(), ['excellent_members', 'points_threshold', 'serving_holders', 'well_rated_units']);
  const rated = await sql(
    `SELECT DISTINCT ON (c.unit_id, c.org_id) c.party_name AS name, r.satisfied, r.basically, r.dissatisfied
       FROM commitments c JOIN commitment_reports r ON r.commitment_id = c.id JOIN commitment_windows w ON w.id = r.window_id AND w.year = ${year}
      WHERE c.kind = 'unit' AND c.org_id IN (SELECT id FROM organizations WHERE path <@ '${community.path}'::ltree) ORDER BY c.unit_id, c.org_id, r.id DESC`,
  ) as { name: string; satisfied: number; basically: number; dissatisfied: number }[];
  const satisfying = rated.filter((r) => {
    const total = r.satisfied + r.basically + r.dissatisfied;
    return total > 0 && r.dissatisfied * 3 <= total && r.satisfied * 3 >= total * 2;
  });
  assert.ok(satisfying.length > 0, 'the demo’s units are rated this year');
  assert.deepEqual(kinds.well_rated_units!.map((p) => p.name).sort(), satisfying.map((r) => r.name).sort());
  const reached = await sql(
    `SELECT m.name FROM people m CROSS JOIN gj_points_rule(${community.id}, 'threshold', make_date(${year}, 12, 31)) t
      WHERE m.org_id IN (SELECT id FROM organizations WHERE path <@ '${community.path}'::ltree) AND m.is_member
        AND (SELECT sum(e.points) FROM points_entries e WHERE e.person_id = m.id AND e.year = ${year}) >= t.points`,
  );
  assert.deepEqual(kinds.points_threshold!.map((p) => p.name).sort(), reached.map((r) => r.name as string).sort());
  const excellent = await sql(
    `SELECT person_name AS name FROM evaluation_grades WHERE year = ${year} AND grade = 'excellent' AND org_id IN (SELECT id FROM organizations WHERE path <@ '${community.path}'::ltree)`,
  );
  assert.deepEqual(kinds.excellent_members!.map((p) => p.name).sort(), excellent.map((r) => r.name as string).sort());
  assert.ok(report.commendations.some((c) => c.people.length > 0), 'the demo’s year puts someone forward');
  for (const c of report.commendations) {
    const names = c.people.map((p) => p.name);
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'zh-CN')), `${c.key} in name order, never by a score`);
  }
  assert.doesNotMatch(res.text, /rank|排名|排行/i);

  const sheet = await get(secretary, `/api/orgs/${community.id}/annual-report/export?year=${year}`);
  assert.equal(sheet.status, 200);
  assert.match(String(sheet.headers['content-disposition']), new RegExp(encodeURIComponent(`光明社区党委${year}年度报告`)));
});

test('the year-end report: a year out of range is refused naming the field; another community’s and a member’s are not read', async () => {
  const community = await orgNamed('光明社区党委');
  const bad = await get(secretary, `/api/orgs/${community.id}/annual-report?year=1999`);
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.fields.year, /年度/);
  assert.equal((await get(otherSecretary, `/api/orgs/${community.id}/annual-report?year=2026`)).status, 404);
  const own = (await sql(`SELECT p.org_id::int AS id FROM people p JOIN users u ON u.id = p.user_id WHERE u.username = 'dangyuan'`))[0]!.id as number;
  assert.equal((await get(member, `/api/orgs/${own}/annual-report?year=2026`)).body.error.code, 'statistics.staff_only');
});

test('the big screen’s map: the city’s communities grouped by street, each tile its own statistics page’s figures; a community’s map is its own organizations; others’ are not read', async () => {
  const city = await orgNamed('中共梅河口市委');
  const res = await get(admin, `/api/orgs/${city.id}/statistics/areas?from=${from}&to=${to}`);
  assert.equal(res.status, 200, res.text);
  const communities = await sql(
    `SELECT o.id::int AS id, o.name, p.name AS street FROM organizations o JOIN organizations p ON p.id = o.parent_id
      WHERE o.path <@ $1::ltree AND o.status = 'active' AND o.kind IN ('community_committee', 'comprehensive_committee', 'residential_committee') ORDER BY p.path, o.id`,
    [city.path],
  );
  assert.ok(communities.length > 2);
  assert.deepEqual(res.body.areas.map((a: { orgId: number; name: string; groupName: string }) => ({ id: a.orgId, name: a.name, street: a.groupName })), communities);
  const keys = res.body.indicators.map((i: { key: string }) => i.key);
  assert.ok(keys.includes('needs.solved') && keys.includes('grids.visits'), keys.join());
  const guangming = await orgNamed('光明社区党委');
  const tile = res.body.areas.find((a: { orgId: number }) => a.orgId === guangming.id);
  const page = valuesOf((await get(secretary, `/api/orgs/${guangming.id}/statistics?from=${from}&to=${to}`)).body as Statistics);
  for (const k of keys) assert.equal(tile.values[k], page[k], k);
  assert.ok(keys.some((k: string) => tile.values[k] > 0), 'the demo has records behind the tiles');

  const mine = await get(secretary, `/api/orgs/${guangming.id}/statistics/areas`);
  assert.equal(mine.status, 200, mine.text);
  const children = await sql(`SELECT id::int AS id FROM organizations WHERE parent_id = $1 AND status = 'active' ORDER BY id`, [guangming.id]);
  assert.deepEqual(mine.body.areas.map((a: { orgId: number }) => ({ id: a.orgId })), children);
  assert.ok(mine.body.areas.every((a: { groupId: number }) => a.groupId === guangming.id));

  assert.equal((await get(otherSecretary, `/api/orgs/${guangming.id}/statistics/areas`)).status, 404);
  assert.equal((await get(secretary, `/api/orgs/${city.id}/statistics/areas`)).status, 404, 'a community does not read the city’s map');
  const own = (await sql(`SELECT p.org_id::int AS id FROM people p JOIN users u ON u.id = p.user_id WHERE u.username = 'dangyuan'`))[0]!.id as number;
  assert.equal((await get(member, `/api/orgs/${own}/statistics/areas`)).status, 403, 'staff only');
});
