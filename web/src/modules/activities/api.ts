import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';
import { regionWallClock } from '../../kernel/time';

export type Activity = ItemOf<ResponseOf<'/api/activities', 'get'>>;
export type MySignup = NonNullable<Activity['mySignup']>;
export type NewActivity = BodyOf<'/api/activities', 'post'>;
export type Audience = NewActivity['audience'][number];
export type OrganizerKind = NonNullable<NewActivity['organizerKind']>;
export type ListWhen = NonNullable<QueryOf<'/api/activities', 'get'>['when']>;
/** The organizer's two views of the list: today and after, and what is over. */
export const LIST_WHEN = ['upcoming', 'past'] as const satisfies readonly ListWhen[];

export type ActivityKind = ItemOf<ResponseOf<'/api/activity-kinds', 'get'>>;
export type Series = ItemOf<ResponseOf<'/api/activity-series', 'get'>>;
export type NewSeries = BodyOf<'/api/activity-series', 'post'>;
export type Signup = ItemOf<ResponseOf<'/api/activities/{activityId}/signups', 'get'>>;
export type MyService = ResponseOf<'/api/me/service', 'get'>;
export type ServiceLog = MyService['logs'][number];
export type Team = ItemOf<ResponseOf<'/api/volunteer-teams', 'get'>>;
export type TeamRole = BodyOf<'/api/volunteer-teams/{teamId}/members', 'post'>['role'];
export type Certificate = ItemOf<ResponseOf<'/api/certificates', 'get'>>;
export type Feedback = ResponseOf<'/api/units/{unitId}/feedback', 'get'>;
export type CheckInCode = ResponseOf<'/api/activities/{activityId}/checkin-code', 'get'>;

const feedbackQuery = (year: number, quarter?: number) => `year=${year}${quarter ? `&quarter=${quarter}` : ''}`;

export const activitiesApi = {
  list: (query: QueryOf<'/api/activities', 'get'>) => api.get<ResponseOf<'/api/activities', 'get'>>('/api/activities', query),
  create: (body: NewActivity) => api.post<ResponseOf<'/api/activities', 'post'>>('/api/activities', body),
  cancel: (id: number) => api.post<ResponseOf<'/api/activities/{activityId}/cancel', 'post'>>(`/api/activities/${id}/cancel`),
  reschedule: (id: number, body: BodyOf<'/api/activities/{activityId}/reschedule', 'post'>) =>
    api.post<ResponseOf<'/api/activities/{activityId}/reschedule', 'post'>>(`/api/activities/${id}/reschedule`, body),
  kinds: () => api.get<ResponseOf<'/api/activity-kinds', 'get'>>('/api/activity-kinds'),
  createKind: (body: BodyOf<'/api/activity-kinds', 'post'>) => api.post<ResponseOf<'/api/activity-kinds', 'post'>>('/api/activity-kinds', body),
  series: () => api.get<ResponseOf<'/api/activity-series', 'get'>>('/api/activity-series'),
  createSeries: (body: NewSeries) => api.post<ResponseOf<'/api/activity-series', 'post'>>('/api/activity-series', body),
  generate: (seriesId: number) => api.post<ResponseOf<'/api/activity-series/{seriesId}/generate', 'post'>>(`/api/activity-series/${seriesId}/generate`),
  roster: (id: number) => api.get<ResponseOf<'/api/activities/{activityId}/signups', 'get'>>(`/api/activities/${id}/signups`),
  code: (id: number) => api.get<CheckInCode>(`/api/activities/${id}/checkin-code`),
  signUp: (id: number) => api.post<ResponseOf<'/api/activities/{activityId}/signup', 'post'>>(`/api/activities/${id}/signup`),
  cancelSignup: (id: number) => api.post<ResponseOf<'/api/activities/{activityId}/cancel-signup', 'post'>>(`/api/activities/${id}/cancel-signup`),
  checkIn: (id: number, token: string) =>
    api.post<ResponseOf<'/api/activities/{activityId}/checkin', 'post'>>(`/api/activities/${id}/checkin`, { token } satisfies BodyOf<'/api/activities/{activityId}/checkin', 'post'>),
  checkOut: (id: number) => api.post<ResponseOf<'/api/activities/{activityId}/checkout', 'post'>>(`/api/activities/${id}/checkout`),
  confirm: (signupId: number, body: BodyOf<'/api/signups/{signupId}/confirm', 'post'>) =>
    api.post<ResponseOf<'/api/signups/{signupId}/confirm', 'post'>>(`/api/signups/${signupId}/confirm`, body),
  mark: (signupId: number, status: BodyOf<'/api/signups/{signupId}/mark', 'post'>['status']) =>
    api.post<ResponseOf<'/api/signups/{signupId}/mark', 'post'>>(`/api/signups/${signupId}/mark`, { status }),
  myService: (year: number) => api.get<MyService>('/api/me/service', { year }),
  calendarFeed: (userId: number) => api.post<ResponseOf<'/api/users/{userId}/calendar-feed', 'post'>>(`/api/users/${userId}/calendar-feed`),
  teams: () => api.get<ResponseOf<'/api/volunteer-teams', 'get'>>('/api/volunteer-teams'),
  createTeam: (body: BodyOf<'/api/volunteer-teams', 'post'>) => api.post<ResponseOf<'/api/volunteer-teams', 'post'>>('/api/volunteer-teams', body),
  addTeamMember: (teamId: number, body: BodyOf<'/api/volunteer-teams/{teamId}/members', 'post'>) =>
    api.post<ResponseOf<'/api/volunteer-teams/{teamId}/members', 'post'>>(`/api/volunteer-teams/${teamId}/members`, body),
  certificates: (year: number) => api.get<ResponseOf<'/api/certificates', 'get'>>('/api/certificates', { year }),
  issueCertificate: (body: BodyOf<'/api/certificates', 'post'>) => api.post<ResponseOf<'/api/certificates', 'post'>>('/api/certificates', body),
  feedback: (unitId: number, year: number, quarter?: number) => api.get<Feedback>(`/api/units/${unitId}/feedback?${feedbackQuery(year, quarter)}`),
  feedbackExcelUrl: (unitId: number, year: number, quarter?: number) => `/api/units/${unitId}/feedback.xlsx?${feedbackQuery(year, quarter)}`,
  feedbackPrintUrl: (unitId: number, year: number, quarter?: number) => `/api/units/${unitId}/feedback/print?${feedbackQuery(year, quarter)}`,
};


/** 09:00–11:30 on a day, in the region's clock. */
export function timeRange(a: { startsAt: string; endsAt: string }, format: (iso: string) => string): string {
  const end = regionWallClock(a.endsAt).slice(11, 16);
  return `${format(a.startsAt).slice(0, -3)}–${end}`;
}
