import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type Post = ItemOf<ResponseOf<'/api/posts', 'get'>>;
export type Seat = Post['holders'][number];
export type PostDetail = ResponseOf<'/api/posts/{postId}', 'get'>;
export type PostWork = PostDetail['work'][number];
export type PostQuery = QueryOf<'/api/posts', 'get'>;
export type NewPost = BodyOf<'/api/posts', 'post'>;
export type PostPatch = BodyOf<'/api/posts/{postId}', 'patch'>;
export type NewWork = BodyOf<'/api/posts/{postId}/work', 'post'>;
export type SeatAction = Seat['actions'][number];

const items = (p: Promise<{ items: Post[] }>) => p.then((r) => r.items);

export const postsApi = {
  list: (query: PostQuery) => items(api.get<ResponseOf<'/api/posts', 'get'>>('/api/posts', { ...query })),
  board: () => items(api.get<ResponseOf<'/api/posts/board', 'get'>>('/api/posts/board')),
  mine: () => items(api.get<ResponseOf<'/api/posts/mine', 'get'>>('/api/posts/mine')),
  get: (id: number) => api.get<PostDetail>(`/api/posts/${id}`),
  create: (body: NewPost) => api.post<Post>('/api/posts', body),
  update: (id: number, body: PostPatch) => api.patch<Post>(`/api/posts/${id}`, body),
  claim: (id: number) => api.post<Post>(`/api/posts/${id}/claim`, {}),
  assign: (id: number, personId: number) => api.post<Post>(`/api/posts/${id}/seats`, { personId } satisfies BodyOf<'/api/posts/{postId}/seats', 'post'>),
  seatStep: (seatId: number, step: SeatAction, note?: string) => api.post<Post>(`/api/post-seats/${seatId}/${step}`, { note: note || null }),
  recordWork: (id: number, body: NewWork) => api.post<PostWork>(`/api/posts/${id}/work`, body),
};
