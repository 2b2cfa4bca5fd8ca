import { Converter } from 'opencc-js/t2cn';
import type { Queryable } from '../../kernel/db.ts';
import { loadCsv, loadSheet, writeWorkbook, type Column, type SheetRow, type Table } from '../../kernel/excel.ts';
import { E } from './errors.ts';
import { checkCharacter, parseIdNumber } from '../../kernel/idnumber.ts';
import { isDayOrMonth } from '../../kernel/partialdate.ts';
import { normalizePhone } from '../../kernel/phone.ts';
import * as orgs from '../orgs/service.ts';
import type { BulkPerson } from '../people/service.ts';
import { CATEGORIES, CATEGORY_SHORT_NAMES, MEMBER_STATUSES, type Category } from '../people/schema.ts';
import { regionToday } from '../../kernel/time.ts';

// The census sheet: its columns, the template, and the check of one row.
// Cells arrive NFKC-folded (full-width digits and spaces become plain). The
// organizations and labels they name are read in Simplified characters, so a
// sheet typed in Traditional ones names the same; a person's name is kept as
// written (the search folds it, kernel/text.ts).

export const COLUMNS: Column[] = [
  { key: 'name', header: '姓名', width: 12, required: true, synonyms: ['名字', '党员姓名', '人员姓名', '居民姓名'] },
  {
    key: 'idNumber', header: '身份证号', width: 22, required: true,
    synonyms: ['身份证号码', '公民身份号码', '公民身份证号码', '身份证', '证件号码', '身份证件号码'],
    note: '18 位，末位可为 X；旧式 15 位自动转换为 18 位' },
  { key: 'kind', header: '人员类型', width: 10, required: true, synonyms: ['人员类别', '身份', '政治面貌'], note: '可填：党员、居民' },
  {
    key: 'org', header: '所属组织', width: 40,
    synonyms: ['所在党组织', '所属党组织', '党组织', '党组织名称', '所在组织', '所在支部', '所属支部', '党支部', '组织'],
    note: '党员填组织关系所在的党组织，居民填居住的社区或网格。写名称即可；有重名时用 / 写出上级，如“光明社区党委/光明社区第一网格党支部”。留空表示导入时所选的组织',
  },
  { key: 'gender', header: '性别', width: 8, note: '男、女；留空则按身份证号' },
  { key: 'ethnicity', header: '民族', width: 10, synonyms: ['族别'] },
  { key: 'phone', header: '手机号', width: 16, synonyms: ['手机', '手机号码', '联系电话', '电话', '电话号码', '联系方式'] },
  { key: 'address', header: '住址', width: 30, synonyms: ['家庭住址', '现住址', '居住地址', '地址', '联系地址'] },
  { key: 'unit', header: '工作单位', width: 24, synonyms: ['单位', '所在单位', '单位名称'], note: '驻区单位的名称（在职党员填写）' },
  { key: 'category', header: '党员类别', width: 14, synonyms: ['党员类型', '类别'], note: `党员填：${Object.values(CATEGORIES.labels).join('、')}` },
  { key: 'joinedOn', header: '入党日期', width: 14, synonyms: ['入党时间', '入党年月'], note: '如 2010-07-01；只知年月时写 2010年7月' },
  { key: 'memberStatus', header: '党员状态', width: 12, synonyms: ['党籍状态'], note: `党员填：${Object.values(MEMBER_STATUSES.labels).join('、')}` },
  { key: 'skills', header: '特长', width: 24, synonyms: ['个人特长', '专长', '技能'], note: '多项用顿号（、）分隔' },
  { key: 'residenceCommunity', header: '居住社区', width: 24, synonyms: ['所在社区'], note: '与“住户门牌”一起填写，把人员关联到网格中已登记的住户' },
  { key: 'household', header: '住户门牌', width: 20, synonyms: ['门牌', '门牌号'], note: '居住社区中已登记住户的地址，如“3号楼2单元301”；须先在网格中登记该住户' },
];
export const LABELS: Record<string, string> = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header]));

const toSimplified: (s: string) => string = Converter({ from: 'tw', to: 'cn' });
/** A cell as Simplified text, runs of spaces folded (full-width ones are already plain). */
const simplified = (s: string | undefined) => toSimplified(s ?? '').replace(/\s+/g, ' ').trim();
const byLabel = <K extends string>(labels: Record<K, string>) => new Map(Object.entries(labels).map(([k, l]) => [l as string, k as K]));
/** A category by its label, its label without 党员 (退伍军人), or the short name a ledger uses (退伍). */
const CATEGORY_BY_LABEL = new Map<string, Category>([
  ...byLabel(CATEGORIES.labels),
  ...Object.entries(CATEGORIES.labels).map(([k, l]) => [l.replace(/党员$/, ''), k as Category] as const),
  ...Object.entries(CATEGORY_SHORT_NAMES),
]);
const STATUS_BY_LABEL = byLabel(MEMBER_STATUSES.labels);
// A 政治面貌 column says 中共党员 or 群众; a member's status is read from its own column.
const KINDS = new Map([
  ['党员', true],
  ['中共党员', true],
  ['中共预备党员', true],
  ['预备党员', true],
  ['居民', false],
  ['群众', false],
]);
const GENDERS = new Map([
  ['男', 'male'],
  ['女', 'female'],
  ['男性', 'male'],
  ['女性', 'female'],
]);

/** Where rows may land: the import's organization and its subtree, and the units the caller can see. */
export interface Places {
  root: { id: number; name: string };
  org(text: string): number | string;
  unit(text: string): number | string;
}

export async function loadPlaces(q: Queryable, rootId: number): Promise<Places> {
  const root = await orgs.place(q, rootId);
  const nodes = new Map<number, { name: string; parentId: number | null }>([[root.id, { name: simplified(root.name), parentId: null }]]);
  for (let page = 1; ; page++) {
    const chunk = await orgs.descendants(q, root.path, page, 5000);
    for (const o of chunk) nodes.set(o.id, { name: simplified(o.name), parentId: o.parentId });
    if (chunk.length < 5000) break;
  }
  const byName = new Map<string, number[]>();
  for (const [id, n] of nodes) byName.set(n.name, [...(byName.get(n.name) ?? []), id]);
  const units = new Map<string, number[]>();
  for (const u of await orgs.listUnits(q)) units.set(simplified(u.name), [...(units.get(simplified(u.name)) ?? []), u.id]);

  // "上级/下级": the last name must match, and the names before it must be its ancestors, nearest last.
  const underPath = (id: number, above: string[]) => {
    let cur = nodes.get(id)!.parentId;
    for (let i = above.length - 1; i >= 0; i--) {
      while (cur !== null && nodes.get(cur)?.name !== above[i]) cur = nodes.get(cur)?.parentId ?? null;
      if (cur === null) return false;
      cur = nodes.get(cur)!.parentId;
    }
    return true;
  };
  return {
    root: { id: root.id, name: root.name },
    org(text) {
      const parts = text.split('/').map(simplified).filter(Boolean);
      if (!parts.length) return root.id;
      const found = (byName.get(parts.at(-1)!) ?? []).filter((id) => underPath(id, parts.slice(0, -1)));
      if (found.length === 1) return found[0]!;
      return found.length
        ? `${root.name}下有 ${found.length} 个组织叫“${parts.at(-1)}”，请用 / 写出它的上级组织`
        : `“${text}”不在${root.name}之下，或不在您的管辖范围内`;
    },
    unit(text) {
      const found = units.get(simplified(text)) ?? [];
      if (found.length === 1) return found[0]!;
      return found.length ? `有 ${found.length} 个单位叫“${text}”，请到单位管理中核对` : `工作单位“${text}”不存在，或不在您的管辖范围内`;
    },
  };
}

/**
 * A date as people write it — 2010-07-01, 2010/7/1, 2010.7.1, 2010年7月1日,
 * 20100701, an Excel day number — or only its month: 2010年7月, 2010.7,
 * 2010/07, 2010-7, 201007. A month stays a month ("2010-07"): no day is made up.
 */
export function parseDayOrMonth(text: string): string | null {
  let parts: (number | undefined)[];
  const day = text.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/) ?? text.match(/^(\d{4})(\d{2})(\d{2})$/);
  const month = text.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/) ?? text.match(/^(\d{4})(\d{2})$/);
  if (day) parts = [Number(day[1]), Number(day[2]), Number(day[3])];
  else if (month) parts = [Number(month[1]), Number(month[2])];
  else if (/^\d{5}$/.test(text)) {
    const at = new Date(Date.UTC(1899, 11, 30) + Number(text) * 86_400_000);
    parts = [at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate()];
  } else return null;
  const iso = parts.map((n, i) => (n === undefined ? undefined : String(n).padStart(i ? 2 : 4, '0'))).filter(Boolean).join('-');
  return isDayOrMonth(iso) ? iso : null;
}

/** A household named by its address in a community; the census looks these up together (see service.ts). */
export interface ResidenceAt {
  communityId: number;
  address: string;
}

export type Checked = { row: number; name: string; cells: Record<string, string>; /** Said of a row that is imported. */ note?: string } & (
  | { person: BulkPerson; residenceAt?: ResidenceAt; field?: undefined; message?: undefined }
  | { person?: undefined; residenceAt?: undefined; field: string; message: string }
);

/** Checks one row; the first fault is reported, by row and field, in words the user can act on. */
export function checkRow(sheetRow: SheetRow, places: Places): Checked {
  const checked = checkCells(sheetRow, places);
  if (!sheetRow.stripped.length) return checked;
  const stripped = `${sheetRow.stripped.map((k) => LABELS[k]).join('、')}中的控制字符（不可见字符）已删除`;
  return checked.person ? { ...checked, note: `第 ${sheetRow.row} 行：${stripped}` } : { ...checked, message: `${checked.message}；${stripped}` };
}

function checkCells({ row, values: v }: SheetRow, places: Places): Checked {
  // As written: spaces folded, none between Chinese characters, Traditional characters kept.
  const name = (v.name ?? '').replace(/\s+/g, ' ').trim().replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
  const fail = (field: string, message: string): Checked => ({ row, name, cells: v, field, message: `第 ${row} 行，${LABELS[field]}：${message}` });
  if (!name) return fail('name', '不能为空');
  if (name.length > 40) return fail('name', '不能超过 40 个字');
  if (!v.idNumber) return fail('idNumber', '不能为空（普查以身份证号识别同一人）');
  const id = parseIdNumber(v.idNumber);
  if ('error' in id) return fail('idNumber', id.error);
  const kindText = simplified(v.kind);
  const isMember = KINDS.get(kindText);
  if (isMember === undefined) return fail('kind', kindText ? `“${kindText}”不在可选范围内（党员、居民）` : '不能为空（党员、居民）');
  const orgId = places.org(v.org ?? '');
  if (typeof orgId === 'string') return fail('org', orgId);
  const genderText = simplified(v.gender);
  if (genderText && !GENDERS.has(genderText)) return fail('gender', `“${genderText}”不在可选范围内（男、女）`);
  if (genderText && GENDERS.get(genderText) !== id.gender) return fail('gender', `与身份证号不一致（身份证号为${id.gender === 'male' ? '男' : '女'}性）`);
  const ethnicity = simplified(v.ethnicity) || null;
  if (ethnicity && ethnicity.length > 20) return fail('ethnicity', '不能超过 20 个字');
  const phone = v.phone ? normalizePhone(v.phone) : null;
  if (v.phone && !phone) return fail('phone', `“${v.phone}”不是 11 位手机号`);
  const address = simplified(v.address) || null;
  if (address && address.length > 120) return fail('address', '不能超过 120 个字');
  let unitId: number | null = null;
  if (v.unit) {
    const u = places.unit(v.unit);
    if (typeof u === 'string') return fail('unit', u);
    unitId = u;
  }
  const household = simplified(v.household).replace(/\s+/g, '');
  const residenceText = simplified(v.residenceCommunity);
  if (household && !residenceText) return fail('residenceCommunity', '填写了住户门牌时须填写居住社区');
  if (residenceText && !household) return fail('household', '填写了居住社区时须填写住户门牌，如“3号楼2单元301”');
  let residenceAt: ResidenceAt | undefined;
  if (household) {
    const communityId = places.org(residenceText);
    if (typeof communityId === 'string') return fail('residenceCommunity', communityId);
    residenceAt = { communityId, address: household };
  }
  const skills = simplified(v.skills).split(/[、,，;；\s]+/).filter(Boolean);
  if (skills.length > 20 || skills.some((s) => s.length > 20)) return fail('skills', '最多 20 项，每项不超过 20 个字');

  let category: Category | null = null;
  let joinedOn: string | null = null;
  let memberStatus: BulkPerson['memberStatus'] = null;
  const memberOnly = (['category', 'joinedOn', 'memberStatus'] as const).find((k) => !isMember && v[k]);
  if (memberOnly) return fail(memberOnly, '只适用于党员，居民请留空');
  if (isMember) {
    const categoryText = simplified(v.category);
    if (categoryText) {
      category = CATEGORY_BY_LABEL.get(categoryText) ?? null;
      if (!category) return fail('category', `“${categoryText}”不在可选范围内`);
    }
    if (v.joinedOn) {
      joinedOn = parseDayOrMonth(v.joinedOn);
      if (!joinedOn) return fail('joinedOn', `“${v.joinedOn}”不是有效日期`);
      // A month is compared as a month: joined in the month one turned 18 may be right.
      const known = (iso: string) => iso.slice(0, joinedOn!.length);
      if (joinedOn > known(regionToday())) return fail('joinedOn', `${v.joinedOn} 晚于今天`);
      const adult = `${Number(id.birthDate.slice(0, 4)) + 18}${id.birthDate.slice(4)}`;
      if (joinedOn < known(adult)) return fail('joinedOn', `${v.joinedOn} 早于年满 18 周岁（出生于 ${id.birthDate}）`);
    }
    const statusText = simplified(v.memberStatus);
    if (statusText) {
      memberStatus = STATUS_BY_LABEL.get(statusText) ?? null;
      if (!memberStatus) return fail('memberStatus', `“${statusText}”不在可选范围内`);
    }
  }
  return {
    row, name, cells: v, residenceAt,
    person: {
      idNumber: id.value, orgId, unitId, name, gender: id.gender, birthDate: id.birthDate, ethnicity, phone, address,
      isMember, category, joinedOn, memberStatus, skills,
    },
  };
}

/**
 * Folds a later row about the same person into the first: the first row's
 * values stand, the later one fills what it left empty. A member named in
 * two home organizations cannot be folded.
 */
export function fold(first: BulkPerson, later: BulkPerson): BulkPerson | null {
  if (first.isMember && later.isMember && first.orgId !== later.orgId) return null;
  const member = first.isMember ? first : later.isMember ? later : first;
  return {
    ...first,
    orgId: member.orgId,
    isMember: first.isMember || later.isMember,
    unitId: first.unitId ?? later.unitId,
    ethnicity: first.ethnicity ?? later.ethnicity,
    phone: first.phone ?? later.phone,
    address: first.address ?? later.address,
    category: first.category ?? later.category,
    joinedOn: first.joinedOn ?? later.joinedOn,
    memberStatus: first.memberStatus ?? later.memberStatus,
    skills: [...new Set([...first.skills, ...later.skills])],
    residence: first.residence ?? later.residence,
  };
}

/** The file as a table of cells; refused when it has no rows. */
export async function readTable(fileName: string, file: Buffer): Promise<Table> {
  const table = /\.csv$/i.test(fileName) ? loadCsv(file) : await loadSheet(file);
  if (!table.rows.some((r) => r.cells.some(Boolean))) throw E.no_rows();
  return table;
}

export function template(): Promise<Buffer> {
  const exampleId = (body: string) => body + checkCharacter(body);
  return writeWorkbook([
    {
      name: '普查名单',
      columns: COLUMNS,
      rows: [
        {
          name: '张建国', idNumber: exampleId('22058119800101001'), kind: '党员', org: '', gender: '男', ethnicity: '汉族',
          phone: '13904350001', address: '新华街道光明小区1号楼2单元301', unit: '', category: CATEGORIES.labels.employed,
          joinedOn: '2005-07-01', memberStatus: MEMBER_STATUSES.labels.full, skills: '法律咨询、摄影',
        },
        { name: '李秀英', idNumber: exampleId('22058119900315002'), kind: '居民', org: '', gender: '女', phone: '13904350002' },
      ],
    },
    {
      name: '可填写的值',
      columns: [
        { key: 'field', header: '列', width: 12 },
        { key: 'values', header: '可填写的值', width: 80 },
      ],
      rows: [
        { field: '人员类型', values: [...KINDS.keys()].join('、') },
        { field: '性别', values: [...GENDERS.keys()].join('、') },
        { field: '党员类别', values: Object.values(CATEGORIES.labels).join('、') },
        { field: '党员状态', values: Object.values(MEMBER_STATUSES.labels).join('、') },
        { field: '日期', values: '2010-07-01、2010/7/1、2010年7月1日 均可；只知年月时写 2010年7月、2010.7 或 2010-07' },
      ],
    },
  ]);
}
