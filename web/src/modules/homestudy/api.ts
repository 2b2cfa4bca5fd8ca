import { api, type BodyOf, type ResponseOf } from '../../kernel/api';

export type StudyDelivery = ResponseOf<'/api/study-deliveries', 'get'>['items'][number];
export type HomeboundList = ResponseOf<'/api/homebound-members', 'get'>;

export type Homebound = HomeboundList['items'][number];

export const homestudyApi = {
  homebound: (orgId?: number) => api.get<HomeboundList>('/api/homebound-members', { orgId }),
  mark: (body: BodyOf<'/api/homebound-members', 'post'>) => api.post<Homebound>('/api/homebound-members', body),
  schedule: (id: number, body: BodyOf<'/api/homebound-members/{homeboundId}/deliveries', 'post'>) =>
    api.post<StudyDelivery>(`/api/homebound-members/${id}/deliveries`, body),
  deliveries: (orgId?: number) => api.get<ResponseOf<'/api/study-deliveries', 'get'>>('/api/study-deliveries', { orgId }),
  mine: () => api.get<ResponseOf<'/api/study-deliveries', 'get'>>('/api/study-deliveries', { mine: 'true' }),
  deliver: (id: number, body: BodyOf<'/api/study-deliveries/{deliveryId}/deliver', 'post'>) =>
    api.post<ResponseOf<'/api/study-deliveries/{deliveryId}/deliver', 'post'>>(`/api/study-deliveries/${id}/deliver`, body),
};
