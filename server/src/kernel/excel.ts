import ExcelJS from 'exceljs';
import { defineErrors } from './errors.ts';

const E = defineErrors('import', {
  missing_columns: {
    status: 400,
    field: 'file',
    zh: '缺少必填列：{columns}（请对应到文件中的列，或为整个文件填写一个值）',
    en: 'Required columns are missing: {columns} (map them to columns of the file, or give one value for the whole file)',
  },
  not_xlsx: { status: 400, field: 'file', zh: '文件不是有效的 Excel（.xlsx）文件', en: 'The file is not a valid Excel (.xlsx) file' },
  no_sheet: { status: 400, field: 'file', zh: 'Excel 文件中没有工作表', en: 'The Excel file has no worksheet' },
  empty_csv: { status: 400, field: 'file', zh: 'CSV 文件是空的', en: 'The CSV file is empty' },
});
import { normalizeQuery } from './text.ts';
import { oneOf, z } from './validation.ts';

// Ledgers in and out of Excel. Columns are named by their Chinese headers, so
// a sheet exported by Gongjian imports again unchanged.

export interface Column {
  key: string;
  header: string;
  width?: number;
  required?: boolean;
  note?: string;
  /** Other headers ledgers give this column (入党时间 for 入党日期), matched like the header. */
  synonyms?: string[];
}

export async function writeWorkbook(sheets: { name: string; columns: Column[]; rows: Record<string, unknown>[] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '共建 Gongjian';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({ key: c.key, header: c.required ? `${c.header}*` : c.header, width: c.width ?? 18 }));
    ws.getRow(1).font = { bold: true };
    s.columns.forEach((c, i) => {
      if (c.note) ws.getCell(1, i + 1).note = c.note;
    });
    for (const r of s.rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface SheetRow {
  /** The row number as Excel shows it. */
  row: number;
  values: Record<string, string>;
  /** The keys whose cell held control characters, which were removed. */
  stripped: string[];
}

/** A file as read, before its columns are given meaning: header cells and rows of cells. */
export interface Table {
  headers: string[];
  rows: { row: number; cells: string[]; stripped: boolean[] }[];
}

// C0 control characters other than tab and line breaks: PostgreSQL refuses
// NUL, and none of them is something a person meant to type.
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Cell text as people type it: full-width folded, control characters removed, spaces trimmed. */
function clean(text: string): { text: string; stripped: boolean } {
  const folded = text.normalize('NFKC');
  const kept = folded.replace(CONTROL, '');
  return { text: kept.trim(), stripped: kept.length !== folded.length };
}

/** A cell's text; a date as YYYY-MM-DD, or YYYY-MM when the cell is formatted to show only the month. */
function cellText(v: ExcelJS.CellValue, numFmt = ''): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, /d/i.test(numFmt) || !/[ym]/i.test(numFmt) ? 10 : 7);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue, numFmt);
    if ('text' in v) return String(v.text);
  }
  return String(v);
}

/** A header as matched: a trailing * and spaces dropped, Simplified, full-width folded. */
export const headerKey = (h: string) => normalizeQuery(h.replace(/\*$/, '').replace(/\s+/g, ''));

/** What each column of the file is, by its header (the template's, a synonym, Traditional characters all match); null where none. */
export function suggestColumns(headers: string[], columns: Column[]): (string | null)[] {
  const known = new Map(columns.flatMap((c) => [c.header, ...(c.synonyms ?? [])].map((h) => [headerKey(h), c.key] as const)));
  const taken = new Set<string>();
  return headers.map((h) => {
    const key = known.get(headerKey(h));
    // Two columns with one meaning: the first is read, the second is reported as not imported.
    if (!key || taken.has(key)) return null;
    taken.add(key);
    return key;
  });
}

/** A column as the user knows it: its header, or its position when it has none. */
export const columnName = (headers: string[], col: number) => headers[col] || `第 ${col + 1} 列`;

/**
 * The rows of a file with meaning given to its columns (`mapping`, a key or
 * null per column) and one value for the whole file for keys no column
 * gives (`fixed`). Refused when a required key has neither. Also names the
 * columns that are not imported, so the report can say so.
 */
export function mapTable(
  table: Table,
  columns: Column[],
  mapping: (string | null)[],
  fixed: Record<string, string> = {},
): { rows: SheetRow[]; ignored: string[] } {
  const given = new Set([...mapping.filter((k) => k !== null), ...Object.keys(fixed).filter((k) => fixed[k])]);
  const missing = columns.filter((c) => c.required && !given.has(c.key));
  if (missing.length) throw E.missing_columns({ columns: { zh: missing.map((c) => c.header).join('、'), en: missing.map((c) => c.key).join(', ') } });
  const width = table.rows.reduce((w, r) => Math.max(w, r.cells.length), table.headers.length);
  const ignored = Array.from({ length: width }, (_, col) => col).filter(
    (col) => !mapping[col] && (table.headers[col] || table.rows.some((r) => r.cells[col])),
  );
  const rows: SheetRow[] = [];
  for (const r of table.rows) {
    const values: Record<string, string> = {};
    const stripped: string[] = [];
    mapping.forEach((key, col) => {
      if (!key) return;
      values[key] = r.cells[col] ?? '';
      if (r.stripped[col]) stripped.push(key);
    });
    if (!Object.values(values).some((v) => v !== '')) continue;
    for (const [key, v] of Object.entries(fixed)) if (v && !(key in values)) values[key] = clean(v).text;
    rows.push({ row: r.row, values, stripped });
  }
  return { rows, ignored: ignored.map((col) => columnName(table.headers, col)) };
}

/** The first sheet of an Excel file as a table. */
export async function loadSheet(file: Buffer): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw E.not_xlsx();
  }
  const ws = wb.worksheets[0];
  if (!ws) throw E.no_sheet();
  const table: Table = { headers: [], rows: [] };
  ws.eachRow((r, n) => {
    const cells: string[] = [];
    const stripped: boolean[] = [];
    r.eachCell((cell, col) => {
      const c = clean(cellText(cell.value, cell.numFmt));
      cells[col - 1] = c.text;
      stripped[col - 1] = c.stripped;
    });
    if (n === 1) table.headers = Array.from(cells, (h) => h ?? '');
    else table.rows.push({ row: n, cells: Array.from(cells, (c) => c ?? ''), stripped: Array.from(stripped, (b) => b ?? false) });
  });
  return table;
}

/**
 * A CSV file as a table, read the way a spreadsheet saves it: UTF-8 (with or
 * without a BOM) or GB 18030 (what Excel on a Chinese Windows writes), quoted
 * fields. Row numbers are the file's lines as a spreadsheet shows them.
 */
export function loadCsv(file: Buffer): Table {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    text = new TextDecoder('gb18030').decode(file);
  }
  const [header, ...records] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!header) throw E.empty_csv();
  return {
    headers: header.map((h) => clean(h).text),
    rows: records.map((r, i) => {
      const cells = r.map(clean);
      return { row: i + 2, cells: cells.map((c) => c.text), stripped: cells.map((c) => c.stripped) };
    }),
  };
}

/** Reads the first sheet; columns are found by their headers (a trailing *, a synonym or Traditional characters are fine). */
export async function readSheet(file: Buffer, columns: Column[]): Promise<SheetRow[]> {
  const table = await loadSheet(file);
  return mapTable(table, columns, suggestColumns(table.headers, columns)).rows;
}

function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

// Importing a ledger, the same way for every module: the server checks the
// sheet and reports every bad cell by row; then the user applies all rows
// (only when none is wrong) or only the valid ones. Re-importing the same
// sheet matches rows to what is on file by a natural key and changes nothing.

export const IMPORT_MODES = ['check', 'all', 'valid'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** The body fields of an import route. */
export const importFields = {
  file: z.base64({ error: '文件须为 base64 编码的 Excel 内容' }).min(1, '请选择文件').describe('Excel 文件'),
  mode: oneOf(IMPORT_MODES, '导入方式').default('check'),
};

export const ImportReport = z.object({
  total: z.number(),
  valid: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  applied: z.boolean(),
  errors: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReport>;
export type ImportError = ImportReport['errors'][number];

/** The errors of one row, each message prefixed with the row number as Excel shows it. */
export function rowErrors(errors: ImportError[], row: number) {
  const before = errors.length;
  return {
    fail: (field: string, message: string) => void errors.push({ row, field, message: `第 ${row} 行：${message}` }),
    failed: () => errors.length > before,
  };
}

/** The report before anything is written; `apply` false when the mode says not to write (check, or all with a bad row). */
export function importReport(mode: ImportMode, total: number, valid: number, errors: ImportError[]): { report: ImportReport; apply: boolean } {
  return { report: { total, valid, created: 0, updated: 0, unchanged: 0, applied: false, errors }, apply: mode === 'valid' || (mode === 'all' && !errors.length) };
}
