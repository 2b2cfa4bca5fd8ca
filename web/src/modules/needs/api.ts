import { api, type Page } from '../../kernel/api';

export const NEED_KINDS = ['micro_wish', 'livelihood', 'request'] as const;
export const NEED_CATEGORIES = ['living', 'health', 'education', 'employment', 'legal', 'environment', 'facilities', 'safety', 'culture', 'other'] as const;
export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
export const NEED_SOURCES = ['visit', 'reception', 'joint_meeting', 'staff'] as const;
export const NEED_STATUSES = [
  'submitted', 'accepted', 'rejected', 'claimed', 'dispatched', 'in_progress', 'overdue', 'done', 'returned', 'checked', 'closed', 'rated', 'cancelled',
] as const;
export type NeedAction =
  | 'accept' | 'reject' | 'cancel' | 'dispatch' | 'recall' | 'withdraw' | 'revoke' | 'start' | 'respond' | 'done' | 'check' | 'return'
  | 'close' | 'confirm' | 'rate' | 'rateDepartment';

export interface Need {
  id: number;
  orgId: number;
  orgName: string | null;
  kind: (typeof NEED_KINDS)[number];
  kindLabel: string;
  source: string;
  sourceLabel: string;
  category: string;
  categoryLabel: string;
  urgency: string;
  urgencyLabel: string;
  title: string;
  description: string;
  placeText: string | null;
  status: (typeof NEED_STATUSES)[number];
  statusLabel: string;
  requesterName: string;
  phoneMasked: string | null;
  addressMasked: string | null;
  handlerName: string | null;
  deadline: string | null;
  overdue: boolean;
  escalatedTo: string | null;
  responseNote: string | null;
  resultNote: string | null;
  residentRating: number | null;
  residentComment: string | null;
  createdAt: string;
  actions: NeedAction[];
}

export interface NeedDetail extends Need {
  events: { fromStatus: string | null; toStatus: string; toLabel: string; actorName: string; note: string | null; at: string }[];
  dispatches: { id: number; unitName: string; deadline: string; dispatchedBy: string; dispatchedAt: string; status: string; respondedAt: string | null; escalatedAt: string | null; rating: number | null; ratingComment: string | null }[];
  claims: { id: number; claimerName: string; status: string; claimedAt: string; endedAt: string | null; endNote: string | null }[];
  photos: { id: number; purpose: 'need' | 'evidence' }[];
}

export interface PoolWish {
  id: number;
  orgName: string;
  category: string;
  categoryLabel: string;
  urgencyLabel: string;
  title: string;
  description: string;
  placeText: string | null;
  requester: string;
  createdAt: string;
}

export interface Match {
  kind: 'member' | 'unit' | 'resource';
  id: number;
  name: string;
  reasons: string[];
  score: number;
}

export interface NeedQuery {
  orgId?: number;
  kind?: string;
  status?: string;
  overdue?: 'true';
  escalated?: 'true';
  q?: string;
  page: number;
  pageSize: number;
}

export interface NewNeed {
  kind: string;
  category: string;
  urgency?: string;
  source?: string;
  orgId?: number;
  gridId?: number;
  buildingId?: number;
  title: string;
  description?: string;
  placeText?: string;
  requesterName?: string;
  phone?: string;
  address?: string;
  photos?: string[];
}

export const needsApi = {
  list: (query: NeedQuery) => api.get<Page<Need>>('/api/needs', { ...query }),
  get: (id: number) => api.get<NeedDetail>(`/api/needs/${id}`),
  create: (body: NewNeed) => api.post<NeedDetail>('/api/needs', body),
  pool: () => api.get<{ items: PoolWish[] }>('/api/needs/pool'),
  claim: (id: number, unitId?: number) => api.post<NeedDetail>(`/api/needs/${id}/claim`, unitId ? { unitId } : {}),
  step: (id: number, path: string, body: object = {}) => api.post<NeedDetail | { id: number; status: string }>(`/api/needs/${id}/${path}`, body),
  matches: (id: number) => api.get<{ items: Match[] }>(`/api/needs/${id}/matches`),
  targets: () => api.get<{ items: { id: number; name: string; kind: string; orgName: string }[] }>('/api/needs/dispatch-targets'),
  sweep: (orgId: number) => api.post<{ escalated: number | null }>('/api/needs/sweep', { orgId }),
  ratings: (year?: number) =>
    api.get<{ items: { unitId: number; unitName: string; year: number; count: number; average: number; onTime: number }[] }>('/api/needs/department-ratings', { year }),
  reveal: (id: number, field: 'phone' | 'address') => api.post<{ value: string | null }>(`/api/needs/${id}/reveal`, { field }),
  photoUrl: (needId: number, photoId: number) => `/api/needs/${needId}/photos/${photoId}`,
  /** The printable dispatch slip (派单) of the matter's open dispatch. */
  slipUrl: (needId: number) => `/api/needs/${needId}/slip`,
  /** Where a need can be placed more precisely (grids module). */
  grids: () => api.get<{ items: { id: number; name: string; communityId: number; communityName: string | null }[] }>('/api/grids'),
  buildings: (gridId: number) => api.get<{ items: { id: number; name: string }[] }>(`/api/grids/${gridId}/buildings`),
};

/** Reads picked image files as data URLs, the form the API takes photos in. */
export function readPhotos(files: File[]): Promise<string[]> {
  return Promise.all(
    files.map(
      (f) =>
        new Promise<string>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(String(reader.result));
          reader.onerror = () => reject(reader.error ?? new Error('read failed'));
          reader.readAsDataURL(f);
        }),
    ),
  );
}
