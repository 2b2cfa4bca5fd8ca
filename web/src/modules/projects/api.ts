import { api } from '../../kernel/api';
import type { Need } from '../needs/api';

export interface Project {
  id: number;
  orgId: number;
  orgName: string | null;
  name: string;
  summary: string;
  status: 'active' | 'completed' | 'cancelled';
  statusLabel: string;
  startedOn: string;
  completedOn: string | null;
  outcome: string | null;
  progress: number;
  partyCount: number;
  needCount: number;
  needsClosed: number;
}

export interface ProjectDetail extends Project {
  parties: { id: number; kind: 'unit' | 'member'; name: string; pledge: string; resourceId: number | null }[];
  needs: { id: number; title: string; kindLabel: string; status: string; statusLabel: string }[];
  updates: { id: number; body: string; progress: number; author: string; at: string }[];
}

interface Count {
  key: string;
  label: string;
  count: number;
}
export interface Lists {
  needs: { total: number; open: number; overdue: number; byKind: Count[]; byStatus: Count[] };
  resources: { total: number; available: number; byKind: Count[] };
  projects: { total: number; active: number; completed: number; needsClosed: number; items: Project[] };
  responsibilities: { total: number; overdue: number; items: Need[] };
}

export const projectsApi = {
  list: (orgId?: number) => api.get<{ items: Project[] }>('/api/projects', { orgId }),
  get: (id: number) => api.get<ProjectDetail>(`/api/projects/${id}`),
  create: (body: { orgId: number; name: string; summary?: string; startedOn?: string }) => api.post<ProjectDetail>('/api/projects', body),
  act: (id: number, path: 'parties' | 'needs' | 'updates' | 'complete' | 'cancel', body: object) => api.post<ProjectDetail>(`/api/projects/${id}/${path}`, body),
  lists: (orgId?: number) => api.get<Lists>('/api/lists', { orgId }),
  exportUrl: (orgId?: number) => (orgId ? `/api/lists/export?orgId=${orgId}` : '/api/lists/export'),
};
