import { api, type Page } from '../../kernel/api';

export type AuditAction = 'insert' | 'update' | 'delete';

export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  orgId: number | null;
  orgName: string | null;
  action: AuditAction;
  entity: string;
  entityId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export const auditApi = {
  list: (query: { orgId?: number; entity?: string; action?: string; page: number; pageSize: number }) =>
    api.get<Page<AuditEntry>>('/api/audit', query),
};
