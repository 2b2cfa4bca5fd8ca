import { api, type Page } from '../../kernel/api';
import type { ImportMode, ImportReport } from '../orgs/api';

export const RESOURCE_KINDS = ['venue', 'fund', 'service', 'talent', 'goods'] as const;
export const RESOURCE_CATEGORIES = ['culture', 'education', 'health', 'legal', 'elderly', 'aid', 'environment', 'safety', 'employment', 'convenience', 'party'] as const;
export const RESOURCE_STATUSES = ['available', 'paused', 'withdrawn'] as const;
export const VENUE_TYPES = ['service_window', 'reception', 'function_room', 'special_room', 'court', 'meeting_room', 'library', 'activity_center'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export type ResourceCategory = (typeof RESOURCE_CATEGORIES)[number];
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];
export type VenueType = (typeof VENUE_TYPES)[number];
export type BookingStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

export interface Resource {
  id: number;
  orgId: number;
  orgName: string;
  unitId: number | null;
  unitName: string | null;
  kind: ResourceKind;
  kindLabel: string;
  category: ResourceCategory;
  categoryLabel: string;
  name: string;
  description: string | null;
  conditions: string | null;
  availability: string | null;
  quantity: number | null;
  quantityUnit: string | null;
  contactName: string | null;
  contactPhoneMasked: string | null;
  status: ResourceStatus;
  statusLabel: string;
  venueId: number | null;
  updatedAt: string;
}

export interface ResourceFields {
  category: ResourceCategory;
  name: string;
  description?: string | null;
  conditions?: string | null;
  availability?: string | null;
  quantity?: number | null;
  quantityUnit?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
}

export interface ResourceFilter {
  orgId?: number;
  unitId?: number;
  kind?: ResourceKind;
  category?: ResourceCategory;
  status?: ResourceStatus;
  q?: string;
}

export interface Venue {
  id: number;
  resourceId: number;
  orgId: number;
  orgName: string;
  unitId: number | null;
  unitName: string | null;
  name: string;
  venueType: VenueType;
  venueTypeLabel: string;
  capacity: number | null;
  location: string | null;
  openDays: number[];
  opensAt: string;
  closesAt: string;
  bookable: boolean;
  needsApproval: boolean;
  conditions: string | null;
  status: ResourceStatus;
  statusLabel: string;
}

export interface VenueFields {
  name: string;
  venueType: VenueType;
  category?: ResourceCategory;
  capacity?: number | null;
  location?: string | null;
  openDays: number[];
  opensAt: string;
  closesAt: string;
  bookable: boolean;
  needsApproval: boolean;
  conditions?: string | null;
}

export interface Booking {
  id: number;
  venueId: number;
  venueName: string;
  orgId: number;
  orgName: string;
  venueUnitId: number | null;
  bookedBy: number;
  bookerName: string;
  purpose: string;
  attendees: number | null;
  /** Local wall-clock time, 2026-05-08T09:00. */
  startsAt: string;
  endsAt: string;
  status: BookingStatus;
  statusLabel: string;
  rejectReason: string | null;
  cancelReason: string | null;
  createdAt: string;
}

export interface BookingFilter {
  orgId?: number;
  venueId?: number;
  status?: BookingStatus;
  mine?: boolean;
  from?: string;
  to?: string;
}

const query = (f: object) => f as Record<string, string | number | boolean | undefined>;
const toQueryString = (f: object) =>
  new URLSearchParams(Object.entries(f).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();

export const resourcesApi = {
  list: (f: ResourceFilter & { page: number; pageSize: number }) => api.get<Page<Resource>>('/api/resources', query(f)),
  create: (body: ResourceFields & { kind: ResourceKind; orgId?: number; unitId?: number | null }) => api.post<Resource>('/api/resources', body),
  update: (id: number, body: Partial<ResourceFields> & { status?: ResourceStatus }) => api.patch<Resource>(`/api/resources/${id}`, body),
  revealContact: (id: number) => api.post<{ value: string | null }>(`/api/resources/${id}/reveal-contact`),
  exportUrl: (f: ResourceFilter) => `/api/resources/export?${toQueryString(f)}`,
  templateUrl: '/api/resources/import-template',
  import: (orgId: number, file: string, mode: ImportMode) => api.post<ImportReport>('/api/resources/import', { orgId, file, mode }),

  venues: (f: { orgId?: number; unitId?: number; bookable?: boolean }) => api.get<{ items: Venue[] }>('/api/venues', query(f)),
  venue: (id: number) => api.get<Venue>(`/api/venues/${id}`),
  createVenue: (body: VenueFields & { orgId?: number; unitId?: number | null }) => api.post<Venue>('/api/venues', body),
  updateVenue: (id: number, body: Partial<VenueFields> & { status?: ResourceStatus }) => api.patch<Venue>(`/api/venues/${id}`, body),

  bookings: (f: BookingFilter) => api.get<{ items: Booking[] }>('/api/venue-bookings', query(f)),
  book: (venueId: number, body: { startsAt: string; endsAt: string; purpose: string; attendees?: number | null }) =>
    api.post<Booking>(`/api/venues/${venueId}/bookings`, body),
  approve: (id: number) => api.post<Booking>(`/api/venue-bookings/${id}/approve`),
  reject: (id: number, reason: string) => api.post<Booking>(`/api/venue-bookings/${id}/reject`, { reason }),
  cancel: (id: number, reason: string) => api.post<Booking>(`/api/venue-bookings/${id}/cancel`, { reason }),
};
