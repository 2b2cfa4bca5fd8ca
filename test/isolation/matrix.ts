import type { RouteInfo, TestApp } from '../support/app.ts';
import type { Target } from './fixture.ts';

/**
 * The isolation matrix: every API route, called by an actor against a target
 * they must not reach. Reads must either be refused or return nothing of the
 * target; writes must be refused. Routes are read from the app itself, so a
 * new route is covered the day it is added — or the matrix fails, asking for
 * a write case below.
 */

export interface Violation {
  actor: string;
  route: string;
  request: string;
  status: number;
  why: string;
}

/** Routes that act only on the caller themselves (or on nobody): no target to aim at. */
const SELF_ONLY = new Set(['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/password']);
/**
 * Directories that deliberately list names across a region (a unit registers
 * its members at any community of the region): they are exempt from the
 * marker check, and only from it.
 */
const DIRECTORIES = new Set(['GET /api/report-ins/communities', 'GET /api/transfers/destinations']);

let seq = 0;
/** A one-row organization sheet (built once by the test that runs the matrix). */
export let ORG_SHEET = '';
export const setOrgSheet = (b64: string) => {
  ORG_SHEET = b64;
};
/** The body of each write, aimed at the target. Several variants probe mixed own/target ids. */
const WRITES: Record<string, (t: Target, own: { userId: number; orgId: number }) => { params?: 'own'; body?: unknown }[]> = {
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
  'POST /api/report-ins': (t) => [{ body: { personId: t.personId, orgId: t.orgId } }],
  'POST /api/report-ins/:reportInId/withdraw': () => [{}],
  'POST /api/report-ins/:reportInId/accept': () => [{}],
  'POST /api/report-ins/:reportInId/decline': () => [{ body: { reason: '越权退回' } }],
  'POST /api/report-ins/:reportInId/commitment': () => [{ body: { serviceItem: '越权', commitment: '越权' } }],
  'POST /api/transfers': (t, own) => [{ body: { personId: t.personId, toOrgId: own.orgId, reason: '越权转接' } }],
  'POST /api/transfers/:transferId/approve': () => [{}],
  'POST /api/transfers/:transferId/return': () => [{ body: { note: '越权退回' } }],
  'POST /api/transfers/:transferId/withdraw': () => [{}],
  'POST /api/transfers/:transferId/resubmit': () => [{ body: { toOutside: '越权', reason: '越权' } }],
  'POST /api/transfers/:transferId/receive': () => [{}],
  'POST /api/orgs/:orgId/import': () => [{ body: { file: ORG_SHEET, mode: 'all' } }, { body: { file: ORG_SHEET, mode: 'check' } }],
  'POST /api/people': (t) => [{ body: { orgId: t.orgId, name: '越权人员' } }],
  'PATCH /api/people/:personId': (t) => [{ body: { name: '越权改名' } }, { body: { unitId: t.unitId } }],
  'POST /api/people/:personId/reveal': () => [{ body: { field: 'phone' } }, { body: { field: 'idNumber' } }],
  'POST /api/users': (t, own) => [
    { body: { username: `leak${++seq}`, displayName: '越权用户', password: 'Leak12345', orgId: t.orgId, grants: [] } },
    { body: { username: `leak${++seq}`, displayName: '越权用户', password: 'Leak12345', orgId: own.orgId, grants: [{ role: 'resident', orgId: t.orgId }] } },
  ],
  'PATCH /api/users/:userId': () => [{ body: { displayName: '越权改名' } }, { body: { disabled: true } }],
  'POST /api/users/:userId/grants': (t, own) => [{ body: { role: 'resident', orgId: own.orgId } }, { params: 'own', body: { role: 'resident', orgId: t.orgId } }],
  'DELETE /api/users/:userId/grants/:grantId': () => [{}],
  'POST /api/users/:userId/unlock': () => [{}],
  'POST /api/users/:userId/reset-password': () => [{ body: { newPassword: 'Leak12345' } }],
};

function fill(url: string, ids: Record<string, number>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    const id = ids[name];
    if (id === undefined) throw new Error(`isolation matrix: no target for path parameter :${name} in ${url}; add it to the fixture`);
    return String(id);
  });
}

export async function runIsolationMatrix(
  t: TestApp,
  actors: { username: string; cookie: string; own: { userId: number; orgId: number }; targets: Target[] }[],
): Promise<{ violations: Violation[]; uncovered: string[]; requests: number }> {
  const violations: Violation[] = [];
  const uncovered = new Set<string>();
  let requests = 0;
  const apiRoutes = t.routes.filter((r) => r.url.startsWith('/api/'));
  for (const actor of actors) {
    for (const target of actor.targets) {
      const targetIds = {
        orgId: target.orgId, userId: target.userId, grantId: target.grantId, personId: target.personId, unitId: target.unitId,
        tieId: target.tieId, seatId: target.seatId, reportInId: target.reportInId, transferId: target.transferId,
      };
      const ownIds = { ...targetIds, userId: actor.own.userId, orgId: actor.own.orgId };
      const check = async (r: RouteInfo, url: string, body?: unknown) => {
        requests++;
        const res = await t.request(r.method, url, { cookie: actor.cookie, body });
        const base = { actor: actor.username, route: `${r.method} ${r.url}`, request: `${r.method} ${url}`, status: res.status };
        if (res.status >= 500) violations.push({ ...base, why: `server error: ${res.text.slice(0, 200)}` });
        const leaked = DIRECTORIES.has(`${r.method} ${r.url}`) ? undefined : target.markers.find((m) => res.text.includes(m));
        if (leaked) violations.push({ ...base, why: `response shows ${target.name}: «${leaked}»` });
        if (r.method !== 'GET' && res.status < 400) violations.push({ ...base, why: 'write was accepted' });
        // A path that names the target's entity must be refused outright: a file
        // (Excel) would hide the markers from the text check above.
        if (r.method === 'GET' && r.url.includes(':') && res.status < 400) violations.push({ ...base, why: 'the target’s entity was served' });
      };
      for (const r of apiRoutes) {
        const key = `${r.method} ${r.url}`;
        if (SELF_ONLY.has(key)) continue;
        if (r.method === 'GET') {
          const url = fill(r.url, targetIds);
          await check(r, url);
          const query = (r.op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
          if (query.includes('orgId')) await check(r, `${url}?orgId=${target.orgId}`);
          if (query.includes('q')) await check(r, `${url}?q=${encodeURIComponent(target.name)}`);
          continue;
        }
        const cases = WRITES[key];
        if (!cases) {
          uncovered.add(key);
          continue;
        }
        for (const c of cases(target, actor.own)) await check(r, fill(r.url, c.params === 'own' ? ownIds : targetIds), c.body);
      }
    }
  }
  return { violations, uncovered: [...uncovered], requests };
}
