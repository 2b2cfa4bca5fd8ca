import * as reports from '../../../server/src/modules/workreports/service.ts';
import type { IsolationPart } from './types.ts';

export const workReportsPart: IsolationPart = {
  plant: async (q, b) => {
    // The grid branch reports to its community: both are the target's.
    const [workReportId] = await reports.fileMany(q, [{
      orgId: b.gridBranchId, toOrgId: b.communityId, periodKind: 'month', periodFrom: '2026-01-01', periodTo: '2026-01-31',
      statement: `${b.tag}月度工作报告`, records: { tasksDone: [], needsDone: [], activitiesHeld: [] }, filedBy: `${b.tag}网格党支部`,
    }]);
    await reports.commentMany(q, [{ orgId: b.communityId, reportId: workReportId!, reportOrgId: b.gridBranchId, body: `${b.tag}点评`, byName: `${b.tag}社区` }]);
    return { workReportId: workReportId! };
  },
  writes: {
    'POST /api/work-reports': (t) => [{ body: { orgId: t.gridBranchId, periodKind: 'month', periodFrom: '2026-02-01', statement: '越权' } }],
    'POST /api/work-reports/:workReportId/comments': () => [{ body: { body: '越权' } }],
  },
  digest: ['work_reports', 'work_report_comments'].map((table) => `SELECT t::text FROM ${table} t WHERE org_id IN (SELECT id FROM o)`),
};
