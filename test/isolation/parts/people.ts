import type { IsolationPart } from './types.ts';

export const peoplePart: IsolationPart = {
  writes: {
    'POST /api/people': (t) => [{ body: { orgId: t.orgId, name: '越权人员' } }],
    'PATCH /api/people/:personId': (t) => [{ body: { name: '越权改名' } }, { body: { unitId: t.unitId } }],
    'POST /api/people/:personId/reveal': () => [{ body: { field: 'phone' } }, { body: { field: 'idNumber' } }],
    'POST /api/people/:personId/account': () => [{ body: { username: 'iso.open', password: 'Isolation2026!' } }],
    // An account the actor may administer, tied to the target's file: refused, as is untying the target's own.
    'POST /api/people/:personId/account/link': (_t, own) => [{ body: { userId: own.userId } }],
    'DELETE /api/people/:personId/account': () => [{}],
    'POST /api/people/:personId/activation-code': () => [{}],
  },
  digest: ['SELECT t::text FROM people t WHERE org_id IN (SELECT id FROM o)'],
};
