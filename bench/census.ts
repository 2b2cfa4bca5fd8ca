import { writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { maskIdNumber, maskPhone, type FieldCipher } from '../server/src/kernel/crypto.ts';
import type { Database } from '../server/src/kernel/db.ts';
import { writeWorkbook } from '../server/src/kernel/excel.ts';
import { checkCharacter } from '../server/src/kernel/idnumber.ts';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../server/src/kernel/security.ts';
import { SESSION_COOKIE } from '../server/src/modules/users/auth.ts';
import { COLUMNS } from '../server/src/modules/census/sheet.ts';

/**
 * Census import of N rows (default 10^5) through the API path — upload, read
 * and check the sheet, stage, apply in chunk transactions under row-level
 * security, merge by identity number — against COPY of the same people
 * (already sealed: encrypted, masked, hashed) into the same table as the
 * system user. COPY is run in a transaction that is rolled back, so the API
 * then imports into the same table as COPY saw. Both fire the table's
 * triggers (region, audit). The import is then run again on the same file:
 * every row is found unchanged and nothing is written.
 */

export interface CensusTimings {
  rows: number;
  fileBytes: number;
  /** POST until the answer: reading, checking and staging the file. */
  stageMs: number;
  /** POST until the job is done. */
  apiMs: number;
  /** The same file again: every row unchanged. */
  rerunMs: number;
  copyMs: number;
}

/** n people, each with a valid, distinct identity number and a phone. */
function people(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const born = new Date(Date.UTC(1940, 0, 1) + (i % 20_000) * 86_400_000).toISOString().slice(0, 10);
    const body = `220581${born.replaceAll('-', '')}${String(Math.floor(i / 20_000) + 100).padStart(3, '0')}`;
    return { name: `普查${i}`, idNumber: body + checkCharacter(body), born, kind: i % 3 ? '居民' : '党员', phone: `139${String(i).padStart(8, '0')}` };
  });
}

const COPY_COLUMNS = 'org_id, name, gender, birth_date, id_number_enc, id_number_mask, id_number_hash, phone_enc, phone_mask, is_member';

async function copy(db: Database, cipher: FieldCipher, rows: ReturnType<typeof people>, orgId: number): Promise<number> {
  const csv = rows
    .map((p) => {
      const gender = Number(p.idNumber[16]) % 2 ? 'male' : 'female';
      return [orgId, p.name, gender, p.born, cipher.encrypt(p.idNumber), maskIdNumber(p.idNumber), cipher.blindIndex(p.idNumber), cipher.encrypt(p.phone), maskPhone(p.phone), p.kind === '党员'].join(',');
    })
    .join('\n');
  const rollback = new Error('rollback');
  let ms = 0;
  const timed = async (run: () => Promise<unknown>) => {
    const start = performance.now();
    await run();
    ms = performance.now() - start;
    throw rollback;
  };
  try {
    if (db.kind === 'postgresql') {
      // Server-side COPY reads a file: the benchmark runs beside its server.
      const file = path.join(os.tmpdir(), `gj-bench-census-${process.pid}.csv`);
      writeFileSync(file, csv, { mode: 0o644 });
      try {
        await db.system((q) => timed(() => q.query(`COPY people (${COPY_COLUMNS}) FROM '${file}' (FORMAT csv)`)));
      } finally {
        rmSync(file, { force: true });
      }
    } else {
      // PGlite reads COPY input from a Blob passed beside the statement.
      const pglite = (db as unknown as { db: PGlite }).db;
      await pglite.transaction((tx) => timed(() => tx.query(`COPY people (${COPY_COLUMNS}) FROM '/dev/blob' (FORMAT csv)`, [], { blob: new Blob([csv]) })));
    }
  } catch (err) {
    if (err !== rollback) throw err;
  }
  return ms;
}

async function importOnce(app: FastifyInstance, token: string, orgId: number, file: Buffer): Promise<{ stageMs: number; doneMs: number; job: Record<string, unknown> }> {
  const headers = { cookie: `${SESSION_COOKIE}=${token}`, [CLIENT_HEADER]: CLIENT_HEADER_VALUE };
  const start = performance.now();
  const res = await app.inject({ method: 'POST', url: '/api/census/imports', headers, payload: { orgId, fileName: 'bench.xlsx', file: file.toString('base64') } });
  if (res.statusCode !== 200) throw new Error(`census import: ${res.statusCode} ${res.body.slice(0, 500)}`);
  const stageMs = performance.now() - start;
  for (;;) {
    const job = (await app.inject({ method: 'GET', url: `/api/census/imports/${res.json().id}`, headers })).json() as Record<string, unknown>;
    if (job.status !== 'running') return { stageMs, doneMs: performance.now() - start, job };
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function censusBench(
  ctx: { db: Database; app: FastifyInstance; cipher: FieldCipher; token: string; orgId: number },
  n: number,
): Promise<CensusTimings> {
  const rows = people(n);
  const file = await writeWorkbook([{ name: '普查名单', columns: COLUMNS, rows }]);
  console.log(`\n  [census] ${n.toLocaleString('en')} rows, ${(file.length / 2 ** 20).toFixed(1)} MB of .xlsx, into organization ${ctx.orgId}`);
  const copyMs = await copy(ctx.db, ctx.cipher, rows, ctx.orgId);
  const first = await importOnce(ctx.app, ctx.token, ctx.orgId, file);
  if (first.job.created !== n) throw new Error(`census import created ${String(first.job.created)} of ${n}: ${JSON.stringify(first.job)}`);
  const again = await importOnce(ctx.app, ctx.token, ctx.orgId, file);
  if (again.job.unchanged !== n) throw new Error(`census re-run: ${JSON.stringify(again.job)}`);
  const t: CensusTimings = { rows: n, fileBytes: file.length, stageMs: first.stageMs, apiMs: first.doneMs, rerunMs: again.doneMs, copyMs };
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`.padStart(9);
  console.log(`  API  upload → staged (read, check, seal)      ${s(t.stageMs)}`);
  console.log(`  API  upload → done (${n.toLocaleString('en')} created)`.padEnd(47) + s(t.apiMs) + `  ${Math.round(n / (t.apiMs / 1000)).toLocaleString('en')} rows/s`);
  console.log(`  API  same file again (all unchanged)`.padEnd(47) + s(t.rerunMs));
  console.log(`  raw  COPY of the same people, sealed`.padEnd(47) + s(t.copyMs));
  console.log(`  ratio API / COPY`.padEnd(47) + `${(t.apiMs / t.copyMs).toFixed(2)}×`.padStart(9));
  return t;
}
