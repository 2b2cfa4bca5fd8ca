import { api, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type AuditEntry = ItemOf<ResponseOf<'/api/audit', 'get'>>;
export type AuditAction = AuditEntry['action'];

export const auditApi = {
  list: (query: QueryOf<'/api/audit', 'get'>) => api.get<ResponseOf<'/api/audit', 'get'>>('/api/audit', query),
};
