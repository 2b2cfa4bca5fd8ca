import type { FieldCipher } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import { AppError } from '../../kernel/errors.ts';
import { issueMessage } from '../../kernel/validation.ts';
import { importReport, readSheet, rowErrors, writeWorkbook, type Column, type ImportError, type ImportMode, type ImportReport } from '../../kernel/excel.ts';
import type { Scope } from '../../kernel/scope.ts';
import * as orgs from '../orgs/service.ts';
import { ensureMayOffer } from './policy.ts';
import {
  CreateResource, RESOURCE_CATEGORIES, RESOURCE_KINDS, RESOURCE_STATUSES, type ResourceCategory, type ResourceFilter,
  type ResourceKind, type ResourceStatus,
} from './schema.ts';
import * as resources from './service.ts';

// The resources ledger (资源台账) in Excel. Units keep theirs in Excel; a
// sheet exported here imports again unchanged: a row is matched to a
// resource by its unit, type and name. Phones leave masked, so a masked (or
// empty) phone cell keeps the phone on file.

const COLUMNS: Column[] = [
  { key: 'unit', header: '提供单位', width: 24, note: '驻区单位名称；留空表示社区自有' },
  { key: 'kind', header: '资源类型', width: 10, required: true, note: `可填：${Object.values(RESOURCE_KINDS.labels).join('、')}` },
  { key: 'category', header: '服务类别', width: 12, required: true, note: `可填：${Object.values(RESOURCE_CATEGORIES.labels).join('、')}` },
  { key: 'name', header: '资源名称', width: 24, required: true },
  { key: 'description', header: '资源说明', width: 30 },
  { key: 'conditions', header: '使用条件', width: 24 },
  { key: 'availability', header: '可用时间', width: 20 },
  { key: 'quantity', header: '数量', width: 10 },
  { key: 'quantityUnit', header: '数量单位', width: 10, note: '元、人、件、次……' },
  { key: 'contactName', header: '联系人', width: 10 },
  { key: 'contactPhone', header: '联系电话', width: 16, note: '导出时已遮蔽；保留遮蔽值或留空表示不修改' },
  { key: 'status', header: '状态', width: 10, note: `可填：${Object.values(RESOURCE_STATUSES.labels).join('、')}；留空为可提供` },
];
const EXPORT_ONLY: Column[] = [
  { key: 'org', header: '所在组织', width: 20 },
  { key: 'updatedAt', header: '更新时间', width: 18 },
];

const byLabel = <K extends string>(labels: Record<K, string>) => {
  const m = new Map<string, K>(Object.entries(labels).map(([k, l]) => [(l as string).normalize('NFKC'), k as K]));
  return (v: string): K | undefined => m.get(v) ?? (v in labels ? (v as K) : undefined);
};
const kindOf = byLabel<ResourceKind>(RESOURCE_KINDS.labels);
const categoryOf = byLabel<ResourceCategory>(RESOURCE_CATEGORIES.labels);
const statusOf = byLabel<ResourceStatus>(RESOURCE_STATUSES.labels);

const toRow = (r: resources.ResourceData) => ({
  unit: r.unitName ?? '',
  kind: r.kindLabel,
  category: r.categoryLabel,
  name: r.name,
  description: r.description ?? '',
  conditions: r.conditions ?? '',
  availability: r.availability ?? '',
  quantity: r.quantity ?? '',
  quantityUnit: r.quantityUnit ?? '',
  contactName: r.contactName ?? '',
  contactPhone: r.contactPhoneMasked ?? '',
  status: r.statusLabel,
  org: r.orgName,
  updatedAt: r.updatedAt,
});

export async function exportList(q: Queryable, f: ResourceFilter): Promise<{ name: string; body: Buffer }> {
  const rows = (await resources.all(q, f)).map(toRow);
  const title = f.orgId ? (await orgs.place(q, f.orgId)).name : '资源';
  return { name: `${title}-资源清单.xlsx`, body: await writeWorkbook([{ name: '资源清单', columns: [...COLUMNS, ...EXPORT_ONLY], rows }]) };
}

export async function template(): Promise<Buffer> {
  const example = {
    unit: '梅河口市税务局', kind: '人才', category: '法律服务', name: '税务政策宣讲员', description: '为居民和个体户讲解个税、社保政策', conditions: '提前一周预约',
    availability: '每月第一个周五', quantity: 3, quantityUnit: '人', contactName: '孙伟', contactPhone: '0435-4222000', status: '可提供',
  };
  return writeWorkbook([
    { name: '资源清单', columns: COLUMNS, rows: [example] },
    { name: '可填值', columns: [{ key: 'kind', header: '资源类型' }, { key: 'category', header: '服务类别' }], rows: categoryRows() },
  ]);
}

function categoryRows() {
  const kinds = Object.values(RESOURCE_KINDS.labels);
  return Object.values(RESOURCE_CATEGORIES.labels).map((category, i) => ({ kind: kinds[i] ?? '', category }));
}

/**
 * check: validate only. all: apply only if every row is valid. valid: apply
 * the valid rows. Each row is checked by the same schema as the form, so the
 * messages are the form's, prefixed with the row number.
 */
export async function importSheet(q: Queryable, cipher: FieldCipher, scope: Scope, orgId: number, file: Buffer, mode: ImportMode): Promise<ImportReport> {
  const { path: orgPath } = await orgs.place(q, orgId);
  const rows = await readSheet(file, COLUMNS);
  const units = new Map((await orgs.listUnits(q, orgId)).map((u) => [u.name.normalize('NFKC'), u.id]));
  // Cells are NFKC-folded on reading (full-width colons and brackets), so names on file are too.
  const keyOf = (unitId: number | null | undefined, kind: string, name: string) => `${unitId ?? 0}|${kind}|${name.normalize('NFKC')}`;
  const existing = new Map((await resources.all(q, { orgId })).filter((r) => r.status !== 'withdrawn').map((r) => [keyOf(r.unitId, r.kind, r.name), r]));
  const errors: ImportError[] = [];
  const planned = new Map<string, number>();
  const plans: { input: CreateResource; status: ResourceStatus; before: resources.ResourceData | undefined }[] = [];
  for (const { row, values: v } of rows) {
    const { fail, failed } = rowErrors(errors, row);
    const unitId = v.unit ? units.get(v.unit) : null;
    if (unitId === undefined) fail('unit', `提供单位“${v.unit}”不在本社区的驻区单位中`);
    const kind = kindOf(v.kind ?? '');
    if (!kind) fail('kind', v.kind ? `资源类型“${v.kind}”不在可选范围内` : '资源类型不能为空');
    const category = categoryOf(v.category ?? '');
    if (!category) fail('category', v.category ? `服务类别“${v.category}”不在可选范围内` : '服务类别不能为空');
    const status = v.status ? statusOf(v.status) : 'available';
    if (!status) fail('status', `状态“${v.status}”不在可选范围内`);
    const quantity = v.quantity ? Number(v.quantity) : null;
    if (quantity !== null && Number.isNaN(quantity)) fail('quantity', `数量“${v.quantity}”不是数字`);
    const phoneKept = !v.contactPhone || v.contactPhone.includes('*');
    const parsed = CreateResource.safeParse({
      orgId, unitId: unitId ?? null, kind, category, name: v.name, description: v.description || null, conditions: v.conditions || null,
      availability: v.availability || null, quantity, quantityUnit: v.quantityUnit || null, contactName: v.contactName || null,
      ...(phoneKept ? {} : { contactPhone: v.contactPhone }),
    });
    if (!parsed.success && !failed()) for (const issue of parsed.error.issues) fail(String(issue.path[0]), issueMessage(issue, CreateResource));
    if (failed() || !parsed.success) continue;
    const key = keyOf(unitId, kind!, parsed.data.name);
    if (planned.has(key)) fail('name', `与第 ${planned.get(key)} 行重复`);
    const match = existing.get(key);
    if (kind === 'venue' && !match) fail('kind', '新的场地请在“阵地”中登记（需填写开放时间和容纳人数）');
    try {
      ensureMayOffer(scope, { orgPath, unitId: unitId ?? null });
    } catch (e) {
      fail('unit', (e as AppError).message);
    }
    if (failed()) continue;
    planned.set(key, row);
    plans.push({ input: parsed.data, status: status!, before: match });
  }
  const { report, apply } = importReport(mode, rows.length, plans.length, errors);
  if (!apply) return report;
  for (const { input, status, before } of plans) {
    if (!before) {
      const created = await resources.create(q, scope, cipher, input);
      if (status !== 'available') await resources.update(q, scope, cipher, created.id, { status });
      report.created++;
    } else if (changed(before, input, status)) {
      await resources.update(q, scope, cipher, before.id, { ...input, status });
      report.updated++;
    } else {
      report.unchanged++;
    }
  }
  report.applied = true;
  return report;
}

const TEXTS = ['description', 'conditions', 'availability', 'quantityUnit', 'contactName'] as const;
const fold = (s: string | null | undefined) => s?.normalize('NFKC') ?? null;

function changed(r: resources.ResourceData, input: CreateResource, status: ResourceStatus): boolean {
  return (
    r.category !== input.category || r.quantity !== input.quantity || r.status !== status || input.contactPhone !== undefined ||
    TEXTS.some((k) => fold(r[k]) !== fold(input[k]))
  );
}
