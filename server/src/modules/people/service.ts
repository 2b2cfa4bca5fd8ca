import { randomInt } from 'node:crypto';
import type { FieldCipher } from '../../kernel/crypto.ts';
import { maskAddress, maskIdNumber, maskPhone } from '../../kernel/crypto.ts';
import { parseIdNumber } from '../../kernel/idnumber.ts';
import { asKnown, stored, type Precision } from '../../kernel/partialdate.ts';
import type { Database, Queryable } from '../../kernel/db.ts';
import type { CoverageGaps, StatFigure } from '../../kernel/manifest.ts';
import { writeWorkbook } from '../../kernel/excel.ts';
import { conditions, countRows } from '../../kernel/sql.ts';
import { regionToday } from '../../kernel/time.ts';
import { normalizeQuery, searchKeys } from '../../kernel/text.ts';
import { notFound, type Text } from '../../kernel/errors.ts';
import { E, GAPS, PERSON } from './errors.ts';
import * as orgs from '../orgs/service.ts';
import * as users from '../users/service.ts';
import type { Scope } from '../../kernel/scope.ts';
// Many files at once (an import) go through the bulk path, published here.
export { unchangedSince, upsertByIdNumber, type BulkPerson } from './bulk.ts';
import { AVAILABILITY, type Availability, type Category, type Person, type PersonDetail, type Talent } from './schema.ts';

const COLUMNS = `p.id, p.name, p.gender, p.phone_mask, p.org_id, o.name AS org_name, p.unit_id, p.is_member, p.category`;
const FROM = `people p LEFT JOIN org_labels o ON o.id = p.org_id`;

interface Row {
  id: number;
  name: string;
  gender: 'male' | 'female' | null;
  phone_mask: string | null;
  org_id: number;
  org_name: string | null;
  unit_id: number | null;
  is_member: boolean;
  category: Category | null;
}
const toPerson = (r: Row): Person => ({
  id: r.id,
  name: r.name,
  gender: r.gender,
  phoneMasked: r.phone_mask,
  orgId: r.org_id,
  orgName: r.org_name,
  unitId: r.unit_id,
  isMember: r.is_member,
  category: r.category,
});

export interface PersonFilter {
  orgId?: number;
  q?: string;
  kind?: 'member' | 'resident';
  category?: Category;
  memberStatus?: 'probationary' | 'full';
  page: number;
  pageSize: number;
}

async function filtered(q: Queryable, f: Omit<PersonFilter, 'page' | 'pageSize'>) {
  const where = conditions();
  where.always('p.left_region_on IS NULL');
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'p')));
  // The name match runs where the name indexes can serve it (migration 0073); the rows are still read under row-level security.
  // Its ids are passed as a list, not a sub-query, so the planner knows how
  // few they are and reads them by id rather than scanning everyone in scope.
  if (f.q) {
    const ids = await q.query<{ id: number }>(`SELECT gj_people_named($1) AS id`, [normalizeQuery(f.q)]);
    where.add('p.id = ANY ($?::bigint[])', ids.map((r) => r.id));
  }
  if (f.kind) where.add('p.is_member = $?', f.kind === 'member');
  if (f.category) where.add('p.category = $?', f.category);
  if (f.memberStatus) where.add('p.member_status = $?', f.memberStatus);
  return where;
}

async function page<R, T>(q: Queryable, where: Awaited<ReturnType<typeof filtered>>, columns: string, f: { page: number; pageSize: number }, map: (r: R) => T) {
  const [c] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM people p ${where.sql}`, where.params);
  const rows = await q.query<R>(
    `SELECT ${columns} FROM ${FROM} ${where.sql} ORDER BY p.id LIMIT ${where.next(f.pageSize)} OFFSET ${where.next((f.page - 1) * f.pageSize)}`,
    where.params,
  );
  return { total: c?.n ?? 0, items: rows.map(map) };
}

/**
 * Count and page through everyone the caller can see, optionally under one
 * organization. A joint committee (联合党委) lists the members of the branches
 * it joins after its own, marked `joinedThrough`: they stay in their own
 * branch, and any organization above the joint committee holds those branches
 * already (they lie in its parent's subtree, gj_joined_orgs), so only the
 * joint committee itself adds them and nothing up the tree counts them twice.
 */
export async function list(q: Queryable, f: PersonFilter): Promise<{ total: number; items: Person[] }> {
  const own = await filtered(q, f);
  const joint = f.orgId === undefined ? null : await orgs.place(q, f.orgId);
  if (joint?.kind !== 'joint_committee') return page(q, own, COLUMNS, f, toPerson);
  const joined = await filtered(q, { ...f, orgId: undefined });
  joined.add('NOT (p.org_id = ANY ($?::bigint[]))', await orgs.subtreeIds(q, joint.id));
  const from = `gj_joined_members(${joined.next(joint.id)}) p`;
  const mark = { orgId: joint.id, orgName: joint.name };
  const [a] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM people p ${own.sql}`, own.params);
  const [b] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM ${from} ${joined.sql}`, joined.params);
  const ownTotal = a?.n ?? 0;
  const start = (f.page - 1) * f.pageSize;
  const items: Person[] = [];
  if (start < ownTotal) {
    const rows = await q.query<Row>(
      `SELECT ${COLUMNS} FROM ${FROM} ${own.sql} ORDER BY p.id LIMIT ${own.next(f.pageSize)} OFFSET ${own.next(start)}`,
      own.params,
    );
    items.push(...rows.map(toPerson));
  }
  const room = f.pageSize - items.length;
  if (room > 0) {
    const rows = await q.query<Row>(
      `SELECT p.id, p.name, p.gender, NULL AS phone_mask, p.org_id, p.org_name, p.unit_id, p.is_member, p.category FROM ${from} ${joined.sql}
        ORDER BY p.id LIMIT ${joined.next(room)} OFFSET ${joined.next(Math.max(0, start - ownTotal))}`,
      joined.params,
    );
    items.push(...rows.map((r) => ({ ...toPerson(r), joinedThrough: mark })));
  }
  return { total: ownTotal + (b?.n ?? 0), items };
}

/**
 * Of the given people, the members of an organization — held in its subtree,
 * or, for a joint committee, in a branch it joins — with their accounts: a
 * meeting invites them by name and each answers from their own phone.
 */
export async function membersAmong(q: Queryable, orgId: number, ids: number[]): Promise<{ id: number; name: string; userId: number | null }[]> {
  if (!ids.length) return [];
  const own = await q.query<{ id: number; name: string; user_id: number | null }>(
    `SELECT id, name, user_id FROM people WHERE id = ANY ($1::bigint[]) AND is_member AND left_region_on IS NULL AND org_id = ANY ($2::bigint[])`,
    [ids, await orgs.subtreeIds(q, orgId)],
  );
  const place = await orgs.place(q, orgId);
  const joined = place?.kind === 'joint_committee'
    ? await q.query<{ id: number; name: string; user_id: number | null }>(`SELECT id, name, user_id FROM gj_joined_member_accounts($1, $2::bigint[])`, [orgId, ids])
    : [];
  const byId = new Map([...own, ...joined].map((r) => [r.id, { id: r.id, name: r.name, userId: r.user_id }]));
  return [...byId.values()];
}

/** The joint committees that count the members of an organization as their own too (a member's file shows them). */
export async function jointCommitteesOf(q: Queryable, orgId: number): Promise<{ orgId: number; orgName: string }[]> {
  const rows = await q.query<{ id: number; name: string }>(`SELECT id, name FROM gj_joint_committees_of($1) ORDER BY id`, [orgId]);
  return rows.map((r) => ({ orgId: r.id, orgName: r.name }));
}

/**
 * Head counts at a joint committee: its own, plus the members of the branches
 * it joins (counted once, though they stay in their own branches); everywhere
 * else, the subtree's rows, so a street over both counts each member once.
 */
export async function figuresUnder(q: Queryable, orgId: number): Promise<Record<string, number>> {
  const counts = await countUnder(q, orgId);
  if ((await orgs.place(q, orgId)).kind !== 'joint_committee') return counts;
  const [r] = await q.query<{ n: number }>(
    `SELECT count(*) AS n FROM gj_joined_members($1) j WHERE j.left_region_on IS NULL AND NOT (j.org_id = ANY ($2::bigint[]))`,
    [orgId, await orgs.subtreeIds(q, orgId)],
  );
  const joined = r?.n ?? 0;
  return { peopleCount: counts.peopleCount + joined, memberCount: counts.memberCount + joined, joinedMemberCount: joined };
}

export interface TalentFilter {
  /** Part of a skill's name: 电 finds 电工 and 家电维修. */
  skill?: string;
  /** An organization: people held in its subtree. */
  orgId?: number;
  /** Any of these times. */
  availability?: Availability[];
  kind?: 'member' | 'resident';
  /** The grid they live in (their household's). */
  gridId?: number;
  page: number;
  pageSize: number;
}

/**
 * The talent pool (能人库): members and residents with a skill, in an area,
 * free at the times asked for. Other modules (matching needs to people) call
 * this; it sees only whom the caller may see.
 */
export async function talentPool(q: Queryable, f: TalentFilter): Promise<{ total: number; items: Talent[] }> {
  const where = await filtered(q, { orgId: f.orgId, kind: f.kind });
  where.add('cardinality(p.skills) >= $?', 1);
  if (f.skill) where.add(`array_to_string(p.skills, '|') LIKE '%' || $? || '%'`, f.skill);
  if (f.availability?.length) where.add('p.availability && $?::text[]', f.availability);
  if (f.gridId !== undefined) where.add('p.residence_grid_id = $?', f.gridId);
  return page(q, where, `${COLUMNS}, p.skills, p.availability`, f, (r: Row & { skills: string[]; availability: Availability[] }) => ({
    ...toPerson(r),
    skills: r.skills,
    availability: r.availability,
  }));
}

/** A ledger is for reading, not a dump: a community's pool is hundreds, a district's a few thousand. */
const TALENT_LEDGER_MAX = 5000;
const TALENT_COLUMNS: [key: string, header: string, width: number][] = [
  ['name', '姓名', 12], ['kind', '身份', 8], ['skills', '特长', 30], ['availability', '可服务时间', 20], ['phoneMasked', '手机号', 16], ['orgName', '所属组织', 28],
];

/** The talent pool as the ledger a community keeps (能人库名册): everyone found, phones masked. */
export async function talentLedger(q: Queryable, f: Omit<TalentFilter, 'page' | 'pageSize'>): Promise<Buffer> {
  const { items } = await talentPool(q, { ...f, page: 1, pageSize: TALENT_LEDGER_MAX });
  const rows = items.map((p) => ({
    ...p,
    kind: p.isMember ? '党员' : '群众',
    skills: p.skills.join('、'),
    availability: p.availability.map((a) => AVAILABILITY.labels[a as Availability]).join('、'),
  }));
  return writeWorkbook([{ name: '能人库', columns: TALENT_COLUMNS.map(([key, header, width]) => ({ key, header, width })), rows }]);
}

export async function find(q: Queryable, personId: number): Promise<Person | null> {
  const [row] = await q.query<Row>(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = $1`, [personId]);
  return row ? toPerson(row) : null;
}

/**
 * A record of what a person did (points, service) must fall between their
 * membership's start, where the person is a member with a known date, and
 * today in the region: a deed in 2031, or before they joined, is a typo.
 */
export async function ensureDayInMembership(q: Queryable, person: Person, day: string, field: string, label: Text): Promise<void> {
  const today = regionToday();
  if (day > today) throw E.after_today({ label, today }).on(field);
  if (!person.isMember) return;
  const [row] = await q.query<{ joined_on: string | null }>(`SELECT joined_on::text FROM people WHERE id = $1`, [person.id]);
  if (row?.joined_on && day < row.joined_on) throw E.before_joining({ label, name: person.name, joined: row.joined_on }).on(field);
}

export async function get(q: Queryable, personId: number): Promise<Person> {
  const person = await find(q, personId);
  if (!person) throw notFound(PERSON);
  return person;
}

/** The coverage report's gap in people (orgs asks through people's manifest): units whose members have no party organization. */
export const coverageGaps: CoverageGaps = async (q, { units }) => {
  const bare = units.filter((u) => !u.hasPartyOrg);
  if (!bare.length) return [];
  const rows = await q.query<{ unit_id: number; n: number }>(
    `SELECT unit_id, count(*) AS n FROM people WHERE is_member AND left_region_on IS NULL AND unit_id = ANY ($1::bigint[]) GROUP BY unit_id`,
    [bare.map((u) => u.id)],
  );
  const members = new Map(rows.map((r) => [r.unit_id, r.n]));
  return bare
    .filter((u) => members.has(u.id))
    .map((u) => ({ kind: 'hidden_members', orgId: u.orgId, unitId: u.id, name: u.name, detail: GAPS.gap_hidden_members({ count: members.get(u.id)! }) }));
};

/**
 * The members of organizations (or of a unit) as a subquery (id, name,
 * org_id), for reports that rank a whole region's members in one statement
 * instead of loading them: params name the placeholders that hold the
 * organization ids (bigint[]) or the unit id.
 */
export function membersSql(params: { orgIds: string } | { unitId: string }): string {
  const where = 'orgIds' in params ? `org_id = ANY (${params.orgIds}::bigint[])` : `unit_id = ${params.unitId}`;
  return `SELECT id, name, org_id FROM people WHERE is_member AND ${where}`;
}

/** Members held under the given organizations, or working at a unit (yearly points lists, reports to units). */
export async function members(q: Queryable, f: { orgIds?: number[]; unitId?: number }): Promise<Person[]> {
  const where = conditions();
  if (f.orgIds) where.add('p.org_id = ANY ($?::bigint[])', f.orgIds);
  if (f.unitId !== undefined) where.add('p.unit_id = $?', f.unitId);
  const rows = await q.query<Row>(`SELECT ${COLUMNS} FROM ${FROM} ${where.sql ? `${where.sql} AND` : 'WHERE'} p.is_member ORDER BY p.id`, where.params);
  return rows.map(toPerson);
}

export async function countUnder(q: Queryable, orgId: number): Promise<{ peopleCount: number; memberCount: number }> {
  const [r] = await q.query<{ n: number; m: number }>(
    `SELECT count(*) AS n, count(*) FILTER (WHERE is_member) AS m FROM people WHERE org_id = ANY ($1::bigint[]) AND left_region_on IS NULL`,
    [await orgs.subtreeIds(q, orgId)],
  );
  return { peopleCount: r?.n ?? 0, memberCount: r?.m ?? 0 };
}

/** Everyone held in an organization's subtree, with what the grid's cards print (members first). */
export async function rosterUnder(
  q: Queryable,
  orgId: number,
): Promise<{ id: number; name: string; gender: 'male' | 'female' | null; isMember: boolean; category: string | null; skills: string[]; partyPost: string | null }[]> {
  const rows = await q.query<{ id: number; name: string; gender: 'male' | 'female' | null; is_member: boolean; category: string | null; skills: string[]; party_post: string | null }>(
    `SELECT id, name, gender, is_member, category, skills, party_post FROM people WHERE org_id = ANY ($1::bigint[]) ORDER BY is_member DESC, id LIMIT 1000`,
    [await orgs.subtreeIds(q, orgId)],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, gender: r.gender, isMember: r.is_member, category: r.category, skills: r.skills, partyPost: r.party_post }));
}

export interface PersonInput {
  orgId?: number;
  unitId?: number | null;
  name?: string;
  gender?: 'male' | 'female' | null;
  phone?: string | null;
  isMember?: boolean;
  category?: Category | null;
  ethnicity?: string | null;
  idNumber?: string | null;
  address?: string | null;
  birthDate?: string | null;
  joinedOn?: string | null;
  memberStatus?: 'probationary' | 'full' | null;
  partyPost?: string | null;
  skills?: string[];
  studyAtHome?: boolean;
  availability?: Availability[];
  householdId?: number | null;
}

/** Where a household is, from the view the grids module publishes (people does not import grids: grids builds on people). */
async function residenceOf(q: Queryable, householdId: number): Promise<PersonDetail['residence']> {
  const [r] = await q.query<{ id: number; community_id: number; community_name: string | null; grid_id: number; grid_name: string; building_id: number | null; building_name: string | null; entrance: number | null; room: string | null; address_mask: string }>(
    `SELECT id, community_id, community_name, grid_id, grid_name, building_id, building_name, entrance, room, address_mask FROM household_places WHERE id = $1`,
    [householdId],
  );
  return r
    ? { householdId: r.id, communityId: r.community_id, communityName: r.community_name, gridId: r.grid_id, gridName: r.grid_name, buildingId: r.building_id, buildingName: r.building_name, entrance: r.entrance, room: r.room, addressMasked: r.address_mask }
    : null;
}

/** The household columns: the grid follows the household, and only a household the caller can see may be named. */
async function residenceColumns(q: Queryable, householdId: number | null | undefined): Promise<Record<string, unknown>> {
  if (householdId === undefined) return {};
  if (householdId === null) return { household_id: null, residence_grid_id: null };
  const place = await residenceOf(q, householdId);
  if (!place) throw E.household_not_found();
  return { household_id: place.householdId, residence_grid_id: place.gridId };
}

/**
 * The columns an input sets: personal data encrypted with a masked copy, the
 * identity number validated and hashed, birth date and gender checked against
 * it. Keys left out of the input are left out here (an update keeps them).
 */
function columns(cipher: FieldCipher, input: PersonInput): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  const set = (col: string, v: unknown) => {
    if (v !== undefined) c[col] = v;
  };
  set('org_id', input.orgId);
  set('unit_id', input.unitId);
  set('name', input.name);
  if (input.name !== undefined) {
    const keys = searchKeys(input.name);
    c.name_initials = keys.initials;
    c.name_pinyin = keys.pinyin;
    c.name_folded = keys.folded;
  }
  set('gender', input.gender);
  set('is_member', input.isMember);
  set('category', input.category);
  set('ethnicity', input.ethnicity || (input.ethnicity === undefined ? undefined : null));
  set('birth_date', input.birthDate);
  if (input.joinedOn !== undefined) {
    const joined = input.joinedOn === null ? null : stored(input.joinedOn);
    c.joined_on = joined?.date ?? null;
    c.joined_on_precision = joined?.precision ?? 'day';
  }
  set('member_status', input.memberStatus);
  set('party_post', input.partyPost || (input.partyPost === undefined ? undefined : null));
  set('skills', input.skills ? [...new Set(input.skills)] : undefined);
  set('study_at_home', input.studyAtHome);
  set('availability', input.availability ? [...new Set(input.availability)] : undefined);
  const sealed = (plain: string | null | undefined, mask: (v: string) => string, name: string) => {
    if (plain === undefined) return;
    c[`${name}_enc`] = plain ? cipher.encrypt(plain) : null;
    c[`${name}_mask`] = plain ? mask(plain) : null;
  };
  sealed(input.phone, maskPhone, 'phone');
  sealed(input.address, maskAddress, 'address');
  if (input.idNumber !== undefined) {
    if (!input.idNumber) {
      sealed(null, maskIdNumber, 'id_number');
      c.id_number_hash = null;
    } else {
      const id = parseIdNumber(input.idNumber);
      if ('error' in id) throw E.id_number({ reason: { zh: id.error, en: 'The ID number is not valid' } });
      if (input.birthDate && input.birthDate !== id.birthDate) throw E.birth_date_mismatch({ birth: id.birthDate });
      if (input.gender && input.gender !== id.gender) throw E.gender_mismatch();
      sealed(id.value, maskIdNumber, 'id_number');
      c.id_number_hash = cipher.blindIndex(id.value);
      c.birth_date = id.birthDate;
      c.gender = id.gender;
    }
  }
  if (input.category && !input.isMember) throw E.category_members_only();
  return c;
}

export async function create(q: Queryable, cipher: FieldCipher, input: PersonInput & { orgId: number; name: string }): Promise<Person> {
  await orgs.place(q, input.orgId);
  if (input.unitId) await orgs.getUnit(q, input.unitId);
  const c = { ...columns(cipher, input), ...(await residenceColumns(q, input.householdId)) };
  const keys = Object.keys(c);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO people (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    keys.map((k) => c[k]),
  );
  return get(q, row!.id);
}

export async function update(q: Queryable, cipher: FieldCipher, personId: number, input: PersonInput): Promise<PersonDetail> {
  const before = await get(q, personId);
  if (input.unitId) await orgs.getUnit(q, input.unitId);
  const c = { ...columns(cipher, { ...input, isMember: input.isMember ?? before.isMember }), ...(await residenceColumns(q, input.householdId)) };
  const keys = Object.keys(c);
  await q.query(`UPDATE people SET ${keys.map((k, i) => `${k} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [
    personId,
    ...keys.map((k) => c[k]),
  ]);
  return detail(q, personId);
}

interface DetailRow extends Row {
  unit_name: string | null;
  ethnicity: string | null;
  birth_date: string | null;
  id_number_mask: string | null;
  address_mask: string | null;
  joined_on: string | null;
  joined_on_precision: Precision;
  member_status: 'probationary' | 'full' | null;
  party_post: string | null;
  skills: string[];
  study_at_home: boolean;
  availability: Availability[];
  user_id: number | null;
  household_id: number | null;
}

async function detailRow(q: Queryable, personId: number): Promise<DetailRow> {
  // The unit's name comes from the name directory: a member reading their own
  // file may not see the unit's row (units' policy), but may know its name.
  const [row] = await q.query<DetailRow>(
    `SELECT ${COLUMNS}, (SELECT d.name FROM gj_unit_directory(ARRAY[p.unit_id]) d) AS unit_name, p.ethnicity, p.birth_date::text, p.id_number_mask, p.address_mask,
            p.joined_on::text, p.joined_on_precision, p.member_status, p.party_post, p.skills, p.study_at_home, p.availability, p.user_id, p.household_id
       FROM ${FROM} WHERE p.id = $1`,
    [personId],
  );
  if (!row) throw notFound(PERSON);
  return row;
}

/** A person's file, masked. */
export async function detail(q: Queryable, personId: number): Promise<PersonDetail> {
  const r = await detailRow(q, personId);
  const place = r.household_id === null ? null : await residenceOf(q, r.household_id);
  return {
    ...toPerson(r),
    unitName: r.unit_name,
    ethnicity: r.ethnicity,
    birthDate: r.birth_date,
    idNumberMasked: r.id_number_mask,
    addressMasked: r.address_mask,
    joinedOn: r.joined_on && asKnown(r.joined_on, r.joined_on_precision),
    memberStatus: r.member_status,
    partyPost: r.party_post,
    skills: r.skills,
    studyAtHome: r.study_at_home,
    availability: r.availability,
    householdId: r.household_id,
    residence: place ?? null,
    jointCommittees: r.is_member ? await jointCommitteesOf(q, r.org_id) : [],
    account: r.user_id === null ? null : { userId: r.user_id, username: await users.usernameIfSeen(q, r.user_id) },
  };
}

/** The account a person signs in with, if any. */
export async function accountOf(q: Queryable, personId: number): Promise<number | null> {
  return (await detailRow(q, personId)).user_id;
}

/** The files of the people who hold this account: each is their own file. */
export async function ownFileIds(q: Queryable, userId: number | null): Promise<Set<number>> {
  if (userId === null) return new Set();
  const rows = await q.query<{ id: number }>(`SELECT id FROM people WHERE user_id = $1`, [userId]);
  return new Set(rows.map((r) => r.id));
}

/** The person file linked to an account, if any (a member acting for themselves). */
export async function ofAccount(q: Queryable, userId: number): Promise<Person | null> {
  const [row] = await q.query<Row>(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.user_id = $1 ORDER BY p.id LIMIT 1`, [userId]);
  return row ? toPerson(row) : null;
}

export async function isOwnFile(q: Queryable, personId: number, userId: number): Promise<boolean> {
  return (await accountOf(q, personId)) === userId;
}

const REVEAL_COLUMN = { idNumber: 'id_number_enc', phone: 'phone_enc', address: 'address_enc' } as const;

/** Shows one masked value in clear, and records that the caller saw it. */
export async function reveal(q: Queryable, cipher: FieldCipher, personId: number, userId: number, field: keyof typeof REVEAL_COLUMN): Promise<string | null> {
  const [row] = await q.query<{ v: string | null; org_id: number }>(`SELECT ${REVEAL_COLUMN[field]} AS v, org_id FROM people WHERE id = $1`, [personId]);
  if (!row) throw notFound(PERSON);
  await q.query(`INSERT INTO person_reveals (org_id, person_id, user_id, field) VALUES ($1, $2, $3, $4)`, [row.org_id, personId, userId, field]);
  return row.v ? cipher.decrypt(row.v) : null;
}

/** A member transferred out of the region: the file stays, the lists and counts here no longer include them. */
export async function leaveRegion(q: Queryable, personId: number): Promise<void> {
  await q.query(`UPDATE people SET left_region_on = current_date, updated_at = now() WHERE id = $1`, [personId]);
}

/**
 * Opens a sign-in account from a file (an admin of the person's
 * organization, people/policy.ts): a member's or a resident's role there, as
 * the file says, so the person never needs a second file.
 */
export async function openAccount(q: Queryable, scope: Scope, personId: number, input: { username: string; password: string }): Promise<void> {
  const r = await detailRow(q, personId);
  await ensureNoAccount(q, r.user_id);
  const account = await users.openFor(q, scope, { ...input, displayName: r.name, orgId: r.org_id, role: r.is_member ? 'member' : 'resident' });
  await linkAccount(q, personId, account.id);
}

/**
 * Ties an existing account to a file: one the caller manages, holding a role
 * where the person is registered (or above), and tied to no other file.
 */
export async function tieAccount(q: Queryable, scope: Scope, personId: number, userId: number): Promise<void> {
  const r = await detailRow(q, personId);
  await ensureNoAccount(q, r.user_id);
  await users.ensureAction(q, scope, userId, 'edit');
  const place = (await orgs.pathsOf(q, [r.org_id])).get(r.org_id);
  const reach = await users.grantPaths(q, userId);
  if (!place || !reach.some((path) => place === path || place.startsWith(`${path}.`))) throw E.account_elsewhere();
  await linkAccount(q, personId, userId);
}

/** Unties a file from its account (a mistaken link): the account stays, and no longer acts as this person. */
export async function untieAccount(q: Queryable, scope: Scope, personId: number): Promise<void> {
  const userId = (await detailRow(q, personId)).user_id;
  if (userId === null) throw E.no_account();
  // As for tying: only who manages the account (could grant all it holds) takes it from its file.
  await users.ensureAction(q, scope, userId, 'edit');
  await q.query(`UPDATE people SET user_id = NULL, updated_at = now() WHERE id = $1`, [personId]);
}

/** How long a code the community hands out stays good. */
const ACTIVATION_DAYS = 7;
/** Activation tries one client (address) may make in an hour. */
export const ACTIVATIONS_PER_HOUR = 10;
const codeHash = (cipher: FieldCipher, code: string) => cipher.blindIndex(`activation:${code}`);

/**
 * A one-time code for the person to activate their own account (账号激活),
 * shown once to whoever issues it: a new one voids the last. The file must
 * hold the identity number and phone the person will type.
 */
export async function issueActivationCode(q: Queryable, cipher: FieldCipher, personId: number): Promise<{ code: string; expiresAt: string }> {
  const r = await detailRow(q, personId);
  await ensureNoAccount(q, r.user_id);
  const [file] = await q.query<{ ready: boolean }>(`SELECT id_number_hash IS NOT NULL AND phone_mask IS NOT NULL AS ready FROM people WHERE id = $1`, [personId]);
  if (!file?.ready) throw E.activation_needs();
  const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
  const [row] = await q.query<{ expires_at: Date }>(
    `UPDATE people SET activation_code_hash = $2, activation_expires_at = now() + make_interval(days => $3), activation_failures = 0
      WHERE id = $1 RETURNING activation_expires_at AS expires_at`,
    [personId, codeHash(cipher, code), ACTIVATION_DAYS],
  );
  return { code, expiresAt: new Date(row!.expires_at).toISOString() };
}

/**
 * The person activates their account from a phone, signed out. Every
 * mismatch is answered alike (see gj_activate_account), and each client has
 * a few tries an hour.
 */
export async function activate(
  db: Database, cipher: FieldCipher, input: { idNumber: string; phone: string; code: string; password: string }, client: string,
): Promise<{ username: string; message: string }> {
  const id = parseIdNumber(input.idNumber);
  if ('error' in id) throw E.id_number({ reason: { zh: id.error, en: 'The ID number is not valid' } });
  const outcome = await users.attemptActivation(db, {
    idNumberHash: cipher.blindIndex(id.value), phoneMask: maskPhone(input.phone), codeHash: codeHash(cipher, input.code), phone: input.phone,
    password: input.password, address: client, perHour: ACTIVATIONS_PER_HOUR,
  });
  if (outcome === 'rate') throw E.activation_rate();
  if (outcome === 'phone_taken') throw E.activation_phone_taken();
  if (outcome !== 'activated') throw E.activation_refused();
  return { username: input.phone, message: '账号已激活，请用手机号和刚设的密码登录。' };
}

async function ensureNoAccount(q: Queryable, userId: number | null): Promise<void> {
  if (userId !== null) throw E.has_account({ username: (await users.usernameIfSeen(q, userId)) ?? `#${userId}` });
}

/** Links a person to the account they sign in with; they then see their own file. */
export async function linkAccount(q: Queryable, personId: number, userId: number): Promise<void> {
  await get(q, personId);
  await q.query(`UPDATE people SET user_id = $2 WHERE id = $1`, [personId, userId]);
}

/** People under some organizations whose skills name any of the words: the first cut of the talent pool (能人库), members first. */
export async function withSkills(
  q: Queryable,
  orgIds: number[],
  words: string[],
  limit = 30,
): Promise<{ id: number; name: string; orgId: number; orgName: string | null; isMember: boolean; skills: string[] }[]> {
  if (!orgIds.length || !words.length) return [];
  return q.query(
    `SELECT p.id, p.name, p.org_id AS "orgId", o.name AS "orgName", p.is_member AS "isMember", p.skills
       FROM ${FROM}
      WHERE p.org_id = ANY ($1::bigint[])
        AND EXISTS (SELECT 1 FROM unnest(p.skills) s, unnest($2::text[]) w WHERE strpos(s, w) > 0)
      ORDER BY p.is_member DESC, p.id LIMIT $3`,
    [orgIds, words, limit],
  );
}

/** Its figures on the statistics page (statistics imports no module; the manifest hands them over). */
export function statisticsFigures(): StatFigure[] {
  return [
    {
      key: 'people.members', label: { zh: '党员', en: 'Members' },
      count: async (q, orgId) => countRows(q, 'people p', [await orgs.underCondition(q, orgId, 'p'), 'p.is_member', 'p.left_region_on IS NULL']),
      link: (orgId) => `/people?orgId=${orgId}`,
    },
  ];
}
