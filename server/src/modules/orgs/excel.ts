import type { Queryable } from '../../kernel/db.ts';
import { importReport, readSheet, rowErrors, writeWorkbook, type Column, type ImportError, type ImportMode, type ImportReport } from '../../kernel/excel.ts';
import { ORG_KINDS, type OrgKind } from './schema.ts';
import * as orgs from './service.ts';

// The organization ledger in Excel. A row names its parent by the path of
// names below the chosen organization ("光明社区党委/第一网格党支部"; empty:
// directly under it), so an export of a subtree imports again unchanged, and
// importing the same file twice changes nothing.

const COLUMNS: Column[] = [
  { key: 'parent', header: '上级组织', width: 40, note: '从所选组织往下的名称路径，用 / 分隔；留空表示直接隶属所选组织' },
  { key: 'name', header: '组织名称', width: 30, required: true },
  { key: 'kind', header: '组织类型', width: 18, required: true, note: `可填：${Object.values(ORG_KINDS.labels).join('、')}` },
  { key: 'foundedOn', header: '成立日期', width: 14, note: '如 2016-07-01' },
  { key: 'contactPhone', header: '联系电话', width: 16 },
  { key: 'address', header: '地址', width: 30 },
];
const EXPORT_ONLY: Column[] = [
  { key: 'secretary', header: '书记', width: 12 },
  { key: 'status', header: '状态', width: 10 },
];
// Cells are NFKC-folded on reading (full-width digits and brackets), so labels are too.
const KIND_BY_LABEL = new Map<string, OrgKind>(Object.entries(ORG_KINDS.labels).map(([k, l]) => [l.normalize('NFKC'), k as OrgKind]));

interface Node {
  id: number;
  name: string;
  kind: OrgKind;
  parentId: number | null;
  foundedOn: string | null;
  contactPhone: string | null;
  address: string | null;
  secretaryName: string | null;
  statusLabel: string;
  path: string;
}

/** Every organization under root, keyed by its name path below root. */
async function subtree(q: Queryable, rootId: number) {
  const root = await orgs.place(q, rootId);
  const all: Node[] = [];
  for (let page = 1; ; page++) {
    const chunk = await orgs.descendants(q, root.path, page, 5000);
    all.push(...chunk);
    if (chunk.length < 5000) break;
  }
  const pathOf = new Map<number, string>([[root.id, '']]);
  const byPath = new Map<string, Node>();
  for (const n of all) {
    const parent = pathOf.get(n.parentId!) ?? '';
    const p = parent ? `${parent}/${n.name}` : n.name;
    pathOf.set(n.id, p);
    byPath.set(p, n);
  }
  return { root, byPath, pathOf };
}

export async function exportSubtree(q: Queryable, rootId: number): Promise<{ name: string; body: Buffer }> {
  const { root, byPath, pathOf } = await subtree(q, rootId);
  const rows = [...byPath.values()].map((n) => ({
    parent: pathOf.get(n.parentId!) ?? '',
    name: n.name,
    kind: ORG_KINDS.labels[n.kind],
    foundedOn: n.foundedOn ?? '',
    contactPhone: n.contactPhone ?? '',
    address: n.address ?? '',
    secretary: n.secretaryName ?? '',
    status: n.statusLabel,
  }));
  const body = await writeWorkbook([{ name: '组织', columns: [...COLUMNS, ...EXPORT_ONLY], rows }]);
  return { name: `${root.name}-组织清单.xlsx`, body };
}

export async function template(): Promise<Buffer> {
  return writeWorkbook([
    {
      name: '组织',
      columns: COLUMNS,
      rows: [
        { parent: '', name: '第一网格党支部', kind: '网格党支部', foundedOn: '2020-01-01', contactPhone: '', address: '' },
        { parent: '第一网格党支部', name: '1号楼党小组', kind: '楼栋党小组', foundedOn: '', contactPhone: '', address: '' },
      ],
    },
    { name: '组织类型', columns: [{ key: 'label', header: '组织类型', width: 24 }], rows: Object.values(ORG_KINDS.labels).map((label) => ({ label })) },
  ]);
}

/**
 * check: validate only. all: apply only if every row is valid. valid: apply
 * the valid rows (a row under an invalid parent is invalid too).
 */
export async function importSheet(q: Queryable, rootId: number, file: Buffer, mode: ImportMode): Promise<ImportReport> {
  const rows = await readSheet(file, COLUMNS);
  const { root, byPath } = await subtree(q, rootId);
  const errors: ImportError[] = [];
  const planned = new Map<string, { row: number; kind: OrgKind }>();
  type Plan = { row: number; path: string; parent: string; name: string; kind: OrgKind; attrs: { foundedOn: string | null; contactPhone: string | null; address: string | null } };
  const plans: Plan[] = [];
  for (const { row, values: v } of rows) {
    const { fail, failed } = rowErrors(errors, row);
    const parent = v.parent!.split('/').map((s) => s.trim()).filter(Boolean).join('/');
    const name = v.name ?? '';
    if (!name) fail('name', '组织名称不能为空');
    else if (name.length > 60) fail('name', '组织名称不能超过 60 个字');
    const kind = KIND_BY_LABEL.get(v.kind ?? '') ?? (v.kind && v.kind in ORG_KINDS.labels ? (v.kind as OrgKind) : undefined);
    if (!kind) fail('kind', v.kind ? `组织类型“${v.kind}”不在可选范围内` : '组织类型不能为空');
    const foundedOn = v.foundedOn || null;
    if (foundedOn && (!/^\d{4}-\d{2}-\d{2}$/.test(foundedOn) || Number.isNaN(Date.parse(foundedOn)))) fail('foundedOn', `成立日期“${foundedOn}”不是有效日期`);
    if ((v.contactPhone ?? '').length > 30) fail('contactPhone', '联系电话不能超过 30 个字');
    if ((v.address ?? '').length > 120) fail('address', '地址不能超过 120 个字');
    const path = parent ? `${parent}/${name}` : name;
    if (parent && !byPath.has(parent) && !planned.has(parent)) fail('parent', `上级组织“${parent}”在${root.name}下不存在，也不在此文件前面的行中`);
    if (planned.has(path)) fail('name', `与第 ${planned.get(path)!.row} 行重复`);
    const parentKind = parent ? (planned.get(parent)?.kind ?? byPath.get(parent)?.kind) : root.kind;
    const misplaced = kind && parentKind && orgs.kindUnderProblem(parentKind, kind);
    if (misplaced) fail('kind', misplaced.message);
    if (failed()) continue;
    planned.set(path, { row, kind: kind! });
    plans.push({ row, path, parent, name, kind: kind!, attrs: { foundedOn, contactPhone: v.contactPhone || null, address: v.address || null } });
  }
  const { report, apply } = importReport(mode, rows.length, plans.length, errors);
  if (!apply) return report;
  const ids = new Map<string, number>([['', root.id]]);
  for (const [p, n] of byPath) ids.set(p, n.id);
  for (const p of plans) {
    const parentId = ids.get(p.parent)!;
    const existing = byPath.get(p.path);
    if (!existing) {
      ids.set(p.path, (await orgs.create(q, { parentId, name: p.name, kind: p.kind, ...p.attrs })).id);
      report.created++;
    } else if (existing.kind !== p.kind || existing.foundedOn !== p.attrs.foundedOn || existing.contactPhone !== p.attrs.contactPhone || existing.address !== p.attrs.address) {
      await orgs.update(q, existing.id, { kind: p.kind, ...p.attrs });
      report.updated++;
    } else {
      report.unchanged++;
    }
  }
  report.applied = true;
  return report;
}
