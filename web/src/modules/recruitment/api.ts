import { api, type BodyOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type Recruitment = ResponseOf<'/api/recruitments/{recruitmentId}', 'get'>;
export type Stage = Recruitment['stage'];

export const recruitmentApi = {
  list: (query: QueryOf<'/api/recruitments', 'get'>) => api.get<ResponseOf<'/api/recruitments', 'get'>>('/api/recruitments', query),
  get: (id: number) => api.get<Recruitment>(`/api/recruitments/${id}`),
  mine: () => api.get<ResponseOf<'/api/recruitments/mine', 'get'>>('/api/recruitments/mine'),
  withdraw: (id: number, input: BodyOf<'/api/recruitments/{recruitmentId}/withdraw', 'post'>) =>
    api.post<ResponseOf<'/api/recruitments/{recruitmentId}/withdraw', 'post'>>(`/api/recruitments/${id}/withdraw`, input),
  start: (input: BodyOf<'/api/recruitments', 'post'>) => api.post<ResponseOf<'/api/recruitments', 'post'>>('/api/recruitments', input),
  advance: (id: number, input: BodyOf<'/api/recruitments/{recruitmentId}/advance', 'post'>) =>
    api.post<ResponseOf<'/api/recruitments/{recruitmentId}/advance', 'post'>>(`/api/recruitments/${id}/advance`, input),
  sponsors: (id: number, sponsorIds: number[]) =>
    api.post<ResponseOf<'/api/recruitments/{recruitmentId}/sponsors', 'post'>>(`/api/recruitments/${id}/sponsors`, { sponsorIds } satisfies BodyOf<'/api/recruitments/{recruitmentId}/sponsors', 'post'>),
  notice: (id: number, input: BodyOf<'/api/recruitments/{recruitmentId}/notice', 'post'>) =>
    api.post<ResponseOf<'/api/recruitments/{recruitmentId}/notice', 'post'>>(`/api/recruitments/${id}/notice`, input),
};

/** The day each stage was reached. */
export const stageDay = (r: Recruitment, stage: Stage): string | null =>
  ({ applicant: r.appliedOn, activist: r.activistOn, candidate: r.candidateOn, probationary: r.probationaryOn, full: r.fullOn })[stage];
