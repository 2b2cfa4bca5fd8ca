import type { IsolationPart } from './types.ts';

export const peoplePart: IsolationPart = {
  writes: {
    'POST /api/people': (t) => [{ body: { orgId: t.orgId, name: '越权人员' } }],
    'PATCH /api/people/:personId': (t) => [{ body: { name: '越权改名' } }, { body: { unitId: t.unitId } }],
    'POST /api/people/:personId/reveal': () => [{ body: { field: 'phone' } }, { body: { field: 'idNumber' } }],
  },
  digest: ['SELECT t::text FROM people t WHERE org_id IN (SELECT id FROM o)'],
};
