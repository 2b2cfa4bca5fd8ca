import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type ImportJob = ResponseOf<'/api/census/imports/{importId}', 'get'>;
export type ImportRow = ItemOf<ResponseOf<'/api/census/imports/{importId}/rows', 'get'>>;
export type Outcome = ImportRow['outcome'];

export const censusApi = {
  templateUrl: '/api/census/template',
  reportUrl: (importId: number) => `/api/census/imports/${importId}/report`,
  start: (orgId: number, fileName: string, file: string) =>
    api.post<ResponseOf<'/api/census/imports', 'post'>>('/api/census/imports', { orgId, fileName, file } satisfies BodyOf<'/api/census/imports', 'post'>),
  get: (importId: number) => api.get<ImportJob>(`/api/census/imports/${importId}`),
  list: (query: QueryOf<'/api/census/imports', 'get'>) => api.get<ResponseOf<'/api/census/imports', 'get'>>('/api/census/imports', query),
  rows: (importId: number, query: QueryOf<'/api/census/imports/{importId}/rows', 'get'>) =>
    api.get<ResponseOf<'/api/census/imports/{importId}/rows', 'get'>>(`/api/census/imports/${importId}/rows`, query),
  resume: (importId: number) => api.post<ResponseOf<'/api/census/imports/{importId}/resume', 'post'>>(`/api/census/imports/${importId}/resume`),
};
