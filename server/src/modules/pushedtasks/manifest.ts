import { fileURLToPath } from 'node:url';
import { pushedTasksDemo } from '../../demo/pushedtasks.ts';
import { defineModule, rowsHeld } from '../../kernel/manifest.ts';
import { pushedTaskRoutes } from './routes.ts';
import * as pushedTasks from './service.ts';

/** A task as an expense names it: its department and title. */
const taskLabel = (t: { departmentName: string; title: string }) => `${t.departmentName}：${t.title}`;

export default defineModule({
  name: 'pushedtasks',
  routes: pushedTaskRoutes,
  migrationsDir: fileURLToPath(new URL('migrations', import.meta.url)),
  demoStep: pushedTasksDemo,
  isolationPart: () => import('../../../../test/isolation/parts/pushedtasks.ts').then((m) => m.pushedTasksPart),
  // 费随事转: a community that carries a task spends on it, and so may the department that pushed it.
  fundTargets: [{
    kind: 'task',
    find: async (q, scope, id) => {
      const t = await pushedTasks.get(q, scope, id);
      return { label: taskLabel(t), orgIds: [t.orgId, ...t.communities.map((c) => c.orgId)] };
    },
    candidates: async (q, scope, orgId) =>
      (await pushedTasks.list(q, scope, { orgId, status: 'active' })).items.map((t) => ({ id: t.id, label: taskLabel(t), orgId: t.communities.find((c) => c.orgId === orgId)?.orgId ?? t.orgId })),
  }],
  orgHoldings: [
    // A department's tasks move with the organization it is registered at; their communities follow (task_org_id cascades).
    rowsHeld({ noun: { zh: '部门交办事项', en: 'tasks pushed by departments' }, measure: { zh: '项', en: 'pushed task' } }, ['pushed_tasks']),
    {
      noun: { zh: '社区承接的交办事项', en: 'pushed tasks carried by communities' },
      measure: { zh: '项', en: 'pushed task carried' },
      count: async (q, orgId) => (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM pushed_task_communities WHERE org_id = $1`, [orgId]))[0]!.n,
      // The receiving community carries each task once: a task it already carries is not counted twice.
      move: async (q, { from, to }) => {
        await q.query(`DELETE FROM pushed_task_communities WHERE org_id = $1 AND task_id IN (SELECT task_id FROM pushed_task_communities WHERE org_id = $2)`, [from, to]);
        await q.query(`UPDATE pushed_task_communities SET org_id = $2 WHERE org_id = $1`, [from, to]);
      },
    },
  ],
});
