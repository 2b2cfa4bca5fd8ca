import type { Queryable } from '../../kernel/db.ts';
import { importReport, readSheet, rowErrors, writeWorkbook, type Column, type ImportError, type ImportMode, type ImportReport } from '../../kernel/excel.ts';
import type { Scope } from '../../kernel/scope.ts';
import * as orgs from '../orgs/service.ts';
import { E } from './errors.ts';
import { placeVerdicts } from './policy.ts';
import { ensureAllowed } from '../../kernel/actions.ts';
import { FUND_ENTRY_KINDS, FUND_ENTRY_STATUSES, FUND_SOURCE_KINDS, FUND_SPENT_ON, type FundSourceKind } from './schema.ts';
import * as funds from './service.ts';

// The fund ledger (经费台账) as finance offices keep it: one row per entry,
// income and outlay in separate columns in yuan, with the running balance;
// budgets come in from the sheet the finance office sends each year.
// Text goes out as string cells (exceljs never turns a string into a
// formula), so a payee typed as "=HYPERLINK(…)" stays text.

const yuan = (fen: number) => Math.round(fen) / 100;

const LEDGER: Column[] = [
  { key: 'entryOn', header: '日期', width: 12 },
  { key: 'id', header: '凭证号', width: 8 },
  { key: 'source', header: '资金来源', width: 28 },
  { key: 'kind', header: '摘要类别', width: 10 },
  { key: 'summary', header: '摘要', width: 36 },
  { key: 'payee', header: '收款方', width: 20 },
  { key: 'income', header: '收入（元）', width: 14 },
  { key: 'outlay', header: '支出（元）', width: 14 },
  { key: 'balance', header: '余额（元）', width: 14 },
  { key: 'rule', header: '适用规则', width: 30 },
  { key: 'status', header: '状态', width: 10 },
  { key: 'invoice', header: '发票', width: 8 },
  { key: 'recorder', header: '经办人', width: 12 },
  { key: 'decider', header: '审批人', width: 12 },
];

/** The ledger of an organization for a year, oldest first, as a workbook. */
export async function exportLedger(q: Queryable, scope: Scope, orgId: number, year: number): Promise<{ name: string; body: Buffer }> {
  const org = await orgs.place(q, orgId);
  const { items } = await funds.ledger(q, scope, orgId, year);
  const budgets = (await funds.balances(q, scope, orgId, year)).rows.filter((r) => r.budgetFen > 0);
  let balance = 0;
  const rows: Record<string, unknown>[] = budgets.map((b) => {
    balance += b.budgetFen;
    return { entryOn: `${year}-01-01`, source: b.sourceName, kind: '年度预算', summary: `${year} 年度预算`, income: yuan(b.budgetFen), balance: yuan(balance) };
  });
  for (const e of [...items].reverse()) {
    const incoming = e.kind === 'allocation' && e.toOrgId === orgId;
    const counts = e.status !== 'rejected';
    const signed = incoming ? e.amountFen : -e.amountFen;
    if (counts) balance += signed;
    const summary = e.kind === 'allocation'
      ? (incoming ? `收到${e.orgName}下拨` : `下拨${e.toOrgName ?? ''}`)
      : `${e.paidForKind ? FUND_SPENT_ON.labels[e.paidForKind] : ''}${e.paidForLabel ? `：${e.paidForLabel}` : ''}`;
    rows.push({
      entryOn: e.entryOn,
      id: e.id,
      source: e.sourceName,
      kind: `${FUND_ENTRY_KINDS.labels[e.kind]}${e.reversesId ? `（冲销第 ${e.reversesId} 号）` : ''}`,
      summary: [summary, e.note].filter(Boolean).join('；'),
      payee: e.payee ?? '',
      income: signed > 0 ? yuan(signed) : null,
      outlay: signed < 0 ? yuan(-signed) : null,
      balance: yuan(balance),
      rule: e.rule ?? '',
      status: FUND_ENTRY_STATUSES.labels[e.status],
      invoice: e.hasInvoice ? '有' : '',
      recorder: e.recorderName,
      decider: e.deciderName ?? '',
    });
  }
  const body = await writeWorkbook([{ name: `${year}年经费台账`, columns: LEDGER, rows }]);
  return { name: `${org.name}${year}年经费台账.xlsx`, body };
}

const BUDGET: Column[] = [
  { key: 'source', header: '资金来源', width: 30, required: true, synonyms: ['来源名称'] },
  { key: 'kind', header: '来源类型', width: 14, required: true, note: `可填：${Object.values(FUND_SOURCE_KINDS.labels).join('、')}` },
  { key: 'year', header: '年度', width: 8, required: true },
  { key: 'amount', header: '预算金额（元）', width: 16, required: true, synonyms: ['预算金额', '金额'] },
];

export const budgetTemplate = () => writeWorkbook([{ name: '经费预算', columns: BUDGET, rows: [] }]);

const kindByLabel = new Map(Object.entries(FUND_SOURCE_KINDS.labels).map(([k, l]) => [(l as string).normalize('NFKC'), k as FundSourceKind]));

/** Yuan with at most two decimals to integer fen, read as text so no float ever rounds it. */
export function fenOf(text: string): number | null {
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(text.replace(/[,，\s]/g, ''));
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}

/**
 * Budgets per source and year for the organization: a source is found by
 * name (created with its kind when new), the budget set; the same sheet
 * again changes nothing.
 */
export async function importBudgets(q: Queryable, scope: Scope, orgId: number, file: Buffer, mode: ImportMode): Promise<ImportReport> {
  const place = await orgs.place(q, orgId);
  ensureAllowed(placeVerdicts(scope, place.path), 'manage');
  const rows = await readSheet(file, BUDGET);
  const errors: ImportError[] = [];
  const valid: { row: number; source: string; kind: FundSourceKind; year: number; amountFen: number }[] = [];
  for (const r of rows) {
    const { fail, failed } = rowErrors(errors, r.row);
    const kind = kindByLabel.get(r.values.kind?.normalize('NFKC') ?? '') ?? (FUND_SOURCE_KINDS.values.includes(r.values.kind as FundSourceKind) ? (r.values.kind as FundSourceKind) : undefined);
    if (!kind) fail('kind', E.import_source_kind({ kinds: Object.values(FUND_SOURCE_KINDS.labels).join('、') }).message);
    const year = Number(r.values.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) fail('year', E.import_year().message);
    const amountFen = fenOf(r.values.amount ?? '');
    if (amountFen === null) fail('amount', E.import_amount().message);
    if (!r.values.source) fail('source', E.import_source().message);
    if (!failed()) valid.push({ row: r.row, source: r.values.source!, kind: kind!, year, amountFen: amountFen! });
  }
  const { report, apply } = importReport(mode, rows.length, valid.length, errors);
  if (!apply) return report;
  const existing = new Map((await q.query<{ id: number; name: string }>(`SELECT id, name FROM fund_sources WHERE org_id = $1`, [orgId])).map((s) => [s.name, s.id]));
  const before = new Map((await q.query<{ key: string; amount: number }>(
    `SELECT source_id || ':' || year AS key, amount_fen AS amount FROM fund_budgets WHERE org_id = $1`, [orgId],
  )).map((b) => [b.key, b.amount]));
  const fresh = [...new Map(valid.filter((v) => !existing.has(v.source)).map((v) => [v.source, v])).values()];
  if (fresh.length) {
    const made = await q.query<{ id: number; name: string }>(
      `INSERT INTO fund_sources (org_id, kind, name) SELECT $1, k, n FROM unnest($2::text[], $3::text[]) AS x(k, n) RETURNING id, name`,
      [orgId, fresh.map((v) => v.kind), fresh.map((v) => v.source)],
    );
    for (const m of made) existing.set(m.name, m.id);
  }
  const budgets = valid.map((v) => ({ sourceId: existing.get(v.source)!, orgId, year: v.year, amountFen: v.amountFen }));
  await funds.upsertBudgets(q, budgets);
  for (const b of budgets) {
    const was = before.get(`${b.sourceId}:${b.year}`);
    if (was === undefined) report.created++;
    else if (was === b.amountFen) report.unchanged++;
    else report.updated++;
  }
  report.applied = true;
  return report;
}
