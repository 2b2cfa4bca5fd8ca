import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Role } from '../../server/src/kernel/scope.ts';
import * as orgs from '../../server/src/modules/orgs/service.ts';
import * as users from '../../server/src/modules/users/service.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { plantTargets, type Target } from './fixture.ts';
import { runMixedGrantMatrix } from './matrix.ts';
import { setOrgSheet } from './parts/orgs.ts';

// Grants held in different places do not add up: in a place where a user
// holds only a lower grant, a higher grant held elsewhere allows nothing.

let t: TestApp;
let target: Target;
const PASSWORD = 'Mixed12345';
/** Demo organizations by name, looked up before any test could rename them. */
const org: Record<string, number> = {};
let tax: { id: number; orgId: number };

before(async () => {
  t = await testApp({ demo: true });
  target = (await plantTargets(t.kernel.db)).otherStreet;
  const template = await t.app.inject({ method: 'GET', url: '/api/orgs/import-template', headers: { cookie: await t.login('admin') } });
  setOrgSheet(template.rawPayload.toString('base64'));
  await t.kernel.db.system(async (q) => {
    for (const name of ['光明社区第一网格党支部', '向阳社区党委']) org[name] = (await orgs.search(q, name, 1, 1)).items[0]!.id;
    tax = (await orgs.listUnits(q)).find((u) => u.name === '梅河口市税务局')!;
  });
});
after(() => t.close());

/** An account with these grants, managed by the first grant's organization; signed in. */
async function account(username: string, grants: { role: Role; orgId: number; unitId?: number }[]): Promise<{ username: string; cookie: string }> {
  await t.kernel.db.system((q) => users.create(q, { username, displayName: username, password: PASSWORD, orgId: grants[0]!.orgId, grants }));
  return { username, cookie: await t.login(username, PASSWORD) };
}

test('a grid worker of 光明’s first grid who is 向阳’s secretary can neither rename that grid branch nor create under it, like wangge', async () => {
  const branch = org['光明社区第一网格党支部']!;
  const mixed = await account('gm.worker.xy.sec', [
    { role: 'grid_worker', orgId: branch },
    { role: 'community_secretary', orgId: org['向阳社区党委']! },
  ]);
  for (const cookie of [mixed.cookie, await t.login('wangge')]) {
    const rename = await t.request('PATCH', `/api/orgs/${branch}`, { cookie, body: { name: '被改名的网格党支部' } });
    assert.equal(rename.status, 403, rename.text);
    const create = await t.request('POST', '/api/orgs', { cookie, body: { parentId: branch, name: '越权党小组', kind: 'building_group' } });
    assert.equal(create.status, 403, create.text);
  }
  // As 向阳’s secretary the same user still does both, in 向阳.
  const own = await t.request('POST', '/api/orgs', { cookie: mixed.cookie, body: { parentId: org['向阳社区党委'], name: '向阳新网格党支部', kind: 'grid_branch' } });
  assert.equal(own.status, 200, own.text);
});

test('every write route: what the lower grant alone is refused in a place, the same grant mixed with a higher one elsewhere is refused too', async () => {
  const branch = target.gridBranchId;
  const elsewhere = { secretary: org['向阳社区党委']!, grid: org['光明社区第一网格党支部']! };
  // The target seen from its community, and from its grid branch (the place of the lower grants).
  const places = [target, { ...target, orgId: branch, ids: { ...target.ids, orgId: branch } }];
  const own = { userId: target.ids.userId!, orgId: branch };
  const pairs = [
    {
      plain: await account('plain.worker', [{ role: 'grid_worker', orgId: branch }]),
      mixed: await account('mixed.worker', [{ role: 'grid_worker', orgId: branch }, { role: 'community_secretary', orgId: elsewhere.secretary }]),
    },
    {
      plain: await account('plain.member', [{ role: 'member', orgId: branch }]),
      mixed: await account('mixed.member', [{ role: 'member', orgId: branch }, { role: 'unit_liaison', orgId: tax.orgId, unitId: tax.id }]),
    },
    {
      plain: await account('plain.liaison', [{ role: 'unit_liaison', orgId: target.orgId, unitId: target.unitId }]),
      mixed: await account('mixed.liaison', [{ role: 'unit_liaison', orgId: target.orgId, unitId: target.unitId }, { role: 'member', orgId: elsewhere.grid }]),
    },
  ].map((p) => ({ ...p, own, targets: places }));
  const { violations, uncovered, compared } = await runMixedGrantMatrix(t, pairs);
  assert.deepEqual(uncovered, [], 'every write route needs a case in its module’s part, test/isolation/parts/');
  assert.deepEqual(violations, []);
  assert.ok(compared > 300, `the matrix compared only ${compared} refusals`);
});
