import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../../kernel/db.ts';
import type { Scope } from '../../kernel/scope.ts';
import { writeWorkbook } from '../../kernel/excel.ts';
import { XLSX, route } from '../../kernel/http.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { idParam, z } from '../../kernel/validation.ts';
import { NEED_KINDS, NEED_STATUSES, Need, type NeedKind, type NeedStatus } from '../needs/schema.ts';
import * as needs from '../needs/service.ts';
import * as orgs from '../orgs/service.ts';
import { RESOURCE_KINDS, type ResourceKind } from '../resources/schema.ts';
import * as resources from '../resources/service.ts';
import { Project, PROJECT_STATUSES } from './schema.ts';
import * as projects from './service.ts';

// The four lists of a community on one page (四项清单): needs, resources,
// projects, and the responsibilities list (who answers for which need now).
// Each comes from its module's service; the page and the Excel ledger show
// the same figures.

const Count = z.object({ key: z.string(), label: z.string(), count: z.number() });
export const Lists = z.object({
  needs: z.object({ total: z.number(), open: z.number(), overdue: z.number(), byKind: z.array(Count), byStatus: z.array(Count) }),
  resources: z.object({ total: z.number(), available: z.number(), byKind: z.array(Count) }),
  projects: z.object({ total: z.number(), active: z.number(), completed: z.number(), needsClosed: z.number(), items: z.array(Project) }),
  responsibilities: z.object({ total: z.number(), overdue: z.number(), items: z.array(Need) }),
});
const ListsQuery = z.object({ orgId: idParam('所属组织').optional() });

const OPEN: NeedStatus[] = ['submitted', 'accepted', 'claimed', 'dispatched', 'in_progress', 'overdue', 'done', 'returned', 'checked'];

export async function lists(q: Queryable, caller: Scope, orgId?: number): Promise<z.input<typeof Lists>> {
  const counts = await needs.counts(q, { orgId });
  const sum = (pick: (c: (typeof counts)[number]) => boolean) => counts.filter(pick).reduce((n, c) => n + c.n, 0);
  const ps = await projects.list(q, caller, orgId);
  const duties = await needs.responsibilities(q, orgId);
  const offered = await resources.all(q, { orgId });
  const available = offered.filter((r) => r.status === 'available');
  return {
    needs: {
      total: sum(() => true),
      open: sum((c) => OPEN.includes(c.status)),
      overdue: sum((c) => c.overdue),
      byKind: ([...NEED_KINDS.values] as NeedKind[]).map((k) => ({ key: k, label: NEED_KINDS.labels[k], count: sum((c) => c.kind === k) })),
      byStatus: ([...NEED_STATUSES.values] as NeedStatus[]).map((s) => ({ key: s, label: NEED_STATUSES.labels[s], count: sum((c) => c.status === s) })).filter((c) => c.count > 0),
    },
    resources: {
      total: offered.length,
      available: available.length,
      byKind: ([...RESOURCE_KINDS.values] as ResourceKind[]).map((k) => ({ key: k, label: RESOURCE_KINDS.labels[k], count: available.filter((r) => r.kind === k).length })),
    },
    projects: {
      total: ps.length,
      active: ps.filter((p) => p.status === 'active').length,
      completed: ps.filter((p) => p.status === 'completed').length,
      needsClosed: ps.reduce((n, p) => n + p.needsClosed, 0),
      items: ps,
    },
    responsibilities: { total: duties.length, overdue: duties.filter((d) => d.overdue).length, items: duties },
  };
}

const yes = (b: boolean) => (b ? '是' : '');

/** The same lists as an Excel ledger, one sheet each. */
export async function exportLists(q: Queryable, caller: Scope, orgId?: number): Promise<{ name: string; body: Buffer }> {
  const scope = orgId !== undefined ? (await orgs.get(q, orgId)).name : '全部';
  const all = (await needs.list(q, { orgId, page: 1, pageSize: 5000 })).items;
  const l = await lists(q, caller, orgId);
  const offered = await resources.all(q, { orgId });
  const body = await writeWorkbook([
    {
      name: '需求清单',
      columns: [
        { key: 'id', header: '编号', width: 8 }, { key: 'kind', header: '类型', width: 10 }, { key: 'category', header: '类别', width: 10 },
        { key: 'title', header: '标题', width: 30 }, { key: 'place', header: '地点', width: 24 }, { key: 'source', header: '来源', width: 12 },
        { key: 'status', header: '状态', width: 10 }, { key: 'handler', header: '承办/认领', width: 24 }, { key: 'deadline', header: '办理时限' },
        { key: 'overdue', header: '超期', width: 6 }, { key: 'created', header: '提交时间' },
      ],
      rows: all.map((n) => ({
        id: n.id, kind: n.kindLabel, category: n.categoryLabel, title: n.title, place: n.placeText ?? n.orgName, source: n.sourceLabel, status: n.statusLabel,
        handler: n.handlerName, deadline: n.deadline, overdue: yes(n.overdue), created: n.createdAt,
      })),
    },
    {
      name: '资源清单',
      columns: [
        { key: 'name', header: '资源名称', width: 28 }, { key: 'kind', header: '类型', width: 8 }, { key: 'category', header: '服务类别', width: 10 },
        { key: 'by', header: '提供方', width: 24 }, { key: 'availability', header: '可用时间', width: 20 }, { key: 'conditions', header: '使用条件', width: 24 },
        { key: 'status', header: '状态', width: 8 },
      ],
      rows: offered.map((r) => ({
        name: r.name, kind: r.kindLabel, category: r.categoryLabel, by: r.unitName ?? r.orgName, availability: r.availability, conditions: r.conditions, status: r.statusLabel,
      })),
    },
    {
      name: '项目清单',
      columns: [
        { key: 'name', header: '项目名称', width: 30 }, { key: 'org', header: '牵头组织', width: 20 }, { key: 'status', header: '状态', width: 10 },
        { key: 'parties', header: '参与方', width: 8 }, { key: 'needs', header: '对接需求', width: 10 }, { key: 'closed', header: '已解决需求', width: 10 },
        { key: 'progress', header: '进度%', width: 8 }, { key: 'started', header: '开始日期' }, { key: 'outcome', header: '成效', width: 40 },
      ],
      rows: l.projects.items.map((p) => ({
        name: p.name, org: p.orgName, status: PROJECT_STATUSES.labels[p.status], parties: p.partyCount, needs: p.needCount, closed: p.needsClosed,
        progress: p.progress, started: p.startedOn, outcome: p.outcome,
      })),
    },
    {
      name: '责任清单',
      columns: [
        { key: 'handler', header: '责任单位/党员', width: 26 }, { key: 'title', header: '事项', width: 30 }, { key: 'kind', header: '类型', width: 10 },
        { key: 'status', header: '状态', width: 10 }, { key: 'deadline', header: '办理时限' }, { key: 'overdue', header: '超期', width: 6 },
      ],
      rows: l.responsibilities.items.map((n) => ({
        handler: n.handlerName, title: n.title, kind: n.kindLabel, status: n.statusLabel, deadline: n.deadline, overdue: yes(n.overdue),
      })),
    },
  ]);
  return { name: `四项清单-${scope}.xlsx`, body };
}

export function listRoutes(app: FastifyInstance, { db }: Kernel): void {
  const tags = ['四项清单'];
  route(app, db, {
    method: 'GET', url: '/api/lists', tags, summary: '四项清单：需求、项目、责任清单的数量与明细',
    querystring: ListsQuery, response: Lists,
    handler: ({ q, scope, query }) => lists(q, scope, query.orgId),
  });
  route(app, db, {
    method: 'GET', url: '/api/lists/export', tags, summary: '导出四项清单（Excel）',
    querystring: ListsQuery, response: 'file',
    handler: async ({ q, scope, query }) => ({ type: XLSX, ...(await exportLists(q, scope, query.orgId)) }),
  });
}
