import { api, type QueryOf, type ResponseOf } from '../../kernel/api';

export type Statistics = ResponseOf<'/api/orgs/{orgId}/statistics', 'get'>;
export type StatisticsQuery = QueryOf<'/api/orgs/{orgId}/statistics', 'get'>;

export const statisticsApi = {
  get: (orgId: number, query: StatisticsQuery) => api.get<Statistics>(`/api/orgs/${orgId}/statistics`, query),
};
