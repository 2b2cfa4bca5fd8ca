import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type WorkReportList = ResponseOf<'/api/work-reports', 'get'>;
export type WorkReport = ItemOf<WorkReportList>;
export type WorkReportDraft = ResponseOf<'/api/work-reports/draft', 'get'>;
export type DraftQuery = QueryOf<'/api/work-reports/draft', 'get'>;
export type NewWorkReport = BodyOf<'/api/work-reports', 'post'>;

export const workReportsApi = {
  list: (query: QueryOf<'/api/work-reports', 'get'>) => api.get<WorkReportList>('/api/work-reports', { ...query }),
  draft: (query: DraftQuery) => api.get<WorkReportDraft>('/api/work-reports/draft', { ...query }),
  file: (body: NewWorkReport) => api.post<WorkReport>('/api/work-reports', body),
  comment: (id: number, body: string) => api.post<WorkReport>(`/api/work-reports/${id}/comments`, { body }),
};
