import { api, type QueryOf, type ResponseOf } from '../../kernel/api';

export type Statistics = ResponseOf<'/api/orgs/{orgId}/statistics', 'get'>;
export type StatisticsQuery = QueryOf<'/api/orgs/{orgId}/statistics', 'get'>;
export type StatisticsAreas = ResponseOf<'/api/orgs/{orgId}/statistics/areas', 'get'>;
export type AnnualReport = ResponseOf<'/api/orgs/{orgId}/annual-report', 'get'>;

export const statisticsApi = {
  get: (orgId: number, query: StatisticsQuery) => api.get<Statistics>(`/api/orgs/${orgId}/statistics`, query),
  areas: (orgId: number, query: StatisticsQuery) => api.get<StatisticsAreas>(`/api/orgs/${orgId}/statistics/areas`, query),
  annual: (orgId: number, year: number) => api.get<AnnualReport>(`/api/orgs/${orgId}/annual-report`, { year }),
  annualExportUrl: (orgId: number, year: number) => `/api/orgs/${orgId}/annual-report/export?year=${year}`,
};
