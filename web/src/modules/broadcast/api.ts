import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type Subscription = ItemOf<ResponseOf<'/api/broadcast/subscriptions', 'get'>>;
export type SubscriptionList = ResponseOf<'/api/broadcast/subscriptions', 'get'>;
export type NewSubscription = BodyOf<'/api/broadcast/subscriptions', 'post'>;
export type Delivery = ItemOf<ResponseOf<'/api/broadcast/deliveries', 'get'>>;
export type BroadcastEvent = ItemOf<ResponseOf<'/api/broadcast/events', 'get'>>;
export type Job = ItemOf<ResponseOf<'/api/jobs', 'get'>>;
export type Message = ItemOf<ResponseOf<'/api/messages', 'get'>>;

export const broadcastApi = {
  subscriptions: (orgId?: number) => api.get<SubscriptionList>('/api/broadcast/subscriptions', orgId ? { orgId } : {}),
  create: (body: NewSubscription) => api.post<Subscription>('/api/broadcast/subscriptions', body),
  edit: (id: number, body: BodyOf<'/api/broadcast/subscriptions/{subscriptionId}', 'patch'>) => api.patch<Subscription>(`/api/broadcast/subscriptions/${id}`, body),
  remove: (id: number) => api.delete(`/api/broadcast/subscriptions/${id}`),
  unsubscribe: (id: number) => api.post<Subscription>(`/api/broadcast/subscriptions/${id}/unsubscribe`, {}),
  deliveries: (query: QueryOf<'/api/broadcast/deliveries', 'get'>) => api.get<ResponseOf<'/api/broadcast/deliveries', 'get'>>('/api/broadcast/deliveries', { ...query }),
  events: (query: QueryOf<'/api/broadcast/events', 'get'>) => api.get<ResponseOf<'/api/broadcast/events', 'get'>>('/api/broadcast/events', { ...query }),
  jobs: (query: QueryOf<'/api/jobs', 'get'>) => api.get<ResponseOf<'/api/jobs', 'get'>>('/api/jobs', { ...query }),
  retryJob: (id: number) => api.post<Job>(`/api/jobs/${id}/retry`, {}),
  messages: (query: QueryOf<'/api/messages', 'get'>) => api.get<ResponseOf<'/api/messages', 'get'>>('/api/messages', { ...query }),
  unread: () => api.get<ResponseOf<'/api/messages/unread', 'get'>>('/api/messages/unread'),
  markRead: (body: BodyOf<'/api/messages/read', 'post'>) => api.post<ResponseOf<'/api/messages/read', 'post'>>('/api/messages/read', body),
};
