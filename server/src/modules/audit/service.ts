import type { Queryable } from '../../kernel/db.ts';
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
  const path = f.orgId === undefined ? null : (await orgs.get(q, f.orgId)).path;
  const where = `WHERE ($1::ltree IS NULL OR a.org_id IN ${orgs.subtreeIdsSql('$1::ltree')})
                   AND ($2::text IS NULL OR a.entity = $2) AND ($3::text IS NULL OR a.action = $3)`;
  const params = [path, f.entity || null, f.action ?? null];
  const [c] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log a ${where}`, params);
  const rows = await q.query<Row>(
    `SELECT a.id, a.at, a.actor_user_id, a.actor_name, a.org_id, o.name AS org_name, a.action, a.entity, a.entity_id, a.before, a.after
       FROM audit_log a LEFT JOIN organizations o ON o.id = a.org_id
       ${where} ORDER BY a.at DESC, a.id DESC LIMIT $4 OFFSET $5`,
    [...params, f.pageSize, (f.page - 1) * f.pageSize],
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
