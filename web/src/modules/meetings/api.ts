import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type Meeting = ItemOf<ResponseOf<'/api/meetings', 'get'>>;
export type MeetingList = ResponseOf<'/api/meetings', 'get'>;
export type MeetingDetail = ResponseOf<'/api/meetings/{meetingId}', 'get'>;
export type Invitee = MeetingDetail['invitees'][number];
export type Minutes = MeetingDetail['minutes'][number];
export type Task = ItemOf<ResponseOf<'/api/meeting-tasks', 'get'>>;
export type MeetingQuery = QueryOf<'/api/meetings', 'get'>;
export type NewMeeting = BodyOf<'/api/meetings', 'post'>;
export type NewResolution = BodyOf<'/api/meetings/{meetingId}/resolutions', 'post'>;
export type Answer = BodyOf<'/api/meeting-invitees/{inviteeId}/answer', 'post'>;
export type Attendance = BodyOf<'/api/meeting-invitees/{inviteeId}/attendance', 'post'>;

export const meetingsApi = {
  list: (query: MeetingQuery) => api.get<MeetingList>('/api/meetings', { ...query }),
  get: (id: number) => api.get<MeetingDetail>(`/api/meetings/${id}`),
  create: (body: NewMeeting) => api.post<MeetingDetail>('/api/meetings', body),
  invite: (id: number, body: BodyOf<'/api/meetings/{meetingId}/invitees', 'post'>) => api.post<MeetingDetail>(`/api/meetings/${id}/invitees`, body),
  addAgendaItem: (id: number, body: BodyOf<'/api/meetings/{meetingId}/agenda', 'post'>) => api.post<MeetingDetail>(`/api/meetings/${id}/agenda`, body),
  answer: (inviteeId: number, body: Answer) => api.post<Invitee>(`/api/meeting-invitees/${inviteeId}/answer`, body),
  attendance: (inviteeId: number, body: Attendance) => api.post<Invitee>(`/api/meeting-invitees/${inviteeId}/attendance`, body),
  writeMinutes: (id: number, body: string) => api.post<MeetingDetail>(`/api/meetings/${id}/minutes`, { body }),
  editMinutes: (minutesId: number, body: string) => api.patch<MeetingDetail>(`/api/meeting-minutes/${minutesId}`, { body }),
  approveMinutes: (minutesId: number) => api.post<MeetingDetail>(`/api/meeting-minutes/${minutesId}/approve`, {}),
  attach: (id: number, body: BodyOf<'/api/meetings/{meetingId}/attachments', 'post'>) => api.post<MeetingDetail>(`/api/meetings/${id}/attachments`, body),
  attachmentUrl: (attachmentId: number) => `/api/meeting-attachments/${attachmentId}`,
  resolve: (id: number, body: NewResolution) => api.post<MeetingDetail>(`/api/meetings/${id}/resolutions`, body),
  tasks: (query: QueryOf<'/api/meeting-tasks', 'get'>) => api.get<ResponseOf<'/api/meeting-tasks', 'get'>>('/api/meeting-tasks', { ...query }).then((r) => r.items),
  accept: (taskId: number) => api.post<Task>(`/api/meeting-tasks/${taskId}/accept`, {}),
  progress: (taskId: number, note: string) => api.post<Task>(`/api/meeting-tasks/${taskId}/progress`, { note }),
  complete: (taskId: number, evidence: string) => api.post<Task>(`/api/meeting-tasks/${taskId}/complete`, { evidence }),
};
