import { api } from '../../kernel/api';

export type ReportInStatus = 'issued' | 'accepted' | 'declined' | 'withdrawn';

export interface ReportIn {
  id: number;
  orgId: number;
  orgName: string;
  unitId: number;
  unitName: string;
  personId: number;
  personName: string | null;
  status: ReportInStatus;
  statusLabel: string;
  issuedOn: string;
  note: string | null;
  decidedOn: string | null;
  declineReason: string | null;
  receiptNo: string | null;
  serviceItem: string | null;
  commitment: string | null;
}

export interface Community {
  id: number;
  name: string;
  street: string | null;
}

export const reportInsApi = {
  list: (query: { status?: ReportInStatus; unitId?: number } = {}) => api.get<{ items: ReportIn[] }>('/api/report-ins', query),
  /** The ledger as Excel: the unit's (unitId) or everything the community sees. */
  exportUrl: (unitId?: number) => `/api/report-ins/export${unitId ? `?unitId=${unitId}` : ''}`,
  counts: () => api.get<Record<ReportInStatus, number>>('/api/report-ins/counts'),
  communities: (q?: string) => api.get<{ items: Community[] }>('/api/report-ins/communities', { q }),
  unregistered: (unitId: number) => api.get<{ items: { id: number; name: string; orgName: string | null }[] }>(`/api/units/${unitId}/unregistered`),
  issue: (input: { personId: number; orgId: number; note?: string | null }) => api.post<ReportIn>('/api/report-ins', input),
  withdraw: (id: number) => api.post<ReportIn>(`/api/report-ins/${id}/withdraw`),
  accept: (id: number) => api.post<ReportIn>(`/api/report-ins/${id}/accept`),
  decline: (id: number, reason: string) => api.post<ReportIn>(`/api/report-ins/${id}/decline`, { reason }),
  commit: (id: number, input: { serviceItem: string; commitment: string }) => api.post<ReportIn>(`/api/report-ins/${id}/commitment`, input),
};
