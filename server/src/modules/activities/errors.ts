import { defineErrors } from '../../kernel/errors.ts';

/** The activities module's refusals (codes `activity.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('activity', {
  organizers_only: { status: 403, zh: '只有社区、街道工作人员和网格员可以组织活动、记录出勤', en: 'Only community and street staff and grid workers may organize activities and keep attendance' },
  admins_only: { status: 403, zh: '只有组织部门、街道和社区管理员可以添加活动类型和开具服务证明', en: 'Only organization department, street and community administrators may add activity kinds and issue certificates' },
  own_feed_only: { status: 403, zh: '只能为自己的账号生成日历订阅地址', en: 'A calendar address can be made only for your own account' },
  no_person: { status: 403, zh: '您的账号没有关联人员档案，请联系社区', en: 'Your account has no person file; please contact the community' },
  built_in_kind: { status: 400, field: 'name', zh: '“{name}”是内置的活动类型', en: '“{name}” is a built-in activity kind' },
  unknown_kind: { status: 400, field: 'kind', zh: '活动类型不在可选范围内（可由管理员添加新的类型）', en: 'The activity kind is not among the choices (administrators may add kinds)' },
  venue_not_found: { status: 400, field: 'venueId', zh: '阵地不存在，或不在您的管辖范围内', en: 'The venue does not exist or is outside your jurisdiction' },
  needs_not_found: { status: 400, field: 'needIds', zh: '关联的需求（编号 {ids}）不存在，或不在您的管辖范围内', en: 'The linked needs ({ids}) do not exist or are outside your jurisdiction' },
  project_not_found: { status: 400, field: 'projectId', zh: '关联的共建项目不存在，或不在您的管辖范围内', en: 'The linked alliance project does not exist or is outside your jurisdiction' },
  unit_required: { status: 400, field: 'unitId', zh: '组织方为驻区单位时，请选择单位', en: 'Choose the unit when a unit organizes' },
  team_required: { status: 400, field: 'teamId', zh: '组织方为志愿者队伍时，请选择队伍', en: 'Choose the team when a volunteer team organizes' },
  project_required: { status: 400, field: 'projectName', zh: '组织方为共建项目时，请填写项目名称', en: 'Name the project when an alliance project organizes' },
  ends_before_start: { status: 400, field: 'endsAt', zh: '结束时间须晚于开始时间', en: 'The end must be later than the start' },
  place_required: { status: 400, field: 'place', zh: '请选择活动阵地，或填写活动地址', en: 'Choose a venue or write the address' },
  cancelled: { status: 400, field: 'status', zh: '活动已经取消', en: 'The activity is cancelled' },
  ended: { status: 400, field: 'status', zh: '活动已经结束', en: 'The activity has ended' },
  started: { status: 400, field: 'status', zh: '活动已经开始', en: 'The activity has started' },
  not_started: { status: 400, field: 'status', zh: '活动开始之后才能{step}', en: 'You can {step} only once the activity has started' },
  not_in_audience: { status: 403, field: 'activityId', zh: '这项活动面向{audience}，您不在参加对象之内', en: 'This activity is for {audience}; you are not among them' },
  already_signed_up: { status: 409, field: 'activityId', zh: '您已经报名了这项活动', en: 'You have already signed up for this activity' },
  not_signed_up: { status: 400, field: 'activityId', zh: '您没有报名这项活动', en: 'You have not signed up for this activity' },
  signup_in_status: { status: 400, field: 'status', zh: '报名状态为“{status}”，不能{step}', en: 'The sign-up is “{status}”; you cannot {step}' },
  check_in_closed: { status: 400, field: 'token', zh: '不在签到时间内：签到时间为 {opens} 至 {closes}', en: 'Check-in is open only from {opens} to {closes}' },
  code_expired: { status: 400, field: 'token', zh: '签到码已过期或无效，请扫描组织者现场展示的二维码', en: 'The check-in code has expired or is wrong; scan the code the organizer shows' },
  waitlisted: { status: 400, field: 'token', zh: '名额已满，您在候补名单中，不能签到', en: 'The activity is full and you are on the waiting list, so you cannot check in' },
  checked_out: { status: 400, field: 'status', zh: '您已经签退', en: 'You have already checked out' },
  person_not_found: { status: 400, field: 'personId', zh: '人员不存在，或不在您的管辖范围内', en: 'The person does not exist or is outside your jurisdiction' },
  nothing_to_certify: { status: 400, field: 'personId', zh: '{name}在{year}年没有本社区确认的服务记录', en: '{name} has no service confirmed by this community in {year}' },
  series_taken: { status: 409, zh: '本组织已有同名的周期活动，且起止日期与之重叠', en: 'This organization already has a series of this name over overlapping dates' },
  full: { status: 409, zh: '活动名额已满，不能从候补转为正式报名', en: 'The activity is full; the waiting list cannot move up' },
  activity_time: { status: 400, zh: '结束时间须晚于开始时间，且活动不超过 24 小时', en: 'The end must be later than the start, within 24 hours' },
  organizer_missing: { status: 400, zh: '请填写组织方：单位、志愿者队伍或项目名称', en: 'Name the organizer: a unit, a volunteer team or a project' },
  team_taken: { status: 409, zh: '本社区已有同名的志愿者队伍', en: 'This community already has a volunteer team of this name' },
  in_team: { status: 409, zh: '此人已在这支队伍中', en: 'This person is already in the team' },
  kind_taken: { status: 409, zh: '已有同名的活动类型', en: 'An activity kind of this name exists' },
  certified: { status: 409, zh: '本社区已为此人开具了这一年的服务证明', en: 'This community has already certified this person for the year' },
  series_dates: { status: 400, zh: '结束日期须不早于开始日期，且不超过三年', en: 'The end date must not be before the start, and within three years' },
  date_time: { status: 400, zh: '{label}须为日期时间，如 2026-03-06T09:00:00+08:00', en: '{label} must be a date and time such as 2026-03-06T09:00:00+08:00' },
  number: { status: 400, zh: '{label}须为数字', en: '{label} must be a number' },
  whole: { status: 400, zh: '{label}须为整数', en: '{label} must be a whole number' },
  at_least: { status: 400, zh: '{label}至少为 {minimum}', en: '{label} must be at least {minimum}' },
  at_most: { status: 400, zh: '{label}不能超过 {maximum}', en: '{label} must be at most {maximum}' },
  some_audience: { status: 400, zh: '参加对象至少选一项', en: 'Choose at least one audience' },
  too_many: { status: 400, zh: '{label}最多 {maximum} 项', en: '{label} holds at most {maximum} items' },
  half_hours: { status: 400, zh: '{label}以半小时计', en: '{label} is counted in half hours' },
  clock: { status: 400, zh: '{label}须为 HH:MM，如 09:00', en: '{label} must be HH:MM, such as 09:00' },
  bad_token: { status: 400, zh: '{label}格式不正确', en: '{label} has the wrong format' },
  certificate_code: { status: 400, zh: '证明编号为 12 位字母或数字', en: 'A certificate number is 12 letters or digits' },
});

/** Records of this module, as refusals name them. */
export const ACTIVITY = { zh: '活动', en: 'Activity' };
export const SIGNUP = { zh: '报名记录', en: 'Sign-up' };
export const SERIES = { zh: '周期活动', en: 'Activity series' };
export const TEAM = { zh: '志愿者队伍', en: 'Volunteer team' };
export const TEAM_MEMBER = { zh: '队员', en: 'Team member' };
export const FEED = { zh: '日历订阅', en: 'Calendar feed' };
