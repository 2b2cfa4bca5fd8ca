import { api, type BodyOf, type ItemOf, type ResponseOf } from '../../kernel/api';

export type Round = ItemOf<ResponseOf<'/api/evaluation-rounds', 'get'>>;
export type RoundTable = ResponseOf<'/api/evaluation-rounds/{roundId}', 'get'>;
export type RoundMember = RoundTable['rows'][number];
export type Confirm = BodyOf<'/api/evaluation-rounds/{roundId}/grades/{personId}', 'post'>;
export type Department = ItemOf<ResponseOf<'/api/evaluation/departments', 'get'>>;
export type UnitRow = ItemOf<ResponseOf<'/api/evaluation/units', 'get'>>;
export type ReportBack = BodyOf<'/api/evaluation/units/{unitId}/report-back', 'post'>;

export const evaluationApi = {
  rounds: (orgId?: number) => api.get<ResponseOf<'/api/evaluation-rounds', 'get'>>('/api/evaluation-rounds', { orgId }),
  open: (orgId: number, year: number) => api.post<RoundTable>('/api/evaluation-rounds', { orgId, year }),
  table: (id: number) => api.get<RoundTable>(`/api/evaluation-rounds/${id}`),
  confirm: (id: number, personId: number, body: Confirm) => api.post<RoundTable>(`/api/evaluation-rounds/${id}/grades/${personId}`, body),
  close: (id: number) => api.post<RoundTable>(`/api/evaluation-rounds/${id}/close`),
  excelUrl: (id: number) => `/api/evaluation-rounds/${id}/table.xlsx`,
  units: (orgId: number, year: number) => api.get<ResponseOf<'/api/evaluation/units', 'get'>>('/api/evaluation/units', { orgId, year }),
  unitsExcelUrl: (orgId: number, year: number) => `/api/evaluation/units/table.xlsx?orgId=${orgId}&year=${year}`,
  reportBack: (unitId: number, body: ReportBack) => api.post<ResponseOf<'/api/evaluation/units', 'get'>>(`/api/evaluation/units/${unitId}/report-back`, body),
  departments: (year: number) => api.get<ResponseOf<'/api/evaluation/departments', 'get'>>('/api/evaluation/departments', { year }),
};
