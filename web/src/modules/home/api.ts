import { api, type ItemOf, type ResponseOf } from '../../kernel/api';

export type TodoItem = ItemOf<ResponseOf<'/api/home/todo', 'get'>>;

export const homeApi = {
  todo: () => api.get<ResponseOf<'/api/home/todo', 'get'>>('/api/home/todo'),
};

/** What the menu shows as a badge beside each page: the waiting records that link to it, by the page's path. */
export function badgesOf(items: readonly TodoItem[]): Record<string, number> {
  const by: Record<string, number> = {};
  for (const i of items) {
    const path = i.link.split('?')[0]!;
    by[path] = (by[path] ?? 0) + (i.count ?? 1);
  }
  return by;
}
