import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type FundSource = ItemOf<ResponseOf<'/api/fund-sources', 'get'>>;
export type FundEntry = ItemOf<ResponseOf<'/api/fund-entries', 'get'>>;
export type FundBalances = ResponseOf<'/api/funds/balances', 'get'>;
export type FundPlace = QueryOf<'/api/fund-entries', 'get'>;
export type NewAllocation = BodyOf<'/api/fund-allocations', 'post'>;
export type NewExpense = BodyOf<'/api/fund-expenses', 'post'>;
export type EntryAction = FundEntry['actions'][number];

const query = (p: FundPlace) => `orgId=${p.orgId}&year=${p.year}`;

export const fundsApi = {
  sources: (p: FundPlace) => api.get<ResponseOf<'/api/fund-sources', 'get'>>(`/api/fund-sources?${query(p)}`),
  ledger: (p: FundPlace) => api.get<ResponseOf<'/api/fund-entries', 'get'>>(`/api/fund-entries?${query(p)}`),
  balances: (p: FundPlace) => api.get<FundBalances>(`/api/funds/balances?${query(p)}`),
  exportUrl: (p: FundPlace) => `/api/fund-entries/export?${query(p)}`,
  invoiceUrl: (id: number) => `/api/fund-entries/${id}/invoice`,
  setBudget: (sourceId: number, body: BodyOf<'/api/fund-sources/{fundSourceId}/budget', 'post'>) => api.post<FundSource>(`/api/fund-sources/${sourceId}/budget`, body),
  allocate: (body: NewAllocation) => api.post<FundEntry>('/api/fund-allocations', body),
  spend: (body: NewExpense) => api.post<FundEntry>('/api/fund-expenses', body),
  step: (id: number, step: EntryAction) => api.post<FundEntry>(`/api/fund-entries/${id}/${step}`, {}),
};

/** Integer fen as yuan with two decimals, never through a float sum. */
export const yuan = (fen: number) => {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
};

/** Yuan as typed (at most two decimals) to integer fen, read as text. */
export const fenOf = (text: string | number | null | undefined): number | null => {
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(String(text ?? '').trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
};
