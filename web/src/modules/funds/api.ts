import { api, type BodyOf, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';
import type { ImportMode, ImportReport } from '../orgs/api';

export type FundSource = ItemOf<ResponseOf<'/api/fund-sources', 'get'>>;
export type FundEntry = ItemOf<ResponseOf<'/api/fund-entries', 'get'>>;
export type FundBalances = ResponseOf<'/api/funds/balances', 'get'>;
export type FundPlace = QueryOf<'/api/fund-entries', 'get'>;
export type NewAllocation = BodyOf<'/api/fund-allocations', 'post'>;
export type NewExpense = BodyOf<'/api/fund-expenses', 'post'>;
export type EntryAction = FundEntry['actions'][number];
export type FundRule = ItemOf<ResponseOf<'/api/fund-rules', 'get'>>;
export type NewRule = BodyOf<'/api/fund-rules', 'post'>;
export type RulePatch = BodyOf<'/api/fund-rules/{fundRuleId}', 'patch'>;
export type NewInKind = BodyOf<'/api/fund-in-kind', 'post'>;
export type TargetQuery = QueryOf<'/api/funds/targets', 'get'>;
export type FundTarget = ItemOf<ResponseOf<'/api/funds/targets', 'get'>>;

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
  rules: (orgId: number) => api.get<ResponseOf<'/api/fund-rules', 'get'>>(`/api/fund-rules?orgId=${orgId}`),
  ruleVersions: (id: number) => api.get<ResponseOf<'/api/fund-rules/{fundRuleId}/versions', 'get'>>(`/api/fund-rules/${id}/versions`),
  createRule: (body: NewRule) => api.post<FundRule>('/api/fund-rules', body),
  updateRule: (id: number, body: RulePatch) => api.patch<FundRule>(`/api/fund-rules/${id}`, body),
  retireRule: (id: number) => api.post<FundRule>(`/api/fund-rules/${id}/retire`, {}),
  budgetTemplateUrl: '/api/fund-budgets/import-template',
  importBudgets: (orgId: number, file: string, mode: ImportMode) => api.post<ImportReport>('/api/fund-budgets/import', { orgId, file, mode }),
  addInKind: (body: NewInKind) => api.post<ResponseOf<'/api/fund-in-kind', 'post'>>('/api/fund-in-kind', body),
  targets: (p: TargetQuery) =>
    api.get<ResponseOf<'/api/funds/targets', 'get'>>(`/api/funds/targets?orgId=${p.orgId}&paidForKind=${p.paidForKind}${p.q ? `&q=${encodeURIComponent(p.q)}` : ''}`),
  owners: (p: FundPlace) => api.get<ResponseOf<'/api/owners-funds', 'get'>>(`/api/owners-funds?${query(p)}`),
  createSource: (body: BodyOf<'/api/fund-sources', 'post'>) => api.post<FundSource>('/api/fund-sources', body),
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
