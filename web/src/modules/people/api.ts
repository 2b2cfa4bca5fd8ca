import { api, type Page } from '../../kernel/api';

export interface Person {
  id: number;
  name: string;
  gender: 'male' | 'female' | null;
  phoneMasked: string | null;
  orgId: number;
  orgName: string | null;
  unitId: number | null;
  isMember: boolean;
  category: string | null;
}

export type MemberStatus = 'probationary' | 'full';
export const AVAILABILITY = ['weekday', 'evening', 'weekend'] as const;
export const CATEGORIES = ['employed', 'retired', 'laid_off', 'mobile', 'unemployed_graduate', 'veteran', 'relocated_rural', 'student'] as const;

export interface PersonDetail extends Person {
  unitName: string | null;
  ethnicity: string | null;
  birthDate: string | null;
  idNumberMasked: string | null;
  addressMasked: string | null;
  joinedOn: string | null;
  memberStatus: MemberStatus | null;
  partyPost: string | null;
  skills: string[];
  studyAtHome: boolean;
  availability: string[];
  householdId: number | null;
  /** Null also when the household is hidden from the reader. */
  residence: Residence | null;
  canReveal: boolean;
}

export interface Residence {
  householdId: number;
  communityId: number;
  communityName: string | null;
  gridId: number;
  gridName: string;
  buildingId: number | null;
  buildingName: string | null;
  entrance: number | null;
  room: string | null;
  addressMasked: string;
}

export interface Talent extends Person {
  skills: string[];
  availability: string[];
}

export interface PersonInput {
  orgId?: number;
  unitId?: number | null;
  name?: string;
  gender?: 'male' | 'female' | null;
  phone?: string | null;
  isMember?: boolean;
  category?: string | null;
  ethnicity?: string | null;
  idNumber?: string | null;
  address?: string | null;
  birthDate?: string | null;
  joinedOn?: string | null;
  memberStatus?: MemberStatus | null;
  partyPost?: string | null;
  skills?: string[];
  studyAtHome?: boolean;
  availability?: string[];
  householdId?: number | null;
}

export interface PersonQuery {
  orgId?: number;
  q?: string;
  kind?: 'member' | 'resident';
  category?: string;
  memberStatus?: MemberStatus;
  page: number;
  pageSize: number;
}

export type RevealField = 'idNumber' | 'phone' | 'address';

export const peopleApi = {
  list: (query: PersonQuery) => api.get<Page<Person>>('/api/people', { ...query }),
  get: (id: number) => api.get<PersonDetail>(`/api/people/${id}`),
  create: (input: PersonInput) => api.post<Person>('/api/people', input),
  update: (id: number, input: PersonInput) => api.patch<PersonDetail>(`/api/people/${id}`, input),
  reveal: (id: number, field: RevealField) => api.post<{ value: string | null }>(`/api/people/${id}/reveal`, { field }),
  talents: (query: { skill?: string; orgId?: number; gridId?: number; availability?: string; kind?: string; page: number; pageSize: number }) =>
    api.get<Page<Talent>>('/api/people/talents', query),
  talentsExportUrl: (query: { skill?: string; orgId?: number; gridId?: number; availability?: string; kind?: string }) => {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string | number] => Boolean(e[1])).map(([k, v]) => [k, String(v)]));
    return `/api/people/talents/export?${params.toString()}`;
  },
  communities: () => api.get<{ items: { id: number; name: string; street: string | null }[] }>('/api/residents/communities'),
  register: (input: { name: string; phone: string; password: string; communityId: number }) =>
    api.post<{ username: string }>('/api/residents/register', input),
};
