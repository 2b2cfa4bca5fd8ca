import { api, type BodyOf, type ResponseOf } from '../../kernel/api';

export type StudyDelivery = ResponseOf<'/api/study-deliveries', 'get'>['items'][number];
export type HomeboundList = ResponseOf<'/api/homebound-members', 'get'>;

export const homestudyApi = {
  mine: () => api.get<ResponseOf<'/api/study-deliveries', 'get'>>('/api/study-deliveries', { mine: 'true' }),
  deliver: (id: number, body: BodyOf<'/api/study-deliveries/{deliveryId}/deliver', 'post'>) =>
    api.post<ResponseOf<'/api/study-deliveries/{deliveryId}/deliver', 'post'>>(`/api/study-deliveries/${id}/deliver`, body),
};
