import type { IsolationPart } from './types.ts';

let seq = 0;

export const usersPart: IsolationPart = {
  writes: {
    'POST /api/users': (t, own) => [
      { body: { username: `leak${++seq}`, displayName: '越权用户', password: 'Leak-2026-x', orgId: t.orgId, grants: [] } },
      { body: { username: `leak${++seq}`, displayName: '越权用户', password: 'Leak-2026-x', orgId: own.orgId, grants: [{ role: 'resident', orgId: t.orgId }] } },
    ],
    'PATCH /api/users/:userId': () => [{ body: { displayName: '越权改名' } }, { body: { disabled: true } }],
    'POST /api/users/:userId/grants': (t, own) => [{ body: { role: 'resident', orgId: own.orgId } }, { params: 'own', body: { role: 'resident', orgId: t.orgId } }],
    'DELETE /api/users/:userId/grants/:grantId': () => [{}],
    'POST /api/users/:userId/unlock': () => [{}],
    'POST /api/users/:userId/reset-password': () => [{ body: { newPassword: 'Leak-2026-x' } }],
  },
  digest: [
    'SELECT t::text FROM users t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM user_grants t WHERE org_id IN (SELECT id FROM o)',
  ],
};
