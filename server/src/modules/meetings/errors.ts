import { defineErrors } from '../../kernel/errors.ts';

/** The meetings module's refusals (codes `meeting.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('meeting', {
  file_format: { status: 400, field: 'dataUrl', zh: '附件须为 PDF 或图片（JPEG、PNG、WebP）', en: 'An attachment must be a PDF or an image (JPEG, PNG, WebP)' },
  file_too_large: { status: 400, field: 'dataUrl', zh: '附件不能超过 5 MB', en: 'An attachment may be at most 5 MB' },
  organizers_only: { status: 403, zh: '只有会议所属党组织的书记或管理员可以{action}', en: 'Only the secretary or administrators of the meeting’s organization may {action}' },
  not_invitee: { status: 403, zh: '只有受邀人本人或受邀单位的联络员可以答复', en: 'Only the invitee, or the liaison of the invited unit, may answer' },
  not_assignee: { status: 403, zh: '这项任务不是交给您或您所在单位的，不能{step}', en: 'This task is not assigned to you or your unit; you cannot {step} it' },
  closed: { status: 409, zh: '会议已「{status}」，不能再{action}', en: 'The meeting is “{status}”; you can no longer {action}' },
  seat_elsewhere: { status: 400, field: 'seatIds', zh: '只能邀请本会议所属党组织在任的委员', en: 'Only sitting members of the meeting’s own committee can be invited' },
  unit_not_tied: { status: 400, field: 'unitIds', zh: '只能邀请与本组织结对共建的单位', en: 'Only units tied to this organization can be invited' },
  invited_already: { status: 409, zh: '已经邀请过了', en: 'Already invited' },
  member_elsewhere: {
    status: 400, field: 'personIds',
    zh: '只能邀请本会议所属党组织的党员（联合党委可邀请所联合支部的党员）',
    en: 'Only members of the meeting’s organization can be invited (a joint committee may invite the members of the branches it joins)',
  },
  invitee_one: { status: 400, zh: '受邀方须为一个委员席位、一个单位或一名党员', en: 'An invitee is one committee seat, one unit or one member' },
  delegate_name: { status: 400, field: 'delegateName', zh: '委托他人参会时须填写代参会人姓名（且只在委托时填写）', en: 'Name the delegate when sending one (and only then)' },
  agenda_reference: { status: 400, zh: '议题最多关联一项：需求、项目或单位提议', en: 'An agenda item refers to one need, project or unit proposal at most' },
  item_elsewhere: { status: 400, field: 'agendaItemId', zh: '所选议题不属于这次会议', en: 'The agenda item is not one of this meeting' },
  assignee_one: { status: 400, field: 'tasks', zh: '每项任务须交给一个组织或一个单位', en: 'Each task goes to one organization or one unit' },
  assignee_outside: {
    status: 400, field: 'tasks',
    zh: '任务只能交给本会议所属党组织及其下级组织、结对共建的组织和单位',
    en: 'Tasks go only to the meeting’s organization and those under it, or to organizations and units tied to it',
  },
  minutes_approved: { status: 409, zh: '已审定的会议纪要不能修改，请另起新版本', en: 'Approved minutes cannot be changed; start a new version' },
  minutes_draft: { status: 409, zh: '这次会议已有未审定的纪要草稿，请在草稿上修改', en: 'This meeting already has a draft of its minutes; edit that draft' },
  task_step: { status: 409, zh: '任务当前「{status}」，不能{step}', en: 'The task is now “{status}”; you cannot {step} it' },
  task_transition: { status: 409, zh: '任务当前的状态不能办理这一步', en: 'This step is not possible for the task in its current status' },
  date_time: { status: 400, zh: '{label}须为日期时间，如 2026-05-01T09:00:00+08:00', en: '{label} must be a date and time such as 2026-05-01T09:00:00+08:00' },
  need_staff_only: {
    status: 403,
    zh: '只有任务承办组织（交给单位的任务：会议所属组织）的工作人员可以把任务生成需求',
    en: 'Only staff of the organization the task went to (for a unit’s task, the meeting’s organization) may raise it as a need',
  },
  need_made: { status: 409, zh: '这项任务已生成需求', en: 'This task already has a need' },
});

/** Records of this module, as refusals name them. */
export const MEETING = { zh: '会议', en: 'Meeting' };
export const INVITEE = { zh: '受邀人', en: 'Invitee' };
export const MINUTES = { zh: '会议纪要', en: 'Minutes' };
export const TASK = { zh: '会议任务', en: 'Meeting task' };
export const ATTACHMENT = { zh: '会议附件', en: 'Meeting attachment' };
