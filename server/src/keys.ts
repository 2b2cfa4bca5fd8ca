import type { FieldCipher } from './kernel/crypto.ts';
import type { Database, Queryable } from './kernel/db.ts';
import { addressKey } from './modules/grids/service.ts';

/**
 * The blind indexes (columns *_hash keyed by the encryption key) and how each
 * is derived from its table's clear values; null where it cannot be derived
 * again, and then it is cleared. Hashes not keyed by it (passwords, session
 * and feed tokens, the clients of sign-ups and of public pages) stay as they
 * are. A *_hash column in neither list stops a rotation: it would otherwise be
 * left matching nothing.
 */
const BLIND_INDEXES: Record<string, (cipher: FieldCipher, clear: Record<string, string | null>) => string | null> = {
  'people.id_number_hash': (c, v) => (v.id_number_enc === null ? null : c.blindIndex(v.id_number_enc!)),
  'households.address_hash': (c, v) => addressKey(c, v.address_enc!),
  // A census row's hash says "this person was last written from exactly this
  // row"; without it the next import simply applies the row again.
  'people.census_hash': () => null,
  // An activation code is known only to the person it was given to: after a rotation the community issues a new one.
  'people.activation_code_hash': () => null,
};
const UNKEYED_HASHES = new Set(['users.password_hash', 'sessions.token_hash', 'calendar_feeds.token_hash', 'resident_signups.client_hash', 'alliance_page_hits.client_hash',
  'account_activation_tries.client_hash']);

interface Sealed {
  table: string;
  enc: string[];
  hashes: string[];
}

async function sealedTables(q: Queryable): Promise<Sealed[]> {
  const cols = await q.query<{ tbl: string; col: string }>(
    `SELECT c.table_name AS tbl, c.column_name AS col FROM information_schema.columns c
       JOIN pg_tables t ON t.schemaname = c.table_schema AND t.tablename = c.table_name
      WHERE c.table_schema = 'public' AND (c.column_name LIKE '%\\_enc' OR c.column_name LIKE '%\\_hash')
      ORDER BY 1, 2`,
  );
  const tables = new Map<string, Sealed>();
  for (const { tbl, col } of cols) {
    const name = `${tbl}.${col}`;
    if (UNKEYED_HASHES.has(name)) continue;
    const t = tables.get(tbl) ?? { table: tbl, enc: [], hashes: [] };
    if (col.endsWith('_enc')) t.enc.push(col);
    else if (name in BLIND_INDEXES) t.hashes.push(col);
    else throw new Error(`密钥轮换不知道如何重算 ${name}：请在 server/src/keys.ts 的 BLIND_INDEXES 中说明 (no rule to recompute this blind index)`);
    tables.set(tbl, t);
  }
  return [...tables.values()].filter((t) => t.enc.length);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function instance(q: Queryable): Promise<Map<string, string>> {
  return new Map((await q.query<{ key: string; value: string }>('SELECT key, value FROM gj_instance')).map((r) => [r.key, r.value]));
}

const WHAT_TO_DO = [
  '请使用首次启动时的密钥：PGlite 为数据目录中的 secret.key（从备份恢复），PostgreSQL 为 GONGJIAN_SECRET_KEY；',
  '更换密钥请用 npm run rotate-key。',
  'Start with the key the data was encrypted with: DATA_DIR/secret.key (restore it from the backup) or GONGJIAN_SECRET_KEY;',
  'to change the key, run npm run rotate-key.',
].join('\n');

/** Whether the database already names a key, so a missing one must not be made anew. */
export async function hasKeyFingerprint(db: Database): Promise<boolean> {
  return db.system(async (q) => (await instance(q)).has('key_fingerprint'));
}

/**
 * Refuses a key that is not the one the database was encrypted with. A
 * database that predates the fingerprint is checked on one encrypted value
 * it holds, then gets the fingerprint.
 */
export async function checkKey(db: Database, cipher: FieldCipher): Promise<void> {
  await db.system(async (q) => {
    await q.query(`LOCK TABLE gj_instance IN EXCLUSIVE MODE`);
    const facts = await instance(q);
    if (facts.has('key_rotating_to')) {
      throw new Error(`密钥轮换尚未完成，拒绝启动：请再次运行 npm run rotate-key 完成轮换。\nA key rotation is unfinished, refusing to start: run npm run rotate-key again to complete it.`);
    }
    const known = facts.get('key_fingerprint');
    if (known !== undefined) {
      if (known !== cipher.fingerprint) throw new Error(`加密密钥与数据库不符，拒绝启动。\nThe encryption key does not match the database, refusing to start.\n${WHAT_TO_DO}`);
      return;
    }
    for (const t of await sealedTables(q)) {
      const [row] = await q.query<{ v: string }>(`SELECT ${quote(t.enc[0]!)} AS v FROM ${quote(t.table)} WHERE ${quote(t.enc[0]!)} IS NOT NULL LIMIT 1`);
      if (!row) continue;
      try {
        cipher.decrypt(row.v);
      } catch {
        throw new Error(`加密密钥无法解密数据库中已有的数据，拒绝启动。\nThe encryption key cannot decrypt the data already in the database, refusing to start.\n${WHAT_TO_DO}`);
      }
      break;
    }
    await q.query(`INSERT INTO gj_instance (key, value) VALUES ('key_fingerprint', $1)`, [cipher.fingerprint]);
  });
}

export interface RotationProgress {
  table: string;
  rows: number;
}

/**
 * Re-encrypts every encrypted column and recomputes every blind index under
 * the new key. Each chunk of rows is one transaction that also records how
 * far its table got, so a rotation stopped at any point resumes where it
 * stopped; the app refuses to start until it is complete, when the new
 * key's fingerprint replaces the old one. App servers must be stopped first.
 */
export async function rotateKey(
  db: Database,
  from: FieldCipher,
  to: FieldCipher,
  opts: { chunkSize?: number; onChunk?: (p: RotationProgress) => void | Promise<void> } = {},
): Promise<'rotated' | 'already'> {
  const chunkSize = opts.chunkSize ?? 500;
  const tables = await db.system(async (q) => {
    await q.query(`LOCK TABLE gj_instance IN EXCLUSIVE MODE`);
    const facts = await instance(q);
    const current = facts.get('key_fingerprint');
    const target = facts.get('key_rotating_to');
    if (current === to.fingerprint && target === undefined) return null;
    if (current !== undefined && current !== from.fingerprint) {
      throw new Error(`旧密钥与数据库不符，不能轮换。\nThe current key does not match the database; cannot rotate.\n${WHAT_TO_DO}`);
    }
    if (target !== undefined && target !== to.fingerprint) {
      throw new Error('另一次密钥轮换（换成另一个新密钥）尚未完成：请用那个新密钥再次运行。\nAnother rotation, to a different new key, is unfinished: run again with that new key.');
    }
    if (target === undefined) {
      await q.query('DELETE FROM gj_key_rotation');
      await q.query(`INSERT INTO gj_instance (key, value) VALUES ('key_rotating_to', $1)`, [to.fingerprint]);
      if (current === undefined) await q.query(`INSERT INTO gj_instance (key, value) VALUES ('key_fingerprint', $1)`, [from.fingerprint]);
    }
    return sealedTables(q);
  });
  if (!tables) return 'already';

  for (const t of tables) {
    for (;;) {
      const rows = await db.system(async (q) => {
        const [progress] = await q.query<{ last_id: number; done: boolean }>('SELECT last_id, done FROM gj_key_rotation WHERE tbl = $1', [t.table]);
        if (progress?.done) return 0;
        const cols = [...t.enc, ...t.hashes];
        const found = await q.query<Record<string, string | null> & { id: number }>(
          `SELECT id, ${cols.map(quote).join(', ')} FROM ${quote(t.table)} WHERE id > $1 ORDER BY id LIMIT $2 FOR UPDATE`,
          [progress?.last_id ?? 0, chunkSize],
        );
        if (!found.length) {
          await q.query(
            `INSERT INTO gj_key_rotation (tbl, last_id, done) VALUES ($1, $2, true) ON CONFLICT (tbl) DO UPDATE SET done = true`,
            [t.table, progress?.last_id ?? 0],
          );
          return 0;
        }
        const updated = found.map((row) => {
          const clear = Object.fromEntries(t.enc.map((c) => [c, row[c] === null ? null : from.decrypt(row[c]!)]));
          return {
            id: row.id,
            ...Object.fromEntries(t.enc.map((c) => [c, clear[c] === null ? null : to.encrypt(clear[c]!)])),
            ...Object.fromEntries(t.hashes.map((h) => [h, BLIND_INDEXES[`${t.table}.${h}`]!(to, clear)])),
          };
        });
        await q.query(
          `UPDATE ${quote(t.table)} AS t SET ${cols.map((c) => `${quote(c)} = r.${quote(c)}`).join(', ')}
             FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, ${cols.map((c) => `${quote(c)} text`).join(', ')})
            WHERE t.id = r.id`,
          [JSON.stringify(updated)],
        );
        await q.query(
          `INSERT INTO gj_key_rotation (tbl, last_id) VALUES ($1, $2) ON CONFLICT (tbl) DO UPDATE SET last_id = EXCLUDED.last_id`,
          [t.table, found.at(-1)!.id],
        );
        return found.length;
      });
      if (!rows) break;
      await opts.onChunk?.({ table: t.table, rows });
    }
  }

  await db.system(async (q) => {
    await q.query(`UPDATE gj_instance SET value = $1, set_at = now() WHERE key = 'key_fingerprint'`, [to.fingerprint]);
    await q.query(`DELETE FROM gj_instance WHERE key = 'key_rotating_to'`);
    await q.query('DELETE FROM gj_key_rotation');
  });
  return 'rotated';
}
