import { allowed, ensureAllowed } from '../../kernel/actions.ts';
import type { Queryable } from '../../kernel/db.ts';
import { PDF_AND_IMAGES, parseDataUrlFile } from '../../kernel/files.ts';
import type { FundTarget, StatFigure } from '../../kernel/manifest.ts';
import { conditions } from '../../kernel/sql.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import type { Scope } from '../../kernel/scope.ts';
import { normalizeQuery, searchKeys } from '../../kernel/text.ts';
import { regionToday } from '../../kernel/time.ts';
import * as orgs from '../orgs/service.ts';
import { ORG_KIND_GROUPS } from '../orgs/schema.ts';
import { E, ENTRY, RULE, SOURCE } from './errors.ts';
import { entryVerdicts, placeVerdicts, ruleVerdicts } from './policy.ts';
import {
  FUND_ENTRY_ACTIONS, FUND_PLACE_ACTIONS, FUND_RULE_ACTIONS, FUND_SOURCE_KINDS, FUND_SPENT_ON, type FundRuleAction, type Balances, type CreateRule, type FundEntry, type FundEntryAction, type FundEntryKind,
  type FundEntryStatus, type FundLevel, type FundPlaceAction, type FundRule, type FundSource, type FundSourceKind, type FundSpentOn, type InKind,
  type Spend, type OwnersFundNotice,
} from './schema.ts';

// Funds: sources and budgets where the money is held, allocations down the
// tree, expenses on what they paid for, checked against the fund-use
// guideline. The ledger (fund_entries) is append-only in the database; every
// figure here is summed from it.

/** An organization's ancestors and itself, top first: its path is a chain of ids. */
const chain = (path: string) => path.split('.').map(Number);
const within = (path: string, above: string) => path === above || path.startsWith(`${above}.`);

/** Names of organizations, also those above the caller (whose rows the caller reads under gj_held_above). */
async function orgNames(q: Queryable, ids: number[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids)];
  const seen = await q.query<{ id: number; name: string }>(`SELECT id, name FROM org_labels WHERE id = ANY ($1::bigint[])`, [wanted]);
  const names = new Map(seen.map((r) => [r.id, r.name]));
  const above = wanted.filter((id) => !names.has(id));
  if (above.length) {
    for (const r of await q.query<{ id: number; name: string }>(`SELECT id, name FROM gj_org_directory() WHERE id = ANY ($1::bigint[])`, [above])) names.set(r.id, r.name);
  }
  return names;
}

async function placeOf(q: Queryable, orgId: number) {
  return orgs.place(q, orgId);
}

export async function placeActions(q: Queryable, scope: Scope, orgId: number): Promise<FundPlaceAction[]> {
  return allowed(FUND_PLACE_ACTIONS, placeVerdicts(scope, await orgs.pathIfSeen(q, orgId)));
}

async function ensurePlace(q: Queryable, scope: Scope, orgId: number, action: FundPlaceAction) {
  const place = await placeOf(q, orgId);
  ensureAllowed(placeVerdicts(scope, place.path), action);
  return place;
}

// ---- Sources and budgets -------------------------------------------------

interface SourceRow {
  id: number;
  orgId: number;
  kind: FundSourceKind;
  name: string;
  unitId: number | null;
  unitName: string | null;
  budgetFen: number | null;
}

/** The sources whose money can reach an organization: held there or above, with the year's budget. */
export async function sources(q: Queryable, orgId: number, year: number): Promise<FundSource[]> {
  const place = await placeOf(q, orgId);
  const rows = await q.query<SourceRow>(
    `SELECT s.id, s.org_id AS "orgId", s.kind, s.name, s.unit_id AS "unitId", u.name AS "unitName", b.amount_fen AS "budgetFen"
       FROM fund_sources s
       LEFT JOIN unit_labels u ON u.id = s.unit_id
       LEFT JOIN fund_budgets b ON b.source_id = s.id AND b.year = $2
      WHERE s.org_id = ANY ($1::bigint[])
      ORDER BY s.org_id, s.id`,
    [chain(place.path), year],
  );
  const names = await orgNames(q, rows.map((r) => r.orgId));
  return rows.map((r) => ({ ...r, orgName: names.get(r.orgId) ?? '' }));
}

async function source(q: Queryable, id: number): Promise<{ id: number; orgId: number; kind: FundSourceKind; name: string }> {
  const [s] = await q.query<{ id: number; orgId: number; kind: FundSourceKind; name: string }>(
    `SELECT id, org_id AS "orgId", kind, name FROM fund_sources WHERE id = $1`,
    [id],
  );
  if (!s) throw notFound(SOURCE);
  return s;
}

export async function createSource(q: Queryable, scope: Scope, input: { orgId: number; kind: FundSourceKind; name: string; unitId?: number }): Promise<FundSource> {
  await ensurePlace(q, scope, input.orgId, 'manage');
  if ((input.kind === 'sponsorship' || input.kind === 'department') && !input.unitId) throw E.unit_required();
  if (input.kind === 'owners' && !input.unitId) throw E.owners_committee_required();
  if (input.unitId) await orgs.getUnit(q, input.unitId);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO fund_sources (org_id, kind, name, unit_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [input.orgId, input.kind, input.name, input.unitId ?? null],
  );
  return (await sources(q, input.orgId, Number(regionToday().slice(0, 4)))).find((s) => s.id === row!.id)!;
}

/** Sets a source's budget for a year where it is held (a plan: it may change; the entries never do). */
export async function setBudget(q: Queryable, scope: Scope, sourceId: number, year: number, amountFen: number): Promise<FundSource> {
  const s = await source(q, sourceId);
  await ensurePlace(q, scope, s.orgId, 'manage');
  await upsertBudgets(q, [{ sourceId, orgId: s.orgId, year, amountFen }]);
  return (await sources(q, s.orgId, year)).find((x) => x.id === sourceId)!;
}

/** One statement for a batch of budgets (the import, the demo). */
export async function upsertBudgets(q: Queryable, rows: { sourceId: number; orgId: number; year: number; amountFen: number }[]): Promise<void> {
  if (!rows.length) return;
  await q.query(
    `INSERT INTO fund_budgets (source_id, org_id, year, amount_fen)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::bigint[])
     ON CONFLICT (region_id, source_id, year) DO UPDATE SET amount_fen = EXCLUDED.amount_fen, updated_at = now()
       WHERE fund_budgets.amount_fen IS DISTINCT FROM EXCLUDED.amount_fen`,
    [rows.map((r) => r.sourceId), rows.map((r) => r.orgId), rows.map((r) => r.year), rows.map((r) => r.amountFen)],
  );
}

// ---- The guideline -----------------------------------------------------

interface RuleRow {
  id: number;
  orgId: number;
  ruleKey: string;
  version: number;
  title: string;
  sourceKind: FundSourceKind | null;
  spentOn: FundSpentOn | null;
  level: FundLevel | null;
  effect: FundRule['effect'];
  thresholdFen: number | null;
  retired: boolean;
  createdAt: string;
}
const RULE_COLUMNS = `id, org_id AS "orgId", rule_key AS "ruleKey", version, title, source_kind AS "sourceKind", spent_on AS "spentOn", level, effect,
  threshold_fen AS "thresholdFen", retired_at IS NOT NULL AS retired, to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SSOF') AS "createdAt"`;

/** The rules in force at an organization: set there or above. */
async function rulesAt(q: Queryable, path: string): Promise<RuleRow[]> {
  // In the order the articles were first set: 第二条 before 第十条, whatever its version.
  return q.query<RuleRow>(
    `SELECT ${RULE_COLUMNS} FROM fund_rules r WHERE org_id = ANY ($1::bigint[]) AND retired_at IS NULL
      ORDER BY org_id, (SELECT min(f.id) FROM fund_rules f WHERE f.org_id = r.org_id AND f.rule_key = r.rule_key)`,
    [chain(path)],
  );
}

/** Rules with their holders' names and what the caller may do to each; the holders' paths are read once. */
async function withRuleActions(q: Queryable, scope: Scope, rows: RuleRow[]): Promise<FundRule[]> {
  const names = await orgNames(q, rows.map((r) => r.orgId));
  const paths = new Map<number, string | null>();
  for (const id of new Set(rows.map((r) => r.orgId))) paths.set(id, await orgs.pathIfSeen(q, id));
  return rows.map((r) => ({
    ...r,
    orgName: names.get(r.orgId) ?? '',
    actions: allowed(FUND_RULE_ACTIONS, ruleVerdicts(scope, { orgPath: paths.get(r.orgId) ?? null, retired: r.retired })),
  }));
}

export async function rules(q: Queryable, scope: Scope, orgId: number): Promise<{ items: FundRule[]; actions: FundPlaceAction[] }> {
  const place = await placeOf(q, orgId);
  return {
    items: await withRuleActions(q, scope, await rulesAt(q, place.path)),
    actions: allowed(FUND_PLACE_ACTIONS, placeVerdicts(scope, place.path)),
  };
}

/** Every version of a rule, newest first: what each expense was checked against stays readable. */
export async function ruleVersions(q: Queryable, scope: Scope, id: number): Promise<{ items: FundRule[] }> {
  const r = await ruleRow(q, id);
  const rows = await q.query<RuleRow>(
    `SELECT ${RULE_COLUMNS} FROM fund_rules WHERE org_id = $1 AND rule_key = $2 ORDER BY version DESC, id DESC`,
    [r.orgId, r.ruleKey],
  );
  return { items: await withRuleActions(q, scope, rows) };
}

const ruleName = (r: Pick<RuleRow, 'ruleKey' | 'title' | 'version'>) => `${r.ruleKey} ${r.title}（第 ${r.version} 版）`;

export async function createRule(q: Queryable, scope: Scope, input: CreateRule): Promise<FundRule> {
  await ensurePlace(q, scope, input.orgId, 'manage');
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO fund_rules (org_id, rule_key, version, title, source_kind, spent_on, level, effect, threshold_fen, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [input.orgId, input.ruleKey, 1, input.title, input.sourceKind ?? null, input.spentOn ?? null, input.level ?? null, input.effect, input.thresholdFen ?? null, scope.userId],
  );
  return rule(q, scope, row!.id);
}

async function ruleRow(q: Queryable, id: number): Promise<RuleRow> {
  const [r] = await q.query<RuleRow>(`SELECT ${RULE_COLUMNS} FROM fund_rules WHERE id = $1`, [id]);
  if (!r) throw notFound(RULE);
  return r;
}

async function rule(q: Queryable, scope: Scope, id: number): Promise<FundRule> {
  return (await withRuleActions(q, scope, [await ruleRow(q, id)]))[0]!;
}

async function allowedRule(q: Queryable, scope: Scope, id: number, action: FundRuleAction): Promise<RuleRow> {
  const r = await ruleRow(q, id);
  ensureAllowed(ruleVerdicts(scope, { orgPath: await orgs.pathIfSeen(q, r.orgId), retired: r.retired }), action);
  return r;
}

/** Editing a rule adds its next version and retires this one: expenses keep the version they were checked against. */
export async function updateRule(q: Queryable, scope: Scope, id: number, patch: Partial<Omit<CreateRule, 'orgId' | 'ruleKey'>>): Promise<FundRule> {
  const r = await allowedRule(q, scope, id, 'edit');
  await q.query(`UPDATE fund_rules SET retired_at = now() WHERE id = $1`, [id]);
  const next = { ...r, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO fund_rules (org_id, rule_key, version, title, source_kind, spent_on, level, effect, threshold_fen, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [r.orgId, r.ruleKey, r.version + 1, next.title, next.sourceKind ?? null, next.spentOn ?? null, next.level ?? null, next.effect, next.effect === 'approval' ? next.thresholdFen ?? null : null, scope.userId],
  );
  return rule(q, scope, row!.id);
}

export async function retireRule(q: Queryable, scope: Scope, id: number): Promise<FundRule> {
  await allowedRule(q, scope, id, 'retire');
  await q.query(`UPDATE fund_rules SET retired_at = now() WHERE id = $1`, [id]);
  return rule(q, scope, id);
}

const levelOf = (kind: string): FundLevel | null =>
  kind === 'district_committee' ? 'city' : ORG_KIND_GROUPS.street.includes(kind as never) ? 'street' : ORG_KIND_GROUPS.community.includes(kind as never) ? 'community' : null;

/**
 * The rule an expense falls under: a rule that forbids it refuses it, named;
 * else an approval rule it is over makes it wait for approval; else the most
 * specific rule that covers it. No rule at all: refused, the guideline must
 * say.
 */
export function applicableRule(all: RuleRow[], e: { sourceKind: FundSourceKind; spentOn: FundSpentOn; level: FundLevel | null; amountFen: number }): { rule: RuleRow; needsApproval: boolean } {
  const matching = all.filter(
    (r) => (r.sourceKind ?? e.sourceKind) === e.sourceKind && (r.spentOn ?? e.spentOn) === e.spentOn && (r.level === null || r.level === e.level),
  );
  const specificity = (r: RuleRow) => Number(r.sourceKind !== null) + Number(r.spentOn !== null) + Number(r.level !== null);
  matching.sort((a, b) => specificity(b) - specificity(a));
  const forbidding = matching.find((r) => r.effect === 'forbid');
  if (forbidding) throw E.rule_forbids({ rule: ruleName(forbidding) });
  const over = matching.find((r) => r.effect === 'approval' && e.amountFen > (r.thresholdFen ?? 0));
  if (over) return { rule: over, needsApproval: true };
  const covering = matching[0];
  if (!covering) throw E.no_rule();
  return { rule: covering, needsApproval: false };
}

// ---- The ledger ----------------------------------------------------------

interface EntryRow extends Omit<FundEntry, 'orgName' | 'toOrgName' | 'actions'> {
  recordedBy: number;
  approvingUnitId: number | null;
  orgPath: string | null;
}

const ENTRY_SELECT = `
  SELECT e.id, e.org_id AS "orgId", e.source_id AS "sourceId", s.name AS "sourceName", s.kind AS "sourceKind", e.year, e.kind, e.status,
         e.amount_fen AS "amountFen", to_char(e.entry_on, 'YYYY-MM-DD') AS "entryOn", e.to_org_id AS "toOrgId",
         e.paid_for_kind AS "paidForKind", e.paid_for_id AS "paidForId", e.paid_for_label AS "paidForLabel", e.payee, e.note,
         CASE WHEN r.id IS NULL THEN NULL ELSE r.rule_key || ' ' || r.title || '（第 ' || r.version || ' 版）' END AS rule,
         e.reverses_id AS "reversesId", (SELECT x.id FROM fund_entries x WHERE x.reverses_id = e.id) AS "reversedBy",
         EXISTS (SELECT 1 FROM fund_invoices i WHERE i.entry_id = e.id) AS "hasInvoice",
         e.recorder_name AS "recorderName", e.decider_name AS "deciderName", e.recorded_by AS "recordedBy", o.path::text AS "orgPath",
         e.approving_unit_id AS "approvingUnitId", cu.name AS "ownersCommittee"
    FROM fund_entries e
    JOIN fund_sources s ON s.id = e.source_id
    LEFT JOIN fund_rules r ON r.id = e.rule_id
    LEFT JOIN unit_labels cu ON cu.id = e.approving_unit_id
    LEFT JOIN org_labels o ON o.id = e.org_id`;

async function withActions(q: Queryable, scope: Scope, rows: EntryRow[]): Promise<FundEntry[]> {
  const names = await orgNames(q, rows.flatMap((r) => (r.toOrgId ? [r.orgId, r.toOrgId] : [r.orgId])));
  return rows.map(({ recordedBy, orgPath, approvingUnitId, ...r }) => ({
    ...r,
    orgName: names.get(r.orgId) ?? '',
    toOrgName: r.toOrgId ? (names.get(r.toOrgId) ?? '') : null,
    actions: allowed(FUND_ENTRY_ACTIONS, entryVerdicts(scope, { orgPath, approvingUnitId, status: r.status, recordedBy, reversesId: r.reversesId, reversedBy: r.reversedBy })),
  }));
}

async function entryRow(q: Queryable, id: number): Promise<EntryRow> {
  const [r] = await q.query<EntryRow>(`${ENTRY_SELECT} WHERE e.id = $1`, [id]);
  if (!r) throw notFound(ENTRY);
  return r;
}

export async function entry(q: Queryable, scope: Scope, id: number): Promise<FundEntry> {
  return (await withActions(q, scope, [await entryRow(q, id)]))[0]!;
}

/** The ledger of an organization for a year: what it gave, received and spent, newest first. */
export async function ledger(q: Queryable, scope: Scope, orgId: number, year: number): Promise<{ items: FundEntry[]; actions: FundPlaceAction[] }> {
  const place = await placeOf(q, orgId);
  const rows = await q.query<EntryRow>(`${ENTRY_SELECT} WHERE (e.org_id = $1 OR e.to_org_id = $1) AND e.year = $2 ORDER BY e.entry_on DESC, e.id DESC`, [orgId, year]);
  return { items: await withActions(q, scope, rows), actions: allowed(FUND_PLACE_ACTIONS, placeVerdicts(scope, place.path)) };
}

async function insertEntry(q: Queryable, scope: Scope, e: {
  orgId: number; sourceId: number; year: number; kind: FundEntryKind; status: FundEntryStatus; amountFen: number; entryOn: string;
  toOrgId?: number | null; paidForKind?: FundSpentOn | null; paidForId?: number | null; paidForLabel?: string | null; payee?: string | null;
  note?: string | null; ruleId?: number | null; reversesId?: number | null;
}): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO fund_entries (org_id, source_id, year, kind, status, amount_fen, entry_on, to_org_id, paid_for_kind, paid_for_id, paid_for_label,
                               payee, note, rule_id, reverses_id, recorded_by, recorder_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
    [e.orgId, e.sourceId, e.year, e.kind, e.status, e.amountFen, e.entryOn, e.toOrgId ?? null, e.paidForKind ?? null, e.paidForId ?? null,
      e.paidForLabel ?? null, e.payee ?? null, e.note ?? null, e.ruleId ?? null, e.reversesId ?? null, scope.userId, scope.userName ?? ''],
  );
  return row!.id;
}

const yearOf = (day: string) => Number(day.slice(0, 4));

export async function allocate(q: Queryable, scope: Scope, input: { sourceId: number; fromOrgId: number; toOrgId: number; amountFen: number; entryOn: string; note?: string | null }): Promise<FundEntry> {
  await ensurePlace(q, scope, input.fromOrgId, 'allocate');
  await source(q, input.sourceId);
  const id = await insertEntry(q, scope, {
    orgId: input.fromOrgId, sourceId: input.sourceId, year: yearOf(input.entryOn), kind: 'allocation', status: 'posted',
    amountFen: input.amountFen, entryOn: input.entryOn, toOrgId: input.toOrgId, note: input.note,
  });
  return entry(q, scope, id);
}

function targetOf(targets: readonly FundTarget[], kind: FundSpentOn): FundTarget | undefined {
  return targets.find((t) => t.kind === kind);
}

/** What an expense paid for, named as its module names it, if it lies on the spending organization's branch of the tree. */
async function paidFor(q: Queryable, scope: Scope, targets: readonly FundTarget[], orgPath: string, kind: FundSpentOn, id: number | undefined): Promise<{ id: number | null; label: string | null }> {
  const target = targetOf(targets, kind);
  if (!target) return { id: null, label: null };
  const what = FUND_SPENT_ON.term(kind);
  if (!id) throw E.paid_for_id({ what });
  let found: { label: string; orgIds: number[] };
  try {
    found = await target.find(q, scope, id);
  } catch (err) {
    // One not seen is refused like one of another community: nothing is told of it.
    if (err instanceof AppError) throw E.other_community({ what });
    throw err;
  }
  const paths = await orgs.pathsOf(q, found.orgIds);
  if (![...paths.values()].some((path) => path && (within(path, orgPath) || within(orgPath, path)))) throw E.other_community({ what });
  return { id, label: found.label };
}

/** How many records the expense form's picker offers at once. */
const TARGETS_SHOWN = 20;

/**
 * The records under the spending organization that an expense may name,
 * found by name as people type it: characters (Traditional too), full pinyin
 * or its initials ("gmsq"). Each module lists what the caller may see; the
 * match is made here, on names only.
 */
export async function targets(q: Queryable, scope: Scope, all: readonly FundTarget[], orgId: number, kind: FundSpentOn, text: string | undefined): Promise<{ items: { id: number; label: string; orgName: string }[] }> {
  await placeOf(q, orgId);
  const target = targetOf(all, kind);
  const found = target ? await target.candidates(q, scope, orgId) : [];
  const needle = text ? normalizeQuery(text).replace(/\s+/g, '') : '';
  const matches = (label: string) => {
    if (!needle) return true;
    const keys = searchKeys(label);
    return [normalizeQuery(label), keys.folded ?? '', keys.pinyin, keys.initials].some((k) => k.replace(/\s+/g, '').includes(needle));
  };
  const shown = found.filter((f) => matches(f.label)).slice(0, TARGETS_SHOWN);
  const names = await orgNames(q, shown.map((f) => f.orgId));
  return { items: shown.map((f) => ({ id: f.id, label: f.label, orgName: names.get(f.orgId) ?? '' })) };
}
export const MAX_INVOICE_BYTES = 5 * 1024 * 1024;

/** A data URL to bytes, refusing anything that is not really a PDF or an image, or is too large. */
const parseInvoice = (dataUrl: string) =>
  parseDataUrlFile(dataUrl, { types: PDF_AND_IMAGES, maxBytes: MAX_INVOICE_BYTES, badFormat: () => E.invoice_format(), tooLarge: () => E.invoice_too_large() });

export async function spend(q: Queryable, scope: Scope, targets: readonly FundTarget[], input: Spend): Promise<FundEntry> {
  const place = await ensurePlace(q, scope, input.orgId, 'spend');
  const s = await source(q, input.sourceId);
  const target = await paidFor(q, scope, targets, place.path, input.paidForKind, input.paidForId);
  const invoice = input.invoice ? parseInvoice(input.invoice.dataUrl) : null;
  const { rule: r, needsApproval } = applicableRule(await rulesAt(q, place.path), {
    sourceKind: s.kind, spentOn: input.paidForKind, level: levelOf(place.kind), amountFen: input.amountFen,
  });
  const id = await insertEntry(q, scope, {
    // An owners' fund's every expense waits for its committee (the database holds it too).
    orgId: input.orgId, sourceId: s.id, year: yearOf(input.entryOn), kind: 'expense', status: needsApproval || s.kind === 'owners' ? 'pending' : 'posted',
    amountFen: input.amountFen, entryOn: input.entryOn, paidForKind: input.paidForKind, paidForId: target.id,
    paidForLabel: target.label ?? input.paidForLabel ?? null, payee: input.payee, note: input.note, ruleId: r.id,
  });
  if (invoice) {
    await q.query(`INSERT INTO fund_invoices (org_id, entry_id, name, mime, content) VALUES ($1, $2, $3, $4, $5)`, [input.orgId, id, input.invoice!.name, invoice.mime, invoice.content]);
  }
  return entry(q, scope, id);
}

async function allowedEntry(q: Queryable, scope: Scope, id: number, action: FundEntryAction): Promise<EntryRow> {
  const r = await entryRow(q, id);
  ensureAllowed(entryVerdicts(scope, { orgPath: r.orgPath, approvingUnitId: r.approvingUnitId, status: r.status, recordedBy: r.recordedBy, reversesId: r.reversesId, reversedBy: r.reversedBy }), action);
  return r;
}

export async function decide(q: Queryable, scope: Scope, id: number, step: 'approve' | 'reject'): Promise<FundEntry> {
  const r = await allowedEntry(q, scope, id, step);
  const status = step === 'approve' ? 'posted' : 'rejected';
  // The owners' committee's liaison holds no write on the ledger: its one decision goes through the database's function.
  if (r.approvingUnitId !== null) await q.query(`SELECT gj_fund_owners_decide($1, $2, $3)`, [id, status, scope.userName ?? '']);
  else await q.query(`UPDATE fund_entries SET status = $2, decided_by = $3, decider_name = $4, decided_at = now() WHERE id = $1`, [id, status, scope.userId, scope.userName ?? '']);
  return entry(q, scope, id);
}

// ---- Owners' funds (三位一体) ----------------------------------------------

interface NoticeRow {
  source_id: number; source_name: string; org_id: number; committee: string | null; budget_fen: number | null;
  entry_id: number | null; entry_on: string | null; amount_fen: number | null; payee: string | null; paid_for_kind: FundSpentOn | null;
  paid_for_label: string | null; note: string | null; reverses_id: number | null; decider_name: string | null;
}

/**
 * The owners' funds held at an organization or under it: the public notice
 * of what each paid for in a year (posted expenses, approved by the owners'
 * committee), which the estate's residents read; and the expenses awaiting
 * a committee that the caller sees, with what they may do to each.
 */
export async function ownersFunds(q: Queryable, scope: Scope, orgId: number, year: number) {
  const rows = await q.query<NoticeRow>(
    `SELECT source_id, source_name, org_id, committee, budget_fen, entry_id, to_char(entry_on, 'YYYY-MM-DD') AS entry_on, amount_fen, payee,
            paid_for_kind, paid_for_label, note, reverses_id, decider_name
       FROM gj_owners_fund_notice($1, $2)`,
    [orgId, year],
  );
  const names = await orgNames(q, rows.map((r) => r.org_id));
  const notices = new Map<number, OwnersFundNotice>();
  for (const r of rows) {
    const n = notices.get(r.source_id) ?? {
      sourceId: r.source_id, sourceName: r.source_name, orgName: names.get(r.org_id) ?? '', committee: r.committee ?? '', budgetFen: r.budget_fen, spentFen: 0, expenses: [],
    };
    notices.set(r.source_id, n);
    if (r.entry_id === null) continue;
    n.spentFen += r.amount_fen!;
    n.expenses.push({
      id: r.entry_id, entryOn: r.entry_on!, amountFen: r.amount_fen!, payee: r.payee ?? '', paidForKind: r.paid_for_kind!, paidForLabel: r.paid_for_label,
      note: r.note, reversesId: r.reverses_id, approvedBy: r.decider_name,
    });
  }
  const pending = await q.query<EntryRow>(
    `${ENTRY_SELECT} WHERE e.approving_unit_id IS NOT NULL AND e.status = 'pending' AND e.year = $1 ORDER BY e.entry_on DESC, e.id DESC LIMIT 200`,
    [year],
  );
  return { notices: [...notices.values()], pending: await withActions(q, scope, pending) };
}

/** A correction: the entry stays, a reversing entry with the negated amount joins it. */
export async function reverse(q: Queryable, scope: Scope, id: number, note: string | null | undefined): Promise<FundEntry> {
  const r = await allowedEntry(q, scope, id, 'reverse');
  const reversal = await insertEntry(q, scope, {
    orgId: r.orgId, sourceId: r.sourceId, year: r.year, kind: r.kind, status: 'posted', amountFen: -r.amountFen, entryOn: regionToday(),
    toOrgId: r.toOrgId, paidForKind: r.paidForKind, paidForId: r.paidForId, paidForLabel: r.paidForLabel, payee: r.payee,
    note: note ?? `冲销第 ${r.id} 号记录`, reversesId: r.id,
  });
  return entry(q, scope, reversal);
}

export async function invoice(q: Queryable, entryId: number): Promise<{ name: string; mime: string; content: Buffer }> {
  const [i] = await q.query<{ name: string; mime: string; content: Uint8Array }>(`SELECT name, mime, content FROM fund_invoices WHERE entry_id = $1`, [entryId]);
  if (!i) throw E.no_invoice();
  return { name: i.name, mime: i.mime, content: Buffer.from(i.content) };
}

// ---- Balances ------------------------------------------------------------

const IN_KIND_SELECT = `
  SELECT k.id, o.name AS "orgName", u.name AS "unitName", k.description, k.quantity, k.quantity_unit AS "quantityUnit",
         k.paid_for_kind AS "paidForKind", k.paid_for_label AS "paidForLabel", to_char(k.given_on, 'YYYY-MM-DD') AS "givenOn"
    FROM fund_in_kind k
    LEFT JOIN org_labels o ON o.id = k.org_id
    LEFT JOIN unit_labels u ON u.id = k.unit_id`;

const inKindRows = async (q: Queryable, where: string, params: unknown[]) =>
  (await q.query<InKind & { orgName: string | null }>(`${IN_KIND_SELECT} WHERE ${where} ORDER BY k.given_on DESC, k.id DESC`, params)).map((r) => ({ ...r, orgName: r.orgName ?? '' }));

/**
 * Per source at an organization for a year: budget, received, allocated,
 * spent, pending and left, and spent by month; in-kind contributions beside
 * it, each in its own unit.
 */
export async function balances(q: Queryable, scope: Scope, orgId: number, year: number): Promise<Balances> {
  const place = await placeOf(q, orgId);
  const rows = await q.query<Omit<Balances['rows'][number], 'sourceName' | 'sourceKind' | 'leftFen'> & { months: Record<string, number> | null }>(
    `WITH moves AS (
       SELECT source_id, 0::bigint AS budget, 0::bigint AS received, CASE WHEN kind = 'allocation' AND status = 'posted' THEN amount_fen ELSE 0 END AS allocated,
              CASE WHEN kind = 'expense' AND status = 'posted' THEN amount_fen ELSE 0 END AS spent,
              CASE WHEN status = 'pending' THEN amount_fen ELSE 0 END AS pending,
              CASE WHEN kind = 'expense' AND status = 'posted' THEN extract(month FROM entry_on)::int END AS month
         FROM fund_entries WHERE org_id = $1 AND year = $2
       UNION ALL
       SELECT source_id, 0, amount_fen, 0, 0, 0, NULL FROM fund_entries WHERE to_org_id = $1 AND year = $2 AND status = 'posted'
       UNION ALL
       SELECT source_id, amount_fen, 0, 0, 0, 0, NULL FROM fund_budgets WHERE org_id = $1 AND year = $2
     ), by_month AS (
       SELECT source_id, month, sum(spent) AS spent FROM moves WHERE month IS NOT NULL GROUP BY source_id, month
     )
     SELECT m.source_id AS "sourceId", sum(m.budget) AS "budgetFen", sum(m.received) AS "receivedFen", sum(m.allocated) AS "allocatedFen",
            sum(m.spent) AS "spentFen", sum(m.pending) AS "pendingFen",
            (SELECT jsonb_object_agg(b.month, b.spent) FROM by_month b WHERE b.source_id = m.source_id) AS months
       FROM moves m GROUP BY m.source_id ORDER BY m.source_id`,
    [orgId, year],
  );
  const named = new Map((await q.query<{ id: number; name: string; kind: FundSourceKind }>(`SELECT id, name, kind FROM fund_sources WHERE id = ANY ($1::bigint[])`, [rows.map((r) => r.sourceId)])).map((s) => [s.id, s]));
  return {
    orgId,
    year,
    rows: rows.map(({ months, ...r }) => ({
      ...r,
      sourceName: named.get(r.sourceId)?.name ?? '',
      sourceKind: named.get(r.sourceId)?.kind ?? 'city_budget',
      leftFen: r.budgetFen + r.receivedFen - r.allocatedFen - r.spentFen - r.pendingFen,
      spentByMonthFen: Array.from({ length: 12 }, (_, i) => Number(months?.[String(i + 1)] ?? 0)),
    })),
    inKind: await inKindRows(q, `k.org_id = $1 AND extract(year FROM k.given_on) = $2`, [orgId, year]),
    actions: allowed(FUND_PLACE_ACTIONS, placeVerdicts(scope, place.path)),
  };
}

/** What a project, activity or need cost, from which sources, and what was given in kind. */
export async function costOf(q: Queryable, kind: FundSpentOn, id: number) {
  const bySource = await q.query<{ sourceId: number; sourceName: string; sourceKind: FundSourceKind; amountFen: number }>(
    `SELECT s.id AS "sourceId", s.name AS "sourceName", s.kind AS "sourceKind", sum(e.amount_fen) AS "amountFen"
       FROM fund_entries e JOIN fund_sources s ON s.id = e.source_id
      WHERE e.paid_for_kind = $1 AND e.paid_for_id = $2 AND e.kind = 'expense' AND e.status = 'posted'
      GROUP BY s.id, s.name, s.kind HAVING sum(e.amount_fen) <> 0 ORDER BY s.id`,
    [kind, id],
  );
  return {
    costFen: bySource.reduce((n, s) => n + s.amountFen, 0),
    bySource,
    inKind: await inKindRows(q, `k.paid_for_kind = $1 AND k.paid_for_id = $2`, [kind, id]),
  };
}

/** What each of some records cost, posted expenses the caller sees only (a pushed task's money spent by its communities). */
/** What the caller's ledgers spent on some records, by record and spending organization (posted expenses only). */
export async function spentBy(q: Queryable, kind: FundSpentOn, ids: number[]): Promise<{ id: number; orgId: number; fen: number }[]> {
  if (!ids.length) return [];
  return q.query<{ id: number; orgId: number; fen: number }>(
    `SELECT paid_for_id AS id, org_id AS "orgId", sum(amount_fen)::float8 AS fen FROM fund_entries
      WHERE paid_for_kind = $1 AND paid_for_id = ANY ($2::bigint[]) AND kind = 'expense' AND status = 'posted' GROUP BY paid_for_id, org_id`,
    [kind, ids],
  );
}

/** What some records cost together (a visit campaign's money spent on what it solved). */
export async function spentOn(q: Queryable, kind: FundSpentOn, ids: number[]): Promise<number> {
  return (await spentBy(q, kind, ids)).reduce((n, r) => n + r.fen, 0);
}

/** What a unit sponsored: the sources it gives, each year's budget and what was spent of it, and its in-kind contributions. */
export async function sponsored(q: Queryable, unitId: number) {
  await orgs.getUnit(q, unitId);
  const rows = await q.query<{ sourceId: number; sourceName: string; sourceKind: FundSourceKind; year: number; budgetFen: number; spentFen: number }>(
    `SELECT s.id AS "sourceId", s.name AS "sourceName", s.kind AS "sourceKind", y.year,
            coalesce((SELECT amount_fen FROM fund_budgets b WHERE b.source_id = s.id AND b.year = y.year), 0) AS "budgetFen",
            coalesce((SELECT sum(amount_fen) FROM fund_entries e WHERE e.source_id = s.id AND e.year = y.year AND e.kind = 'expense' AND e.status = 'posted'), 0) AS "spentFen"
       FROM fund_sources s
       CROSS JOIN LATERAL (SELECT year FROM fund_budgets WHERE source_id = s.id UNION SELECT year FROM fund_entries WHERE source_id = s.id) y
      WHERE s.unit_id = $1 ORDER BY y.year DESC, s.id`,
    [unitId],
  );
  return { sources: rows, inKind: await inKindRows(q, `k.unit_id = $1`, [unitId]) };
}

export async function addInKind(q: Queryable, scope: Scope, targets: readonly FundTarget[], input: {
  orgId: number; unitId?: number; description: string; quantity: number; quantityUnit: string; paidForKind?: FundSpentOn; paidForId?: number; givenOn: string;
}): Promise<InKind> {
  const place = await ensurePlace(q, scope, input.orgId, 'spend');
  const target = input.paidForKind ? await paidFor(q, scope, targets, place.path, input.paidForKind, input.paidForId) : { id: null, label: null };
  if (input.unitId) await orgs.getUnit(q, input.unitId);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO fund_in_kind (org_id, unit_id, description, quantity, quantity_unit, paid_for_kind, paid_for_id, paid_for_label, given_on, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [input.orgId, input.unitId ?? null, input.description, input.quantity, input.quantityUnit, input.paidForKind ?? null, target.id, target.label, input.givenOn, scope.userId],
  );
  return (await inKindRows(q, `k.id = $1`, [row!.id]))[0]!;
}

/** Sources by id, those the caller reads (held at or above their organizations, or given by their unit): for a module that names the money it links to. */
export async function sourceLabels(q: Queryable, ids: number[]): Promise<Map<number, { id: number; orgId: number; kind: FundSourceKind; name: string; unitId: number | null }>> {
  if (!ids.length) return new Map();
  const rows = await q.query<{ id: number; orgId: number; kind: FundSourceKind; name: string; unitId: number | null }>(
    `SELECT id, org_id AS "orgId", kind, name, unit_id AS "unitId" FROM fund_sources WHERE id = ANY ($1::bigint[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Its figures on the statistics page: the posted expenses of the period under
 * the organization, in yuan, one per kind of source (reversals, negative,
 * take back what they reverse).
 */
export function statisticsFigures(): StatFigure[] {
  return FUND_SOURCE_KINDS.values.map((kind) => ({
    key: `funds.spent.${kind}`,
    label: { zh: `支出（元）：${FUND_SOURCE_KINDS.labels[kind]}`, en: `Spent (yuan): ${FUND_SOURCE_KINDS.terms.find((t) => t.value === kind)!.en}` },
    period: true,
    count: async (q, orgId, p) => {
      const where = conditions();
      where.add(...(await orgs.underCondition(q, orgId, 'e')));
      where.always(`e.kind = 'expense' AND e.status = 'posted'`);
      where.add('s.kind = $?', kind);
      where.add('e.entry_on >= $?::date', p.from);
      where.add('e.entry_on <= $?::date', p.to);
      const [row] = await q.query<{ fen: string }>(
        `SELECT coalesce(sum(e.amount_fen), 0)::text AS fen FROM fund_entries e JOIN fund_sources s ON s.region_id = e.region_id AND s.id = e.source_id ${where.sql}`,
        where.params,
      );
      return Number(row?.fen ?? 0) / 100;
    },
    link: (orgId: number) => `/funds?orgId=${orgId}`,
  }));
}
