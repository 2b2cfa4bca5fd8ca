import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type Spendable = ResponseOf<'/api/points/spendable', 'get'>;
export type Entry = ItemOf<ResponseOf<'/api/points/entries', 'get'>>;
export type Totals = ResponseOf<'/api/points/totals', 'get'>;
export type Total = ItemOf<Totals>;
export type Rule = ItemOf<ResponseOf<'/api/points/rules', 'get'>>;
export type NewRule = BodyOf<'/api/points/rules', 'post'>;

export const pointsApi = {
  entries: (query: QueryOf<'/api/points/entries', 'get'>) => api.get<ResponseOf<'/api/points/entries', 'get'>>('/api/points/entries', query),
  spendable: (personId: number) => api.get<Spendable>('/api/points/spendable', { personId }),
  redeem: (body: BodyOf<'/api/points/redemptions', 'post'>) => api.post<ResponseOf<'/api/points/redemptions', 'post'>>('/api/points/redemptions', body),
  addEntry: (body: BodyOf<'/api/points/entries', 'post'>) => api.post<ResponseOf<'/api/points/entries', 'post'>>('/api/points/entries', body),
  totals: (query: QueryOf<'/api/points/totals', 'get'>) => api.get<Totals>('/api/points/totals', query),
  rules: (query: QueryOf<'/api/points/rules', 'get'> = {}) => api.get<ResponseOf<'/api/points/rules', 'get'>>('/api/points/rules', query),
  createRule: (body: NewRule) => api.post<ResponseOf<'/api/points/rules', 'post'>>('/api/points/rules', body),
  rerun: (body: BodyOf<'/api/points/rerun', 'post'>) => api.post<ResponseOf<'/api/points/rerun', 'post'>>('/api/points/rerun', body),
};
