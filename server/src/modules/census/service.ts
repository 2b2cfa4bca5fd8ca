import type { FieldCipher } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import { columnName, headerKey, mapTable, suggestColumns, writeWorkbook, type Table } from '../../kernel/excel.ts';
import { notFound, type Text } from '../../kernel/errors.ts';
import { E, IMPORT } from './errors.ts';
import { conditions } from '../../kernel/sql.ts';
import * as grids from '../grids/service.ts';
import * as orgs from '../orgs/service.ts';
import { unchangedSince, upsertByIdNumber, type BulkPerson } from '../people/service.ts';
import { IGNORE, IMPORT_STATUSES, MAX_ROWS, OUTCOMES, type ImportJob, type ImportRow, type ImportStatus, type Outcome } from './schema.ts';
import { COLUMNS, LABELS, checkRow, fold, loadPlaces, readTable, type Checked } from './sheet.ts';

/** A file's column as a refusal names it: its header, or its place. */
const column = (headers: string[], col: number): Text => ({ zh: columnName(headers, col), en: headers[col] || `column ${col + 1}` });

// A census import: staged (checked, sealed, stored beside a job row) in the
// upload's transaction, then applied chunk by chunk, each chunk its own
// transaction that also advances the job.

/** Rows applied per transaction: a few set-based statements each. */
export const CHUNK_ROWS = 1000;
/** A running job with no chunk committed for this long was interrupted. */
const STALLED_AFTER = '30 seconds';

interface Payload {
  cells: Record<string, string>;
  person?: BulkPerson;
}

interface JobRow {
  id: number;
  org_id: number;
  org_name: string;
  file_name: string;
  status: ImportStatus;
  total_rows: number;
  done_rows: number;
  created_count: number;
  merged_count: number;
  unchanged_count: number;
  rejected_count: number;
  failure: string | null;
  ignored_columns: string[];
  started_at: string;
  finished_at: string | null;
  stalled: boolean;
}
const JOB_SELECT = `SELECT j.id, j.org_id, coalesce(o.name, '') AS org_name, j.file_name, j.status, j.total_rows, j.done_rows,
       j.created_count, j.merged_count, j.unchanged_count, j.rejected_count, j.failure, j.ignored_columns, j.started_at::text, j.finished_at::text,
       j.status = 'running' AND j.heartbeat_at < now() - interval '${STALLED_AFTER}' AS stalled
  FROM census_imports j LEFT JOIN org_labels o ON o.id = j.org_id`;
const toJob = (r: JobRow): ImportJob => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  fileName: r.file_name,
  status: r.status,
  statusLabel: IMPORT_STATUSES.labels[r.status],
  totalRows: r.total_rows,
  doneRows: r.done_rows,
  created: r.created_count,
  merged: r.merged_count,
  unchanged: r.unchanged_count,
  rejected: r.rejected_count,
  failure: r.failure,
  ignoredColumns: r.ignored_columns,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  stalled: r.stalled,
});

export async function get(q: Queryable, importId: number): Promise<ImportJob> {
  const [row] = await q.query<JobRow>(`${JOB_SELECT} WHERE j.id = $1`, [importId]);
  if (!row) throw notFound(IMPORT);
  return toJob(row);
}

export async function list(q: Queryable, f: { orgId?: number; page: number; pageSize: number }): Promise<{ total: number; items: ImportJob[] }> {
  const where = conditions();
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'j')));
  const [c] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM census_imports j ${where.sql}`, where.params);
  const rows = await q.query<JobRow>(
    `${JOB_SELECT} ${where.sql} ORDER BY j.id DESC LIMIT ${where.next(f.pageSize)} OFFSET ${where.next((f.page - 1) * f.pageSize)}`,
    where.params,
  );
  return { total: c?.n ?? 0, items: rows.map(toJob) };
}

/**
 * Links rows to the households they name, looked up a batch at a time; a row
 * naming a household that is not registered (or not visible) is refused with
 * the address, so it can be fixed and imported again.
 */
async function resolveResidences(q: Queryable, cipher: FieldCipher, checked: Checked[]): Promise<void> {
  const wanted = checked.filter((c) => c.residenceAt);
  const key = (a: { communityId: number; address: string }) => `${a.communityId}|${a.address}`;
  const found = new Map<string, { householdId: number; gridId: number }>();
  for (let i = 0; i < wanted.length; i += 5000) {
    const at = [...new Map(wanted.slice(i, i + 5000).map((c) => [key(c.residenceAt!), c.residenceAt!])).values()];
    for (const h of await grids.householdPlaces(q, { cipher, at })) found.set(key({ communityId: h.communityId, address: h.address! }), h);
  }
  for (const c of wanted) {
    const place = found.get(key(c.residenceAt!));
    if (place) c.person!.residence = { householdId: place.householdId, gridId: place.gridId };
    else {
      Object.assign(c, {
        person: undefined, residenceAt: undefined, field: 'household',
        message: `第 ${c.row} 行，${LABELS.household}：居住社区中没有登记“${c.residenceAt!.address}”这一住户，请先在网格中登记住户，或留空`,
      });
    }
  }
}

/**
 * Rows whose person was last written from exactly this row, and not changed
 * since, are decided here, in the upload: a file imported again applies only
 * what changed, without a chunk, a decryption or a write to people.
 */
async function markUnchanged(q: Queryable, cipher: FieldCipher, checked: (Checked & { outcome: Outcome; personId?: number })[]): Promise<void> {
  const pending = checked.filter((c) => c.outcome === 'pending');
  for (let i = 0; i < pending.length; i += 5000) {
    const part = pending.slice(i, i + 5000);
    const ids = await unchangedSince(q, cipher, part.map((c) => c.person!));
    part.forEach((c, j) => {
      if (ids[j] !== null) Object.assign(c, { outcome: 'unchanged', personId: ids[j] });
    });
  }
}

/**
 * What each column of the file is taken for: what the user last said for a
 * column of that header in this organization, else the field the header
 * names (kernel/excel.ts synonyms). A field goes to its first column only.
 */
async function suggested(q: Queryable, orgId: number, headers: string[]): Promise<(string | null)[]> {
  const remembered = new Map(
    (
      await q.query<{ header: string; field: string }>(`SELECT header, field FROM census_mappings WHERE org_id = $1 AND header = ANY ($2::text[])`, [
        orgId,
        headers.map(headerKey),
      ])
    ).map((m) => [m.header, m.field]),
  );
  const byName = suggestColumns(headers, COLUMNS);
  const taken = new Set<string>();
  return headers.map((h, col) => {
    const field = remembered.get(headerKey(h)) ?? byName[col] ?? null;
    if (field === null || field === IGNORE || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

const PREVIEW_ROWS = 3;

/** The file's columns with their first cells and the field each is taken for, so the user can correct it before importing. */
export async function preview(q: Queryable, input: { orgId: number; fileName: string; file: Buffer }) {
  const root = await orgs.place(q, input.orgId);
  const table = await readTable(input.fileName, input.file);
  const width = table.rows.reduce((w, r) => Math.max(w, r.cells.length), table.headers.length);
  const headers = Array.from({ length: width }, (_, col) => table.headers[col] ?? '');
  const fields = await suggested(q, root.id, headers);
  return {
    columns: headers.map((_, col) => ({
      name: columnName(headers, col),
      field: fields[col] ?? null,
      samples: table.rows.slice(0, PREVIEW_ROWS).map((r) => r.cells[col] ?? ''),
    })),
    fields: COLUMNS.map((c) => ({ key: c.key, label: c.header, required: c.required ?? false, note: c.note ?? null })),
    totalRows: table.rows.length,
  };
}

/**
 * The columns as the user mapped them (then remembered for the organization),
 * or as suggested; checked against the file.
 */
async function mapping(q: Queryable, orgId: number, table: Table, columns: string[] | undefined, fixed: Record<string, string | undefined>) {
  const width = table.rows.reduce((w, r) => Math.max(w, r.cells.length), table.headers.length);
  if (!columns) return suggested(q, orgId, table.headers);
  if (columns.length !== width) throw E.column_count({ given: columns.length, width });
  const mapped = columns.map((f) => (f === IGNORE ? null : f));
  mapped.forEach((f, col) => {
    const first = mapped.indexOf(f);
    if (f && first !== col) throw E.field_twice({ field: { zh: LABELS[f]!, en: f }, first: column(table.headers, first), second: column(table.headers, col) });
    if (f && fixed[f]) throw E.fixed_and_mapped({ field: { zh: LABELS[f]!, en: f }, column: column(table.headers, col) });
  });
  const remember = table.headers.map((h, col) => [headerKey(h), columns[col]!] as const).filter(([h]) => h);
  if (remember.length) {
    await q.query(
      `INSERT INTO census_mappings (org_id, header, field) SELECT $1, * FROM unnest($2::text[], $3::text[])
       ON CONFLICT (region_id, org_id, header) DO UPDATE SET field = excluded.field, updated_at = now()
       WHERE census_mappings.field IS DISTINCT FROM excluded.field`,
      [orgId, remember.map(([h]) => h), remember.map(([, f]) => f)],
    );
  }
  return mapped;
}

/**
 * Reads and checks the file and stores its rows beside a new job. Rows about
 * a person already named higher up in the file are folded into that row
 * here, so each person is applied once; the job then has only the pending
 * rows left to apply.
 */
export async function stage(
  q: Queryable,
  cipher: FieldCipher,
  userId: number,
  input: { orgId: number; fileName: string; file: Buffer; columns?: string[]; fixed?: Record<string, string | undefined> },
): Promise<ImportJob> {
  const places = await loadPlaces(q, input.orgId);
  const table = await readTable(input.fileName, input.file);
  const fixed = Object.fromEntries(Object.entries(input.fixed ?? {}).filter((e): e is [string, string] => Boolean(e[1])));
  const { rows, ignored } = mapTable(table, COLUMNS, await mapping(q, places.root.id, table, input.columns, fixed), fixed);
  if (!rows.length) throw E.no_mapped_data();
  if (rows.length > MAX_ROWS) throw E.too_many_rows({ rows: rows.length, max: MAX_ROWS });
  const checked: (Checked & { outcome: Outcome; personId?: number })[] = rows.map((r) => ({ ...checkRow(r, places), outcome: 'pending' }));
  await resolveResidences(q, cipher, checked);
  const firstOf = new Map<string, number>();
  checked.forEach((c, i) => {
    if (!c.person) return Object.assign(c, { outcome: 'rejected' });
    const hash = cipher.blindIndex(c.person.idNumber);
    const j = firstOf.get(hash);
    if (j === undefined) return firstOf.set(hash, i);
    const first = checked[j]!;
    const folded = fold(first.person!, c.person);
    if (!folded) {
      return Object.assign(c, {
        outcome: 'rejected', field: 'org',
        message: `第 ${c.row} 行，所属组织：与第 ${first.row} 行是同一人（身份证号相同），但所属组织不同；同一党员不能有两个组织关系`,
      });
    }
    first.person = folded;
    Object.assign(c, { outcome: 'merged', message: `第 ${c.row} 行：与第 ${first.row} 行是同一人，已合并` });
  });
  await markUnchanged(q, cipher, checked);
  const decided = checked.filter((c) => c.outcome !== 'pending');
  const count = (o: Outcome) => decided.filter((c) => c.outcome === o).length;
  const [job] = await q.query<{ id: number }>(
    `INSERT INTO census_imports (org_id, user_id, file_name, total_rows, done_rows, merged_count, unchanged_count, rejected_count, ignored_columns, status, finished_at)
     VALUES ($1, $2, $3, $4::int, $5::int, $6, $7, $8, $9, CASE WHEN $5::int = $4::int THEN 'done' ELSE 'running' END,
             CASE WHEN $5::int = $4::int THEN now() END)
     RETURNING id`,
    [places.root.id, userId, input.fileName, checked.length, decided.length, count('merged'), count('unchanged'), count('rejected'), ignored],
  );
  for (let i = 0; i < checked.length; i += 5000) {
    const part = checked.slice(i, i + 5000);
    await q.query(
      `INSERT INTO census_rows (import_id, org_id, row_no, name, payload_enc, outcome, field, message, person_id)
       SELECT $1, $2, * FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[])`,
      [
        job!.id,
        places.root.id,
        part.map((c) => c.row),
        part.map((c) => c.name),
        part.map((c) => cipher.encrypt(JSON.stringify({ cells: c.cells, person: c.person } satisfies Payload))),
        part.map((c) => c.outcome),
        part.map((c) => c.field ?? null),
        part.map((c) => c.message ?? c.note ?? null),
        part.map((c) => c.personId ?? null),
      ],
    );
  }
  return get(q, job!.id);
}

/**
 * Applies the next chunk of pending rows and advances the job, in the
 * caller's transaction. The job row is locked first, so two instances
 * carrying on the same job take turns instead of applying a row twice.
 * Returns whether rows remain.
 */
export async function applyChunk(q: Queryable, cipher: FieldCipher, importId: number, size = CHUNK_ROWS): Promise<boolean> {
  const [job] = await q.query<{ status: ImportStatus }>(`SELECT status FROM census_imports WHERE id = $1 FOR UPDATE`, [importId]);
  if (job?.status !== 'running') return false;
  const rows = await q.query<{ id: number; row_no: number; payload_enc: string }>(
    `SELECT id, row_no, payload_enc FROM census_rows WHERE import_id = $1 AND outcome = 'pending' ORDER BY row_no LIMIT $2`,
    [importId, size],
  );
  const outcomes = await upsertByIdNumber(
    q,
    cipher,
    rows.map((r) => (JSON.parse(cipher.decrypt(r.payload_enc)) as Payload).person!),
  );
  await q.query(
    `UPDATE census_rows c SET outcome = u.outcome, field = u.field, message = coalesce(u.message, c.message), person_id = u.person_id
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[]) AS u(id, outcome, field, message, person_id)
      WHERE c.id = u.id`,
    [
      rows.map((r) => r.id),
      outcomes.map((o) => o.outcome),
      outcomes.map((o) => (o.outcome === 'rejected' ? o.field : null)),
      outcomes.map((o, i) => (o.outcome === 'rejected' ? `第 ${rows[i]!.row_no} 行，${o.field === 'org' ? '所属组织' : '身份证号'}：${o.message}` : null)),
      outcomes.map((o) => (o.outcome === 'rejected' ? null : o.personId)),
    ],
  );
  const n = (o: Outcome) => outcomes.filter((x) => x.outcome === o).length;
  const [after] = await q.query<{ status: ImportStatus }>(
    `UPDATE census_imports SET done_rows = done_rows + $2, created_count = created_count + $3, merged_count = merged_count + $4,
            unchanged_count = unchanged_count + $5, rejected_count = rejected_count + $6, heartbeat_at = now(),
            status = CASE WHEN done_rows + $2 = total_rows THEN 'done' ELSE status END,
            finished_at = CASE WHEN done_rows + $2 = total_rows THEN now() END
      WHERE id = $1 RETURNING status`,
    [importId, rows.length, n('created'), n('merged'), n('unchanged'), n('rejected')],
  );
  return after!.status === 'running';
}

/** A job that could not go on (a fault, not a bad row): it says so instead of running for ever. */
export async function fail(q: Queryable, importId: number, failure: string): Promise<void> {
  await q.query(`UPDATE census_imports SET status = 'failed', failure = $2, finished_at = now() WHERE id = $1 AND status = 'running'`, [importId, failure]);
}

interface RowRow {
  row_no: number;
  name: string;
  outcome: Outcome;
  field: string | null;
  message: string | null;
  person_id: number | null;
}
const toRow = (r: RowRow): ImportRow => ({
  rowNo: r.row_no,
  name: r.name,
  outcome: r.outcome,
  outcomeLabel: OUTCOMES[r.outcome],
  field: r.field,
  message: r.message,
  personId: r.person_id,
});

export async function rows(
  q: Queryable,
  importId: number,
  f: { outcome?: Outcome; page: number; pageSize: number },
): Promise<{ total: number; items: ImportRow[] }> {
  await get(q, importId);
  const where = conditions();
  where.add('import_id = $?', importId);
  if (f.outcome) where.add('outcome = $?', f.outcome);
  const [c] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM census_rows ${where.sql}`, where.params);
  const items = await q.query<RowRow>(
    `SELECT row_no, name, outcome, field, message, person_id FROM census_rows ${where.sql}
      ORDER BY row_no LIMIT ${where.next(f.pageSize)} OFFSET ${where.next((f.page - 1) * f.pageSize)}`,
    where.params,
  );
  return { total: c?.n ?? 0, items: items.map(toRow) };
}

/**
 * The report as a workbook: the rows not imported, as they were read and with
 * what is wrong beside them, so the user corrects that sheet and imports it
 * again; and every row's outcome.
 */
export async function report(q: Queryable, cipher: FieldCipher, importId: number): Promise<{ name: string; body: Buffer }> {
  const job = await get(q, importId);
  const all = await q.query<RowRow & { payload_enc: string }>(
    `SELECT row_no, name, outcome, field, message, person_id, payload_enc FROM census_rows WHERE import_id = $1 ORDER BY row_no`,
    [importId],
  );
  const rejected = all
    .filter((r) => r.outcome === 'rejected')
    .map((r) => ({ ...(JSON.parse(cipher.decrypt(r.payload_enc)) as Payload).cells, problem: r.message, sourceRow: r.row_no }));
  const body = await writeWorkbook([
    {
      name: '未导入的行',
      columns: [...COLUMNS, { key: 'problem', header: '问题说明', width: 60 }, { key: 'sourceRow', header: '原行号', width: 8 }],
      rows: rejected,
    },
    {
      name: '导入结果',
      columns: [
        { key: 'rowNo', header: '行号', width: 8 },
        { key: 'name', header: '姓名', width: 12 },
        { key: 'outcomeLabel', header: '结果', width: 10 },
        { key: 'message', header: '说明', width: 80 },
      ],
      rows: all.map(toRow),
    },
    {
      name: '未导入的列',
      columns: [
        { key: 'column', header: '文件中的列', width: 24 },
        { key: 'reason', header: '说明', width: 60 },
      ],
      rows: job.ignoredColumns.map((column) => ({ column, reason: '没有对应的字段，这一列未导入；如需导入，请在导入时为它选择字段' })),
    },
  ]);
  return { name: `${job.fileName.replace(/\.(xlsx|csv)$/i, '')}-导入报告.xlsx`, body };
}
