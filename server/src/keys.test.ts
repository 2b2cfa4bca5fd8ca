import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { APP_HEADERS } from '../../test/support/app.ts';
import { pgliteTemplate, testCipher, testDatabase, TEST_KEY, type TestDatabase } from '../../test/support/db.ts';
import { DEMO_PASSWORD } from './demo/meihekou.ts';
import { checkKey, rotateKey } from './keys.ts';
import { FieldCipher } from './kernel/crypto.ts';
import { openDatabase, type Queryable } from './kernel/db.ts';
import { startServer } from './main.ts';
import { addressKey } from './modules/grids/service.ts';

let t: TestDatabase;
before(async () => {
  t = await testDatabase({ demo: true });
});
after(() => t.close());

/** Every encrypted value of the database, by table, column and row. */
async function sealedValues(q: Queryable): Promise<Map<string, string>> {
  const cols = await q.query<{ tbl: string; col: string }>(
    `SELECT c.table_name AS tbl, c.column_name AS col FROM information_schema.columns c
       JOIN pg_tables t ON t.schemaname = c.table_schema AND t.tablename = c.table_name
      WHERE c.table_schema = 'public' AND c.column_name LIKE '%\\_enc'`,
  );
  const values = new Map<string, string>();
  for (const { tbl, col } of cols) {
    for (const r of await q.query<{ id: number; v: string }>(`SELECT id, ${col} AS v FROM ${tbl} WHERE ${col} IS NOT NULL`)) {
      values.set(`${tbl}.${col}.${r.id}`, r.v);
    }
  }
  return values;
}

const decryptAll = (values: Map<string, string>, cipher: FieldCipher) => new Map([...values].map(([k, v]) => [k, cipher.decrypt(v)]));

test('a database that predates the fingerprint is checked on its data, then remembers the key', async () => {
  const wrong = new FieldCipher(randomBytes(32));
  await assert.rejects(checkKey(t.db, wrong), /无法解密/);
  await checkKey(t.db, testCipher);
  const [row] = await t.db.system((q) => q.query<{ value: string }>(`SELECT value FROM gj_instance WHERE key = 'key_fingerprint'`));
  assert.equal(row?.value, testCipher.fingerprint);
  assert.doesNotMatch(row!.value, new RegExp(TEST_KEY.toString('base64').slice(0, 16)), 'the key itself is never stored');
});

test('a start with another key is refused, saying what to do', async () => {
  await assert.rejects(checkKey(t.db, new FieldCipher(randomBytes(32))), (err: Error) => {
    assert.match(err.message, /加密密钥与数据库不符/);
    assert.match(err.message, /secret\.key/);
    assert.match(err.message, /npm run rotate-key/);
    return true;
  });
  await checkKey(t.db, testCipher);
});

test('on PostgreSQL the key must be given, never generated', async () => {
  await assert.rejects(
    startServer({ databaseUrl: 'postgres://root@127.0.0.1:5432/never_opened', env: {}, port: 0, quiet: true }),
    /必须设置 GONGJIAN_SECRET_KEY/,
  );
});

test('key rotation re-encrypts and re-indexes everything, and resumes after an interruption', async () => {
  const before = await t.db.system(sealedValues);
  const clear = decryptAll(before, testCipher);
  assert.ok([...before.keys()].some((k) => k.startsWith('people.id_number_enc')), 'the demo holds identity numbers');
  assert.ok([...before.keys()].some((k) => k.startsWith('households.address_enc')), 'the demo holds addresses');
  const next = new FieldCipher(randomBytes(32));
  // An activation code issued under the old key: only its holder knows it, so the rotation voids it.
  const [coded] = await t.db.system((q) => q.query<{ id: number }>(
    `UPDATE people SET activation_code_hash = $1, activation_expires_at = now() + interval '1 day'
      WHERE id = (SELECT min(id) FROM people WHERE id_number_enc IS NOT NULL) RETURNING id`,
    [testCipher.blindIndex('activation:12345678')],
  ));

  let chunks = 0;
  await assert.rejects(
    rotateKey(t.db, testCipher, next, {
      chunkSize: 40,
      onChunk: () => {
        if (++chunks === 3) throw new Error('killed');
      },
    }),
    /killed/,
  );
  // Half old, half new: neither key may serve it.
  await assert.rejects(checkKey(t.db, testCipher), /密钥轮换尚未完成/);
  await assert.rejects(checkKey(t.db, next), /密钥轮换尚未完成/);
  const [{ n }] = (await t.db.system((q) => q.query<{ n: number }>('SELECT count(*) AS n FROM gj_key_rotation'))) as [{ n: number }];
  assert.ok(n > 0, 'the progress of the interrupted run was kept');

  assert.equal(await rotateKey(t.db, testCipher, next, { chunkSize: 40 }), 'rotated');
  const after = await t.db.system(sealedValues);
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort());
  assert.deepEqual(decryptAll(after, next), clear);
  for (const [k, v] of after) assert.notEqual(v, before.get(k), `${k} was re-encrypted`);
  assert.throws(() => testCipher.decrypt(after.values().next().value!));

  const people = await t.db.system((q) => q.query<{ id: number; id_number_hash: string }>(`SELECT id, id_number_hash FROM people WHERE id_number_enc IS NOT NULL`));
  for (const p of people) assert.equal(p.id_number_hash, next.blindIndex(clear.get(`people.id_number_enc.${p.id}`)!));
  const households = await t.db.system((q) => q.query<{ id: number; address_hash: string }>('SELECT id, address_hash FROM households'));
  assert.ok(households.length);
  for (const h of households) assert.equal(h.address_hash, addressKey(next, clear.get(`households.address_enc.${h.id}`)!));

  const [voided] = await t.db.system((q) => q.query<{ hash: string | null }>(`SELECT activation_code_hash AS hash FROM people WHERE id = $1`, [coded!.id]));
  assert.equal(voided!.hash, null, 'an activation code issued under the old key is void');

  await checkKey(t.db, next);
  await assert.rejects(checkKey(t.db, testCipher), /加密密钥与数据库不符/);
  assert.equal(await rotateKey(t.db, testCipher, next), 'already');
  await assert.rejects(rotateKey(t.db, testCipher, new FieldCipher(randomBytes(32))), /旧密钥与数据库不符/);
});

test('npm run rotate-key on a PGlite data folder: the new key reads the data and finds people by identity number, the old one is refused', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'gongjian-rotate-'));
  const keyPath = path.join(dataDir, 'secret.key');
  try {
    // The demo region, encrypted, in a data folder with its key file, as npm start leaves them.
    const seeded = await openDatabase({ dataDir, loadDataDir: await pgliteTemplate(true) });
    const [person] = await seeded.system((q) =>
      q.query<{ id: number; org_id: number; id_number_enc: string }>(`SELECT id, org_id, id_number_enc FROM people WHERE id_number_enc IS NOT NULL ORDER BY id LIMIT 1`),
    );
    await seeded.close();
    const idNumber = testCipher.decrypt(person!.id_number_enc);
    await writeFile(keyPath, TEST_KEY.toString('base64'), { mode: 0o600 });

    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'rotate-key'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir },
    });
    assert.match(stdout, /密钥轮换完成/);
    const newKey = await readFile(keyPath, 'utf8');
    assert.notEqual(newKey, TEST_KEY.toString('base64'), 'secret.key holds the new key');
    assert.equal(existsSync(`${keyPath}.new`), false);

    const start = (env: NodeJS.ProcessEnv) => startServer({ port: 0, host: '127.0.0.1', dataDir, demo: false, quiet: true, env });
    await assert.rejects(start({ GONGJIAN_SECRET_KEY: TEST_KEY.toString('base64') }), /加密密钥与数据库不符/);
    const server = await start({});
    try {
      const headers = { ...APP_HEADERS, 'content-type': 'application/json' };
      const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) });
      assert.equal(login.status, 200);
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const post = (url: string, body: unknown) => fetch(`${server.url}${url}`, { method: 'POST', headers: { ...headers, cookie }, body: JSON.stringify(body) });
      const revealed = await post(`/api/people/${person!.id}/reveal`, { field: 'idNumber' });
      assert.deepEqual(await revealed.json(), { value: idNumber });
      // The blind index was rebuilt with the new key: the same identity number is found, not registered twice.
      const twice = await post('/api/people', { orgId: person!.org_id, name: '轮换后重复登记', idNumber, isMember: false });
      assert.equal(twice.status, 409);
      assert.match((await twice.json()).error.fields.idNumber, /已经登记过/);
    } finally {
      await server.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
