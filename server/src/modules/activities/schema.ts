import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { registerConstraint } from '../../kernel/errors.ts';
import { V, day, filterDay, idParam, oneOf, optionalText, ordered, text, year, z } from '../../kernel/validation.ts';
import { E } from './errors.ts';

registerConstraint('activity_series_title_key', 'title', E.series_taken);
registerConstraint('activity_signups_key', 'activityId', E.already_signed_up);
registerConstraint('activity_signups_capacity', 'status', E.full);
registerConstraint('activities_time', 'endsAt', E.activity_time);
registerConstraint('activities_organizer', 'organizerKind', E.organizer_missing);
registerConstraint('volunteer_teams_name_key', 'name', E.team_taken);
registerConstraint('volunteer_team_members_key', 'personId', E.in_team);
registerConstraint('activity_kinds_name_key', 'name', E.kind_taken);
registerConstraint('service_certificates_key', 'personId', E.certified);
registerConstraint('activity_series_dates', 'endsOn', E.series_dates);

/** What a caller may do to an activity (its `actions`; policy.ts decides): the organizer's steps, then the member's own. */
export const ACTIVITY_ACTIONS = defineVocabulary('ActivityAction', [
  { value: 'reschedule', zh: '改期', en: 'Reschedule' },
  { value: 'cancel', zh: '取消活动', en: 'Cancel' },
  { value: 'showCode', zh: '展示签到码', en: 'Show check-in code' },
  { value: 'signUp', zh: '报名', en: 'Sign up' },
  { value: 'cancelSignup', zh: '取消报名', en: 'Cancel sign-up' },
  { value: 'checkOut', zh: '签退', en: 'Check out' },
]);
export type ActivityAction = ValueOf<typeof ACTIVITY_ACTIONS>;
/** What the organizer may record of one sign-up. */
export const SIGNUP_ACTIONS = defineVocabulary('SignupAction', [
  { value: 'confirm', zh: '确认出勤', en: 'Confirm attendance' },
  { value: 'leave', zh: '记请假', en: 'Record leave' },
  { value: 'absent', zh: '记缺席', en: 'Record absence' },
]);
export type SignupAction = ValueOf<typeof SIGNUP_ACTIONS>;
/** What a caller may do where a list of the module's records (activities, series, teams, service logs, kinds, certificates) is viewed. */
export const ACTIVITY_LIST_ACTIONS = defineVocabulary('ActivityListAction', [{ value: 'create', zh: '新建', en: 'Create' }]);
export type ActivityListAction = ValueOf<typeof ACTIVITY_LIST_ACTIONS>;
/** What an organizer may do to a series of activities. */
export const SERIES_ACTIONS = defineVocabulary('SeriesAction', [{ value: 'generate', zh: '补齐各期', en: 'Generate occurrences' }]);
export type SeriesAction = ValueOf<typeof SERIES_ACTIONS>;
/** What an organizer may do to a volunteer team. */
export const TEAM_ACTIONS = defineVocabulary('TeamAction', [
  { value: 'addMember', zh: '加入队员', en: 'Add a member' },
  { value: 'removeMember', zh: '移出队员', en: 'Remove a member' },
]);
export type TeamAction = ValueOf<typeof TEAM_ACTIONS>;
const listActions = z.array(ACTIVITY_LIST_ACTIONS.schema);

/** Built-in kinds (glossary "Activities and points"); administrators add others (activity_kinds). */
export const ACTIVITY_KINDS = defineVocabulary('ActivityKind', [
  { value: 'party_day', zh: '主题党日', en: 'Themed party day' },
  { value: 'volunteer', zh: '志愿服务', en: 'Volunteer service' },
  { value: 'dedication_day', zh: '党员集中奉献日', en: 'Dedication day' },
  { value: 'open_day', zh: '便民服务开放日', en: 'Open day' },
  { value: 'lecture', zh: '讲座', en: 'Lecture' },
  { value: 'patrol', zh: '治安巡逻', en: 'Patrol' },
]);

export const ORGANIZER_KINDS = defineVocabulary('OrganizerKind', [
  { value: 'community', zh: '社区', en: 'Community' },
  { value: 'unit', zh: '驻区单位', en: 'Resident unit' },
  { value: 'team', zh: '志愿者队伍', en: 'Volunteer team' },
  { value: 'project', zh: '共建项目', en: 'Alliance project' },
]);
export const AUDIENCES = defineVocabulary('ActivityAudience', [
  { value: 'members', zh: '党员', en: 'Members' },
  { value: 'reported_members', zh: '报到党员', en: 'Reported members' },
  { value: 'residents', zh: '居民', en: 'Residents' },
]);
export const SIGNUP_STATUSES = defineVocabulary('SignupStatus', [
  { value: 'signed_up', zh: '已报名', en: 'Signed up', color: 'blue' },
  { value: 'waitlisted', zh: '候补', en: 'Waiting list', color: 'orange' },
  { value: 'cancelled', zh: '已取消', en: 'Cancelled', color: 'default' },
  { value: 'leave', zh: '请假', en: 'On leave', color: 'default' },
  { value: 'absent', zh: '缺席', en: 'Absent', color: 'red' },
  { value: 'attended', zh: '已签到', en: 'Checked in', color: 'green' },
]);
export type SignupStatus = ValueOf<typeof SIGNUP_STATUSES>;
export type Audience = ValueOf<typeof AUDIENCES>;
export type OrganizerKind = ValueOf<typeof ORGANIZER_KINDS>;

const dateTime = (label: string) => z.iso.datetime({ offset: true, error: E.date_time.code }).describe(label);

export const ActivityParams = z.object({ activityId: idParam('活动编号') });
export const SignupParams = z.object({ signupId: idParam('报名记录编号') });
export const TeamParams = z.object({ teamId: idParam('志愿者队伍编号') });
export const TeamMemberParams = z.object({ teamId: idParam('志愿者队伍编号'), teamMemberId: idParam('队员编号') });
export const SeriesParams = z.object({ seriesId: idParam('周期活动编号') });
export const UnitParams = z.object({ unitId: idParam('单位编号') });
export const UserParams = z.object({ userId: idParam('用户编号') });

const audience = z.array(AUDIENCES.field('参加对象')).min(1, E.some_audience.code).describe('参加对象');
const services = z.array(text('服务项目', 30)).max(20, E.too_many.code).describe('服务项目');

export const CreateActivity = z.object({
  orgId: idParam('主办组织'),
  kind: text('活动类型', 30),
  title: text('活动名称', 60),
  description: optionalText('活动内容', 1000),
  organizerKind: ORGANIZER_KINDS.field('组织方类型').default('community'),
  unitId: idParam('组织单位').nullable().optional(),
  teamId: idParam('志愿者队伍').nullable().optional(),
  projectName: optionalText('共建项目', 60),
  venueId: idParam('活动阵地').nullable().optional(),
  place: optionalText('活动地址', 100),
  startsAt: dateTime('开始时间'),
  endsAt: dateTime('结束时间'),
  capacity: z.number({ error: E.number.code }).int(E.whole.code).min(1, E.at_least.code).max(10000, E.at_most.code).describe('名额'),
  audience,
  services: services.default([]),
  needIds: z.array(idParam('关联需求')).max(20, E.too_many.code).default([]).describe('关联需求'),
  projectId: idParam('关联共建项目').nullable().optional(),
});
export const Reschedule = z.object({ startsAt: dateTime('开始时间'), endsAt: dateTime('结束时间') });

export const Activity = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  organizerKind: ORGANIZER_KINDS.schema,
  organizerName: z.string(),
  unitId: z.number().nullable(),
  teamId: z.number().nullable(),
  projectName: z.string().nullable(),
  place: z.string(),
  venueId: z.number().nullable(),
  bookingId: z.number().nullable(),
  needs: z.array(z.object({ id: z.number(), title: z.string(), statusLabel: z.string() })),
  project: z.object({ id: z.number(), name: z.string() }).nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number(),
  audience: z.array(z.string()),
  services: z.array(z.string()),
  seriesId: z.number().nullable(),
  status: z.enum(['open', 'cancelled']),
  signedUp: z.number(),
  waitlisted: z.number(),
  attended: z.number(),
  /** The caller's own sign-up, if any. */
  mySignup: z.object({ id: z.number(), status: SIGNUP_STATUSES.schema, checkedInAt: z.string().nullable(), checkedOutAt: z.string().nullable() }).nullable(),
  actions: z.array(ACTIVITY_ACTIONS.schema),
}).meta({ id: 'Activity' });
export type Activity = z.infer<typeof Activity>;
export const ActivityList = z.object({ items: z.array(Activity), actions: listActions });
/**
 * Which part of the calendar a list shows, by the region's day: today and
 * after (soonest first), before today (most recent first), or all (by time).
 */
export const ACTIVITY_WHEN = defineVocabulary('ActivityWhen', [
  { value: 'upcoming', zh: '今天及以后', en: 'Today and later' },
  { value: 'past', zh: '以往', en: 'Past' },
  { value: 'all', zh: '全部', en: 'All' },
]);
export type ActivityWhen = ValueOf<typeof ACTIVITY_WHEN>;

export const ActivityQuery = ordered(
  z.object({
    when: ACTIVITY_WHEN.field('时间范围').optional(),
    orgId: idParam('主办组织').optional(),
    from: filterDay('起始日期').optional(),
    to: filterDay('截止日期').optional(),
    kind: z.string().trim().max(30).optional().describe('活动类型'),
    teamId: idParam('志愿者队伍').optional(),
    needId: idParam('关联需求').optional(),
    projectId: idParam('关联共建项目').optional(),
  }),
  'from',
  'to',
);

export const Signup = z.object({
  id: z.number(),
  activityId: z.number(),
  personId: z.number(),
  personName: z.string(),
  status: SIGNUP_STATUSES.schema,
  statusLabel: z.string(),
  leading: z.boolean(),
  signedUpAt: z.string(),
  checkedInAt: z.string().nullable(),
  checkInMethod: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  hours: z.number().nullable(),
  confirmed: z.boolean(),
  actions: z.array(SIGNUP_ACTIONS.schema),
}).meta({ id: 'Signup' });
export type Signup = z.infer<typeof Signup>;
export const SignupList = z.object({ items: z.array(Signup) });
export const MarkSignup = z.object({ status: oneOf(['leave', 'absent'] as const, '考勤结果') });
export const ConfirmSignup = z.object({
  hours: z.number({ error: E.number.code }).min(0, E.at_least.code).max(24, E.at_most.code).multipleOf(0.5, E.half_hours.code).describe('服务时长'),
  leading: z.boolean().default(false).describe('带头组织'),
});
export const CheckIn = z.object({ token: z.string().trim().min(1, V.empty.code).max(64, E.bad_token.code).describe('签到码') });
export const CheckInCode = z.object({ token: z.string(), url: z.string(), expiresInSeconds: z.number(), windowOpen: z.boolean() });

export const ActivityKind = z.object({ kind: z.string(), label: z.string(), builtIn: z.boolean() });
export const ActivityKindList = z.object({ items: z.array(ActivityKind), actions: listActions });
/** Kinds are the region's; the organization viewed at decides only whether one may be added there. */
export const KindQuery = z.object({ orgId: idParam('查看的组织').optional() });
export const CreateActivityKind = z.object({ orgId: idParam('所属组织'), name: text('活动类型名称', 30) });

export const CreateSeries = z.object({
  orgId: idParam('主办组织'),
  title: text('活动名称', 60),
  kind: text('活动类型', 30),
  venueId: idParam('活动阵地').nullable().optional(),
  place: optionalText('活动地址', 100),
  weekOfMonth: z.number().int(E.whole.code).min(1, E.at_least.code).max(4, E.at_most.code).describe('每月第几周'),
  weekday: z.number().int(E.whole.code).min(1, E.at_least.code).max(7, E.at_most.code).describe('星期'),
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, E.clock.code).describe('开始时刻'),
  minutes: z.number().int(E.whole.code).min(15, E.at_least.code).max(1440, E.at_most.code).describe('时长（分钟）'),
  capacity: z.number().int(E.whole.code).min(1, E.at_least.code).max(10000, E.at_most.code).describe('名额'),
  audience,
  services: services.default([]),
  teamId: idParam('志愿者队伍').nullable().optional(),
  startsOn: day('开始日期'),
  endsOn: day('结束日期'),
});
export const Series = z.object({
  id: z.number(),
  orgId: z.number(),
  title: z.string(),
  kind: z.string(),
  place: z.string(),
  venueId: z.number().nullable(),
  weekOfMonth: z.number(),
  weekday: z.number(),
  startTime: z.string(),
  minutes: z.number(),
  capacity: z.number(),
  services: z.array(z.string()),
  startsOn: z.string(),
  endsOn: z.string(),
  occurrences: z.number(),
  actions: z.array(SERIES_ACTIONS.schema),
});
export const SeriesList = z.object({ items: z.array(Series), actions: listActions });
export const SeriesQuery = z.object({ orgId: idParam('主办组织').optional() });
export const Generated = z.object({ created: z.number(), occurrences: z.number() });

export const Team = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  name: z.string(),
  focus: z.string().nullable(),
  members: z.array(z.object({ id: z.number(), personId: z.number(), personName: z.string(), role: z.enum(['leader', 'member']) })),
  actions: z.array(TEAM_ACTIONS.schema),
});
export const TeamList = z.object({ items: z.array(Team), actions: listActions });
export const TeamQuery = z.object({ orgId: idParam('所属组织').optional() });
export const CreateTeam = z.object({ orgId: idParam('所属社区'), name: text('队伍名称', 40), focus: optionalText('服务方向', 100) });
export const AddTeamMember = z.object({ personId: idParam('队员'), role: oneOf(['leader', 'member'] as const, '队内职务').default('member') });

export const ServiceLog = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  personId: z.number(),
  personName: z.string(),
  activityId: z.number().nullable(),
  servedOn: z.string(),
  what: z.string(),
  place: z.string(),
  hours: z.number(),
  confirmed: z.boolean(),
  confirmedAt: z.string().nullable(),
});
export const ServiceLogList = z.object({ items: z.array(ServiceLog), totalHours: z.number(), actions: listActions });
export const ServiceLogQuery = z.object({
  year: year.optional(),
  orgId: idParam('社区').optional(),
  unitId: idParam('单位').optional(),
  personId: idParam('人员').optional(),
});
export const RecordService = z.object({
  orgId: idParam('服务社区'),
  personId: idParam('服务人员'),
  servedOn: day('服务日期'),
  what: text('服务内容', 100),
  place: text('服务地点', 100),
  hours: z.number({ error: E.number.code }).min(0.5, E.at_least.code).max(24, E.at_most.code).multipleOf(0.5, E.half_hours.code).describe('服务时长'),
});

export const MyService = z.object({
  personId: z.number().nullable(),
  year: z.number(),
  points: z.number(),
  /** The spendable balance, apart from the points earned this year. */
  spendable: z.number(),
  threshold: z.number().nullable(),
  hours: z.number(),
  activities: z.number(),
  signups: z.array(z.object({ activity: Activity, signup: Signup })),
  logs: z.array(ServiceLog),
});
export const MyServiceQuery = z.object({ year: year.optional() });

export const FeedbackQuery = z.object({
  year: year.optional(),
  quarter: z.coerce.number().int(E.whole.code).min(1, E.at_least.code).max(4, E.at_most.code).optional().describe('季度'),
});
export const Feedback = z.object({
  unitId: z.number(),
  unitName: z.string(),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  threshold: z.number().nullable(),
  rows: z.array(
    z.object({
      personId: z.number(),
      personName: z.string(),
      registeredAt: z.string().nullable(),
      activities: z.number(),
      hours: z.number(),
      points: z.number(),
      belowThreshold: z.boolean(),
    }),
  ),
});
export type Feedback = z.infer<typeof Feedback>;

export const IssueCertificate = z.object({ orgId: idParam('开具社区'), personId: idParam('人员'), year });
export const Certificate = z.object({
  id: z.number(),
  orgName: z.string(),
  personId: z.number(),
  personName: z.string(),
  year: z.number(),
  hours: z.number(),
  points: z.number(),
  activities: z.number(),
  code: z.string(),
  issuedOn: z.string(),
  verifyUrl: z.string(),
});
export const CertificateList = z.object({ items: z.array(Certificate), actions: listActions });
export const CertificateQuery = z.object({ year: year.optional(), orgId: idParam('开具社区').optional() });
export const VerifyQuery = z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{12}$/, E.certificate_code.code).describe('证明编号') });

export const CalendarFeed = z.object({ url: z.string() });
export const CalendarQuery = z.object({ token: z.string().trim().min(1, V.empty.code).max(100, E.bad_token.code).describe('订阅令牌') });
