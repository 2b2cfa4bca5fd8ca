import type { FieldCipher } from '../../kernel/crypto.ts';
import { maskPhone } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import { issueMessage } from '../../kernel/validation.ts';
import { type AppError } from '../../kernel/errors.ts';
import { E } from './errors.ts';
import { importReport, readSheet, rowErrors, writeWorkbook, type Column, type ImportError, type ImportMode, type ImportReport } from '../../kernel/excel.ts';
import { CreateHousehold, HOUSEHOLD_TAGS, type HouseholdTag } from './schema.ts';
import { addressKey, addressOf, createHouseholds, getGrid, listBuildings, type HouseholdInput } from './service.ts';

// The household ledger (住户台账) of a grid in Excel: grid workers keep theirs
// in Excel today. A row is one household, found again by its address in the
// community (building, entrance and room, or a street address) — the same key
// that keeps a household in one grid — so importing a sheet twice changes
// nothing, and a corrected sheet updates the households it names.

const COLUMNS: Column[] = [
  { key: 'building', header: '楼栋', width: 14, note: '本网格内的楼栋名称；平房、院落留空并填写住址' },
  { key: 'entrance', header: '单元', width: 8, note: '填写楼栋时必填，如 1' },
  { key: 'room', header: '门牌', width: 8, note: '填写楼栋时必填，如 301' },
  { key: 'address', header: '住址', width: 24, note: '不填楼栋时必填，如 光明街 12 号' },
  { key: 'headName', header: '户主', width: 12, required: true },
  { key: 'size', header: '人口', width: 8, required: true, note: '1–30' },
  { key: 'phone', header: '联系电话', width: 16, note: '手机号或固定电话；已遮蔽的号码或留空表示不修改' },
  { key: 'tags', header: '六清楚', width: 30, note: `可填（用、分隔）：${Object.values(HOUSEHOLD_TAGS.labels).join('、')}` },
  { key: 'freeTags', header: '其他标签', width: 20, note: '用、分隔，如 独居' },
];

const TAG_BY_LABEL = new Map<string, HouseholdTag>(Object.entries(HOUSEHOLD_TAGS.labels).map(([k, l]) => [l.normalize('NFKC'), k as HouseholdTag]));
const split = (cell: string | undefined) => (cell ?? '').split(/[、,，;；\s]+/).filter(Boolean);

export function template(): Promise<Buffer> {
  return writeWorkbook([
    {
      name: '住户台账',
      columns: COLUMNS,
      rows: [
        { building: '1号楼', entrance: 1, room: '101', address: '', headName: '张桂兰', size: 1, phone: '13900001111', tags: '空巢老人户', freeTags: '独居' },
        { building: '', entrance: '', room: '', address: '光明街 12 号', headName: '李建国', size: 3, phone: '', tags: '党员户、低保困难户', freeTags: '' },
      ],
    },
    { name: '六清楚', columns: [{ key: 'label', header: '六清楚', width: 16 }], rows: Object.values(HOUSEHOLD_TAGS.labels).map((label) => ({ label })) },
  ]);
}

interface OnFile {
  id: number;
  grid_id: number;
  grid_name: string;
  address_hash: string;
  head_name: string;
  size: number;
  phone_mask: string | null;
  tags: HouseholdTag[];
  free_tags: string[];
}

interface Plan {
  row: number;
  key: string;
  input: Omit<HouseholdInput, 'gridId'>;
  /** The phone cell was masked or empty: the phone on file stays. */
  keepPhone: boolean;
  before: OnFile | undefined;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const changed = (p: Plan, h: OnFile) =>
  h.head_name !== p.input.headName || h.size !== p.input.size || (!p.keepPhone && h.phone_mask !== maskPhone(p.input.phone!)) ||
  !sameSet(h.tags, p.input.tags) || !sameSet(h.free_tags, p.input.freeTags);

/**
 * check: validate only. all: apply only if every row is valid. valid: apply
 * the valid rows. Each row is checked by the same schema as the form. A
 * household already in another grid is refused by row; one in a grid the
 * caller cannot see shows only when applying (the address key finds it), and
 * is reported the same way — or, importing all, nothing is imported.
 */
export async function importHouseholds(q: Queryable, cipher: FieldCipher, gridId: number, file: Buffer, mode: ImportMode): Promise<ImportReport> {
  const grid = await getGrid(q, gridId);
  const rows = await readSheet(file, COLUMNS);
  const buildings = new Map((await listBuildings(q, gridId)).map((b) => [b.name.normalize('NFKC'), b]));
  const errors: ImportError[] = [];
  const planned = new Map<string, number>();
  const plans: Plan[] = [];
  for (const { row, values: v } of rows) {
    const { fail, failed } = rowErrors(errors, row);
    const building = v.building ? buildings.get(v.building) : undefined;
    if (v.building && !building) fail('building', `楼栋“${v.building}”不在「${grid.name}」内`);
    const tags = split(v.tags).map((label) => {
      const tag = TAG_BY_LABEL.get(label) ?? (label in HOUSEHOLD_TAGS.labels ? (label as HouseholdTag) : undefined);
      if (!tag) fail('tags', `六清楚标签“${label}”不在可选范围内`);
      return tag!;
    });
    if (v.entrance && !/^\d+$/.test(v.entrance)) fail('entrance', `单元“${v.entrance}”须为正整数`);
    const keepPhone = !v.phone || v.phone.includes('*');
    const parsed = CreateHousehold.safeParse({
      gridId, buildingId: building?.id, entrance: v.entrance ? Number(v.entrance) : undefined, room: v.room || undefined, address: v.address || undefined,
      headName: v.headName, size: v.size ? Number(v.size) : undefined, phone: keepPhone ? undefined : v.phone, tags, freeTags: split(v.freeTags),
    });
    if (!parsed.success) {
      if (!failed()) for (const issue of parsed.error.issues) fail(String(issue.path[0]), issueMessage(issue, CreateHousehold));
      continue;
    }
    if (failed()) continue;
    let key: string;
    try {
      key = addressKey(cipher, addressOf(building ?? null, parsed.data));
    } catch (e) {
      for (const [field, message] of Object.entries((e as AppError).fieldMessages())) fail(field, message);
      continue;
    }
    if (planned.has(key)) fail('room', `与第 ${planned.get(key)} 行是同一户`);
    else planned.set(key, row);
    if (!failed()) plans.push({ row, key, input: parsed.data, keepPhone, before: undefined });
  }

  const onFile = await q.query<OnFile>(
    `SELECT h.id, h.grid_id, g.name AS grid_name, h.address_hash, h.head_name, h.size, h.phone_mask, h.tags, h.free_tags
       FROM households h JOIN grids g ON g.id = h.grid_id WHERE h.community_id = $1 AND h.address_hash = ANY ($2::text[])`,
    [grid.communityId, plans.map((p) => p.key)],
  );
  const byKey = new Map(onFile.map((h) => [h.address_hash, h]));
  const ready = plans.filter((p) => {
    p.before = byKey.get(p.key);
    if (p.before && p.before.grid_id !== gridId) rowErrors(errors, p.row).fail('room', `该户已登记在「${p.before.grid_name}」，一户只能属于一个网格`);
    return !p.before || p.before.grid_id === gridId;
  });
  errors.sort((a, b) => a.row - b.row);
  const { report, apply } = importReport(mode, rows.length, ready.length, errors);
  if (!apply) return report;

  const fresh = ready.filter((p) => !p.before);
  const ids = await createHouseholds(q, cipher, gridId, fresh.map((p) => p.input), true);
  const taken = fresh.filter((_, i) => ids[i] === null);
  for (const p of taken) rowErrors(errors, p.row).fail('room', '该户已登记在本社区的另一个网格，一户只能属于一个网格');
  // All or nothing: the route's transaction rolls the inserted rows back.
  if (mode === 'all' && taken.length) throw E.import_taken({ rows: taken.map((p) => p.row).join(', ') });
  errors.sort((a, b) => a.row - b.row);
  report.created = fresh.length - taken.length;
  report.valid -= taken.length;

  const updates = ready.filter((p) => p.before && changed(p, p.before));
  if (updates.length) {
    await q.query(
      `UPDATE households h SET head_name = u.head_name, size = u.size, tags = ARRAY(SELECT jsonb_array_elements_text(u.tags)),
              free_tags = ARRAY(SELECT jsonb_array_elements_text(u.free_tags)),
              phone_enc = CASE WHEN u.keep_phone THEN h.phone_enc ELSE u.phone_enc END, phone_mask = CASE WHEN u.keep_phone THEN h.phone_mask ELSE u.phone_mask END
         FROM jsonb_to_recordset($1::jsonb) AS u(id bigint, head_name text, size int, tags jsonb, free_tags jsonb, keep_phone boolean, phone_enc text, phone_mask text)
        WHERE h.id = u.id`,
      [
        JSON.stringify(
          updates.map((p) => ({
            id: p.before!.id, head_name: p.input.headName, size: p.input.size, tags: [...new Set(p.input.tags)], free_tags: [...new Set(p.input.freeTags)],
            keep_phone: p.keepPhone, phone_enc: p.keepPhone ? null : cipher.encrypt(p.input.phone!), phone_mask: p.keepPhone ? null : maskPhone(p.input.phone!),
          })),
        ),
      ],
    );
  }
  report.updated = updates.length;
  report.unchanged = ready.length - fresh.length - updates.length;
  report.applied = true;
  return report;
}
