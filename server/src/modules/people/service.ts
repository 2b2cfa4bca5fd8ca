import type { FieldCipher } from '../../kernel/crypto.ts';
import { maskAddress, maskIdNumber, maskPhone } from '../../kernel/crypto.ts';
import { parseIdNumber } from '../../kernel/idnumber.ts';
import type { Queryable } from '../../kernel/db.ts';
import { conditions } from '../../kernel/sql.ts';
import { invalidField, notFound } from '../../kernel/errors.ts';
import * as orgs from '../orgs/service.ts';
import type { Category, Person, PersonDetail } from './schema.ts';

const COLUMNS = `p.id, p.name, p.gender, p.phone_mask, p.org_id, o.name AS org_name, p.unit_id, p.is_member, p.category`;
const FROM = `people p LEFT JOIN organizations o ON o.id = p.org_id`;

interface Row {
  id: number;
  name: string;
  gender: 'male' | 'female' | null;
  phone_mask: string | null;
  org_id: number;
  org_name: string | null;
  unit_id: number | null;
  is_member: boolean;
  category: string | null;
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

/** Count and page through everyone the caller can see, optionally under one organization. */
export async function list(
  q: Queryable,
  f: { orgId?: number; q?: string; page: number; pageSize: number },
): Promise<{ total: number; items: Person[] }> {
  const where = conditions();
  if (f.orgId !== undefined) where.add('p.org_id = ANY ($?::bigint[])', await orgs.subtreeIds(q, f.orgId));
  if (f.q) where.add(`p.name LIKE '%' || $? || '%'`, f.q);
  const [c] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM people p ${where.sql}`, where.params);
  const rows = await q.query<Row>(
    `SELECT ${COLUMNS} FROM ${FROM} ${where.sql} ORDER BY p.id LIMIT ${where.next(f.pageSize)} OFFSET ${where.next((f.page - 1) * f.pageSize)}`,
    where.params,
  );
  return { total: c?.n ?? 0, items: rows.map(toPerson) };
}

export async function find(q: Queryable, personId: number): Promise<Person | null> {
  const [row] = await q.query<Row>(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = $1`, [personId]);
  return row ? toPerson(row) : null;
}

export async function get(q: Queryable, personId: number): Promise<Person> {
  const person = await find(q, personId);
  if (!person) throw notFound('人员');
  return person;
}

/** Members working in each unit (for coverage: units with members but no party organization). */
export async function membersByUnit(q: Queryable, unitIds: number[]): Promise<Map<number, number>> {
  if (!unitIds.length) return new Map();
  const rows = await q.query<{ unit_id: number; n: number }>(
    `SELECT unit_id, count(*) AS n FROM people WHERE is_member AND unit_id = ANY ($1::bigint[]) GROUP BY unit_id`,
    [unitIds],
  );
  return new Map(rows.map((r) => [r.unit_id, r.n]));
}

/** People held directly by an organization (not its subtree). */
export async function countHeldBy(q: Queryable, orgId: number): Promise<number> {
  const [r] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM people WHERE org_id = $1`, [orgId]);
  return r?.n ?? 0;
}

/** When an organization is dissolved or merged, its people move to the receiving one. */
export async function transferHeld(q: Queryable, fromOrgId: number, toOrgId: number): Promise<void> {
  await q.query(`UPDATE people SET org_id = $2 WHERE org_id = $1`, [fromOrgId, toOrgId]);
}

export async function countUnder(q: Queryable, orgId: number): Promise<{ peopleCount: number; memberCount: number }> {
  const [r] = await q.query<{ n: number; m: number }>(
    `SELECT count(*) AS n, count(*) FILTER (WHERE is_member) AS m FROM people WHERE org_id = ANY ($1::bigint[])`,
    [await orgs.subtreeIds(q, orgId)],
  );
  return { peopleCount: r?.n ?? 0, memberCount: r?.m ?? 0 };
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
  set('gender', input.gender);
  set('is_member', input.isMember);
  set('category', input.category);
  set('ethnicity', input.ethnicity || (input.ethnicity === undefined ? undefined : null));
  set('birth_date', input.birthDate);
  set('joined_on', input.joinedOn);
  set('member_status', input.memberStatus);
  set('party_post', input.partyPost || (input.partyPost === undefined ? undefined : null));
  set('skills', input.skills ? [...new Set(input.skills)] : undefined);
  set('study_at_home', input.studyAtHome);
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
      if ('error' in id) throw invalidField('idNumber', id.error);
      if (input.birthDate && input.birthDate !== id.birthDate) throw invalidField('birthDate', `出生日期与身份证号不一致（身份证号为 ${id.birthDate}）`);
      if (input.gender && input.gender !== id.gender) throw invalidField('gender', '性别与身份证号不一致');
      sealed(id.value, maskIdNumber, 'id_number');
      c.id_number_hash = cipher.blindIndex(id.value);
      c.birth_date = id.birthDate;
      c.gender = id.gender;
    }
  }
  if (input.category && !input.isMember) throw invalidField('category', '党员类别只适用于党员');
  return c;
}

export async function create(q: Queryable, cipher: FieldCipher, input: PersonInput & { orgId: number; name: string }): Promise<Person> {
  await orgs.place(q, input.orgId);
  if (input.unitId) await orgs.getUnit(q, input.unitId);
  const c = columns(cipher, input);
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
  const c = columns(cipher, { ...input, isMember: input.isMember ?? before.isMember });
  const keys = Object.keys(c);
  await q.query(`UPDATE people SET ${keys.map((k, i) => `${k} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [
    personId,
    ...keys.map((k) => c[k]),
  ]);
  return detail(q, personId, false);
}

interface DetailRow extends Row {
  unit_name: string | null;
  ethnicity: string | null;
  birth_date: string | null;
  id_number_mask: string | null;
  address_mask: string | null;
  joined_on: string | null;
  member_status: 'probationary' | 'full' | null;
  party_post: string | null;
  skills: string[];
  study_at_home: boolean;
  user_id: number | null;
}

async function detailRow(q: Queryable, personId: number): Promise<DetailRow> {
  const [row] = await q.query<DetailRow>(
    `SELECT ${COLUMNS}, un.name AS unit_name, p.ethnicity, p.birth_date::text, p.id_number_mask, p.address_mask,
            p.joined_on::text, p.member_status, p.party_post, p.skills, p.study_at_home, p.user_id
       FROM ${FROM} LEFT JOIN units un ON un.id = p.unit_id WHERE p.id = $1`,
    [personId],
  );
  if (!row) throw notFound('人员');
  return row;
}

/** A person's file, masked. canReveal says whether the caller may see the values in clear. */
export async function detail(q: Queryable, personId: number, canReveal: boolean): Promise<PersonDetail> {
  const r = await detailRow(q, personId);
  return {
    ...toPerson(r),
    unitName: r.unit_name,
    ethnicity: r.ethnicity,
    birthDate: r.birth_date,
    idNumberMasked: r.id_number_mask,
    addressMasked: r.address_mask,
    joinedOn: r.joined_on,
    memberStatus: r.member_status,
    partyPost: r.party_post,
    skills: r.skills,
    studyAtHome: r.study_at_home,
    canReveal,
  };
}

/** The account a person signs in with, if any. */
export async function accountOf(q: Queryable, personId: number): Promise<number | null> {
  return (await detailRow(q, personId)).user_id;
}

export async function isOwnFile(q: Queryable, personId: number, userId: number): Promise<boolean> {
  return (await accountOf(q, personId)) === userId;
}

const REVEAL_COLUMN = { idNumber: 'id_number_enc', phone: 'phone_enc', address: 'address_enc' } as const;

/** Shows one masked value in clear, and records that the caller saw it. */
export async function reveal(q: Queryable, cipher: FieldCipher, personId: number, userId: number, field: keyof typeof REVEAL_COLUMN): Promise<string | null> {
  const [row] = await q.query<{ v: string | null; org_id: number }>(`SELECT ${REVEAL_COLUMN[field]} AS v, org_id FROM people WHERE id = $1`, [personId]);
  if (!row) throw notFound('人员');
  await q.query(`INSERT INTO person_reveals (org_id, person_id, user_id, field) VALUES ($1, $2, $3, $4)`, [row.org_id, personId, userId, field]);
  return row.v ? cipher.decrypt(row.v) : null;
}

/** Links a person to the account they sign in with; they then see their own file. */
export async function linkAccount(q: Queryable, personId: number, userId: number): Promise<void> {
  await get(q, personId);
  await q.query(`UPDATE people SET user_id = $2 WHERE id = $1`, [personId, userId]);
}
