import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type ImportJob = ResponseOf<'/api/census/imports/{importId}', 'get'>;
export type ImportRow = ItemOf<ResponseOf<'/api/census/imports/{importId}/rows', 'get'>>;
export type Outcome = ImportRow['outcome'];
export type ImportPreview = ResponseOf<'/api/census/previews', 'post'>;
export type ImportBody = BodyOf<'/api/census/imports', 'post'>;
/** What a column of the file is taken for: a field's key, or not imported. */
export const IGNORE = 'ignore';

export const censusApi = {
  templateUrl: '/api/census/template',
  reportUrl: (importId: number) => `/api/census/imports/${importId}/report`,
  preview: (orgId: number, fileName: string, file: string) =>
    api.post<ImportPreview>('/api/census/previews', { orgId, fileName, file } satisfies BodyOf<'/api/census/previews', 'post'>),
  start: (body: ImportBody) => api.post<ResponseOf<'/api/census/imports', 'post'>>('/api/census/imports', body),
  get: (importId: number) => api.get<ImportJob>(`/api/census/imports/${importId}`),
  list: (query: QueryOf<'/api/census/imports', 'get'>) => api.get<ResponseOf<'/api/census/imports', 'get'>>('/api/census/imports', query),
  rows: (importId: number, query: QueryOf<'/api/census/imports/{importId}/rows', 'get'>) =>
    api.get<ResponseOf<'/api/census/imports/{importId}/rows', 'get'>>(`/api/census/imports/${importId}/rows`, query),
  resume: (importId: number) => api.post<ResponseOf<'/api/census/imports/{importId}/resume', 'post'>>(`/api/census/imports/${importId}/resume`),
};
