import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import {
  AddAgendaItem, AddAttachment, Answer, AttachmentParams, CompleteTask, CreateMeeting, CreateResolution, Invite, Invitee, InviteeParams, MeetingDetail, MeetingList, MeetingParams,
  MeetingQuery, MinutesParams, RecordAttendance, Task, TaskList, TaskNeed, TaskNote, TaskParams, TaskQuery, UpdateMeeting, WriteMinutes,
} from './schema.ts';
import * as meetings from './service.ts';

const tags = ['会议与决议'];

export function meetingRoutes(app: FastifyInstance, { db, cipher }: Kernel): void {
  route(app, db, {
    method: 'GET', url: '/api/meetings', tags, summary: '会议：辖区内的，或邀请我（我的单位）的',
    querystring: MeetingQuery, response: MeetingList,
    handler: ({ q, scope, query }) => meetings.list(q, scope, { ...query, invited: query.invited === 'true' }),
  });
  route(app, db, {
    method: 'GET', url: '/api/meetings/:meetingId', tags, summary: '会议详情：议程（含上次会议未完成的任务）、受邀人、签到、纪要各版本、决议和任务',
    params: MeetingParams, response: MeetingDetail,
    handler: ({ q, scope, params }) => meetings.detail(q, scope, params.meetingId),
  });
  route(app, db, {
    method: 'POST', url: '/api/meetings', tags, summary: '安排会议',
    body: CreateMeeting, response: MeetingDetail,
    handler: ({ q, scope, body }) => meetings.create(q, scope, body),
  });
  route(app, db, {
    method: 'PATCH', url: '/api/meetings/:meetingId', tags, summary: '修改会议：名称、时间、地点，已召开或取消',
    params: MeetingParams, body: UpdateMeeting, response: MeetingDetail,
    handler: ({ q, scope, params, body }) => meetings.update(q, scope, params.meetingId, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/meetings/:meetingId/invitees', tags, summary: '邀请参会：本组织在任委员、结对共建单位、本组织党员（联合党委含所联合支部的党员）',
    params: MeetingParams, body: Invite, response: MeetingDetail,
    handler: ({ q, scope, params, body }) => meetings.invite(q, scope, params.meetingId, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/meetings/:meetingId/agenda', tags, summary: '添加议题（可关联需求、项目或单位提议）',
    params: MeetingParams, body: AddAgendaItem, response: MeetingDetail,
    handler: ({ q, scope, params, body }) => meetings.addAgendaItem(q, scope, params.meetingId, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/meetings/:meetingId/attachments', tags, summary: '上传会议附件：议程材料、会议纪要（PDF 或图片，按文件内容核验类型，不超过 5 MB）',
    params: MeetingParams, body: AddAttachment, response: MeetingDetail,
    handler: ({ q, scope, params, body }) => meetings.addAttachment(q, scope, params.meetingId, body),
  });
  route(app, db, {
    method: 'GET', url: '/api/meeting-attachments/:attachmentId', tags, summary: '下载会议附件',
    params: AttachmentParams, response: 'file',
    handler: async ({ q, params }) => {
      const a = await meetings.attachment(q, params.attachmentId);
      return { name: a.name, type: a.mime, inline: false, body: a.content };
    },
  });
  route(app, db, {
    method: 'POST', url: '/api/meeting-invitees/:inviteeId/answer', tags, summary: '受邀人答复：参会、委托参会或请假',
    params: InviteeParams, body: Answer, response: Invitee,
    handler: ({ q, scope, params, body }) => meetings.answer(q, scope, params.inviteeId, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/meeting-invitees/:inviteeId/attendance', tags, summary: '会议签到：本人出席、委托出席或缺席',
    params: InviteeParams, body: RecordAttendance, response: Invitee,
    handler: ({ q, scope, params, body }) => meetings.recordAttendance(q, scope, params.inviteeId, body),
  });
  route(app, db, {
    method: 'POST', url: '/api/meetings/:meetingId/minutes', tags, summary: '记录会议纪要：新的一版（草稿）',
    params: MeetingParams, body: WriteMinutes, response: MeetingDetail,
    handler: ({ q, scope, params, body }) => meetings.writeMinutes(q, scope, params.meetingId, body.body),
  });
  route(app, db, {
    method: 'PATCH', url: '/api/meeting-minutes/:minutesId', tags, summary: '修改纪要草稿（已审定的纪要不能修改）',
    params: MinutesParams, body: WriteMinutes, response: MeetingDetail,
    handler: ({ q, scope, params, body }) => meetings.editMinutes(q, scope, params.minutesId, body.body),
  });
  route(app, db, {
    method: 'POST', url: '/api/meeting-minutes/:minutesId/approve', tags, summary: '审定会议纪要',
    params: MinutesParams, response: MeetingDetail,
    handler: ({ q, scope, params }) => meetings.approveMinutes(q, scope, params.minutesId),
  });
  route(app, db, {
    method: 'POST', url: '/api/meetings/:meetingId/resolutions', tags, summary: '形成决议，并把任务交给组织或结对单位',
    params: MeetingParams, body: CreateResolution, response: MeetingDetail,
    handler: ({ q, scope, params, body }) => meetings.resolve(q, scope, params.meetingId, body),
  });
  route(app, db, {
    method: 'GET', url: '/api/meeting-tasks', tags, summary: '会议任务：组织的（可只看超期的），或交给我单位的',
    querystring: TaskQuery, response: TaskList,
    handler: async ({ q, scope, query }) => ({
      items: await meetings.tasks(q, scope, { orgId: query.orgId, status: query.status, overdue: query.overdue === 'true', mine: query.mine === 'true' }),
    }),
  });
  route(app, db, {
    method: 'POST', url: '/api/meeting-tasks/:taskId/accept', tags, summary: '承办单位接收任务',
    params: TaskParams, response: Task,
    handler: ({ q, scope, params }) => meetings.taskStep(q, scope, params.taskId, 'accept', null),
  });
  route(app, db, {
    method: 'POST', url: '/api/meeting-tasks/:taskId/progress', tags, summary: '承办单位报告进展',
    params: TaskParams, body: TaskNote, response: Task,
    handler: ({ q, scope, params, body }) => meetings.taskStep(q, scope, params.taskId, 'report', body.note),
  });
  route(app, db, {
    method: 'POST', url: '/api/meeting-tasks/:taskId/complete', tags, summary: '承办单位完成任务，附完成情况',
    params: TaskParams, body: CompleteTask, response: Task,
    handler: ({ q, scope, params, body }) => meetings.taskStep(q, scope, params.taskId, 'complete', body.evidence),
  });
  route(app, db, {
    method: 'POST', url: '/api/meeting-tasks/:taskId/need', tags, summary: '由任务生成需求（来源：联席会议）',
    params: TaskParams, body: TaskNeed, response: Task,
    handler: ({ q, scope, params, body }) => meetings.createNeed(q, cipher, scope, params.taskId, body),
  });
}
