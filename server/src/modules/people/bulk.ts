import { searchKeys } from '../../kernel/text.ts';
import type { FieldCipher } from '../../kernel/crypto.ts';
import { stored } from '../../kernel/partialdate.ts';
import { maskAddress, maskIdNumber, maskPhone } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { Category } from './schema.ts';

// Many people at once, keyed by identity number (the census import, the demo):
// one statement reads the batch's existing files, one inserts the new people,
// one updates the changed ones. A person already on file is merged, never
// doubled; a file that would not change is not written, so importing the same
// rows again leaves the table (and the audit log) as it was.

export interface BulkPerson {
  /** A validated 18-character identity number (kernel/idnumber.ts). */
  idNumber: string;
  /** Home organization of a member; residence community (or grid) of a resident. */
  orgId: number;
  unitId: number | null;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  ethnicity: string | null;
  phone: string | null;
  address: string | null;
  isMember: boolean;
  category: Category | null;
  /** "2003-06" where only the month is known (kernel/partialdate.ts). */
  joinedOn: string | null;
  memberStatus: 'probationary' | 'full' | null;
  skills: string[];
  /** Where they live, when the row named a household (kept as it was when not). */
  residence?: { householdId: number; gridId: number } | null;
}

export type BulkOutcome =
  | { outcome: 'created' | 'merged' | 'unchanged'; personId: number }
  | { outcome: 'rejected'; field: 'org' | 'idNumber'; message: string };

interface Existing {
  id: number;
  id_number_hash: string;
  org_id: number;
  org_name: string | null;
  unit_id: number | null;
  name: string;
  gender: string | null;
  birth_date: string | null;
  ethnicity: string | null;
  phone_enc: string | null;
  address_enc: string | null;
  is_member: boolean;
  category: string | null;
  joined_on: string | null;
  member_status: string | null;
  skills: string[];
  household_id: number | null;
  residence_grid_id: number | null;
}

/** The columns written for one person, personal data sealed. */
interface Sealed {
  org_id: number;
  unit_id: number | null;
  name: string;
  gender: string | null;
  birth_date: string | null;
  ethnicity: string | null;
  phone_enc: string | null;
  phone_mask: string | null;
  address_enc: string | null;
  address_mask: string | null;
  is_member: boolean;
  category: string | null;
  joined_on: string | null;
  member_status: string | null;
  skills: string[];
  household_id: number | null;
  residence_grid_id: number | null;
}

// Compared to decide whether a file changes; encrypted values are compared in clear.
const COMPARED = ['org_id', 'unit_id', 'name', 'gender', 'birth_date', 'ethnicity', 'is_member', 'category', 'joined_on', 'member_status', 'household_id'] as const;
const SEP = '\u001f';

function seal(cipher: FieldCipher, v: string | null, mask: (s: string) => string): [string | null, string | null] {
  return v ? [cipher.encrypt(v), mask(v)] : [null, null];
}

/** What the person's file becomes: the file's values where given, the existing ones elsewhere. */
function merge(cipher: FieldCipher, p: BulkPerson, e: Existing): { row: Sealed; changed: boolean } {
  const isMember = e.is_member || p.isMember;
  // A member imported again as a resident keeps their home organization.
  const fromFile = p.isMember || !e.is_member;
  const phone = p.phone ?? (e.phone_enc ? cipher.decrypt(e.phone_enc) : null);
  const address = p.address ?? (e.address_enc ? cipher.decrypt(e.address_enc) : null);
  const skills = [...new Set([...e.skills, ...p.skills])];
  const row: Sealed = {
    org_id: fromFile ? p.orgId : e.org_id,
    unit_id: p.unitId ?? e.unit_id,
    name: p.name,
    gender: p.gender,
    birth_date: p.birthDate,
    ethnicity: p.ethnicity ?? e.ethnicity,
    phone_enc: null,
    phone_mask: null,
    address_enc: null,
    address_mask: null,
    is_member: isMember,
    category: isMember ? ((fromFile ? p.category : null) ?? e.category) : null,
    joined_on: isMember ? ((fromFile ? p.joinedOn : null) ?? e.joined_on) : null,
    member_status: isMember ? ((fromFile ? p.memberStatus : null) ?? e.member_status) : null,
    skills,
    household_id: p.residence?.householdId ?? e.household_id,
    residence_grid_id: p.residence?.gridId ?? e.residence_grid_id,
  };
  const phoneSame = phone === (e.phone_enc ? cipher.decrypt(e.phone_enc) : null);
  const addressSame = address === (e.address_enc ? cipher.decrypt(e.address_enc) : null);
  [row.phone_enc, row.phone_mask] = phoneSame ? [e.phone_enc, phone && maskPhone(phone)] : seal(cipher, phone, maskPhone);
  [row.address_enc, row.address_mask] = addressSame ? [e.address_enc, address && maskAddress(address)] : seal(cipher, address, maskAddress);
  const changed =
    !phoneSame || !addressSame || skills.length !== e.skills.length || COMPARED.some((k) => (row[k] ?? null) !== (e[k] ?? null));
  return { row, changed };
}

function fresh(cipher: FieldCipher, p: BulkPerson): Sealed {
  const [phone_enc, phone_mask] = seal(cipher, p.phone, maskPhone);
  const [address_enc, address_mask] = seal(cipher, p.address, maskAddress);
  return {
    org_id: p.orgId,
    unit_id: p.unitId,
    name: p.name,
    gender: p.gender,
    birth_date: p.birthDate,
    ethnicity: p.ethnicity,
    phone_enc,
    phone_mask,
    address_enc,
    address_mask,
    is_member: p.isMember,
    category: p.isMember ? p.category : null,
    joined_on: p.isMember ? p.joinedOn : null,
    member_status: p.isMember ? p.memberStatus : null,
    skills: [...new Set(p.skills)],
    household_id: p.residence?.householdId ?? null,
    residence_grid_id: p.residence?.gridId ?? null,
  };
}

/** A keyed hash of what a row says about a person, key order aside: the same row, the same hash. */
export function contentHash(cipher: FieldCipher, p: BulkPerson): string {
  return cipher.blindIndex(JSON.stringify(Object.entries(p).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/**
 * The people whose file was last written from exactly this row and not
 * changed since (people.census_hash, migration 0072), by the batch's order;
 * null where the row must be applied. Reads hashes only: nothing is decrypted.
 */
export async function unchangedSince(q: Queryable, cipher: FieldCipher, batch: BulkPerson[]): Promise<(number | null)[]> {
  if (!batch.length) return [];
  const hashes = batch.map((p) => cipher.blindIndex(p.idNumber));
  const found = new Map(
    (
      await q.query<{ id: number; id_number_hash: string; census_hash: string }>(
        `SELECT id, id_number_hash, census_hash FROM people WHERE id_number_hash = ANY ($1::text[]) AND census_hash IS NOT NULL`,
        [hashes],
      )
    ).map((r) => [r.id_number_hash, r]),
  );
  return batch.map((p, i) => {
    const e = found.get(hashes[i]!);
    return e && e.census_hash === contentHash(cipher, p) ? e.id : null;
  });
}

// unnest() takes one array per column; skills (an array per row) travel joined.
// The search keys follow the name, as people.create keeps them (pinyin search),
// the content hash the row (unchangedSince), and a month-only join date is
// stored as its first day and its precision.
type Column = keyof Sealed | 'name_initials' | 'name_pinyin' | 'name_folded' | 'joined_on_precision' | 'census_hash';
const COLUMNS: [Column, string][] = [
  ['org_id', 'bigint'],
  ['unit_id', 'bigint'],
  ['name', 'text'],
  ['gender', 'text'],
  ['birth_date', 'date'],
  ['ethnicity', 'text'],
  ['phone_enc', 'text'],
  ['phone_mask', 'text'],
  ['address_enc', 'text'],
  ['address_mask', 'text'],
  ['is_member', 'boolean'],
  ['category', 'text'],
  ['joined_on', 'date'],
  ['member_status', 'text'],
  ['skills', 'text'],
  ['household_id', 'bigint'],
  ['residence_grid_id', 'bigint'],
  ['name_initials', 'text'],
  ['name_pinyin', 'text'],
  ['name_folded', 'text'],
  ['joined_on_precision', 'text'],
  ['census_hash', 'text'],
];
const columnArrays = (rows: Sealed[], census: string[], offset: number) => {
  const keys = rows.map((r) => searchKeys(r.name));
  const derived: Partial<Record<Column, (r: Sealed, i: number) => unknown>> = {
    skills: (r) => r.skills.join(SEP),
    name_initials: (_, i) => keys[i]!.initials,
    name_pinyin: (_, i) => keys[i]!.pinyin,
    name_folded: (_, i) => keys[i]!.folded,
    joined_on: (r) => r.joined_on && stored(r.joined_on).date,
    joined_on_precision: (r) => (r.joined_on ? stored(r.joined_on).precision : 'day'),
    census_hash: (_, i) => census[i],
  };
  const value = (k: Column, r: Sealed, i: number) => {
    const d = derived[k];
    return d ? d(r, i) : r[k as keyof Sealed];
  };
  return {
    params: COLUMNS.map(([k]) => rows.map((r, i) => value(k, r, i))),
    unnest: COLUMNS.map(([, type], i) => `$${i + offset}::${type}[]`).join(', '),
  };
};
const SKILLS = `CASE WHEN u.skills = '' THEN '{}'::text[] ELSE string_to_array(u.skills, chr(31)) END`;

/**
 * Creates or merges a batch of people by identity number, in the caller's
 * scope. Identity numbers must be distinct within the batch. A member stays in
 * one home organization: a batch that names another is refused for that
 * person, as is a number already on file outside the caller's scope.
 */
export async function upsertByIdNumber(q: Queryable, cipher: FieldCipher, batch: BulkPerson[]): Promise<BulkOutcome[]> {
  const hashes = batch.map((p) => cipher.blindIndex(p.idNumber));
  if (new Set(hashes).size !== hashes.length) throw new Error('upsertByIdNumber: identity numbers repeat within the batch');
  const existing = new Map(
    (
      await q.query<Existing>(
        `SELECT p.id, p.id_number_hash, p.org_id, o.name AS org_name, p.unit_id, p.name, p.gender, p.birth_date::text, p.ethnicity,
                p.phone_enc, p.address_enc, p.is_member, p.category,
                CASE WHEN p.joined_on_precision = 'month' THEN to_char(p.joined_on, 'YYYY-MM') ELSE p.joined_on::text END AS joined_on,
                p.member_status, p.skills,
                p.household_id, p.residence_grid_id
           FROM people p LEFT JOIN org_labels o ON o.id = p.org_id WHERE p.id_number_hash = ANY ($1::text[])`,
        [hashes],
      )
    ).map((e) => [e.id_number_hash, e]),
  );
  const outcomes: (BulkOutcome | undefined)[] = new Array(batch.length);
  const inserts: { i: number; row: Sealed }[] = [];
  const updates: { i: number; id: number; row: Sealed }[] = [];
  batch.forEach((p, i) => {
    const e = existing.get(hashes[i]!);
    if (!e) return inserts.push({ i, row: fresh(cipher, p) });
    if (e.is_member && p.isMember && e.org_id !== p.orgId) {
      outcomes[i] = {
        outcome: 'rejected',
        field: 'org',
        message: `${e.name}已是${e.org_name ?? '其他组织'}的党员，同一党员不能有两个组织关系（如需转移，请办理组织关系接转）`,
      };
      return;
    }
    const { row, changed } = merge(cipher, p, e);
    outcomes[i] = { outcome: changed ? 'merged' : 'unchanged', personId: e.id };
    if (changed) updates.push({ i, id: e.id, row });
  });

  if (inserts.length) {
    const { params, unnest } = columnArrays(
      inserts.map((x) => x.row),
      inserts.map((x) => contentHash(cipher, batch[x.i]!)),
      4,
    );
    const ids = inserts.map((x) => batch[x.i]!.idNumber);
    const created = await q.query<{ id: number; id_number_hash: string }>(
      `INSERT INTO people (${COLUMNS.map(([k]) => k).join(', ')}, id_number_enc, id_number_mask, id_number_hash)
       SELECT u.org_id, u.unit_id, u.name, u.gender, u.birth_date, u.ethnicity, u.phone_enc, u.phone_mask, u.address_enc, u.address_mask,
              u.is_member, u.category, u.joined_on, u.member_status, ${SKILLS}, u.household_id, u.residence_grid_id, u.name_initials, u.name_pinyin, u.name_folded, u.joined_on_precision, u.census_hash, u.id_number_enc, u.id_number_mask, u.id_number_hash
         FROM unnest($1::text[], $2::text[], $3::text[], ${unnest})
              AS u(id_number_enc, id_number_mask, id_number_hash, ${COLUMNS.map(([k]) => k).join(', ')})
       ON CONFLICT (region_id, id_number_hash) WHERE id_number_hash IS NOT NULL DO NOTHING
       RETURNING id, id_number_hash`,
      [ids.map((v) => cipher.encrypt(v)), ids.map(maskIdNumber), inserts.map((x) => hashes[x.i]), ...params],
    );
    const byHash = new Map(created.map((c) => [c.id_number_hash, c.id]));
    for (const { i } of inserts) {
      const id = byHash.get(hashes[i]!);
      // Not inserted and not visible above: the number is on file where the caller cannot see.
      outcomes[i] =
        id === undefined
          ? { outcome: 'rejected', field: 'idNumber', message: '该身份证号已在您管辖范围以外登记，请与其所在组织核实' }
          : { outcome: 'created', personId: id };
    }
  }

  if (updates.length) {
    const { params, unnest } = columnArrays(
      updates.map((x) => x.row),
      updates.map((x) => contentHash(cipher, batch[x.i]!)),
      2,
    );
    await q.query(
      `UPDATE people p SET ${COLUMNS.map(([k]) => `${k} = ${k === 'skills' ? SKILLS : `u.${k}`}`).join(', ')}, updated_at = now()
         FROM unnest($1::bigint[], ${unnest}) AS u(id, ${COLUMNS.map(([k]) => k).join(', ')})
        WHERE p.id = u.id`,
      [updates.map((x) => x.id), ...params],
    );
  }
  return outcomes as BulkOutcome[];
}
