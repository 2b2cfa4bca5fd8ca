import type { Queryable } from '../../kernel/db.ts';
import { conditions } from '../../kernel/sql.ts';
import * as orgs from '../orgs/service.ts';
import { SECURITY_EVENT_KINDS, type AuditEntry, type SecurityEvent } from './schema.ts';

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

/** A page of a log, newest first: `from` is the table and its alias, which `where` and `columns` use. */
async function newestFirst<R>(
  q: Queryable,
  where: ReturnType<typeof conditions>,
  f: { page: number; pageSize: number },
  from: string,
  columns: string,
  joins: string,
): Promise<{ total: number; rows: R[] }> {
  const alias = from.split(' ')[1]!;
  const [c] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM ${from} ${where.sql}`, where.params);
  const rows = await q.query<R>(
    `SELECT ${columns} FROM ${from} ${joins}
       ${where.sql} ORDER BY ${alias}.at DESC, ${alias}.id DESC LIMIT ${where.next(f.pageSize)} OFFSET ${where.next((f.page - 1) * f.pageSize)}`,
    where.params,
  );
  return { total: c?.n ?? 0, rows };
}

export async function list(
  q: Queryable,
  f: { orgId?: number; entity?: string; action?: AuditEntry['action']; page: number; pageSize: number },
): Promise<{ total: number; items: AuditEntry[] }> {
  const where = conditions();
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'a')));
  if (f.entity) where.add('a.entity = $?', f.entity);
  if (f.action) where.add('a.action = $?', f.action);
  const { total, rows } = await newestFirst<Row>(q, where, f, 'audit_log a',
    `a.id, a.at, a.actor_user_id, a.actor_name, a.org_id, o.name AS org_name, a.action, a.entity, a.entity_id, a.before, a.after`,
    'LEFT JOIN org_labels o ON o.id = a.org_id',
  );
  return {
    total,
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

export type SignInEvent = 'sign_in' | 'sign_in_failed' | 'sign_in_unknown' | 'sign_in_throttled';

/**
 * Sign-in's events, on the system connection (no one is signed in yet). An
 * account's events go to its organization; a name that is no account
 * (`attemptedName`, never the password) to every region's root, whose
 * district admins are the ones to spot names being sprayed.
 */
export async function recordSignIn(
  q: Queryable,
  e: { kind: SignInEvent; client: string; requestId: string } & ({ userId: number } | { attemptedName: string }),
): Promise<void> {
  if ('userId' in e) {
    await q.query(
      `INSERT INTO security_events (region_id, org_id, kind, actor_user_id, actor_name, user_id, client, request_id)
       SELECT u.region_id, u.org_id, $2, CASE WHEN $2 = 'sign_in' THEN u.id END, CASE WHEN $2 = 'sign_in' THEN u.display_name END, u.id, $3, $4
         FROM user_labels u WHERE u.id = $1`,
      [e.userId, e.kind, e.client, e.requestId],
    );
    return;
  }
  await q.query(
    `INSERT INTO security_events (region_id, org_id, kind, attempted_name, client, request_id)
     SELECT o.region_id, o.id, $2, $1, $3, $4 FROM org_labels o WHERE o.parent_id IS NULL`,
    [e.attemptedName, e.kind, e.client, e.requestId],
  );
}

interface EventRow {
  id: number;
  at: Date;
  kind: SecurityEvent['kind'];
  org_id: number;
  org_name: string | null;
  actor_user_id: number | null;
  actor_name: string | null;
  user_id: number | null;
  username: string | null;
  entity: string | null;
  entity_id: number | null;
  detail: string | null;
  client: string | null;
  request_id: string | null;
}

export async function securityEvents(
  q: Queryable,
  f: { orgId?: number; kind?: SecurityEvent['kind']; userId?: number; page: number; pageSize: number },
): Promise<{ total: number; items: SecurityEvent[] }> {
  const where = conditions();
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'e')));
  if (f.kind) where.add('e.kind = $?', f.kind);
  if (f.userId !== undefined) where.add('e.user_id = $?', f.userId);
  const { total, rows } = await newestFirst<EventRow>(q, where, f, 'security_events e',
    `e.id, e.at, e.kind, e.org_id, o.name AS org_name, e.actor_user_id, e.actor_name, e.user_id, coalesce(u.username, e.attempted_name) AS username,
     e.entity, e.entity_id, e.detail, e.client, e.request_id`,
    'LEFT JOIN org_labels o ON o.id = e.org_id LEFT JOIN user_labels u ON u.id = e.user_id',
  );
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      kind: r.kind,
      kindLabel: SECURITY_EVENT_KINDS.labels[r.kind],
      orgId: r.org_id,
      orgName: r.org_name,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      userId: r.user_id,
      username: r.username,
      entity: r.entity,
      entityId: r.entity_id,
      detail: r.detail,
      client: r.client,
      requestId: r.request_id,
    })),
  };
}
