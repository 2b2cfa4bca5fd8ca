import { registerConstraint } from '../../kernel/errors.ts';
import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { day, idParam, optionalText, text, z } from '../../kernel/validation.ts';
import { NEED_CATEGORIES, NEED_KINDS } from '../needs/schema.ts';
import { E } from './errors.ts';

registerConstraint('meeting_invitees_seat_key', 'seatIds', E.invited_already);
registerConstraint('meeting_invitees_unit_key', 'unitIds', E.invited_already);
registerConstraint('meeting_invitees_member_key', 'personIds', E.invited_already);
registerConstraint('meeting_invitees_one_end', 'seatIds', E.invitee_one);
registerConstraint('meeting_invitees_delegate', 'delegateName', E.delegate_name);
registerConstraint('meeting_agenda_items_reference', 'needId', E.agenda_reference);
registerConstraint('meeting_minutes_approved', 'body', E.minutes_approved);
registerConstraint('meeting_minutes_one_draft', 'body', E.minutes_draft);
registerConstraint('meeting_tasks_one_assignee', 'tasks', E.assignee_one);
registerConstraint('meeting_tasks_transition', 'status', E.task_transition);

export const MEETING_KINDS = defineVocabulary('MeetingKind', [
  { value: 'committee', zh: '党委会（党工委会）', en: 'Committee meeting' },
  { value: 'joint', zh: '联席会议', en: 'Joint meeting with units' },
  { value: 'residents_council', zh: '居民议事会', en: 'Residents’ council' },
]);
export type MeetingKind = ValueOf<typeof MEETING_KINDS>;

export const MEETING_STATUSES = defineVocabulary('MeetingStatus', [
  { value: 'scheduled', zh: '待召开', en: 'Scheduled', color: 'blue' },
  { value: 'held', zh: '已召开', en: 'Held', color: 'green' },
  { value: 'cancelled', zh: '已取消', en: 'Cancelled', color: 'default' },
]);
export type MeetingStatus = ValueOf<typeof MEETING_STATUSES>;

export const MEETING_CADENCES = defineVocabulary('MeetingCadence', [
  { value: 'once', zh: '单次', en: 'Once' },
  { value: 'weekly', zh: '每周', en: 'Weekly' },
  { value: 'monthly', zh: '每月', en: 'Monthly' },
  { value: 'quarterly', zh: '每季度', en: 'Quarterly' },
]);
export type MeetingCadence = ValueOf<typeof MEETING_CADENCES>;

export const INVITEE_RESPONSES = defineVocabulary('InviteeResponse', [
  { value: 'pending', zh: '未答复', en: 'No answer yet', color: 'default' },
  { value: 'attending', zh: '参会', en: 'Attending', color: 'green' },
  { value: 'delegating', zh: '委托参会', en: 'Sending a delegate', color: 'blue' },
  { value: 'declined', zh: '请假', en: 'Excused', color: 'orange' },
]);
export type InviteeResponse = ValueOf<typeof INVITEE_RESPONSES>;

export const ATTENDANCE = defineVocabulary('MeetingAttendance', [
  { value: 'present', zh: '本人出席', en: 'Present', color: 'green' },
  { value: 'delegate', zh: '委托出席', en: 'Delegate present', color: 'blue' },
  { value: 'absent', zh: '缺席', en: 'Absent', color: 'red' },
]);
export type Attendance = ValueOf<typeof ATTENDANCE>;

export const AGENDA_SOURCES = defineVocabulary('AgendaSource', [
  { value: 'topic', zh: '议题', en: 'Topic' },
  { value: 'need', zh: '需求', en: 'Need' },
  { value: 'project', zh: '项目', en: 'Project' },
  { value: 'proposal', zh: '单位提议', en: 'Unit’s proposal' },
]);
export type AgendaSource = ValueOf<typeof AGENDA_SOURCES>;

export const MINUTES_STATUSES = defineVocabulary('MinutesStatus', [
  { value: 'draft', zh: '草稿', en: 'Draft', color: 'gold' },
  { value: 'approved', zh: '已审定', en: 'Approved', color: 'green' },
]);
export type MinutesStatus = ValueOf<typeof MINUTES_STATUSES>;

export const TASK_STATUSES = defineVocabulary('MeetingTaskStatus', [
  { value: 'assigned', zh: '待接收', en: 'Assigned', color: 'gold' },
  { value: 'accepted', zh: '已接收', en: 'Accepted', color: 'blue' },
  { value: 'in_progress', zh: '办理中', en: 'In progress', color: 'processing' },
  { value: 'done', zh: '已完成', en: 'Done', color: 'green' },
]);
export type TaskStatus = ValueOf<typeof TASK_STATUSES>;

export const TASK_REPORT_KINDS = defineVocabulary('MeetingTaskReportKind', [
  { value: 'accept', zh: '接收', en: 'Accepted' },
  { value: 'progress', zh: '进展', en: 'Progress' },
  { value: 'complete', zh: '完成', en: 'Completed' },
]);
export type TaskReportKind = ValueOf<typeof TASK_REPORT_KINDS>;

/** What a caller may do to a meeting (policy.ts, meetingVerdicts). */
export const MEETING_ACTIONS = defineVocabulary('MeetingAction', [
  { value: 'edit', zh: '修改会议', en: 'Edit the meeting' },
  { value: 'invite', zh: '邀请参会', en: 'Invite' },
  { value: 'addAgendaItem', zh: '添加议题', en: 'Add an agenda item' },
  { value: 'recordAttendance', zh: '签到', en: 'Record attendance' },
  { value: 'writeMinutes', zh: '记录纪要', en: 'Write minutes' },
  { value: 'resolve', zh: '形成决议', en: 'Record a resolution' },
  { value: 'attach', zh: '上传附件', en: 'Attach a file' },
]);
export type MeetingAction = ValueOf<typeof MEETING_ACTIONS>;
export const MEETING_LIST_ACTIONS = defineVocabulary('MeetingListAction', [{ value: 'create', zh: '安排会议', en: 'Schedule a meeting' }]);
export type MeetingListAction = ValueOf<typeof MEETING_LIST_ACTIONS>;
export const INVITEE_ACTIONS = defineVocabulary('MeetingInviteeAction', [
  { value: 'answer', zh: '答复参会', en: 'Answer' },
  { value: 'recordAttendance', zh: '签到', en: 'Record attendance' },
]);
export type InviteeAction = ValueOf<typeof INVITEE_ACTIONS>;
export const MINUTES_ACTIONS = defineVocabulary('MinutesAction', [
  { value: 'edit', zh: '修改纪要', en: 'Edit' },
  { value: 'approve', zh: '审定纪要', en: 'Approve' },
]);
export type MinutesAction = ValueOf<typeof MINUTES_ACTIONS>;
export const TASK_ACTIONS = defineVocabulary('MeetingTaskAction', [
  { value: 'accept', zh: '接收任务', en: 'Accept' },
  { value: 'report', zh: '报告进展', en: 'Report progress' },
  { value: 'complete', zh: '完成任务', en: 'Complete' },
  { value: 'createNeed', zh: '生成需求', en: 'Create a need' },
]);
export type TaskAction = ValueOf<typeof TASK_ACTIONS>;

export const Meeting = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: MEETING_KINDS.schema,
  title: z.string(),
  startsAt: z.string().describe('召开时间（ISO）'),
  place: z.string().nullable(),
  cadence: MEETING_CADENCES.schema,
  status: MEETING_STATUSES.schema,
  chairPersonId: z.number().nullable(),
  chairName: z.string().nullable(),
  invited: z.number().describe('受邀方数'),
  present: z.number().describe('出席数（含委托）'),
  openTasks: z.number().describe('未完成任务数'),
  overdueTasks: z.number().describe('超期任务数'),
  actions: z.array(MEETING_ACTIONS.schema),
}).meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof Meeting>;
export const MeetingList = z.object({ items: z.array(Meeting), actions: z.array(MEETING_LIST_ACTIONS.schema) });

export const Invitee = z.object({
  id: z.number(),
  meetingId: z.number(),
  seatId: z.number().nullable(),
  unitId: z.number().nullable(),
  personId: z.number().nullable(),
  name: z.string(),
  response: INVITEE_RESPONSES.schema,
  delegateName: z.string().nullable(),
  attendance: ATTENDANCE.schema.nullable(),
  actions: z.array(INVITEE_ACTIONS.schema),
}).meta({ id: 'MeetingInvitee' });
export type Invitee = z.infer<typeof Invitee>;

export const AgendaItem = z.object({
  id: z.number(),
  position: z.number(),
  title: z.string(),
  source: AGENDA_SOURCES.schema,
  needId: z.number().nullable(),
  projectId: z.number().nullable(),
  unitId: z.number().nullable(),
  note: z.string().nullable(),
}).meta({ id: 'MeetingAgendaItem' });
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Minutes = z.object({
  id: z.number(),
  version: z.number(),
  body: z.string(),
  status: MINUTES_STATUSES.schema,
  writtenBy: z.string(),
  writtenAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  actions: z.array(MINUTES_ACTIONS.schema),
}).meta({ id: 'MeetingMinutes' });
export type Minutes = z.infer<typeof Minutes>;

export const TaskReport = z.object({
  kind: TASK_REPORT_KINDS.schema,
  note: z.string().nullable(),
  byName: z.string(),
  at: z.string(),
}).meta({ id: 'MeetingTaskReport' });

export const Task = z.object({
  id: z.number(),
  meetingId: z.number(),
  meetingTitle: z.string(),
  orgId: z.number().describe('会议所属组织'),
  resolutionId: z.number(),
  resolution: z.string(),
  assigneeOrgId: z.number().nullable(),
  unitId: z.number().nullable(),
  assigneeName: z.string(),
  title: z.string(),
  deadline: z.string(),
  responsible: z.string(),
  status: TASK_STATUSES.schema,
  overdue: z.boolean().describe('超过期限且未完成'),
  progress: z.string().nullable(),
  evidence: z.string().nullable(),
  needId: z.number().nullable(),
  reports: z.array(TaskReport),
  actions: z.array(TASK_ACTIONS.schema),
}).meta({ id: 'MeetingTask' });
export type Task = z.infer<typeof Task>;
export const TaskList = z.object({ items: z.array(Task) });

export const Resolution = z.object({
  id: z.number(),
  agendaItemId: z.number().nullable(),
  text: z.string(),
  tasks: z.array(Task),
}).meta({ id: 'MeetingResolution' });
export type Resolution = z.infer<typeof Resolution>;

export const ATTACHMENT_PURPOSES = defineVocabulary('MeetingAttachmentPurpose', [
  { value: 'agenda', zh: '议程材料', en: 'Agenda papers' },
  { value: 'minutes', zh: '会议纪要', en: 'Minutes' },
  { value: 'other', zh: '其他', en: 'Other' },
]);
export type AttachmentPurpose = ValueOf<typeof ATTACHMENT_PURPOSES>;
export const Attachment = z.object({
  id: z.number(),
  purpose: ATTACHMENT_PURPOSES.schema,
  name: z.string(),
  mime: z.string(),
  sizeBytes: z.number(),
  uploadedName: z.string(),
  uploadedAt: z.string(),
}).meta({ id: 'MeetingAttachment' });
export const AttachmentParams = z.object({ attachmentId: idParam('附件编号') });
export const AddAttachment = z.object({
  purpose: ATTACHMENT_PURPOSES.field('附件类别'),
  name: text('文件名', 120),
  dataUrl: z.string().max(7_500_000, E.file_too_large.code).describe('文件'),
});

export const MeetingDetail = Meeting.extend({
  agenda: z.array(AgendaItem),
  /** Tasks of this committee's previous meeting that are still open: read out at the start of this one. */
  carriedOver: z.array(Task),
  invitees: z.array(Invitee),
  minutes: z.array(Minutes).describe('纪要各版本，新版本在前'),
  resolutions: z.array(Resolution),
  attachments: z.array(Attachment).describe('议程材料、纪要等附件'),
}).meta({ id: 'MeetingDetail' });
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const MeetingParams = z.object({ meetingId: idParam('会议编号') });
export const InviteeParams = z.object({ inviteeId: idParam('受邀人编号') });
export const MinutesParams = z.object({ minutesId: idParam('纪要编号') });
export const TaskParams = z.object({ taskId: idParam('任务编号') });

export const MeetingQuery = z.object({
  orgId: idParam('所属组织').optional(),
  kind: MEETING_KINDS.field('会议类型').optional(),
  status: MEETING_STATUSES.field('状态').optional(),
  invited: z.enum(['true']).optional().describe('只看邀请我（或我的单位）的会议'),
});
export const TaskQuery = z.object({
  orgId: idParam('会议所属组织').optional(),
  status: TASK_STATUSES.field('状态').optional(),
  overdue: z.enum(['true']).optional().describe('只看超期任务'),
  mine: z.enum(['true']).optional().describe('只看交给我所在单位或组织的任务'),
});

const startsAt = z.iso.datetime({ offset: true, error: E.date_time.code }).describe('召开时间');
export const CreateMeeting = z.object({
  orgId: idParam('所属党组织'),
  kind: MEETING_KINDS.field('会议类型'),
  title: text('会议名称', 60),
  startsAt: startsAt,
  place: optionalText('地点', 60),
  cadence: MEETING_CADENCES.field('周期').default('once'),
  chairPersonId: idParam('主持人').optional(),
});
export const UpdateMeeting = z.object({
  title: text('会议名称', 60).optional(),
  startsAt: startsAt.optional(),
  place: optionalText('地点', 60),
  status: MEETING_STATUSES.field('状态').optional(),
});
export const Invite = z.object({
  seatIds: z.array(idParam('委员席位')).max(100).default([]).describe('委员席位'),
  unitIds: z.array(idParam('单位')).max(100).default([]).describe('单位'),
  personIds: z.array(idParam('党员')).max(500).default([]).describe('党员（本组织的，联合党委含所联合支部的）'),
});
export const AddAgendaItem = z.object({
  title: text('议题', 100),
  needId: idParam('需求').optional(),
  projectId: idParam('项目').optional(),
  unitId: idParam('提议单位').optional(),
  note: optionalText('说明', 500),
});
export const Answer = z.object({
  response: INVITEE_RESPONSES.field('答复'),
  delegateName: optionalText('代参会人', 30),
});
export const RecordAttendance = z.object({
  attendance: ATTENDANCE.field('出席情况'),
  delegateName: optionalText('代参会人', 30),
});
export const WriteMinutes = z.object({ body: text('纪要', 20000) });
export const NewTask = z.object({
  assigneeOrgId: idParam('承办组织').optional(),
  unitId: idParam('承办单位').optional(),
  title: text('任务', 100),
  deadline: day('完成期限'),
  responsible: text('责任人', 30),
});
export type NewTask = z.infer<typeof NewTask>;
export const CreateResolution = z.object({
  agendaItemId: idParam('议题').optional(),
  text: text('决议', 1000),
  tasks: z.array(NewTask).max(50).default([]).describe('任务'),
});
export const TaskNote = z.object({ note: text('进展', 500) });
export const CompleteTask = z.object({ evidence: text('完成情况', 1000) });
export const TaskNeed = z.object({
  kind: NEED_KINDS.field('需求类型').default('request'),
  category: NEED_CATEGORIES.field('类别'),
});
