import * as orgs from '../../../server/src/modules/orgs/service.ts';
import * as pushed from '../../../server/src/modules/pushedtasks/service.ts';
import type { IsolationPart } from './types.ts';

export const pushedTasksPart: IsolationPart = {
  plant: async (q, b) => {
    const department = await orgs.createUnit(q, { orgId: b.communityId, name: `${b.tag}职能部门`, kind: 'department' });
    const [pushedTaskId] = await pushed.pushMany(q, [{
      orgId: b.communityId, unitId: department.id, departmentName: department.name, title: `${b.tag}交办事项`, nature: 'administrative', authority: `${b.tag}委托依据`, fundsFen: 1000,
      fundSourceId: null, startsOn: '2026-01-05', registeredBy: `${b.tag}职能部门`, communityIds: [b.communityId],
    }]);
    return { pushedTaskId: pushedTaskId!, departmentUnitId: department.id };
  },
  writes: {
    'POST /api/pushed-tasks': (t) => [
      { body: { unitId: t.ids.departmentUnitId, communityIds: [t.orgId], title: '越权', nature: 'administrative', startsOn: '2026-01-06' } },
    ],
    'POST /api/pushed-tasks/:pushedTaskId/withdraw': () => [{}],
  },
  digest: ['pushed_tasks', 'pushed_task_communities'].map((table) => `SELECT t::text FROM ${table} t WHERE org_id IN (SELECT id FROM o)`),
};
