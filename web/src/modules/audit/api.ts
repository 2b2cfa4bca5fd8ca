import { api, type ItemOf, type QueryOf, type ResponseOf } from '../../kernel/api';

export type AuditEntry = ItemOf<ResponseOf<'/api/audit', 'get'>>;
export type AuditAction = AuditEntry['action'];

export type SecurityEvent = ItemOf<ResponseOf<'/api/audit/security', 'get'>>;
export type SecurityKind = SecurityEvent['kind'];

export const auditApi = {
  list: (query: QueryOf<'/api/audit', 'get'>) => api.get<ResponseOf<'/api/audit', 'get'>>('/api/audit', query),
  security: (query: QueryOf<'/api/audit/security', 'get'>) => api.get<ResponseOf<'/api/audit/security', 'get'>>('/api/audit/security', query),
};
