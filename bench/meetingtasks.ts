import type { Database } from '../server/src/kernel/db.ts';
import type { GeneratedRegion } from './generate.ts';

/**
 * The open-tasks view of a whole district (issue 16): every committee of the
 * region (streets and communities) holds a monthly meeting for two years,
 * each with a resolution and ten tasks to the committee, in every state and
 * with deadlines a month either side of today. Loaded in one statement with
 * the audit and region triggers off, as generate.ts does for the network.
 */
export const MEETINGS_PER_COMMITTEE = 24;
export const TASKS_PER_MEETING = 10;
export const TASK_PAGE = 500;

const TABLES = ['meetings', 'meeting_resolutions', 'meeting_tasks'];

export async function generateMeetingTasks(db: Database, region: GeneratedRegion, log: (s: string) => void): Promise<{ committees: number; tasks: number; seconds: number }> {
  const started = performance.now();
  const made = await db.system(async (q) => {
    for (const t of TABLES) await q.exec(`ALTER TABLE ${t} DISABLE TRIGGER gj_audit; ALTER TABLE ${t} DISABLE TRIGGER gj_region;`);
    const [row] = await q.query<{ committees: number; tasks: number }>(
      `WITH c AS (SELECT id FROM organizations WHERE region_id = $1 AND kind IN ('street_committee', 'community_committee', 'residential_committee')),
       m AS (
         INSERT INTO meetings (region_id, org_id, kind, title, starts_at, cadence, status, created_by)
         SELECT $1, c.id, 'committee', '月度党委会（第' || g || '次）', now() - make_interval(months => g), 'monthly', 'held', '基准测试'
           FROM c CROSS JOIN generate_series(1, $2::int) g
         RETURNING id, org_id),
       r AS (INSERT INTO meeting_resolutions (region_id, org_id, meeting_id, text) SELECT $1, m.org_id, m.id, '会议决议' FROM m RETURNING id, org_id, meeting_id),
       t AS (
         INSERT INTO meeting_tasks (region_id, org_id, meeting_id, resolution_id, assignee_org_id, assignee_name, title, deadline, responsible,
                                    status, progress, evidence, accepted_at, completed_at)
         SELECT $1, r.org_id, r.meeting_id, r.id, r.org_id, '本组织', '落实任务' || k, current_date + ((r.id * 7 + k * 13) % 61 - 30)::int, '负责人',
                s.status, CASE WHEN s.status = 'in_progress' THEN '推进中' END, CASE WHEN s.status = 'done' THEN '已完成' END,
                CASE WHEN s.status <> 'assigned' THEN now() END, CASE WHEN s.status = 'done' THEN now() END
           FROM r CROSS JOIN generate_series(1, $3::int) k
           CROSS JOIN LATERAL (SELECT (ARRAY['assigned', 'accepted', 'in_progress', 'done'])[1 + ((r.id + k) % 4)::int] AS status) s
         RETURNING 1)
       SELECT (SELECT count(*) FROM c)::int AS committees, (SELECT count(*) FROM t)::int AS tasks`,
      [region.rootId, MEETINGS_PER_COMMITTEE, TASKS_PER_MEETING],
    );
    for (const t of TABLES) await q.exec(`ALTER TABLE ${t} ENABLE TRIGGER gj_audit; ALTER TABLE ${t} ENABLE TRIGGER gj_region;`);
    return row!;
  });
  await db.maintenance(`VACUUM (ANALYZE) ${TABLES.join(', ')}`);
  const seconds = (performance.now() - started) / 1000;
  log(`  meeting tasks: ${made.tasks.toLocaleString('en')} tasks of ${made.committees} committees in ${seconds.toFixed(1)} s`);
  return { ...made, seconds };
}

/**
 * The same answer in plain SQL on the system connection: the region's tasks
 * with the columns the service reads (meeting, resolution, both
 * organizations' paths, overdue derived), open ones first by deadline, the
 * first page; then their reports, as the service reads them.
 */
export const RAW_TASKS = `
SELECT t.id, t.meeting_id, m.title AS meeting_title, t.org_id, o.path::text AS org_path, t.resolution_id, r.text AS resolution,
       t.assignee_org_id, a.path::text AS assignee_path, t.unit_id, t.assignee_name, t.title, t.deadline::text, t.responsible, t.status,
       (t.status <> 'done' AND t.deadline < current_date) AS overdue, t.progress, t.evidence, t.need_id
  FROM meeting_tasks t LEFT JOIN meetings m ON m.id = t.meeting_id LEFT JOIN meeting_resolutions r ON r.id = t.resolution_id
  LEFT JOIN organizations o ON o.id = t.org_id LEFT JOIN organizations a ON a.id = t.assignee_org_id
 WHERE t.region_id = $1
 ORDER BY t.status = 'done', t.deadline, t.id LIMIT $2`;
export const RAW_TASK_REPORTS = `SELECT task_id, kind, note, by_name, at FROM meeting_task_reports WHERE task_id = ANY ($1::bigint[]) ORDER BY at, id`;

/** What is compared: each task of the page with its status and whether it is overdue. */
export type TasksAnswer = [number, string, boolean][];
export const tasksFromRaw = (rows: { id: number; status: string; overdue: boolean }[]): TasksAnswer => rows.map((r) => [Number(r.id), r.status, r.overdue]);
export const tasksFromApi = (body: { items: { id: number; status: string; overdue: boolean }[] }): TasksAnswer => body.items.map((r) => [r.id, r.status, r.overdue]);
