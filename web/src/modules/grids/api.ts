import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';
import type { ImportMode } from '../orgs/api';

export type Grid = ResponseOf<'/api/grids/{gridId}', 'get'>;
export type Polygon = Grid['boundary'];
export type Building = ItemOf<ResponseOf<'/api/grids/{gridId}/buildings', 'get'>>;
export type Household = ItemOf<ResponseOf<'/api/households', 'get'>>;
export type HouseholdInput = BodyOf<'/api/households', 'post'>;
export type HouseholdQuery = QueryOf<'/api/households', 'get'>;
export type RoleHolder = ItemOf<ResponseOf<'/api/grids/{gridId}/roles', 'get'>>;
export type GridRole = BodyOf<'/api/grids/{gridId}/roles', 'post'>['role'];
export type Visit = ItemOf<ResponseOf<'/api/visits', 'get'>>;
type NewVisit = BodyOf<'/api/visits', 'post'>;
/** A need raised from a visit: the household, grid and building come from the visit. */
export type VisitNeed = NonNullable<NewVisit['need']>;
export type DueVisit = ItemOf<ResponseOf<'/api/visits/due', 'get'>>;
export type VisitPlan = ItemOf<ResponseOf<'/api/visit-plans', 'get'>>;
export type BookEntry = ItemOf<ResponseOf<'/api/grids/{gridId}/book', 'get'>>;
export type Book = BodyOf<'/api/grids/{gridId}/book', 'post'>['book'];
export type HouseholdTag = HouseholdInput['tags'][number];
export type GridMapData = ResponseOf<'/api/grids/map', 'get'>;
export type CardKind = NonNullable<QueryOf<'/api/grids/{gridId}/cards', 'get'>['kind']>;


const items = <T>(p: Promise<{ items: T[] }>) => p.then((r) => r.items);
/** A community's grids, with what the caller may do there; without a community, the caller's own grids. */
const gridsAt = (orgId?: number) => api.get<ResponseOf<'/api/grids', 'get'>>('/api/grids', { orgId });

export const gridsApi = {
  list: (orgId?: number) => items(gridsAt(orgId)),
  at: gridsAt,
  get: (gridId: number) => api.get<Grid>(`/api/grids/${gridId}`),
  create: (body: BodyOf<'/api/grids', 'post'>) => api.post<Grid>('/api/grids', body),
  update: (gridId: number, body: BodyOf<'/api/grids/{gridId}', 'patch'>) => api.patch<Grid>(`/api/grids/${gridId}`, body),
  map: (orgId: number, indicator: string) => api.get<GridMapData>('/api/grids/map', { orgId, indicator }),
  baseImageUrl: (orgId: number, version: number) => `/api/grids/base-image?orgId=${orgId}&v=${version}`,
  setBaseImage: (communityId: number, image: string) => api.post('/api/grids/base-image', { communityId, image } satisfies BodyOf<'/api/grids/base-image', 'post'>),
  buildings: (gridId: number) => items(api.get<ResponseOf<'/api/grids/{gridId}/buildings', 'get'>>(`/api/grids/${gridId}/buildings`)),
  createBuilding: (gridId: number, body: BodyOf<'/api/grids/{gridId}/buildings', 'post'>) => api.post<Building>(`/api/grids/${gridId}/buildings`, body),
  setBuildingGroup: (buildingId: number, groupId: number | null) =>
    api.patch<Building>(`/api/buildings/${buildingId}`, { groupId } satisfies BodyOf<'/api/buildings/{buildingId}', 'patch'>),
  households: (query: HouseholdQuery) => api.get<ResponseOf<'/api/households', 'get'>>('/api/households', query),
  createHousehold: (body: HouseholdInput) => api.post<Household>('/api/households', body),
  updateHousehold: (householdId: number, body: BodyOf<'/api/households/{householdId}', 'patch'>) => api.patch<Household>(`/api/households/${householdId}`, body),
  householdsExportUrl: (gridId: number) => `/api/grids/${gridId}/households.xlsx`,
  householdsTemplateUrl: '/api/households/import-template',
  importHouseholds: (gridId: number, file: string, mode: ImportMode) =>
    api.post<ResponseOf<'/api/grids/{gridId}/households/import', 'post'>>(`/api/grids/${gridId}/households/import`, { file, mode } satisfies BodyOf<'/api/grids/{gridId}/households/import', 'post'>),
  roles: (gridId: number) => items(api.get<ResponseOf<'/api/grids/{gridId}/roles', 'get'>>(`/api/grids/${gridId}/roles`)),
  assignRole: (gridId: number, body: BodyOf<'/api/grids/{gridId}/roles', 'post'>) => api.post<RoleHolder>(`/api/grids/${gridId}/roles`, body),
  removeRole: (gridRoleId: number) => api.delete(`/api/grid-roles/${gridRoleId}`),
  units: (gridId: number) => items(api.get<ResponseOf<'/api/grids/{gridId}/units', 'get'>>(`/api/grids/${gridId}/units`)),
  addUnit: (gridId: number, unitId: number) => api.post(`/api/grids/${gridId}/units`, { unitId } satisfies BodyOf<'/api/grids/{gridId}/units', 'post'>),
  visits: (query: QueryOf<'/api/visits', 'get'>) => items(api.get<ResponseOf<'/api/visits', 'get'>>('/api/visits', query)),
  recordVisit: (body: NewVisit) => api.post<Visit>('/api/visits', body),
  due: (within: number) => items(api.get<ResponseOf<'/api/visits/due', 'get'>>('/api/visits/due', { within })),
  plans: (orgId: number) => items(api.get<ResponseOf<'/api/visit-plans', 'get'>>('/api/visit-plans', { orgId })),
  createPlan: (body: BodyOf<'/api/visit-plans', 'post'>) => api.post<VisitPlan>('/api/visit-plans', body),
  book: (gridId: number, book: Book) => items(api.get<ResponseOf<'/api/grids/{gridId}/book', 'get'>>(`/api/grids/${gridId}/book`, { book })),
  addBookEntry: (gridId: number, body: BodyOf<'/api/grids/{gridId}/book', 'post'>) => api.post<BookEntry>(`/api/grids/${gridId}/book`, body),
  cardUrl: (gridId: number, kind: CardKind) => `/api/grids/${gridId}/cards?kind=${kind}`,
};
