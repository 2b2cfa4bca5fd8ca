import { api, type Page } from '../../kernel/api';

export interface Person {
  id: number;
  name: string;
  gender: 'male' | 'female' | null;
  phoneMasked: string | null;
  orgId: number;
  orgName: string | null;
  isMember: boolean;
  category: string | null;
}

export const peopleApi = {
  list: (query: { orgId?: number; q?: string; page: number; pageSize: number }) => api.get<Page<Person>>('/api/people', query),
};
