import type { RouteInfo, TestApp } from '../support/app.ts';
import { PARTS } from './parts/index.ts';
import type { Target, WriteCases } from './parts/types.ts';

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

/**
 * Routes that act only on the caller themselves (or on nobody): no target to
 * aim at. A client address's sign-in wait belongs to no organization; who may
 * clear one is tested in users/auth.test.ts.
 */
const SELF_ONLY = new Set([
  'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/password', 'POST /api/residents/register', 'DELETE /api/sign-in-throttles/:throttleId',
  'POST /api/account-activations',
]);
/**
 * Directories that deliberately list names across a region (a unit registers
 * its members at any community of the region): they are exempt from the
 * marker check, and only from it.
 */
const DIRECTORIES = new Set(['GET /api/report-ins/communities', 'GET /api/transfers/destinations', 'GET /api/residents/communities']);
/**
 * Public pages anyone may read without signing in (the alliance page): what a
 * community chose to publish, through its owners' gj_public_* functions. The
 * targets publish nothing, so these are asked signed out as well, and neither
 * answer may show the target.
 */
const PUBLIC_PAGES = new Set(['GET /api/alliance/:allianceKey', 'GET /api/alliance/:allianceKey/feed.atom', 'GET /api/alliance/:allianceKey/calendar.ics']);

const WRITES: Record<string, WriteCases> = Object.assign({}, ...PARTS.map((p) => p.writes ?? {}));

function fill(url: string, ids: Record<string, number>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    const id = ids[name];
    if (id === undefined) throw new Error(`isolation matrix: no target for path parameter :${name} in ${url}; plant it in its module's part (test/isolation/parts)`);
    return String(id);
  });
}

function writeRoutes(t: TestApp): { routes: RouteInfo[]; uncovered: string[] } {
  const routes = t.routes.filter((r) => r.url.startsWith('/api/') && r.method !== 'GET' && !SELF_ONLY.has(`${r.method} ${r.url}`));
  return { routes: routes.filter((r) => WRITES[`${r.method} ${r.url}`]), uncovered: routes.filter((r) => !WRITES[`${r.method} ${r.url}`]).map((r) => `${r.method} ${r.url}`) };
}

/**
 * Mixed grants: a user who holds a lower grant in the target (a grid worker
 * there) and a higher one elsewhere (a community secretary) is, in the
 * target, no more than the lower grant. Every write case is sent by a user
 * who holds only the lower grant, then by the mixed user: what the first is
 * refused, the second must be refused too.
 */
export async function runMixedGrantMatrix(
  t: TestApp,
  pairs: { plain: { username: string; cookie: string }; mixed: { username: string; cookie: string }; own: { userId: number; orgId: number }; targets: Target[] }[],
): Promise<{ violations: Violation[]; uncovered: string[]; compared: number }> {
  const violations: Violation[] = [];
  const { routes, uncovered } = writeRoutes(t);
  let compared = 0;
  for (const pair of pairs) {
    for (const target of pair.targets) {
      const ownIds = { ...target.ids, userId: pair.own.userId, orgId: pair.own.orgId };
      for (const r of routes) {
        for (const c of WRITES[`${r.method} ${r.url}`]!(target, pair.own)) {
          const url = fill(r.url, c.params === 'own' ? ownIds : target.ids);
          const plain = await t.request(r.method, url, { cookie: pair.plain.cookie, body: c.body });
          if (plain.status < 400) continue;
          compared++;
          const mixed = await t.request(r.method, url, { cookie: pair.mixed.cookie, body: c.body });
          if (mixed.status < 400) {
            violations.push({
              actor: pair.mixed.username, route: `${r.method} ${r.url}`, request: `${r.method} ${url} ${JSON.stringify(c.body ?? {})}`, status: mixed.status,
              why: `accepted in ${target.name}, where ${pair.plain.username} (the lower grant alone) gets ${plain.status}`,
            });
          }
        }
      }
    }
  }
  return { violations, uncovered, compared };
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
      const targetIds = target.ids;
      const ownIds = { ...targetIds, userId: actor.own.userId, orgId: actor.own.orgId };
      const check = async (r: RouteInfo, url: string, body?: unknown, signedOut = false) => {
        requests++;
        const res = await t.request(r.method, url, { cookie: signedOut ? undefined : actor.cookie, body });
        const base = { actor: signedOut ? 'signed out' : actor.username, route: `${r.method} ${r.url}`, request: `${r.method} ${url}`, status: res.status };
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
          if (PUBLIC_PAGES.has(key)) await check(r, url, undefined, true);
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
