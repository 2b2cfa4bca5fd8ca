import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type Commitment = ItemOf<ResponseOf<'/api/commitments', 'get'>>;
export type CommitmentDetail = ResponseOf<'/api/commitments/{commitmentId}', 'get'>;
export type CommitmentItem = CommitmentDetail['items'][number];
export type Report = ItemOf<ResponseOf<'/api/commitment-reports', 'get'>>;
export type ReportDetail = ResponseOf<'/api/commitment-reports/{reportId}', 'get'>;
export type NewCommitment = BodyOf<'/api/commitments', 'post'>;
export type NewWindow = BodyOf<'/api/commitment-windows', 'post'>;
export type Grade = BodyOf<'/api/commitment-reports/{reportId}/ratings', 'post'>['grade'];

const report = (id: number, step: string, body: unknown = {}) => api.post<ReportDetail>(`/api/commitment-reports/${id}/${step}`, body);

export const commitmentsApi = {
  list: (query: QueryOf<'/api/commitments', 'get'> = {}) => api.get<ResponseOf<'/api/commitments', 'get'>>('/api/commitments', query),
  get: (id: number) => api.get<CommitmentDetail>(`/api/commitments/${id}`),
  create: (input: NewCommitment) => api.post<CommitmentDetail>('/api/commitments', input),
  sign: (id: number) => api.post<CommitmentDetail>(`/api/commitments/${id}/sign`),
  replaceItems: (id: number, items: BodyOf<'/api/commitments/{commitmentId}/items', 'put'>['items']) =>
    api.put<CommitmentDetail>(`/api/commitments/${id}/items`, { items }),
  end: (id: number) => api.post<CommitmentDetail>(`/api/commitments/${id}/end`),
  fulfil: (id: number, itemId: number, evidence: string) => api.post<CommitmentDetail>(`/api/commitments/${id}/items/${itemId}/fulfil`, { evidence }),
  windows: (orgId?: number) => api.get<ResponseOf<'/api/commitment-windows', 'get'>>('/api/commitment-windows', { orgId }),
  openWindow: (input: NewWindow) => api.post<ResponseOf<'/api/commitment-windows', 'post'>>('/api/commitment-windows', input),
  reports: (query: QueryOf<'/api/commitment-reports', 'get'> = {}) => api.get<ResponseOf<'/api/commitment-reports', 'get'>>('/api/commitment-reports', query),
  report: (id: number) => api.get<ReportDetail>(`/api/commitment-reports/${id}`),
  submit: (id: number, statement: string) => report(id, 'submit', { statement }),
  giveBack: (id: number) => report(id, 'return'),
  publish: (id: number) => report(id, 'publish'),
  ask: (id: number, body: string) => report(id, 'questions', { body }),
  answer: (id: number, questionId: number, answer: string) => report(id, `questions/${questionId}/answer`, { answer }),
  rate: (id: number, grade: Grade) => report(id, 'ratings', { grade }),
};
