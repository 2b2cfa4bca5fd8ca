import { api, type Page } from '../../kernel/api';

export type OrgStatus = 'active' | 'merged' | 'dissolved';

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
  status: OrgStatus;
  statusLabel: string;
  statusOn: string | null;
  mergedIntoId: number | null;
  foundedOn: string | null;
  contactPhone: string | null;
  address: string | null;
  secretaryName: string | null;
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

/** The editable attributes of an organization besides name and kind. */
export interface OrgAttributes {
  foundedOn?: string | null;
  contactPhone?: string | null;
  address?: string | null;
}

export interface Unit {
  id: number;
  name: string;
  kind: string;
  kindLabel: string;
  orgId: number;
  orgName: string | null;
  partyOrgId: number | null;
  partyOrgName: string | null;
  partyOrgOutside: string | null;
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  note: string | null;
}

export interface UnitFields {
  name: string;
  kind: string;
  partyOrgId?: number | null;
  partyOrgOutside?: string | null;
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  note?: string | null;
}

export const TIE_KINDS = ['co_builds', 'guides', 'pairs_with', 'joins'] as const;
export type TieKind = (typeof TIE_KINDS)[number];

export interface Tie {
  id: number;
  kind: TieKind;
  kindLabel: string;
  orgId: number;
  orgName: string | null;
  toOrgId: number | null;
  toUnitId: number | null;
  toName: string | null;
  startedOn: string;
  endedOn: string | null;
  pledge: string | null;
  note: string | null;
}

export interface NewTie {
  kind: TieKind;
  toOrgId?: number;
  toUnitId?: number;
  startedOn: string;
  pledge?: string;
  note?: string;
}

export const SEAT_ROLES = ['secretary', 'deputy', 'member'] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];

export interface Seat {
  id: number;
  orgId: number;
  personId: number;
  personName: string | null;
  role: SeatRole;
  roleLabel: string;
  partTime: boolean;
  fromUnitId: number | null;
  fromUnitName: string | null;
  startedOn: string;
  endedOn: string | null;
}

export interface NewSeat {
  personId: number;
  role: SeatRole;
  partTime: boolean;
  fromUnitId?: number;
  startedOn: string;
}

export type GapKind = 'community_without_grid' | 'org_without_secretary' | 'hidden_members' | 'unit_without_tie' | 'grid_without_branch' | 'building_without_group';

export interface Gap {
  kind: GapKind;
  label: string;
  orgId: number | null;
  unitId: number | null;
  gridId: number | null;
  buildingId: number | null;
  name: string;
  detail: string;
}

export interface Coverage {
  orgId: number;
  counts: Record<GapKind, number>;
  gaps: Gap[];
  truncated: boolean;
}

export interface Chart {
  nodes: { id: number; parentId: number | null; name: string; kind: string; kindLabel: string; status: string }[];
  units: { id: number; name: string; kind: string; kindLabel: string; orgId: number }[];
  ties: { id: number; kind: string; kindLabel: string; orgId: number; toOrgId: number | null; toUnitId: number | null }[];
  outside: { type: 'org' | 'unit'; id: number; name: string; kind: string; kindLabel: string; place: string | null }[];
  truncated: boolean;
}

export type ImportMode = 'check' | 'all' | 'valid';

export interface ImportReport {
  total: number;
  valid: number;
  created: number;
  updated: number;
  unchanged: number;
  applied: boolean;
  errors: { row: number; field: string; message: string }[];
}

export const orgsApi = {
  roots: () => api.get<{ items: Org[] }>('/api/orgs/roots').then((r) => r.items),
  children: (orgId: number) => api.get<{ items: Org[] }>(`/api/orgs/${orgId}/children`).then((r) => r.items),
  detail: (orgId: number) => api.get<OrgDetail>(`/api/orgs/${orgId}`),
  search: (q: string, page = 1, pageSize = 20) => api.get<Page<Org>>('/api/orgs', { q, page, pageSize }),
  summary: (orgId: number) => api.get<OrgSummary>(`/api/orgs/${orgId}/summary`),
  create: (body: { parentId: number; name: string; kind: string } & OrgAttributes) => api.post<Org>('/api/orgs', body),
  update: (orgId: number, body: { name?: string; kind?: string } & OrgAttributes) => api.patch<Org>(`/api/orgs/${orgId}`, body),
  move: (orgId: number, parentId: number) => api.post<Org>(`/api/orgs/${orgId}/move`, { parentId }),
  dissolve: (orgId: number, body: { on: string; transferTo?: number }) => api.post<Org>(`/api/orgs/${orgId}/dissolve`, body),
  merge: (orgId: number, body: { into: number; on: string }) => api.post<Org>(`/api/orgs/${orgId}/merge`, body),
  coverage: (orgId: number) => api.get<Coverage>(`/api/orgs/${orgId}/coverage`),
  chart: (orgId: number, depth: number) => api.get<Chart>(`/api/orgs/${orgId}/chart`, { depth }),
  exportUrl: (orgId: number) => `/api/orgs/${orgId}/export`,
  templateUrl: '/api/orgs/import-template',
  import: (orgId: number, file: string, mode: ImportMode) => api.post<ImportReport>(`/api/orgs/${orgId}/import`, { file, mode }),

  ties: (orgId: number) => api.get<{ items: Tie[] }>(`/api/orgs/${orgId}/ties`).then((r) => r.items),
  createTie: (orgId: number, body: NewTie) => api.post<Tie>(`/api/orgs/${orgId}/ties`, body),
  updateTie: (tieId: number, body: { endedOn?: string | null; pledge?: string | null; note?: string | null }) => api.patch<Tie>(`/api/ties/${tieId}`, body),
  seats: (orgId: number) => api.get<{ items: Seat[] }>(`/api/orgs/${orgId}/seats`).then((r) => r.items),
  createSeat: (orgId: number, body: NewSeat) => api.post<Seat>(`/api/orgs/${orgId}/seats`, body),
  updateSeat: (seatId: number, body: { role?: SeatRole; endedOn?: string | null }) => api.patch<Seat>(`/api/seats/${seatId}`, body),

  units: (orgId?: number) => api.get<{ items: Unit[] }>('/api/units', { orgId }).then((r) => r.items),
  unit: (unitId: number) => api.get<Unit>(`/api/units/${unitId}`),
  createUnit: (body: { orgId: number } & UnitFields) => api.post<Unit>('/api/units', body),
  updateUnit: (unitId: number, body: Partial<UnitFields>) => api.patch<Unit>(`/api/units/${unitId}`, body),
};

/** Today in the user's time zone, as the API's YYYY-MM-DD. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
