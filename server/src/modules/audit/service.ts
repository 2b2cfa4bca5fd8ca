import type { Queryable } from '../../kernel/db.ts';
import { conditions } from '../../kernel/sql.ts';
import * as orgs from '../orgs/service.ts';
import type { AuditEntry } from './schema.ts';

interface Row {
  id: number;
  at: Date;
  actor_user_id: number | null;
  actor_name: string | null;
  org_id: number | null;
  org_name: string | null;
  action: AuditEntry['action'];
  entity: string;
  entity_id: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export async function list(
  q: Queryable,
  f: { orgId?: number; entity?: string; action?: AuditEntry['action']; page: number; pageSize: number },
): Promise<{ total: number; items: AuditEntry[] }> {
  const where = conditions();
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'a')));
  if (f.entity) where.add('a.entity = $?', f.entity);
  if (f.action) where.add('a.action = $?', f.action);
  const [c] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log a ${where.sql}`, where.params);
  const rows = await q.query<Row>(
    `SELECT a.id, a.at, a.actor_user_id, a.actor_name, a.org_id, o.name AS org_name, a.action, a.entity, a.entity_id, a.before, a.after
       FROM audit_log a LEFT JOIN organizations o ON o.id = a.org_id
       ${where.sql} ORDER BY a.at DESC, a.id DESC LIMIT ${where.next(f.pageSize)} OFFSET ${where.next((f.page - 1) * f.pageSize)}`,
    where.params,
  );
  return {
    total: c?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      orgId: r.org_id,
      orgName: r.org_name,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
    })),
  };
}
