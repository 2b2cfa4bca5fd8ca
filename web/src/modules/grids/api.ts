import { api } from '../../kernel/api';
import type { ImportMode, ImportReport } from '../orgs/api';

export interface Polygon {
  type: 'Polygon';
  coordinates: [number, number][][];
}

export interface Grid {
  id: number;
  communityId: number;
  communityName: string | null;
  branchId: number | null;
  branchName: string | null;
  name: string;
  theme: string | null;
  boundary: Polygon;
  buildingCount: number;
  householdCount: number;
  responsibleName: string | null;
  secretaryName: string | null;
}

export interface Building {
  id: number;
  gridId: number;
  name: string;
  entrances: number;
  groupId: number | null;
  groupName: string | null;
  x: number;
  y: number;
  householdCount: number;
}

export const HOUSEHOLD_TAGS = ['low_income', 'disabled', 'laid_off', 'empty_nest', 'party_member', 'floating'] as const;
export const GRID_ROLES = ['responsible_member', 'branch_secretary', 'info_reporter', 'patrol', 'mediator', 'sanitation_monitor', 'youth_mentor'] as const;
export const CARD_KINDS = ['organization', 'member', 'talent', 'volunteer'] as const;
export const BOOKS = ['suggestions', 'activities'] as const;
export type Book = (typeof BOOKS)[number];

export interface Household {
  id: number;
  gridId: number;
  gridName: string | null;
  buildingId: number | null;
  buildingName: string | null;
  entrance: number | null;
  room: string | null;
  headName: string;
  size: number;
  addressMasked: string;
  phoneMasked: string | null;
  tags: string[];
  freeTags: string[];
  lastVisitedOn: string | null;
}

export interface HouseholdInput {
  gridId: number;
  buildingId?: number;
  entrance?: number;
  room?: string;
  address?: string;
  headName: string;
  size: number;
  phone?: string | null;
  tags: string[];
  freeTags: string[];
}

export interface RoleHolder {
  id: number;
  gridId: number;
  personId: number;
  personName: string | null;
  role: string;
  roleLabel: string;
}

export interface DutyPost {
  id: number;
  gridId: number;
  name: string;
  duty: string | null;
  personId: number | null;
  personName: string | null;
}

export interface Visit {
  id: number;
  gridId: number;
  householdId: number;
  householdName: string | null;
  visitorName: string;
  visitedOn: string;
  learned: string;
  followUp: string | null;
  needId: number | null;
  need: { id: number; title: string; status: string; statusLabel: string } | null;
}

/** A need raised from a visit: the household, grid and building come from the visit. */
export interface VisitNeed {
  kind: string;
  category: string;
  urgency?: string;
  title?: string | null;
}

export interface DueVisit {
  householdId: number;
  headName: string;
  addressMasked: string;
  gridId: number;
  gridName: string | null;
  planName: string;
  lastVisitedOn: string | null;
  dueOn: string;
  overdue: boolean;
}

export interface VisitPlan {
  id: number;
  orgId: number;
  name: string;
  tag: string;
  tagLabel: string;
  everyDays: number;
  startsOn: string;
}

export interface BookEntry {
  id: number;
  gridId: number;
  book: Book;
  enteredOn: string;
  title: string;
  content: string | null;
  personName: string | null;
}

export interface GridMapData {
  communityId: number;
  width: number;
  height: number;
  hasBaseImage: boolean;
  indicator: string;
  indicators: { key: string; label: string }[];
  grids: { id: number; name: string; theme: string | null; branchName: string | null; boundary: Polygon; value: number }[];
  buildings: { id: number; gridId: number; name: string; x: number; y: number }[];
  units: { id: number; gridId: number; name: string }[];
}

type Items<T> = { items: T[] };
const items = <T>(p: Promise<Items<T>>) => p.then((r) => r.items);

export const gridsApi = {
  list: (orgId?: number) => items(api.get<Items<Grid>>('/api/grids', { orgId })),
  get: (gridId: number) => api.get<Grid>(`/api/grids/${gridId}`),
  create: (body: { communityId: number; name: string; theme?: string | null; branchId?: number | null; boundary: Polygon }) => api.post<Grid>('/api/grids', body),
  update: (gridId: number, body: { name?: string; theme?: string | null; branchId?: number | null; boundary?: Polygon }) => api.patch<Grid>(`/api/grids/${gridId}`, body),
  map: (orgId: number, indicator: string) => api.get<GridMapData>('/api/grids/map', { orgId, indicator }),
  baseImageUrl: (orgId: number, version: number) => `/api/grids/base-image?orgId=${orgId}&v=${version}`,
  setBaseImage: (communityId: number, image: string) => api.post('/api/grids/base-image', { communityId, image }),
  buildings: (gridId: number) => items(api.get<Items<Building>>(`/api/grids/${gridId}/buildings`)),
  createBuilding: (gridId: number, body: { name: string; entrances: number; x: number; y: number; groupId?: number | null }) =>
    api.post<Building>(`/api/grids/${gridId}/buildings`, body),
  setBuildingGroup: (buildingId: number, groupId: number | null) => api.patch<Building>(`/api/buildings/${buildingId}`, { groupId }),
  households: (query: { gridId?: number; tag?: string; q?: string }) => api.get<{ total: number; items: Household[] }>('/api/households', query),
  createHousehold: (body: HouseholdInput) => api.post<Household>('/api/households', body),
  updateHousehold: (householdId: number, body: Partial<Omit<HouseholdInput, 'gridId' | 'buildingId' | 'entrance' | 'room' | 'address'>>) =>
    api.patch<Household>(`/api/households/${householdId}`, body),
  householdsExportUrl: (gridId: number) => `/api/grids/${gridId}/households.xlsx`,
  householdsTemplateUrl: '/api/households/import-template',
  importHouseholds: (gridId: number, file: string, mode: ImportMode) => api.post<ImportReport>(`/api/grids/${gridId}/households/import`, { file, mode }),
  roles: (gridId: number) => items(api.get<Items<RoleHolder>>(`/api/grids/${gridId}/roles`)),
  assignRole: (gridId: number, body: { personId: number; role: string }) => api.post<RoleHolder>(`/api/grids/${gridId}/roles`, body),
  removeRole: (gridRoleId: number) => api.delete(`/api/grid-roles/${gridRoleId}`),
  dutyPosts: (gridId: number) => items(api.get<Items<DutyPost>>(`/api/grids/${gridId}/duty-posts`)),
  createDutyPost: (gridId: number, body: { name: string; duty?: string | null; personId?: number | null }) => api.post<DutyPost>(`/api/grids/${gridId}/duty-posts`, body),
  units: (gridId: number) => items(api.get<Items<{ id: number; unitId: number; unitName: string | null }>>(`/api/grids/${gridId}/units`)),
  addUnit: (gridId: number, unitId: number) => api.post(`/api/grids/${gridId}/units`, { unitId }),
  visits: (query: { gridId?: number; householdId?: number }) => items(api.get<Items<Visit>>('/api/visits', query)),
  recordVisit: (body: { householdId: number; visitedOn: string; learned: string; followUp?: string | null; need?: VisitNeed }) => api.post<Visit>('/api/visits', body),
  due: (within: number) => items(api.get<Items<DueVisit>>('/api/visits/due', { within })),
  plans: (orgId: number) => items(api.get<Items<VisitPlan>>('/api/visit-plans', { orgId })),
  createPlan: (body: { communityId: number; name: string; tag: string; everyDays: number }) => api.post<VisitPlan>('/api/visit-plans', body),
  book: (gridId: number, book: Book) => items(api.get<Items<BookEntry>>(`/api/grids/${gridId}/book`, { book })),
  addBookEntry: (gridId: number, body: { book: Book; enteredOn: string; title: string; content?: string | null; personName?: string | null }) =>
    api.post<BookEntry>(`/api/grids/${gridId}/book`, body),
  cardUrl: (gridId: number, kind: string) => `/api/grids/${gridId}/cards?kind=${kind}`,
};
