import { api, type Grant, type Page } from '../../kernel/api';

export interface User {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  orgName: string | null;
  disabled: boolean;
  locked: boolean;
  createdAt: string;
  grants: Grant[];
}

export interface GrantInput {
  role: string;
  orgId: number;
  unitId?: number | null;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  orgId: number;
  grants: GrantInput[];
}

export const usersApi = {
  list: (query: { orgId?: number; q?: string; page: number; pageSize: number }) => api.get<Page<User>>('/api/users', query),
  get: (userId: number) => api.get<User>(`/api/users/${userId}`),
  create: (body: CreateUserInput) => api.post<User>('/api/users', body),
  update: (userId: number, body: { displayName?: string; disabled?: boolean }) => api.patch<User>(`/api/users/${userId}`, body),
  addGrant: (userId: number, body: GrantInput) => api.post<User>(`/api/users/${userId}/grants`, body),
  removeGrant: (userId: number, grantId: number) => api.delete<User>(`/api/users/${userId}/grants/${grantId}`),
  unlock: (userId: number) => api.post<User>(`/api/users/${userId}/unlock`),
  resetPassword: (userId: number, newPassword: string) => api.post<{ ok: true }>(`/api/users/${userId}/reset-password`, { newPassword }),
};
