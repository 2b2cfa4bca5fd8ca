import { api, type BodyOf, type ItemOf, type Page, type ResponseOf } from '../../kernel/api';

export type Org = ItemOf<ResponseOf<'/api/orgs', 'get'>>;
export type OrgKind = Org['kind'];
export type OrgStatus = Org['status'];
export type OrgAction = Org['actions'][number];
export type OrgDetail = ResponseOf<'/api/orgs/{orgId}', 'get'>;
export type OrgSummary = ResponseOf<'/api/orgs/{orgId}/summary', 'get'>;

type CreateOrg = BodyOf<'/api/orgs', 'post'>;
/** The editable attributes of an organization besides name and kind. */
export type OrgAttributes = Omit<CreateOrg, 'parentId' | 'name' | 'kind'>;

export type Unit = ResponseOf<'/api/units/{unitId}', 'get'>;
export type UnitFields = Omit<BodyOf<'/api/units', 'post'>, 'orgId'>;

export type Tie = ItemOf<ResponseOf<'/api/orgs/{orgId}/ties', 'get'>>;
export type TieKind = Tie['kind'];
export type NewTie = BodyOf<'/api/orgs/{orgId}/ties', 'post'>;

export type Seat = ItemOf<ResponseOf<'/api/orgs/{orgId}/seats', 'get'>>;
export type SeatRole = Seat['role'];
export type NewSeat = BodyOf<'/api/orgs/{orgId}/seats', 'post'>;

export type Coverage = ResponseOf<'/api/orgs/{orgId}/coverage', 'get'>;
export type Gap = Coverage['gaps'][number];
export type GapKind = Gap['kind'];

export type Chart = ResponseOf<'/api/orgs/{orgId}/chart', 'get'>;

export type ImportMode = NonNullable<BodyOf<'/api/orgs/{orgId}/import', 'post'>['mode']>;
export type ImportReport = ResponseOf<'/api/orgs/{orgId}/import', 'post'>;

export const orgsApi = {
  roots: () => api.get<{ items: Org[] }>('/api/orgs/roots').then((r) => r.items),
  children: (orgId: number) => api.get<{ items: Org[] }>(`/api/orgs/${orgId}/children`).then((r) => r.items),
  detail: (orgId: number) => api.get<OrgDetail>(`/api/orgs/${orgId}`),
  search: (q: string, page = 1, pageSize = 20) => api.get<Page<Org>>('/api/orgs', { q, page, pageSize }),
  summary: (orgId: number) => api.get<OrgSummary>(`/api/orgs/${orgId}/summary`),
  create: (body: CreateOrg) => api.post<Org>('/api/orgs', body),
  update: (orgId: number, body: BodyOf<'/api/orgs/{orgId}', 'patch'>) => api.patch<Org>(`/api/orgs/${orgId}`, body),
  move: (orgId: number, parentId: number) => api.post<Org>(`/api/orgs/${orgId}/move`, { parentId }),
  dissolve: (orgId: number, body: BodyOf<'/api/orgs/{orgId}/dissolve', 'post'>) => api.post<Org>(`/api/orgs/${orgId}/dissolve`, body),
  merge: (orgId: number, body: BodyOf<'/api/orgs/{orgId}/merge', 'post'>) => api.post<Org>(`/api/orgs/${orgId}/merge`, body),
  coverage: (orgId: number) => api.get<Coverage>(`/api/orgs/${orgId}/coverage`),
  chart: (orgId: number, depth: number) => api.get<Chart>(`/api/orgs/${orgId}/chart`, { depth }),
  exportUrl: (orgId: number) => `/api/orgs/${orgId}/export`,
  templateUrl: '/api/orgs/import-template',
  import: (orgId: number, file: string, mode: ImportMode) => api.post<ImportReport>(`/api/orgs/${orgId}/import`, { file, mode }),

  ties: (orgId: number) => api.get<{ items: Tie[] }>(`/api/orgs/${orgId}/ties`).then((r) => r.items),
  createTie: (orgId: number, body: NewTie) => api.post<Tie>(`/api/orgs/${orgId}/ties`, body),
  updateTie: (tieId: number, body: BodyOf<'/api/ties/{tieId}', 'patch'>) => api.patch<Tie>(`/api/ties/${tieId}`, body),
  seats: (orgId: number) => api.get<{ items: Seat[] }>(`/api/orgs/${orgId}/seats`).then((r) => r.items),
  createSeat: (orgId: number, body: NewSeat) => api.post<Seat>(`/api/orgs/${orgId}/seats`, body),
  updateSeat: (seatId: number, body: BodyOf<'/api/seats/{seatId}', 'patch'>) => api.patch<Seat>(`/api/seats/${seatId}`, body),

  units: (orgId?: number) => api.get<{ items: Unit[] }>('/api/units', { orgId }).then((r) => r.items),
  unit: (unitId: number) => api.get<Unit>(`/api/units/${unitId}`),
  createUnit: (body: { orgId: number } & UnitFields) => api.post<Unit>('/api/units', body),
  updateUnit: (unitId: number, body: BodyOf<'/api/units/{unitId}', 'patch'>) => api.patch<Unit>(`/api/units/${unitId}`, body),
};
