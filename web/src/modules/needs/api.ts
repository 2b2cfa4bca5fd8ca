import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type Need = ItemOf<ResponseOf<'/api/needs', 'get'>>;
export type NeedDetail = ResponseOf<'/api/needs/{needId}', 'get'>;
export type NeedAction = Need['actions'][number];
export type PoolWish = ItemOf<ResponseOf<'/api/needs/pool', 'get'>>;
export type Match = ItemOf<ResponseOf<'/api/needs/{needId}/matches', 'get'>>;
export type NeedQuery = QueryOf<'/api/needs', 'get'>;
export type NewNeed = BodyOf<'/api/needs', 'post'>;


type StepPath = Exclude<NeedAction, 'rateDepartment'> | 'rate-department';
const stepPath = (action: NeedAction): StepPath => (action === 'rateDepartment' ? 'rate-department' : action);
/** What a step answers: the need as it now is, or only its id and status when the step put it out of the caller's sight. */
type StepAnswer = { [S in StepPath]: ResponseOf<`/api/needs/{needId}/${S}`, 'post'> }[StepPath];

export const needsApi = {
  list: (query: NeedQuery) => api.get<ResponseOf<'/api/needs', 'get'>>('/api/needs', { ...query }),
  get: (id: number) => api.get<NeedDetail>(`/api/needs/${id}`),
  create: (body: NewNeed) => api.post<ResponseOf<'/api/needs', 'post'>>('/api/needs', body),
  pool: () => api.get<ResponseOf<'/api/needs/pool', 'get'>>('/api/needs/pool'),
  claim: (id: number, unitId?: number) =>
    api.post<ResponseOf<'/api/needs/{needId}/claim', 'post'>>(`/api/needs/${id}/claim`, (unitId ? { unitId } : {}) satisfies BodyOf<'/api/needs/{needId}/claim', 'post'>),
  step: (id: number, action: NeedAction, body: object = {}) => api.post<StepAnswer>(`/api/needs/${id}/${stepPath(action)}`, body),
  matches: (id: number) => api.get<ResponseOf<'/api/needs/{needId}/matches', 'get'>>(`/api/needs/${id}/matches`),
  targets: () => api.get<ResponseOf<'/api/needs/dispatch-targets', 'get'>>('/api/needs/dispatch-targets'),
  sweep: (orgId: number) => api.post<ResponseOf<'/api/needs/sweep', 'post'>>('/api/needs/sweep', { orgId } satisfies BodyOf<'/api/needs/sweep', 'post'>),
  ratings: (year?: number) => api.get<ResponseOf<'/api/needs/department-ratings', 'get'>>('/api/needs/department-ratings', { year }),
  reveal: (id: number, field: BodyOf<'/api/needs/{needId}/reveal', 'post'>['field']) =>
    api.post<ResponseOf<'/api/needs/{needId}/reveal', 'post'>>(`/api/needs/${id}/reveal`, { field }),
  photoUrl: (needId: number, photoId: number) => `/api/needs/${needId}/photos/${photoId}`,
  /** The printable dispatch slip (派单) of the matter's open dispatch. */
  slipUrl: (needId: number) => `/api/needs/${needId}/slip`,
  /** Where a need can be placed more precisely (grids module). */
  grids: () => api.get<ResponseOf<'/api/grids', 'get'>>('/api/grids'),
  buildings: (gridId: number) => api.get<ResponseOf<'/api/grids/{gridId}/buildings', 'get'>>(`/api/grids/${gridId}/buildings`),
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
