import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type Representative = ItemOf<ResponseOf<'/api/reception/representatives', 'get'>>;
export type RepresentativeList = ResponseOf<'/api/reception/representatives', 'get'>;
export type Visit = ItemOf<ResponseOf<'/api/reception/visits', 'get'>>;
export type Figures = ResponseOf<'/api/reception/figures', 'get'>;
export type OfficeQuery = QueryOf<'/api/reception/figures', 'get'>;
export type NewRepresentative = BodyOf<'/api/reception/representatives', 'post'>;
export type NewVisit = BodyOf<'/api/reception/visits', 'post'>;

export const receptionApi = {
  representatives: (orgId?: number) => api.get<RepresentativeList>('/api/reception/representatives', orgId ? { orgId } : {}),
  create: (body: NewRepresentative) => api.post<Representative>('/api/reception/representatives', body),
  addSlot: (id: number, body: BodyOf<'/api/reception/representatives/{representativeId}/slots', 'post'>) =>
    api.post<Representative>(`/api/reception/representatives/${id}/slots`, body),
  visits: (query: OfficeQuery) => api.get<ResponseOf<'/api/reception/visits', 'get'>>('/api/reception/visits', { ...query }).then((r) => r.items),
  recordVisit: (body: NewVisit) => api.post<Visit>('/api/reception/visits', body),
  figures: (query: OfficeQuery) => api.get<Figures>('/api/reception/figures', { ...query }),
};
