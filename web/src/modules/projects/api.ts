import { api, type BodyOf, type ItemOf, type ResponseOf } from '../../kernel/api';

export type Project = ItemOf<ResponseOf<'/api/projects', 'get'>>;
export type ProjectDetail = ResponseOf<'/api/projects/{projectId}', 'get'>;
export type ProjectAction = Project['actions'][number];
export type Lists = ResponseOf<'/api/lists', 'get'>;

type ProjectStep = 'parties' | 'needs' | 'updates' | 'complete' | 'cancel';
type ProjectStepAnswer = { [S in ProjectStep]: ResponseOf<`/api/projects/{projectId}/${S}`, 'post'> }[ProjectStep];

export const projectsApi = {
  list: (orgId?: number) => api.get<ResponseOf<'/api/projects', 'get'>>('/api/projects', { orgId }),
  get: (id: number) => api.get<ProjectDetail>(`/api/projects/${id}`),
  create: (body: BodyOf<'/api/projects', 'post'>) => api.post<ResponseOf<'/api/projects', 'post'>>('/api/projects', body),
  act: (id: number, path: ProjectStep, body: object) => api.post<ProjectStepAnswer>(`/api/projects/${id}/${path}`, body),
  lists: (orgId?: number) => api.get<Lists>('/api/lists', { orgId }),
  exportUrl: (orgId?: number) => (orgId ? `/api/lists/export?orgId=${orgId}` : '/api/lists/export'),
};
