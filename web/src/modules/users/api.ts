import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type User = ResponseOf<'/api/users/{userId}', 'get'>;
export type GrantInput = BodyOf<'/api/users/{userId}/grants', 'post'>;
export type CreateUserInput = BodyOf<'/api/users', 'post'>;

export const usersApi = {
  list: (query: QueryOf<'/api/users', 'get'>) => api.get<ResponseOf<'/api/users', 'get'>>('/api/users', query),
  get: (userId: number) => api.get<User>(`/api/users/${userId}`),
  create: (body: CreateUserInput) => api.post<ResponseOf<'/api/users', 'post'>>('/api/users', body),
  update: (userId: number, body: BodyOf<'/api/users/{userId}', 'patch'>) => api.patch<ResponseOf<'/api/users/{userId}', 'patch'>>(`/api/users/${userId}`, body),
  addGrant: (userId: number, body: GrantInput) => api.post<ResponseOf<'/api/users/{userId}/grants', 'post'>>(`/api/users/${userId}/grants`, body),
  removeGrant: (userId: number, grantId: number) => api.delete<ResponseOf<'/api/users/{userId}/grants/{grantId}', 'delete'>>(`/api/users/${userId}/grants/${grantId}`),
  unlock: (userId: number) => api.post<ResponseOf<'/api/users/{userId}/unlock', 'post'>>(`/api/users/${userId}/unlock`),
  resetPassword: (userId: number, newPassword: string) =>
    api.post<ResponseOf<'/api/users/{userId}/reset-password', 'post'>>(`/api/users/${userId}/reset-password`, { newPassword } satisfies BodyOf<'/api/users/{userId}/reset-password', 'post'>),
};

export type SignInWait = ItemOf<ResponseOf<'/api/sign-in-throttles', 'get'>>;
export const throttlesApi = {
  list: () => api.get<ResponseOf<'/api/sign-in-throttles', 'get'>>('/api/sign-in-throttles'),
  /** An address's or an unknown name's wait; an account's is cleared by unlocking it. */
  clear: (throttleId: number) => api.delete<ResponseOf<'/api/sign-in-throttles/{throttleId}', 'delete'>>(`/api/sign-in-throttles/${throttleId}`),
};
