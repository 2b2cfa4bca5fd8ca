import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type ReportIn = ItemOf<ResponseOf<'/api/report-ins', 'get'>>;
export type ReportInStatus = ReportIn['status'];
export type Community = ItemOf<ResponseOf<'/api/report-ins/communities', 'get'>>;

export const reportInsApi = {
  list: (query: QueryOf<'/api/report-ins', 'get'> = {}) => api.get<ResponseOf<'/api/report-ins', 'get'>>('/api/report-ins', query),
  /** The ledger as Excel: the unit's (unitId) or everything the community sees. */
  exportUrl: (unitId?: number) => `/api/report-ins/export${unitId ? `?unitId=${unitId}` : ''}`,
  counts: () => api.get<ResponseOf<'/api/report-ins/counts', 'get'>>('/api/report-ins/counts'),
  communities: (q?: string) => api.get<ResponseOf<'/api/report-ins/communities', 'get'>>('/api/report-ins/communities', { q }),
  unregistered: (unitId: number) => api.get<ResponseOf<'/api/units/{unitId}/unregistered', 'get'>>(`/api/units/${unitId}/unregistered`),
  issue: (input: BodyOf<'/api/report-ins', 'post'>) => api.post<ResponseOf<'/api/report-ins', 'post'>>('/api/report-ins', input),
  withdraw: (id: number) => api.post<ResponseOf<'/api/report-ins/{reportInId}/withdraw', 'post'>>(`/api/report-ins/${id}/withdraw`),
  accept: (id: number) => api.post<ResponseOf<'/api/report-ins/{reportInId}/accept', 'post'>>(`/api/report-ins/${id}/accept`),
  decline: (id: number, reason: string) =>
    api.post<ResponseOf<'/api/report-ins/{reportInId}/decline', 'post'>>(`/api/report-ins/${id}/decline`, { reason } satisfies BodyOf<'/api/report-ins/{reportInId}/decline', 'post'>),
  commit: (id: number, input: BodyOf<'/api/report-ins/{reportInId}/commitment', 'post'>) =>
    api.post<ResponseOf<'/api/report-ins/{reportInId}/commitment', 'post'>>(`/api/report-ins/${id}/commitment`, input),
};
