import type { Database } from './db.ts';
import { APP_ROLE } from './scope.ts';

/**
 * What row-level security and the audit rest on and is missing from the
 * database, against the record taken after the last migration run
 * (kernel migration 0121). Empty when whole; before that migration there is
 * nothing to compare with.
 */
export async function integrityProblems(db: Database): Promise<string[]> {
  return db.system(async (q) => {
    const [r] = await q.query<{ ready: boolean }>(`SELECT to_regproc('gj_integrity_problems') IS NOT NULL AS ready`);
    if (!r?.ready) return [];
    return (await q.query<{ p: string }>('SELECT gj_integrity_problems() AS p')).map((r) => r.p);
  });
}

export function refuseBroken(problems: string[]): void {
  if (!problems.length) return;
  throw new Error(
    [
      '数据库不完整，拒绝启动：行级安全或审计所依赖的对象缺失（常见原因：恢复备份时出错，或恢复前没有创建角色 gongjian_app）。',
      'The database is incomplete, refusing to start: objects that row-level security or the audit depend on are missing',
      '(usually a restore that failed, or one done before the role gongjian_app existed).',
      ...problems.map((p) => `  - ${p}`),
      '请按 README「备份与恢复」重新恢复。 Restore again as README "Backup and restore" says.',
    ].join('\n'),
  );
}

/**
 * Requests run as the application role. Roles belong to the cluster, not the
 * database, so a database restored into a new cluster arrives without it and
 * without the grants that named it: every request would fail while the
 * server looked healthy. The role is created when missing, and the grants
 * recorded with the schema are given again.
 */
export async function ensureAppRole(db: Database): Promise<void> {
  await db.system(async (q) => {
    await q.exec(`DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    CREATE ROLE ${APP_ROLE} NOLOGIN;
  END IF;
  IF NOT pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') THEN
    EXECUTE format('GRANT ${APP_ROLE} TO %I', current_user);
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$`);
    await q.exec(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    const [r] = await q.query<{ ready: boolean }>(`SELECT to_regclass('gj_integrity_expected') IS NOT NULL AS ready`);
    if (!r?.ready) return;
    const missing = await q.query<{ tbl: string; privileges: string[] }>(
      `SELECT tbl, array_agg(name ORDER BY name) AS privileges
         FROM (SELECT tbl, name FROM gj_integrity_expected WHERE kind = 'grant' AND name IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE')
               EXCEPT SELECT tbl, name FROM gj_integrity_actual() WHERE kind = 'grant') m
        WHERE to_regclass(quote_ident(tbl)) IS NOT NULL
        GROUP BY tbl`,
    );
    for (const m of missing) await q.exec(`GRANT ${m.privileges.join(', ')} ON ${quoteIdent(m.tbl)} TO ${APP_ROLE}`);
  });
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
