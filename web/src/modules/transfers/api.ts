import { api } from '../../kernel/api';

export type TransferStatus = 'requested' | 'approved' | 'returned' | 'withdrawn' | 'done';
export type TransferAction = 'approve' | 'return' | 'withdraw' | 'resubmit' | 'receive';

export interface Transfer {
  id: number;
  personId: number;
  personName: string | null;
  fromOrgId: number;
  fromOrgName: string | null;
  toOrgId: number | null;
  toName: string | null;
  outside: boolean;
  status: TransferStatus;
  statusLabel: string;
  reason: string;
  letterNo: string | null;
  requestedOn: string;
  approvedOn: string | null;
  doneOn: string | null;
  lastNote: string | null;
  actions: TransferAction[];
}

export interface Destination {
  toOrgId?: number;
  toOutside?: string | null;
  reason: string;
}

export const transfersApi = {
  list: (status?: TransferStatus) => api.get<{ items: Transfer[] }>('/api/transfers', { status }),
  destinations: (q?: string) => api.get<{ items: { id: number; name: string; kind: string; parentName: string | null }[] }>('/api/transfers/destinations', { q }),
  request: (input: Destination & { personId: number }) => api.post<Transfer>('/api/transfers', input),
  approve: (id: number) => api.post<Transfer>(`/api/transfers/${id}/approve`),
  giveBack: (id: number, note: string) => api.post<Transfer>(`/api/transfers/${id}/return`, { note }),
  withdraw: (id: number) => api.post<Transfer>(`/api/transfers/${id}/withdraw`),
  resubmit: (id: number, input: Destination) => api.post<Transfer>(`/api/transfers/${id}/resubmit`, input),
  receive: (id: number) => api.post<Transfer>(`/api/transfers/${id}/receive`),
  letterUrl: (id: number) => `/api/transfers/${id}/letter`,
};
