import { api } from '../../kernel/api';

export const STAGES = ['applicant', 'activist', 'candidate', 'probationary', 'full'] as const;
export type Stage = (typeof STAGES)[number];

export interface Recruitment {
  id: number;
  orgId: number;
  orgName: string | null;
  personId: number;
  personName: string | null;
  stage: Stage;
  stageLabel: string;
  appliedOn: string;
  activistOn: string | null;
  candidateOn: string | null;
  probationaryOn: string | null;
  fullOn: string | null;
  sponsors: { id: number; name: string }[];
  noticeStartsOn: string | null;
  noticeEndsOn: string | null;
  nextStage: Exclude<Stage, 'applicant'> | null;
  withdrawnOn: string | null;
  withdrawnBy: 'applicant' | 'branch' | null;
  withdrawalReason: string | null;
}

export const recruitmentApi = {
  list: (query: { orgId?: number; stage?: Stage }) => api.get<{ total: number; items: Recruitment[] }>('/api/recruitments', query),
  get: (id: number) => api.get<Recruitment>(`/api/recruitments/${id}`),
  mine: () => api.get<{ total: number; items: Recruitment[] }>('/api/recruitments/mine'),
  withdraw: (id: number, input: { on: string; reason: string | null }) => api.post<Recruitment>(`/api/recruitments/${id}/withdraw`, input),
  start: (input: { personId: number; orgId: number; appliedOn: string }) => api.post<Recruitment>('/api/recruitments', input),
  advance: (id: number, input: { stage: Stage; on: string }) => api.post<Recruitment>(`/api/recruitments/${id}/advance`, input),
  sponsors: (id: number, sponsorIds: number[]) => api.post<Recruitment>(`/api/recruitments/${id}/sponsors`, { sponsorIds }),
  notice: (id: number, input: { startsOn: string; endsOn: string }) => api.post<Recruitment>(`/api/recruitments/${id}/notice`, input),
};

/** The day each stage was reached. */
export const stageDay = (r: Recruitment, stage: Stage): string | null =>
  ({ applicant: r.appliedOn, activist: r.activistOn, candidate: r.candidateOn, probationary: r.probationaryOn, full: r.fullOn })[stage];
