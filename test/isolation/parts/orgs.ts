import * as network from '../../../server/src/modules/orgs/network.ts';
import type { IsolationPart } from './types.ts';

/** A one-row organization sheet (set once by the test that runs the matrix). */
export let ORG_SHEET = '';
export const setOrgSheet = (b64: string) => {
  ORG_SHEET = b64;
};

export const orgsPart: IsolationPart = {
  plant: async (q, b) => {
    const tie = await network.createTie(q, b.communityId, { kind: 'co_builds', toUnitId: b.unitId, startedOn: '2024-01-01', pledge: `${b.tag}承诺` });
    const seat = await network.createSeat(q, b.communityId, { personId: b.personId, role: 'secretary', partTime: false, startedOn: '2024-01-01' });
    return { tieId: tie.id, seatId: seat.id };
  },
  writes: {
    'POST /api/orgs': (t) => [{ body: { parentId: t.orgId, name: '越权新建', kind: 'grid_branch' } }],
    'PATCH /api/orgs/:orgId': () => [{ body: { name: '越权改名' } }],
    'POST /api/orgs/:orgId/move': (t, own) => [{ body: { parentId: own.orgId } }, { params: 'own', body: { parentId: t.orgId } }],
    'POST /api/orgs/:orgId/dissolve': (t, own) => [
      { body: { on: '2026-01-01' } },
      { body: { on: '2026-01-01', transferTo: own.orgId } },
      { params: 'own', body: { on: '2026-01-01', transferTo: t.orgId } },
    ],
    'POST /api/orgs/:orgId/merge': (t, own) => [{ body: { on: '2026-01-01', into: own.orgId } }, { params: 'own', body: { on: '2026-01-01', into: t.orgId } }],
    'POST /api/orgs/:orgId/ties': (t) => [
      { body: { kind: 'co_builds', toUnitId: t.unitId, startedOn: '2026-01-01' } },
      { params: 'own', body: { kind: 'co_builds', toOrgId: t.orgId, startedOn: '2026-01-01' } },
      { params: 'own', body: { kind: 'pairs_with', toUnitId: t.unitId, startedOn: '2026-01-01' } },
    ],
    'PATCH /api/ties/:tieId': () => [{ body: { endedOn: '2026-06-01' } }, { body: { pledge: '越权修改' } }],
    'POST /api/orgs/:orgId/seats': (t) => [
      { body: { personId: t.personId, role: 'member', startedOn: '2026-01-01' } },
      { params: 'own', body: { personId: t.personId, role: 'member', startedOn: '2026-01-01' } },
    ],
    'PATCH /api/seats/:seatId': () => [{ body: { endedOn: '2026-06-01' } }],
    'POST /api/units': (t) => [{ body: { orgId: t.orgId, name: '越权单位', kind: 'enterprise' } }],
    'PATCH /api/units/:unitId': () => [{ body: { name: '越权改名' } }],
    'POST /api/orgs/:orgId/import': () => [{ body: { file: ORG_SHEET, mode: 'all' } }, { body: { file: ORG_SHEET, mode: 'check' } }],
  },
  digest: [
    'SELECT t::text FROM organizations t WHERE id IN (SELECT id FROM o)',
    'SELECT t::text FROM units t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM org_ties t WHERE org_id IN (SELECT id FROM o) OR to_org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM committee_seats t WHERE org_id IN (SELECT id FROM o)',
  ],
};
