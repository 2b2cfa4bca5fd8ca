import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { route } from '../../server/src/kernel/http.ts';
import { z } from '../../server/src/kernel/validation.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { digest, plantTargets, type Target } from './fixture.ts';
import { runIsolationMatrix } from './matrix.ts';
import { setOrgSheet } from './parts/orgs.ts';

// One fixed fixture tree (the demo region plus two planted targets) and every
// demo role. Community A is 光明社区 (新华街道); the targets are 乙方社区 in
// the other street and 丙方, a whole other region.

let t: TestApp;
let targets: { otherStreet: Target; otherRegion: Target };
const ROLES_IN_A = ['admin', 'xinhua', 'guangming', 'wangge', 'liaison', 'dangyuan', 'jumin'];

before(async () => {
  t = await testApp({ demo: true });
  targets = await plantTargets(t.kernel.db);
  const template = await t.app.inject({ method: 'GET', url: '/api/orgs/import-template', headers: { cookie: await t.login('admin') } });
  setOrgSheet(template.rawPayload.toString('base64'));
});
after(() => t.close());

async function actors(app: TestApp, usernames: string[]) {
  const ids = await app.kernel.db.system((q) =>
    q.query<{ username: string; id: number; org_id: number }>(
      `SELECT u.username, u.id, g.org_id FROM users u JOIN user_grants g ON g.user_id = u.id`,
    ),
  );
  const idOf = (u: string) => ids.find((r) => r.username === u)!;
  return Promise.all(
    usernames.map(async (username) => ({
      username,
      cookie: await app.login(username),
      // An account the actor may administer (or at least see), to mix with target ids.
      own: { userId: idOf(username === 'guangming' ? 'wangge' : 'guangming').id, orgId: idOf(username).org_id },
      // The district admin sees all of 梅河口, so for it only the other region is out of reach.
      targets: username === 'admin' ? [targets.otherRegion] : [targets.otherStreet, targets.otherRegion],
    })),
  );
}

test('no role of community A reads, lists, counts or changes anything of B, on any endpoint', async () => {
  const all = [targets.otherStreet, targets.otherRegion];
  const fingerprint = await digest(t.kernel.db, all);
  const { violations, uncovered, requests } = await runIsolationMatrix(t, await actors(t, ROLES_IN_A));
  assert.deepEqual(uncovered, [], 'every write route needs a case in its module’s part, test/isolation/parts/');
  assert.deepEqual(violations, []);
  assert.ok(requests > 300, `the matrix made only ${requests} requests`);
  assert.equal(await digest(t.kernel.db, all), fingerprint, 'the targets were changed');
});

test('the markers do show for those who may see the targets (the matrix can see a leak)', async () => {
  const cookie = await t.login('yifang_sec', 'Target12345');
  const roots = await t.request('GET', '/api/orgs/roots', { cookie });
  assert.equal(roots.status, 200);
  assert.match(roots.text, /乙方社区党委/);
  const people = await t.request('GET', '/api/people', { cookie });
  assert.match(people.text, /乙方居民/);
});

test('a route that bypasses the scoping layer is caught by the matrix', async () => {
  const leaky = await testApp({
    demo: true,
    extraRoutes: (app, k) =>
      route(app, k.db, {
        method: 'GET', url: '/api/leaky/people', tags: ['test'], summary: 'deliberately unscoped', scoped: false,
        response: z.object({ names: z.array(z.string()) }),
        // The mistake under test: reading through the system connection.
        handler: async () => ({ names: (await k.db.system((q) => q.query<{ name: string }>('SELECT name FROM people'))).map((r) => r.name) }),
      }),
  });
  try {
    const planted = await plantTargets(leaky.kernel.db);
    const cookie = await leaky.login('guangming');
    const { violations } = await runIsolationMatrix(
      { ...leaky, routes: leaky.routes.filter((r) => r.url === '/api/leaky/people') },
      [{ username: 'guangming', cookie, own: { userId: 1, orgId: 1 }, targets: [planted.otherStreet] }],
    );
    assert.equal(violations.length, 1);
    assert.equal(violations[0]!.route, 'GET /api/leaky/people');
    assert.match(violations[0]!.why, /乙方/);
  } finally {
    await leaky.close();
  }
});
