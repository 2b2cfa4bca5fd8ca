import ExcelJS from 'exceljs';
import { invalidField } from './errors.ts';
import { normalizeQuery } from './text.ts';

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
  const wanted = new Map(columns.map((c) => [normalizeQuery(c.header), c.key]));
  const at = new Map<number, string>();
  ws.getRow(1).eachCell((cell, col) => {
    const key = wanted.get(normalizeQuery(cellText(cell.value).replace(/\*$/, '')));
    if (key) at.set(col, key);
  });
  const missing = columns.filter((c) => c.required && ![...at.values()].includes(c.key));
  if (missing.length) throw invalidField('file', `缺少必填列：${missing.map((c) => c.header).join('、')}（请使用导入模板）`);
  const rows: SheetRow[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const values: Record<string, string> = {};
    for (const [col, key] of at) values[key] = cellText(r.getCell(col).value);
    if (Object.values(values).some((v) => v !== '')) rows.push({ row: n, values });
  });
  return rows;
}
