import * as activities from '../modules/activities/service.ts';
import * as records from '../modules/activities/records.ts';
import * as orgs from '../modules/orgs/service.ts';
import * as people from '../modules/people/service.ts';
import type { Person } from '../modules/people/schema.ts';
import * as reportIns from '../modules/reportins/service.ts';
import { personName } from './meihekou.ts';
import { scopeOf } from './needs.ts';
import type { DemoContext } from './types.ts';
import { regionDate, regionInstant } from '../kernel/time.ts';

/**
 * A year of activities in 光明社区 on the 梅河口 model (docs/domain/seed-models.md §4):
 * one point per activity, at least 24 a year; the first Friday of every
 * month is the open day with its free services; a monthly themed party day;
 * volunteer service by the six teams of seed 002. Employed members of the
 * tax bureau report in and serve, so the bureau's year-end report shows
 * members above and below 24. 新谊社区 keeps a 平房区-style record of good
 * deeds. Everything before today is attended; the rest is open for sign-up.
 *
 * The demo's year is the twelve months up to the day it is loaded, and its
 * series run a year past that day, so there is always an open day ahead to
 * sign up for and a year behind to report on, whatever the date.
 */

const OPEN_DAY_SERVICES = ['理发', '照相', '按摩', '法律咨询', '健康指导', '代缴费', '家电维修'];
const TEAMS = [
  ['宣传教育志愿队', '政策宣讲、移风易俗'],
  ['治安安全志愿队', '义务巡逻、矛盾调解'],
  ['环境保护志愿队', '环境整治、绿化认养'],
  ['帮困扶贫志愿队', '结对帮扶、微心愿认领'],
  ['文化娱乐志愿队', '文艺演出、全民健身'],
  ['医疗保健志愿队', '义诊、健康讲座'],
] as const;
const VOLUNTEER_WORK = ['楼道清理', '夜间巡逻', '义诊送药', '政策宣讲', '看望空巢老人', '文艺汇演'];
/** How often each participant comes, in turn: some clear 24 points, some do not. */
const TURNOUT = [0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.5, 0.4, 0.3];
const TAX_REPORTED = 6;

/** The first day of the month `months` after the one of `day` (negative: before). */
const monthStart = (day: string, months: number) => {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};
/** The first day of the demo's year: the twelve months up to the day it is loaded. */
export const demoYearStart = (now: number) => monthStart(regionDate(now), -11);
const withDay = (monthFirst: string, day: number) => `${monthFirst.slice(0, 8)}${String(day).padStart(2, '0')}`;
const at = (day: string, time: string) => regionInstant(`${day}T${time}`).toISOString();

export async function activitiesDemo(ctx: DemoContext): Promise<void> {
  const { q } = ctx;
  const now = Date.now();
  const today = regionDate(now);
  const first = demoYearStart(now);
  const yearAhead = regionDate(now + 365 * 86_400_000);
  const secretary = ctx.user('guangming');
  const asSecretary = await scopeOf(q, secretary);
  const city = ctx.org('city');
  const guangming = ctx.org('guangming');

  // Employed members of the tax bureau who live here and report in (双报到).
  const tax = ctx.unit('tax');
  const reported: Person[] = [];
  for (let i = 0; i < TAX_REPORTED; i++) {
    reported.push(
      await people.create(q, ctx.cipher, {
        orgId: guangming, unitId: tax, name: personName(700 + i * 11), gender: i % 2 ? 'female' : 'male', isMember: true, category: 'employed',
      }),
    );
  }
  // The community directory the report-in checks is read in a caller's
  // scope; the demo acts as the district, which sees the whole region.
  const [root] = await q.query<{ path: string }>(`SELECT path::text FROM organizations WHERE id = $1`, [city]);
  await q.query(`SELECT set_config('gj.read_paths', $1, true)`, [`{${root!.path}}`]);
  for (const p of reported) {
    const r = await reportIns.issue(q, [tax], { personId: p.id, orgId: guangming, note: '在职党员到社区报到' });
    await reportIns.accept(q, r.id);
  }
  await q.query(`SELECT set_config('gj.read_paths', '', true)`);

  const members = await people.members(q, { orgIds: await orgs.subtreeIds(q, guangming) });
  const teams = [];
  for (const [i, [name, focus]] of TEAMS.entries()) {
    const team = await activities.createTeam(q, asSecretary, { orgId: guangming, name, focus });
    const crew = members.filter((_, j) => j % TEAMS.length === i);
    for (const [j, m] of crew.entries()) await activities.addTeamMember(q, asSecretary, team.id, { personId: m.id, role: j === 0 ? 'leader' : 'member' });
    teams.push(team);
  }

  await activities.createSeries(q, asSecretary, {
    orgId: guangming, title: '“12157”便民服务直通车开放日', kind: 'open_day', place: '光明社区党群服务中心', weekOfMonth: 1, weekday: 5,
    startTime: '09:00', minutes: 180, capacity: 60, audience: ['members', 'reported_members', 'residents'], services: OPEN_DAY_SERVICES,
    startsOn: first, endsOn: yearAhead,
  });
  await activities.createSeries(q, asSecretary, {
    orgId: guangming, title: '主题党日', kind: 'party_day', place: '光明社区党员活动室', weekOfMonth: 3, weekday: 6,
    startTime: '14:30', minutes: 120, capacity: 40, audience: ['members', 'reported_members'], services: [], startsOn: first, endsOn: yearAhead,
  });
  for (let month = 1; month <= 12; month++) {
    const team = teams[(month - 1) % teams.length]!;
    const dayOf = withDay(monthStart(first, month - 1), month % 2 ? 10 : 24);
    await activities.create(q, asSecretary, {
      orgId: guangming, kind: 'volunteer', title: `${team.name}：${VOLUNTEER_WORK[(month - 1) % VOLUNTEER_WORK.length]}`, organizerKind: 'team', teamId: team.id,
      place: '光明社区', startsAt: at(dayOf, '08:30'), endsAt: at(dayOf, '11:30'), capacity: 30, audience: ['members', 'reported_members', 'residents'], services: [],
    });
  }
  // One under way whenever the demo is loaded: the QR check-in can be tried at once. It starts
  // today in the region even just after midnight, where an hour ago is yesterday's calendar cell.
  await activities.create(q, asSecretary, {
    orgId: guangming, kind: 'volunteer', title: '今日志愿服务：小区环境整治', organizerKind: 'team', teamId: teams[2]!.id, place: '光明社区1号楼前',
    startsAt: new Date(Math.max(now - 3_600_000, regionInstant(`${today}T00:00`).getTime())).toISOString(), endsAt: new Date(now + 3 * 3_600_000).toISOString(), capacity: 20,
    audience: ['members', 'reported_members', 'residents'], services: [],
  });

  // Attendance of everything already over, by each participant's turnout.
  const participants = [...members, ...reported.filter((r) => !members.some((m) => m.id === r.id))];
  const done = (await activities.list(q, asSecretary, { orgId: guangming, from: first, to: today })).filter(
    (a) => new Date(a.endsAt).getTime() < now,
  );
  for (const [k, a] of done.entries()) {
    const came = participants.filter((_, i) => ((k * 7 + i * 13) % 20) / 20 < TURNOUT[i % TURNOUT.length]!);
    await activities.recordAttendance(q, asSecretary, a.id, came);
  }

  // 新谊社区 (平房区): volunteer good deeds recorded by the community, outside any activity.
  const xinyi = ctx.org('xinyi');
  const volunteers = await people.members(q, { orgIds: await orgs.subtreeIds(q, xinyi) });
  const asAdmin = await scopeOf(q, ctx.user('admin'));
  const deeds = ['帮扶空巢老人', '义务巡逻', '慈善义卖', '捐赠爱心墙', '修缮无障碍坡道', '清扫楼道'];
  for (const [i, v] of volunteers.entries()) {
    for (let n = 0; n < 1 + (i % 3); n++) {
      await records.recordService(q, asAdmin, {
        orgId: xinyi, personId: v.id, servedOn: withDay(monthStart(first, (i + n * 4) % 10), 5 + n * 7),
        what: deeds[(i + n) % deeds.length]!, place: '新谊社区', hours: 1 + (n % 3) * 0.5,
      });
    }
  }
}
