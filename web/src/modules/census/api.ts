import { api, type Page } from '../../kernel/api';

export type Outcome = 'pending' | 'created' | 'merged' | 'unchanged' | 'rejected';

export interface ImportJob {
  id: number;
  orgId: number;
  orgName: string;
  fileName: string;
  status: 'running' | 'done' | 'failed';
  statusLabel: string;
  totalRows: number;
  doneRows: number;
  created: number;
  merged: number;
  unchanged: number;
  rejected: number;
  failure: string | null;
  startedAt: string;
  finishedAt: string | null;
  stalled: boolean;
}

export interface ImportRow {
  rowNo: number;
  name: string;
  outcome: Outcome;
  outcomeLabel: string;
  field: string | null;
  message: string | null;
  personId: number | null;
}

export const censusApi = {
  templateUrl: '/api/census/template',
  reportUrl: (importId: number) => `/api/census/imports/${importId}/report`,
  start: (orgId: number, fileName: string, file: string) => api.post<ImportJob>('/api/census/imports', { orgId, fileName, file }),
  get: (importId: number) => api.get<ImportJob>(`/api/census/imports/${importId}`),
  list: (query: { page: number; pageSize: number }) => api.get<Page<ImportJob>>('/api/census/imports', query),
  rows: (importId: number, query: { outcome?: Outcome; page: number; pageSize: number }) =>
    api.get<Page<ImportRow>>(`/api/census/imports/${importId}/rows`, query),
  resume: (importId: number) => api.post<ImportJob>(`/api/census/imports/${importId}/resume`),
};
