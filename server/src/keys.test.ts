import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { testCipher, testDatabase, type TestDatabase } from '../../test/support/db.ts';
import { checkKey, rotateKey } from './keys.ts';
import { FieldCipher } from './kernel/crypto.ts';
import type { Queryable } from './kernel/db.ts';
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
  assert.doesNotMatch(row!.value, new RegExp(Buffer.alloc(32, 7).toString('base64').slice(0, 16)), 'the key itself is never stored');
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

  await checkKey(t.db, next);
  await assert.rejects(checkKey(t.db, testCipher), /加密密钥与数据库不符/);
  assert.equal(await rotateKey(t.db, testCipher, next), 'already');
  await assert.rejects(rotateKey(t.db, testCipher, new FieldCipher(randomBytes(32))), /旧密钥与数据库不符/);
});
