import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type PushedTaskList = ResponseOf<'/api/pushed-tasks', 'get'>;
export type PushedTask = ItemOf<PushedTaskList>;
export type PushedTaskQuery = QueryOf<'/api/pushed-tasks', 'get'>;
export type DepartmentRow = ItemOf<ResponseOf<'/api/pushed-tasks/departments', 'get'>>;
export type NewPushedTask = BodyOf<'/api/pushed-tasks', 'post'>;

export const pushedTasksApi = {
  list: (query: PushedTaskQuery) => api.get<PushedTaskList>('/api/pushed-tasks', { ...query }),
  departments: (orgId?: number) => api.get<ResponseOf<'/api/pushed-tasks/departments', 'get'>>('/api/pushed-tasks/departments', orgId ? { orgId } : {}).then((r) => r.items),
  create: (body: NewPushedTask) => api.post<PushedTask>('/api/pushed-tasks', body),
  withdraw: (id: number) => api.post<PushedTask>(`/api/pushed-tasks/${id}/withdraw`, {}),
};
