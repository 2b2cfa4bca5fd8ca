import type { FieldCipher } from '../../kernel/crypto.ts';
import { maskPhone } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import { invalidField, notFound } from '../../kernel/errors.ts';
import * as orgs from '../orgs/service.ts';
import type { Category, Person } from './schema.ts';

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
  const path = f.orgId === undefined ? null : (await orgs.get(q, f.orgId)).path;
  const where = `WHERE ($1::ltree IS NULL OR p.org_id IN ${orgs.subtreeIdsSql('$1::ltree')})
                   AND ($2::text IS NULL OR p.name LIKE '%' || $2 || '%')`;
  const params = [path, f.q || null];
  const [c] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM people p ${where}`, params);
  const rows = await q.query<Row>(`SELECT ${COLUMNS} FROM ${FROM} ${where} ORDER BY p.id LIMIT $3 OFFSET $4`, [
    ...params,
    f.pageSize,
    (f.page - 1) * f.pageSize,
  ]);
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

export async function countUnder(q: Queryable, path: string): Promise<{ peopleCount: number; memberCount: number }> {
  const [r] = await q.query<{ n: number; m: number }>(
    `SELECT count(*) AS n, count(*) FILTER (WHERE is_member) AS m FROM people WHERE org_id IN ${orgs.subtreeIdsSql('$1::ltree')}`,
    [path],
  );
  return { peopleCount: r?.n ?? 0, memberCount: r?.m ?? 0 };
}

export async function create(
  q: Queryable,
  cipher: FieldCipher,
  input: {
    orgId: number;
    unitId?: number | null;
    name: string;
    gender: 'male' | 'female' | null;
    phone: string | null;
    isMember: boolean;
    category: Category | null;
  },
): Promise<Person> {
  await orgs.get(q, input.orgId);
  if (input.unitId) await orgs.getUnit(q, input.unitId);
  if (input.category && !input.isMember) throw invalidField('category', '党员类别只适用于党员');
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO people (org_id, unit_id, name, gender, phone_enc, phone_mask, is_member, category)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      input.orgId,
      input.unitId ?? null,
      input.name,
      input.gender,
      input.phone ? cipher.encrypt(input.phone) : null,
      input.phone ? maskPhone(input.phone) : null,
      input.isMember,
      input.category,
    ],
  );
  return get(q, row!.id);
}

/** Links a person to the account they sign in with; they then see their own file. */
export async function linkAccount(q: Queryable, personId: number, userId: number): Promise<void> {
  await get(q, personId);
  await q.query(`UPDATE people SET user_id = $2 WHERE id = $1`, [personId, userId]);
}
