import { api } from '../../kernel/api';

export const AUDIENCES = ['members', 'reported_members', 'residents'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const ORGANIZER_KINDS = ['community', 'unit', 'team', 'project'] as const;
export type OrganizerKind = (typeof ORGANIZER_KINDS)[number];

export interface MySignup {
  id: number;
  status: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
}

export interface Activity {
  id: number;
  orgId: number;
  orgName: string;
  kind: string;
  kindLabel: string;
  title: string;
  description: string | null;
  organizerKind: OrganizerKind;
  organizerName: string;
  place: string;
  venueId: number | null;
  bookingId: number | null;
  needs: { id: number; title: string; statusLabel: string }[];
  project: { id: number; name: string } | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  audience: Audience[];
  services: string[];
  seriesId: number | null;
  status: 'open' | 'cancelled';
  signedUp: number;
  waitlisted: number;
  attended: number;
  mySignup: MySignup | null;
}

export interface NewActivity {
  orgId: number;
  kind: string;
  title: string;
  description?: string;
  organizerKind: OrganizerKind;
  unitId?: number;
  teamId?: number;
  projectName?: string;
  venueId?: number | null;
  place?: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number;
  audience: Audience[];
  services: string[];
  needIds?: number[];
  projectId?: number | null;
}

export interface ActivityKind {
  kind: string;
  label: string;
  builtIn: boolean;
}

export interface Series {
  id: number;
  orgId: number;
  title: string;
  kind: string;
  place: string;
  venueId: number | null;
  weekOfMonth: number;
  weekday: number;
  startTime: string;
  minutes: number;
  capacity: number;
  services: string[];
  startsOn: string;
  endsOn: string;
  occurrences: number;
}

export type NewSeries = Omit<Series, 'id' | 'place' | 'venueId' | 'occurrences'> & { venueId?: number | null; place?: string | null; audience: Audience[]; teamId?: number | null };

export interface Spendable {
  personId: number;
  balance: number;
  items: { id: number; kind: 'credit' | 'redeem'; kindLabel: string; points: number; reason: string; orgName: string; createdAt: string }[];
}

export interface Entry {
  id: number;
  personId: number;
  personName: string;
  orgName: string;
  year: number;
  kind: string;
  kindLabel: string;
  points: number;
  correction: boolean;
  reason: string;
  createdAt: string;
}

export interface Signup {
  id: number;
  activityId: number;
  personId: number;
  personName: string;
  status: string;
  statusLabel: string;
  leading: boolean;
  signedUpAt: string;
  checkedInAt: string | null;
  checkInMethod: string | null;
  checkedOutAt: string | null;
  hours: number | null;
  confirmed: boolean;
}

export interface ServiceLog {
  id: number;
  orgName: string;
  personName: string;
  activityId: number | null;
  servedOn: string;
  what: string;
  place: string;
  hours: number;
  confirmed: boolean;
}

export interface MyService {
  personId: number | null;
  year: number;
  points: number;
  spendable: number;
  threshold: number | null;
  hours: number;
  activities: number;
  signups: { activity: Activity; signup: Signup }[];
  logs: ServiceLog[];
}

export interface Team {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  focus: string | null;
  members: { id: number; personId: number; personName: string; role: 'leader' | 'member' }[];
}

export interface Total {
  personId: number;
  personName: string;
  orgName: string | null;
  points: number;
  hours: number;
  activities: number;
  rank: number;
  belowThreshold: boolean;
}

export interface Totals {
  year: number;
  threshold: number | null;
  total: number;
  below: number;
  items: Total[];
}

export interface Rule {
  id: number;
  orgName: string;
  kind: string;
  kindLabel: string;
  name: string;
  points: number;
  effectiveFrom: string;
  current: boolean;
}

export interface Certificate {
  id: number;
  orgName: string;
  personId: number;
  personName: string;
  year: number;
  hours: number;
  points: number;
  activities: number;
  code: string;
  issuedOn: string;
  verifyUrl: string;
}

export interface Feedback {
  unitId: number;
  unitName: string;
  period: string;
  from: string;
  to: string;
  threshold: number | null;
  rows: { personId: number; personName: string; registeredAt: string | null; activities: number; hours: number; points: number; belowThreshold: boolean }[];
}

export interface CheckInCode {
  token: string;
  url: string;
  expiresInSeconds: number;
  windowOpen: boolean;
}

const feedbackQuery = (year: number, quarter?: number) => `year=${year}${quarter ? `&quarter=${quarter}` : ''}`;

export const activitiesApi = {
  list: (query: { orgId?: number; from?: string; to?: string; needId?: number; projectId?: number }) => api.get<{ items: Activity[] }>('/api/activities', query),
  create: (body: NewActivity) => api.post<Activity>('/api/activities', body),
  cancel: (id: number) => api.post<Activity>(`/api/activities/${id}/cancel`),
  reschedule: (id: number, body: { startsAt: string; endsAt: string }) => api.post<Activity>(`/api/activities/${id}/reschedule`, body),
  kinds: () => api.get<{ items: ActivityKind[] }>('/api/activity-kinds'),
  createKind: (body: { orgId: number; name: string }) => api.post<{ kind: string; label: string; builtIn: boolean }>('/api/activity-kinds', body),
  series: () => api.get<{ items: Series[] }>('/api/activity-series'),
  createSeries: (body: NewSeries) => api.post<{ id: number; created: number }>('/api/activity-series', body),
  generate: (seriesId: number) => api.post<{ created: number; occurrences: number }>(`/api/activity-series/${seriesId}/generate`),
  entries: (query: { personId?: number; year?: number }) => api.get<{ items: Entry[] }>('/api/points/entries', query),
  spendable: (personId: number) => api.get<Spendable>('/api/points/spendable', { personId }),
  redeem: (body: { personId: number; orgId: number; points: number; reason: string }) => api.post<Spendable>('/api/points/redemptions', body),
  addEntry: (body: { personId: number; orgId: number; ruleId: number; reason: string; on: string }) => api.post<Entry>('/api/points/entries', body),
  roster: (id: number) => api.get<{ items: Signup[] }>(`/api/activities/${id}/signups`),
  code: (id: number) => api.get<CheckInCode>(`/api/activities/${id}/checkin-code`),
  signUp: (id: number) => api.post<Activity>(`/api/activities/${id}/signup`),
  cancelSignup: (id: number) => api.post<Activity>(`/api/activities/${id}/cancel-signup`),
  checkIn: (id: number, token: string) => api.post<Activity>(`/api/activities/${id}/checkin`, { token }),
  checkOut: (id: number) => api.post<Activity>(`/api/activities/${id}/checkout`),
  confirm: (signupId: number, body: { hours: number; leading: boolean }) => api.post<Signup>(`/api/signups/${signupId}/confirm`, body),
  mark: (signupId: number, status: 'leave' | 'absent') => api.post<Signup>(`/api/signups/${signupId}/mark`, { status }),
  myService: (year: number) => api.get<MyService>('/api/me/service', { year }),
  calendarFeed: (userId: number) => api.post<{ url: string }>(`/api/users/${userId}/calendar-feed`),
  teams: () => api.get<{ items: Team[] }>('/api/volunteer-teams'),
  createTeam: (body: { orgId: number; name: string; focus?: string }) => api.post<Team>('/api/volunteer-teams', body),
  addTeamMember: (teamId: number, body: { personId: number; role: 'leader' | 'member' }) => api.post<Team>(`/api/volunteer-teams/${teamId}/members`, body),
  totals: (query: { year: number; orgId?: number; onlyBelow: boolean; page: number; pageSize: number }) => api.get<Totals>('/api/points/totals', query),
  rules: () => api.get<{ items: Rule[] }>('/api/points/rules'),
  createRule: (body: { orgId: number; kind: string; name: string; points: number; effectiveFrom: string }) => api.post<Rule>('/api/points/rules', body),
  rerun: (body: { orgId: number; year: number }) => api.post<{ corrections: number; points: number }>('/api/points/rerun', body),
  certificates: (year: number) => api.get<{ items: Certificate[] }>('/api/certificates', { year }),
  issueCertificate: (body: { orgId: number; personId: number; year: number }) => api.post<Certificate>('/api/certificates', body),
  feedback: (unitId: number, year: number, quarter?: number) => api.get<Feedback>(`/api/units/${unitId}/feedback?${feedbackQuery(year, quarter)}`),
  feedbackExcelUrl: (unitId: number, year: number, quarter?: number) => `/api/units/${unitId}/feedback.xlsx?${feedbackQuery(year, quarter)}`,
  feedbackPrintUrl: (unitId: number, year: number, quarter?: number) => `/api/units/${unitId}/feedback/print?${feedbackQuery(year, quarter)}`,
};

export const thisYear = () => new Date().getFullYear();

/** 09:00–11:30 on a day, in the viewer's clock. */
export function timeRange(a: { startsAt: string; endsAt: string }, format: (iso: string) => string): string {
  const end = new Date(a.endsAt).toTimeString().slice(0, 5);
  return `${format(a.startsAt).slice(0, -3)}–${end}`;
}
