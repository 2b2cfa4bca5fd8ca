import { usePaging, type Paging } from '../../kernel/DataTable';

/** Pages a list the server sends whole (seats, ties, units of one organization). */
export function useLocalPage<T>(rows: T[] | undefined, filterKey: string): { paging: Paging; setPaging: (next: Paging) => void; rows: T[] | undefined; total: number } {
  const [paging, setPaging] = usePaging(filterKey, 10);
  const start = (paging.page - 1) * paging.pageSize;
  return { paging, setPaging, rows: rows?.slice(start, start + paging.pageSize), total: rows?.length ?? 0 };
}
