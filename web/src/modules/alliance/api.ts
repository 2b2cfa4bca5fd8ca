import { api, type BodyOf, type ResponseOf } from '../../kernel/api';

export type PublicAlliancePage = ResponseOf<'/api/alliance/{allianceKey}', 'get'>;
export type AlliancePage = ResponseOf<'/api/orgs/{orgId}/alliance-page', 'get'>;

export const allianceApi = {
  page: (key: string) => api.get<PublicAlliancePage>(`/api/alliance/${encodeURIComponent(key)}`),
  feedUrl: (key: string) => `/api/alliance/${encodeURIComponent(key)}/feed.atom`,
  calendarUrl: (key: string) => `/api/alliance/${encodeURIComponent(key)}/calendar.ics`,
  settings: (orgId: number) => api.get<AlliancePage>(`/api/orgs/${orgId}/alliance-page`),
  save: (orgId: number, body: BodyOf<'/api/orgs/{orgId}/alliance-page', 'patch'>) => api.patch<AlliancePage>(`/api/orgs/${orgId}/alliance-page`, body),
};
