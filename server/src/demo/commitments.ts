import { ANONYMOUS, type Scope } from '../kernel/scope.ts';
import { addDays, regionDate, regionYear } from '../kernel/time.ts';
import type { BulkCommitment, BulkItem } from '../modules/commitments/bulk.ts';
import * as commitments from '../modules/commitments/service.ts';
import * as people from '../modules/people/service.ts';
import { demoYearStart } from './activities.ts';
import { actAs, scopeOf } from './needs.ts';
import type { DemoContext } from './types.ts';

// Commitments of the reference model (docs/domain/seed-models.md §4, seed 002):
// - the 93 units with a co-building tie to 梅河口's communities each hold a
//   pledge (共建承诺书) with items, most signed by both sides and in force,
//   one waiting at each signature and one of an earlier term ended;
// - every member who reported in with a commitment holds it for this year,
//   as items (at report-in);
// - 周志强 (account dangyuan) commits for the demo's year; his draft report
//   shows the activities he attended;
// - 光明社区's report window is open: the tax bureau's report is published,
//   questioned, answered and rated, 第五中学's published and not yet rated
//   by the resident, a reported member's submitted, the rest drafts;
//   向阳社区's earlier window is closed with the hospital's result derived.

const COMMUNITIES = ['guangming', 'minzhu', 'xiangyang', 'shengli'];
const VENUE_UNITS = ['tax', 'school5', 'hospital'];

const unitItems = (pledge: string | null, i: number, hasVenue: boolean): BulkItem[] => [
  { what: pledge ?? '签订共驻共建承诺书，组织在职党员到社区报到', cadence: 'yearly', target: 1, source: 'evidence' },
  ...(hasVenue ? [{ what: '节假日向居民开放场地', cadence: 'monthly' as const, target: 4, source: 'venue' as const, beneficiary: '辖区居民' }] : []),
  ...(i % 3 === 0 ? [{ what: '认领困难群众微心愿', cadence: 'yearly' as const, target: 2, source: 'needs' as const, beneficiary: '困难群众' }] : []),
  ...(i % 4 === 1 ? [{ what: '每季度开展一次政策宣讲进社区', cadence: 'quarterly' as const, target: 4, source: 'evidence' as const }] : []),
];

const liaisonOf = (unitId: number, orgId: number, name: string): Scope => ({
  userId: null, userName: `${name}联络员`,
  grants: [{ id: 0, role: 'unit_liaison', orgId, orgPath: '', orgName: '', unitId, unitName: name, regionId: 0 }],
});

export async function commitmentsDemo(ctx: DemoContext): Promise<void> {
  const { q } = ctx;
  const year = regionYear();
  const today = regionDate(Date.now());
  const term = { startsOn: `${year - 1}-01-01`, endsOn: `${year + 1}-12-31` };
  const communities = COMMUNITIES.map(ctx.org);

  // The demo reads the network as the loader does; a module would ask orgs' service.
  const ties = await q.query<{ unit_id: number; name: string; org_id: number; pledge: string | null }>(
    `SELECT t.to_unit_id::int AS unit_id, u.name, t.org_id::int, t.pledge FROM org_ties t JOIN units u ON u.id = t.to_unit_id
      WHERE t.kind = 'co_builds' AND t.ended_on IS NULL AND t.org_id = ANY ($1) ORDER BY t.id`,
    [communities],
  );
  const special = new Map<number, Partial<BulkCommitment>>([
    [ctx.unit('market'), { status: 'draft', partySigner: null, communitySigner: null }],
    [ctx.unit('power'), { status: 'community_signed', partySigner: null }],
  ]);
  if (ties[10]) special.set(ties[10].unit_id, { status: 'party_signed', communitySigner: null });
  const venueUnits = new Set(VENUE_UNITS.map(ctx.unit));
  const pledges: BulkCommitment[] = ties.map((t, i) => ({
    orgId: t.org_id, kind: 'unit', unitId: t.unit_id, partyName: t.name, ...term, status: 'in_force',
    partySigner: `${t.name}联络员`, communitySigner: '社区党委书记', signedOn: term.startsOn,
    items: unitItems(t.pledge, i, venueUnits.has(t.unit_id)),
    ...special.get(t.unit_id),
  }));
  const hospital = ties.find((t) => t.unit_id === ctx.unit('hospital'))!;
  pledges.push({
    orgId: hospital.org_id, kind: 'unit', unitId: hospital.unit_id, partyName: hospital.name, startsOn: `${year - 4}-01-01`, endsOn: `${year - 2}-12-31`,
    status: 'ended', partySigner: '中心医院联络员', communitySigner: '刘建国', signedOn: `${year - 4}-01-01`,
    items: [{ what: '每月第一个周五义诊', cadence: 'monthly', target: 12, source: 'evidence' }],
  });

  // Members' commitments at report-in, renewed for this year.
  const reported = await q.query<{ id: number; org_id: number; person_id: number; member_user_id: number | null; name: string; service_item: string | null; commitment: string }>(
    `SELECT r.id::int, r.org_id::int, r.person_id::int, r.member_user_id::int, p.name, r.service_item, r.commitment
       FROM report_ins r JOIN people p ON p.id = r.person_id WHERE r.status = 'accepted' AND r.commitment IS NOT NULL ORDER BY r.id`,
  );
  const members: BulkCommitment[] = reported.map((r) => ({
    orgId: r.org_id, kind: 'member', personId: r.person_id, userId: r.member_user_id, reportInId: r.id, partyName: r.name,
    startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, status: 'in_force', partySigner: r.name, signedOn: `${year}-01-01`,
    items: [
      { what: r.commitment, cadence: 'monthly', target: 12, source: 'activities' },
      ...(r.service_item ? [{ what: `服务项目：${r.service_item}`, cadence: 'quarterly' as const, target: 4, source: 'service' as const }] : []),
    ],
  }));
  await commitments.commitmentsMany(q, [...pledges, ...members]);

  // 周志强 commits for the demo's year, as a member does on the phone.
  const zhou = await scopeOf(q, ctx.user('dangyuan'));
  await actAs(q, zhou);
  const self = (await people.ofAccount(q, zhou.userId!))!;
  const startsOn = demoYearStart(Date.now());
  const mine = await commitments.create(q, zhou, {
    kind: 'member', orgId: ctx.org('guangming'), startsOn, endsOn: addDays(`${Number(startsOn.slice(0, 4)) + 1}${startsOn.slice(4)}`, -1),
    items: [
      { what: '每月参加社区主题党日', cadence: 'monthly', target: 12, source: 'activities', activityKind: 'party_day' },
      { what: '参加志愿服务队的志愿服务', cadence: 'monthly', target: 6, source: 'activities', activityKind: 'volunteer' },
      { what: '为居民做税法宣传', cadence: 'quarterly', target: 4, source: 'evidence', beneficiary: '辖区居民和个体工商户' },
    ],
  }, async () => ({ name: self.name, personId: self.id, userId: zhou.userId }));
  await commitments.sign(q, zhou, mine.id, 'party');

  // 光明社区 opens its report window.
  const secretary = await scopeOf(q, ctx.user('guangming'));
  await actAs(q, secretary);
  const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const gm = await commitments.openWindow(q, secretary, { orgId: ctx.org('guangming'), year, title: `${year} 年度述诺评诺`, opensAt: soon(-2), closesAt: soon(28) });
  const reportOf = async (party: Scope, windowId: number) => (await commitments.reports(q, party, { windowId, mine: true, page: 1, pageSize: 1 })).items[0]!;

  const taxLiaison = await scopeOf(q, ctx.user('liaison'));
  await actAs(q, taxLiaison);
  const tax = await reportOf(taxLiaison, gm.id);
  await commitments.submit(q, taxLiaison, tax.id, '一年来按承诺每季度开展税法宣传进社区，会议室向居民开放，在职党员全部到社区报到。');
  const school5 = ties.find((t) => t.unit_id === ctx.unit('school5'))!;
  const school = liaisonOf(school5.unit_id, school5.org_id, school5.name);
  await actAs(q, school);
  const schoolReport = await reportOf(school, gm.id);
  await commitments.submit(q, school, schoolReport.id, '节假日向居民开放操场和图书室，全年未中断。');

  await actAs(q, secretary);
  await commitments.publish(q, secretary, tax.id);
  await commitments.publish(q, secretary, schoolReport.id);
  const resident = await scopeOf(q, ctx.user('jumin'));
  await actAs(q, resident);
  const asked = await commitments.ask(q, resident, tax.id, '税务局会议室周末也能预约吗？');
  await actAs(q, taxLiaison);
  await commitments.answer(q, taxLiaison, tax.id, asked.questions[0]!.id, '周末可以预约，请提前三天在“阵地预约”中申请。');
  for (const [rater, grade] of [[secretary, 'satisfied'], [await scopeOf(q, ctx.user('xinhua')), 'basically'], [resident, 'satisfied']] as const) {
    await actAs(q, rater);
    await commitments.rate(q, rater, tax.id, grade);
  }

  // A reported member of the community reports; the community has not published it yet.
  const [member] = await q.query<{ id: number; org_id: number; name: string; person_id: number }>(
    `SELECT r.id::int, r.org_id::int, c.party_name AS name, c.person_id::int FROM commitment_reports r JOIN commitments c ON c.id = r.commitment_id
      WHERE r.window_id = $1 AND c.kind = 'member' AND c.member_user_id IS NULL ORDER BY r.id LIMIT 1`,
    [gm.id],
  );
  if (member) {
    await actAs(q, ANONYMOUS);
    await q.query(
      `UPDATE commitment_reports SET status = 'submitted', statement = $2, findings = '[]', submitted_by = $3, submitted_at = now() WHERE id = $1`,
      [member.id, '全年参加主题党日和志愿服务，按服务项目开展服务。', member.name],
    );
  }

  // 向阳社区's window of this year, already closed: the hospital was rated while it was open.
  const xySecretary = await scopeOf(q, ctx.user('xiangyang'));
  await actAs(q, xySecretary);
  const xy = await commitments.openWindow(q, xySecretary, { orgId: ctx.org('xiangyang'), year, title: `${year} 年上半年述诺评诺`, opensAt: soon(-60), closesAt: soon(1) });
  const hospitalLiaison = liaisonOf(hospital.unit_id, hospital.org_id, hospital.name);
  await actAs(q, hospitalLiaison);
  const hospitalReport = await reportOf(hospitalLiaison, xy.id);
  await commitments.submit(q, hospitalLiaison, hospitalReport.id, '每月第一个周五在社区义诊，全年为居民义诊 12 次。');
  await actAs(q, xySecretary);
  await commitments.publish(q, xySecretary, hospitalReport.id);
  await commitments.rate(q, xySecretary, hospitalReport.id, 'satisfied');
  await actAs(q, ANONYMOUS);
  await q.query(`UPDATE commitment_windows SET closes_at = $2::date::timestamptz WHERE id = $1`, [xy.id, today]);
}
