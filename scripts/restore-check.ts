// npm run restore-check (TEST_DATABASE_URL=postgres://…): the demo is dumped
// with pg_dump, restored with pg_restore into a new database, checked whole,
// and an organization is moved there: its people and households must leave
// the old street admin's view and enter the new one's. A restore that drops
// a trigger (as gj_org_move_descendants once was) fails here, not in a
// district's hands. Part of .ci/run.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../server/src/app.ts';
import { DEMO_PASSWORD } from '../server/src/demo/meihekou.ts';
import { openDatabase } from '../server/src/kernel/db.ts';
import { ensureAppRole, integrityProblems } from '../server/src/kernel/integrity.ts';
import { APP_HEADERS } from '../test/support/app.ts';
import { testCipher, testDatabase } from '../test/support/db.ts';

const server = process.env.TEST_DATABASE_URL;
if (!server) throw new Error('TEST_DATABASE_URL is required (a PostgreSQL server where databases may be created)');

const restoredName = `gj_restore_dst_${randomBytes(4).toString('hex')}`;
const restoredUrl = Object.assign(new URL(server), { pathname: `/${restoredName}` }).toString();
const dump = path.join(tmpdir(), `${restoredName}.dump`);
const admin = new pg.Client({ connectionString: server });
await admin.connect();

const source = await testDatabase({ demo: true });
try {
  execFileSync('pg_dump', ['-Fc', '-f', dump, source.url!], { stdio: 'inherit' });
  await admin.query(`CREATE DATABASE ${restoredName}`);
  // pg_restore exits non-zero when any statement failed, even one it went on past.
  execFileSync('pg_restore', ['--exit-on-error', '-d', restoredUrl, dump], { stdio: 'inherit' });
  console.log('pg_restore: 0 errors');

  const db = await openDatabase({ url: restoredUrl, poolSize: 2 });
  const app = await buildApp({ db, cipher: testCipher }, { webDir: null });
  try {
    await ensureAppRole(db);
    assert.deepEqual(await integrityProblems(db), [], 'the restored database is whole');

    const call = async (method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) => {
      const res = await app.inject({ method, url, payload, headers: { ...APP_HEADERS, ...(cookie ? { cookie } : {}) } });
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      return { body: res.json(), cookie: res.cookies.find((c) => c.name === 'gj_session') };
    };
    const signIn = async (username: string) => {
      const session = (await call('POST', '/api/auth/login', undefined, { username, password: DEMO_PASSWORD })).cookie!;
      return `${session.name}=${session.value}`;
    };
    const orgId = async (cookie: string, name: string) => {
      const { body } = await call('GET', `/api/orgs?q=${encodeURIComponent(name)}`, cookie);
      return (body.items as { id: number; name: string }[]).find((o) => o.name === name)!.id;
    };
    const sees = async (cookie: string) => ({
      people: (await call('GET', '/api/people?pageSize=1', cookie)).body.total as number,
      households: (await call('GET', '/api/households', cookie)).body.total as number,
    });

    const [district, xinhua, heping] = [await signIn('admin'), await signIn('xinhua'), await signIn('heping')];
    const community = await orgId(district, '光明社区党委');
    const { body: moved } = await call('GET', `/api/people?orgId=${community}&pageSize=1`, district);
    const { body: movedHouseholds } = await call('GET', '/api/households', await signIn('guangming'));
    assert.ok(moved.total > 0 && movedHouseholds.total > 0, 'the community has people and households');
    const before = { xinhua: await sees(xinhua), heping: await sees(heping) };

    await call('POST', `/api/orgs/${community}/move`, district, { parentId: await orgId(district, '和平街道党工委') });

    assert.deepEqual(await sees(xinhua), { people: before.xinhua.people - moved.total, households: before.xinhua.households - movedHouseholds.total });
    assert.deepEqual(await sees(heping), { people: before.heping.people + moved.total, households: before.heping.households + movedHouseholds.total });
    console.log(`restore check: moved ${moved.total} people and ${movedHouseholds.total} households from 新华街道 to 和平街道 after pg_restore`);
  } finally {
    await app.close();
    await db.close();
  }
} finally {
  rmSync(dump, { force: true });
  await source.close();
  await admin.query(`DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`);
  await admin.end();
}
