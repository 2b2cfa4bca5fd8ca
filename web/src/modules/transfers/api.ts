import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type Transfer = ItemOf<ResponseOf<'/api/transfers', 'get'>>;
export type TransferStatus = Transfer['status'];
export type TransferAction = Transfer['actions'][number];
export type Destination = BodyOf<'/api/transfers/{transferId}/resubmit', 'post'>;

export const transfersApi = {
  list: (status?: TransferStatus) => api.get<ResponseOf<'/api/transfers', 'get'>>('/api/transfers', { status } satisfies QueryOf<'/api/transfers', 'get'>),
  destinations: (q?: string) => api.get<ResponseOf<'/api/transfers/destinations', 'get'>>('/api/transfers/destinations', { q }),
  request: (input: BodyOf<'/api/transfers', 'post'>) => api.post<ResponseOf<'/api/transfers', 'post'>>('/api/transfers', input),
  approve: (id: number) => api.post<ResponseOf<'/api/transfers/{transferId}/approve', 'post'>>(`/api/transfers/${id}/approve`),
  giveBack: (id: number, note: string) =>
    api.post<ResponseOf<'/api/transfers/{transferId}/return', 'post'>>(`/api/transfers/${id}/return`, { note } satisfies BodyOf<'/api/transfers/{transferId}/return', 'post'>),
  withdraw: (id: number) => api.post<ResponseOf<'/api/transfers/{transferId}/withdraw', 'post'>>(`/api/transfers/${id}/withdraw`),
  resubmit: (id: number, input: Destination) => api.post<ResponseOf<'/api/transfers/{transferId}/resubmit', 'post'>>(`/api/transfers/${id}/resubmit`, input),
  receive: (id: number) => api.post<ResponseOf<'/api/transfers/{transferId}/receive', 'post'>>(`/api/transfers/${id}/receive`),
  letterUrl: (id: number) => `/api/transfers/${id}/letter`,
};
