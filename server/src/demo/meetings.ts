import { addDays, regionInstant, regionToday } from '../kernel/time.ts';
import * as meetings from '../modules/meetings/service.ts';
import type { TaskStatus } from '../modules/meetings/schema.ts';
import * as orgs from '../modules/orgs/service.ts';
import type { DemoContext } from './types.ts';

/**
 * Meetings (docs/domain/seed-models.md §3, 天宁 "1+3"): the street committee
 * meets monthly; last month's meeting was held, its minutes approved, and its
 * resolutions handed tasks to the three regional organizations, a field
 * office and a community, in every state (one done, one in progress, one
 * accepted, one not yet taken up and past its deadline); this month's meeting
 * is scheduled and carries what is still open. The administrative group held
 * a joint meeting with its six field offices (tied units), who signed in or
 * sent delegates, and took tasks of their own.
 */

const at = (daysFromToday: number) => regionInstant(`${addDays(regionToday(), daysFromToday)}T09:00`).toISOString();
const due = (daysFromToday: number) => addDays(regionToday(), daysFromToday);

export async function meetingsDemo(ctx: DemoContext): Promise<void> {
  const street = ctx.org('tianning');
  const admin = ctx.org('tn-admin');
  const [lastMonth, , joint] = await meetings.scheduleMany(ctx.q, [
    { orgId: street, kind: 'committee', title: '天宁街道党工委月度会议（上月）', startsAt: at(-28), place: '天宁街道党工委会议室', cadence: 'monthly', status: 'held', createdBy: '天宁街道党工委' },
    { orgId: street, kind: 'committee', title: '天宁街道党工委月度会议（本月）', startsAt: at(3), place: '天宁街道党工委会议室', cadence: 'monthly', status: 'scheduled', createdBy: '天宁街道党工委' },
    { orgId: admin, kind: 'joint', title: '天宁街道行政党组联席会议', startsAt: at(-20), place: '天宁街道行政党组会议室', cadence: 'quarterly', status: 'held', createdBy: '天宁街道行政党组' },
  ]);

  const seats = (await orgs.seats(ctx.q, admin)).filter((s) => s.endedOn === null);
  const offices = (await orgs.ties(ctx.q, admin)).filter((t) => t.endedOn === null && t.toUnitId !== null);
  await meetings.inviteMany(ctx.q, [
    ...seats.map((s) => ({ orgId: admin, meetingId: joint!, seatId: s.id, unitId: null, personId: s.personId, name: `${s.personName ?? ''}（${s.roleLabel}）`, response: 'attending' as const, attendance: 'present' as const })),
    ...offices.map((t, i) => ({
      orgId: admin, meetingId: joint!, seatId: null, unitId: t.toUnitId, personId: null, name: t.toName ?? '',
      ...(i === 1 ? { response: 'delegating' as const, delegateName: '副所长 刘强', attendance: 'delegate' as const }
        : i === offices.length - 1 ? { response: 'declined' as const, attendance: 'absent' as const }
        : { response: 'attending' as const, attendance: 'present' as const }),
    })),
  ]);
  await meetings.minutesMany(ctx.q, [
    { orgId: street, meetingId: lastMonth!, version: 1, body: '会议听取三个区域党组织工作汇报，研究商务大厦周边占道经营整治、老旧小区加装电梯民意调查和共驻共建清单更新。', writtenBy: '天宁街道党工委', approvedBy: '天宁街道党工委' },
    { orgId: admin, meetingId: joint!, version: 1, body: '六家驻街单位参会，研究“吹哨报到”进社区，明确各单位牵头事项和完成时限。', writtenBy: '天宁街道行政党组', approvedBy: null },
  ]);
  const [trading, lifts, list, whistle] = await meetings.resolveMany(ctx.q, [
    { orgId: street, meetingId: lastMonth!, agendaItemId: null, text: '由非公企业联合党委牵头、城管中队配合，整治商务大厦周边占道经营' },
    { orgId: street, meetingId: lastMonth!, agendaItemId: null, text: '居民区党委组织老旧小区加装电梯民意调查，红梅社区先行' },
    { orgId: street, meetingId: lastMonth!, agendaItemId: null, text: '行政党组更新驻区单位共驻共建清单' },
    { orgId: admin, meetingId: joint!, agendaItemId: null, text: '驻街单位“吹哨报到”进社区，每家单位牵头一件实事' },
  ]);

  const toOrg = async (key: string) => ({ assigneeOrgId: ctx.org(key), unitId: null, assigneeName: (await orgs.get(ctx.q, ctx.org(key))).name });
  const toUnit = (t: (typeof offices)[number]) => ({ assigneeOrgId: null, unitId: t.toUnitId, assigneeName: t.toName ?? '' });
  const state = (status: TaskStatus, progress: string | null, evidence: string | null = null) => ({ status, progress, evidence });
  await meetings.taskMany(ctx.q, [
    { orgId: street, meetingId: lastMonth!, resolutionId: trading!, ...(await toOrg('tn-enterprise')), title: '商务大厦周边占道经营整治', deadline: due(-7), responsible: '冯国庆',
      ...state('done', '已约谈商户12家', '北侧占道摊点全部清理，设置便民疏导点1处') },
    { orgId: street, meetingId: lastMonth!, resolutionId: trading!, ...(await toOrg('tn-cityman-branch')), title: '商圈夜间巡查', deadline: due(10), responsible: '天宁城管中队',
      ...state('in_progress', '已开展夜间巡查6次') },
    { orgId: street, meetingId: lastMonth!, resolutionId: lifts!, ...(await toOrg('tn-residential')), title: '老旧小区加装电梯民意调查', deadline: due(14), responsible: '周春梅', ...state('accepted', null) },
    { orgId: street, meetingId: lastMonth!, resolutionId: lifts!, ...(await toOrg('tn-hongmei')), title: '红梅社区加装电梯入户征求意见', deadline: due(-3), responsible: '吴海燕', ...state('assigned', null) },
    { orgId: street, meetingId: lastMonth!, resolutionId: list!, ...(await toOrg('tn-admin')), title: '更新驻区单位共驻共建清单', deadline: due(20), responsible: '钱立新', ...state('assigned', null) },
    ...offices.map((t, i) => ({
      orgId: admin, meetingId: joint!, resolutionId: whistle!, ...toUnit(t), title: `${t.toName ?? ''}牵头进社区实事`, responsible: `${t.toName ?? ''}联络员`,
      deadline: due(i === 3 ? -2 : 25),
      ...[state('done', '已确定服务内容', '在红梅社区开展现场服务一次，受理居民诉求15件'), state('in_progress', '已与青山社区对接'), state('accepted', null)][i] ?? state('assigned', null),
    })),
  ]);
}
