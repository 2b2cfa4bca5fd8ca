import { api, type BodyOf, type ItemOf, type ResponseOf } from '../../kernel/api';

export type Campaign = ItemOf<ResponseOf<'/api/campaigns', 'get'>>;
export type CampaignList = ResponseOf<'/api/campaigns', 'get'>;
export type CampaignDetail = ResponseOf<'/api/campaigns/{campaignId}', 'get'>;
export type Assignment = ItemOf<ResponseOf<'/api/campaigns/mine', 'get'>>;
export type NewCampaign = BodyOf<'/api/campaigns', 'post'>;

export const campaignsApi = {
  list: (orgId?: number) => api.get<CampaignList>('/api/campaigns', orgId ? { orgId } : {}),
  create: (body: NewCampaign) => api.post<Campaign>('/api/campaigns', body),
  detail: (id: number) => api.get<CampaignDetail>(`/api/campaigns/${id}`),
  /** A visit to a door of one's own area: open to every cadre given it, granted or not. */
  visit: (body: BodyOf<'/api/campaigns/visits', 'post'>) => api.post<ResponseOf<'/api/campaigns/visits', 'post'>>('/api/campaigns/visits', body),
  mine: () => api.get<ResponseOf<'/api/campaigns/mine', 'get'>>('/api/campaigns/mine').then((r) => r.items),
};
