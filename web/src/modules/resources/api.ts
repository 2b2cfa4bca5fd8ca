import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';
import type { ImportMode } from '../orgs/api';

export type Resource = ItemOf<ResponseOf<'/api/resources', 'get'>>;
type NewResource = BodyOf<'/api/resources', 'post'>;
export type ResourceKind = NewResource['kind'];
export type ResourceCategory = NewResource['category'];
export type ResourceStatus = NonNullable<BodyOf<'/api/resources/{resourceId}', 'patch'>['status']>;
export type ResourceFields = Omit<NewResource, 'kind' | 'orgId' | 'unitId'>;
export type ResourceFilter = Omit<QueryOf<'/api/resources', 'get'>, 'page' | 'pageSize'>;

export type Venue = ItemOf<ResponseOf<'/api/venues', 'get'>>;
type NewVenue = BodyOf<'/api/venues', 'post'>;
export type VenueType = NewVenue['venueType'];
export type VenueFields = Omit<NewVenue, 'orgId' | 'unitId'>;

export type Booking = ItemOf<ResponseOf<'/api/venue-bookings', 'get'>>;
export type BookingFilter = QueryOf<'/api/venue-bookings', 'get'>;
export type BookingStatus = NonNullable<BookingFilter['status']>;


const toQueryString = (f: object) =>
  new URLSearchParams(Object.entries(f).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();

export const resourcesApi = {
  list: (f: QueryOf<'/api/resources', 'get'>) => api.get<ResponseOf<'/api/resources', 'get'>>('/api/resources', f),
  create: (body: NewResource) => api.post<ResponseOf<'/api/resources', 'post'>>('/api/resources', body),
  update: (id: number, body: BodyOf<'/api/resources/{resourceId}', 'patch'>) => api.patch<ResponseOf<'/api/resources/{resourceId}', 'patch'>>(`/api/resources/${id}`, body),
  revealContact: (id: number) => api.post<ResponseOf<'/api/resources/{resourceId}/reveal-contact', 'post'>>(`/api/resources/${id}/reveal-contact`),
  exportUrl: (f: QueryOf<'/api/resources/export', 'get'>) => `/api/resources/export?${toQueryString(f)}`,
  templateUrl: '/api/resources/import-template',
  import: (orgId: number, file: string, mode: ImportMode) =>
    api.post<ResponseOf<'/api/resources/import', 'post'>>('/api/resources/import', { orgId, file, mode } satisfies BodyOf<'/api/resources/import', 'post'>),

  venues: (f: QueryOf<'/api/venues', 'get'>) => api.get<ResponseOf<'/api/venues', 'get'>>('/api/venues', f),
  venue: (id: number) => api.get<ResponseOf<'/api/venues/{venueId}', 'get'>>(`/api/venues/${id}`),
  createVenue: (body: NewVenue) => api.post<ResponseOf<'/api/venues', 'post'>>('/api/venues', body),
  updateVenue: (id: number, body: BodyOf<'/api/venues/{venueId}', 'patch'>) => api.patch<ResponseOf<'/api/venues/{venueId}', 'patch'>>(`/api/venues/${id}`, body),

  bookings: (f: BookingFilter) => api.get<ResponseOf<'/api/venue-bookings', 'get'>>('/api/venue-bookings', f),
  book: (venueId: number, body: BodyOf<'/api/venues/{venueId}/bookings', 'post'>) =>
    api.post<ResponseOf<'/api/venues/{venueId}/bookings', 'post'>>(`/api/venues/${venueId}/bookings`, body),
  approve: (id: number) => api.post<ResponseOf<'/api/venue-bookings/{venueBookingId}/approve', 'post'>>(`/api/venue-bookings/${id}/approve`),
  reject: (id: number, reason: string) =>
    api.post<ResponseOf<'/api/venue-bookings/{venueBookingId}/reject', 'post'>>(`/api/venue-bookings/${id}/reject`, { reason } satisfies BodyOf<'/api/venue-bookings/{venueBookingId}/reject', 'post'>),
  cancel: (id: number, reason: string) =>
    api.post<ResponseOf<'/api/venue-bookings/{venueBookingId}/cancel', 'post'>>(`/api/venue-bookings/${id}/cancel`, { reason } satisfies BodyOf<'/api/venue-bookings/{venueBookingId}/cancel', 'post'>),
};
