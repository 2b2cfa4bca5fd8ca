import { api, type Page } from '../../kernel/api';

export interface Org {
  id: number;
  parentId: number | null;
  regionId: number;
  name: string;
  kind: string;
  kindLabel: string;
  path: string;
  depth: number;
  childCount: number;
}

export interface OrgDetail extends Org {
  ancestors: { id: number; name: string }[];
}

export interface OrgSummary {
  orgId: number;
  orgCount: number;
  peopleCount: number;
  memberCount: number;
}

export interface Unit {
  id: number;
  name: string;
  kind: string;
  kindLabel: string;
  orgId: number;
  orgName: string | null;
}

export const orgsApi = {
  roots: () => api.get<{ items: Org[] }>('/api/orgs/roots').then((r) => r.items),
  children: (orgId: number) => api.get<{ items: Org[] }>(`/api/orgs/${orgId}/children`).then((r) => r.items),
  detail: (orgId: number) => api.get<OrgDetail>(`/api/orgs/${orgId}`),
  search: (q: string, page = 1, pageSize = 20) => api.get<Page<Org>>('/api/orgs', { q, page, pageSize }),
  summary: (orgId: number) => api.get<OrgSummary>(`/api/orgs/${orgId}/summary`),
  create: (body: { parentId: number; name: string; kind: string }) => api.post<Org>('/api/orgs', body),
  rename: (orgId: number, name: string) => api.patch<Org>(`/api/orgs/${orgId}`, { name }),
  units: (orgId?: number) => api.get<{ items: Unit[] }>('/api/units', { orgId }).then((r) => r.items),
};
