import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type Person = ItemOf<ResponseOf<'/api/people', 'get'>>;
export type PersonDetail = ResponseOf<'/api/people/{personId}', 'get'>;
export type MemberStatus = NonNullable<PersonDetail['memberStatus']>;
/** Null in a detail also when the household is hidden from the reader. */
export type Residence = NonNullable<PersonDetail['residence']>;
export type Talent = ItemOf<ResponseOf<'/api/people/talents', 'get'>>;

export type NewPerson = BodyOf<'/api/people', 'post'>;
export type PersonInput = BodyOf<'/api/people/{personId}', 'patch'>;
export type PersonQuery = QueryOf<'/api/people', 'get'>;
export type Availability = NonNullable<PersonInput['availability']>[number];
export type Category = NonNullable<PersonQuery['category']>;

export type TalentQuery = QueryOf<'/api/people/talents', 'get'>;
export type RevealField = BodyOf<'/api/people/{personId}/reveal', 'post'>['field'];

export const peopleApi = {
  list: (query: PersonQuery) => api.get<ResponseOf<'/api/people', 'get'>>('/api/people', { ...query }),
  get: (id: number) => api.get<PersonDetail>(`/api/people/${id}`),
  create: (input: NewPerson) => api.post<Person>('/api/people', input),
  update: (id: number, input: PersonInput) => api.patch<PersonDetail>(`/api/people/${id}`, input),
  openAccount: (id: number, body: BodyOf<'/api/people/{personId}/account', 'post'>) => api.post<PersonDetail>(`/api/people/${id}/account`, body),
  tieAccount: (id: number, userId: number) => api.post<PersonDetail>(`/api/people/${id}/account/link`, { userId }),
  untieAccount: (id: number) => api.delete<PersonDetail>(`/api/people/${id}/account`),
  reveal: (id: number, field: RevealField) => api.post<ResponseOf<'/api/people/{personId}/reveal', 'post'>>(`/api/people/${id}/reveal`, { field }),
  talents: (query: TalentQuery) => api.get<ResponseOf<'/api/people/talents', 'get'>>('/api/people/talents', query),
  talentsExportUrl: (query: QueryOf<'/api/people/talents/export', 'get'>) => {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string | number] => Boolean(e[1])).map(([k, v]) => [k, String(v)]));
    return `/api/people/talents/export?${params.toString()}`;
  },
  communities: () => api.get<ResponseOf<'/api/residents/communities', 'get'>>('/api/residents/communities'),
  activate: (input: BodyOf<'/api/account-activations', 'post'>) => api.post<ResponseOf<'/api/account-activations', 'post'>>('/api/account-activations', input),
  activationCode: (id: number) => api.post<ResponseOf<'/api/people/{personId}/activation-code', 'post'>>(`/api/people/${id}/activation-code`, {}),
  register: (input: BodyOf<'/api/residents/register', 'post'>) =>
    api.post<ResponseOf<'/api/residents/register', 'post'>>('/api/residents/register', input),
};
