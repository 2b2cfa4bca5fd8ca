import ExcelJS from 'exceljs';
import { invalidField } from './errors.ts';
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
}

/** Cell text as people type it: full-width folded, spaces trimmed; dates as YYYY-MM-DD. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').normalize('NFKC').trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).normalize('NFKC').trim();
  }
  return String(v).normalize('NFKC').trim();
}

/** Which column holds which key; headers are matched by name (a trailing * or Traditional characters are fine). */
function headerColumns(headers: string[], columns: Column[]): Map<number, string> {
  const wanted = new Map(columns.map((c) => [normalizeQuery(c.header), c.key]));
  const at = new Map<number, string>();
  headers.forEach((h, col) => {
    const key = wanted.get(normalizeQuery(h.replace(/\*$/, '')));
    if (key) at.set(col, key);
  });
  const missing = columns.filter((c) => c.required && ![...at.values()].includes(c.key));
  if (missing.length) throw invalidField('file', `缺少必填列：${missing.map((c) => c.header).join('、')}（请使用导入模板）`);
  return at;
}

function pushRow(rows: SheetRow[], at: Map<number, string>, row: number, cell: (col: number) => string): void {
  const values: Record<string, string> = {};
  for (const [col, key] of at) values[key] = cell(col);
  if (Object.values(values).some((v) => v !== '')) rows.push({ row, values });
}

/** Reads the first sheet; headers are matched by name (a trailing * or Traditional characters are fine). */
export async function readSheet(file: Buffer, columns: Column[]): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw invalidField('file', '文件不是有效的 Excel（.xlsx）文件');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw invalidField('file', 'Excel 文件中没有工作表');
  const headers: string[] = [];
  ws.getRow(1).eachCell((cell, col) => {
    headers[col] = cellText(cell.value);
  });
  const at = headerColumns(Array.from(headers, (h) => h ?? ''), columns);
  const rows: SheetRow[] = [];
  ws.eachRow((r, n) => {
    if (n > 1) pushRow(rows, at, n, (col) => cellText(r.getCell(col).value));
  });
  return rows;
}

/**
 * Reads a CSV file the way a spreadsheet saves it: UTF-8 (with or without a
 * BOM) or GB 18030 (what Excel on a Chinese Windows writes), quoted fields,
 * the same header matching as readSheet. Row numbers are the file's lines as
 * a spreadsheet shows them.
 */
export function readCsv(file: Buffer, columns: Column[]): SheetRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    text = new TextDecoder('gb18030').decode(file);
  }
  const records = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = records[0];
  if (!header) throw invalidField('file', 'CSV 文件是空的');
  const at = headerColumns(header.map((h) => h.normalize('NFKC').trim()), columns);
  const rows: SheetRow[] = [];
  records.forEach((r, i) => {
    if (i > 0) pushRow(rows, at, i + 1, (col) => (r[col] ?? '').normalize('NFKC').trim());
  });
  return rows;
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
