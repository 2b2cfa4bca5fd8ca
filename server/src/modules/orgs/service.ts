import type { Queryable } from '../../kernel/db.ts';
import { notFound } from '../../kernel/errors.ts';
import { ORG_KINDS, UNIT_KINDS, type Org, type OrgKind, type Unit, type UnitKind } from './schema.ts';

// Every query here runs on a scoped connection: row-level security already
// limits it to what the caller may see, so none of them filters by scope.

const ORG_COLUMNS = `o.id, o.parent_id, o.region_id, o.name, o.kind, o.path::text AS path, nlevel(o.path) AS depth,
  (SELECT count(*) FROM organizations c WHERE c.parent_id = o.id) AS child_count`;

interface OrgRow {
  id: number;
  parent_id: number | null;
  region_id: number;
  name: string;
  kind: OrgKind;
  path: string;
  depth: number;
  child_count: number;
}

const toOrg = (r: OrgRow): Org => ({
  id: r.id,
  parentId: r.parent_id,
  regionId: r.region_id,
  name: r.name,
  kind: r.kind,
  kindLabel: ORG_KINDS[r.kind],
  path: r.path,
  depth: r.depth,
  childCount: r.child_count,
});

/** The tops of what the caller can see: visible organizations whose parent is not visible. */
export async function roots(q: Queryable): Promise<Org[]> {
  const rows = await q.query<OrgRow>(
    `SELECT ${ORG_COLUMNS} FROM organizations o
      WHERE NOT EXISTS (SELECT 1 FROM organizations p WHERE p.id = o.parent_id)
      ORDER BY o.path`,
  );
  return rows.map(toOrg);
}

export async function children(q: Queryable, orgId: number): Promise<Org[]> {
  await get(q, orgId);
  const rows = await q.query<OrgRow>(`SELECT ${ORG_COLUMNS} FROM organizations o WHERE o.parent_id = $1 ORDER BY o.id`, [orgId]);
  return rows.map(toOrg);
}

export async function find(q: Queryable, orgId: number): Promise<Org | null> {
  const [row] = await q.query<OrgRow>(`SELECT ${ORG_COLUMNS} FROM organizations o WHERE o.id = $1`, [orgId]);
  return row ? toOrg(row) : null;
}

export async function get(q: Queryable, orgId: number): Promise<Org> {
  const org = await find(q, orgId);
  if (!org) throw notFound('组织');
  return org;
}

/** The organization with the ancestors the caller can see, root first. */
export async function detail(q: Queryable, orgId: number): Promise<Org & { ancestors: { id: number; name: string }[] }> {
  const org = await get(q, orgId);
  const ancestors = await q.query<{ id: number; name: string }>(
    `SELECT id, name FROM organizations WHERE path @> $1::ltree AND id <> $2 ORDER BY nlevel(path)`,
    [org.path, orgId],
  );
  return { ...org, ancestors };
}

export async function search(q: Queryable, text: string | undefined, page: number, pageSize: number): Promise<{ total: number; items: Org[] }> {
  const where = text ? `WHERE o.name LIKE '%' || $1 || '%'` : `WHERE $1::text IS NULL`;
  const params = [text ?? null];
  const [count] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM organizations o ${where}`, params);
  const rows = await q.query<OrgRow>(`SELECT ${ORG_COLUMNS} FROM organizations o ${where} ORDER BY o.path LIMIT $2 OFFSET $3`, [
    ...params,
    pageSize,
    (page - 1) * pageSize,
  ]);
  return { total: count?.n ?? 0, items: rows.map(toOrg) };
}

export async function create(q: Queryable, input: { parentId: number; name: string; kind: OrgKind }): Promise<Org> {
  await get(q, input.parentId);
  const [row] = await q.query<{ id: number }>(`INSERT INTO organizations (parent_id, name, kind) VALUES ($1, $2, $3) RETURNING id`, [
    input.parentId,
    input.name,
    input.kind,
  ]);
  return get(q, row!.id);
}

export async function rename(q: Queryable, orgId: number, name: string): Promise<Org> {
  await get(q, orgId);
  await q.query(`UPDATE organizations SET name = $2 WHERE id = $1`, [orgId, name]);
  return get(q, orgId);
}

/** The ids of the organizations in a subtree, as SQL for other modules' counts. */
export function subtreeIdsSql(pathParam: string): string {
  return `(SELECT id FROM organizations WHERE path <@ ${pathParam})`;
}

export async function countUnder(q: Queryable, orgId: number): Promise<{ path: string; orgCount: number }> {
  const org = await get(q, orgId);
  const [r] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM organizations WHERE path <@ $1::ltree`, [org.path]);
  return { path: org.path, orgCount: r?.n ?? 0 };
}

interface UnitRow {
  id: number;
  name: string;
  kind: UnitKind;
  org_id: number;
  org_name: string | null;
}
const toUnit = (r: UnitRow): Unit => ({ id: r.id, name: r.name, kind: r.kind, kindLabel: UNIT_KINDS[r.kind], orgId: r.org_id, orgName: r.org_name });

export async function listUnits(q: Queryable, orgId?: number): Promise<Unit[]> {
  const org = orgId === undefined ? null : await get(q, orgId);
  const rows = await q.query<UnitRow>(
    `SELECT u.id, u.name, u.kind, u.org_id, o.name AS org_name
       FROM units u LEFT JOIN organizations o ON o.id = u.org_id
      WHERE $1::ltree IS NULL OR u.org_id IN ${subtreeIdsSql('$1::ltree')}
      ORDER BY u.id LIMIT 500`,
    [org?.path ?? null],
  );
  return rows.map(toUnit);
}

export async function findUnit(q: Queryable, unitId: number): Promise<Unit | null> {
  const [row] = await q.query<UnitRow>(
    `SELECT u.id, u.name, u.kind, u.org_id, o.name AS org_name FROM units u LEFT JOIN organizations o ON o.id = u.org_id WHERE u.id = $1`,
    [unitId],
  );
  return row ? toUnit(row) : null;
}

/** A new region: a root organization. Only the system (demo loader, setup) creates regions. */
export async function createRegion(q: Queryable, name: string, kind: OrgKind = 'district_committee'): Promise<Org> {
  const [row] = await q.query<{ id: number }>(`INSERT INTO organizations (parent_id, name, kind) VALUES (NULL, $1, $2) RETURNING id`, [name, kind]);
  return get(q, row!.id);
}

export async function createUnit(
  q: Queryable,
  input: { orgId: number; name: string; kind: UnitKind; partyOrgId?: number | null },
): Promise<Unit> {
  await get(q, input.orgId);
  const [row] = await q.query<{ id: number }>(`INSERT INTO units (org_id, name, kind, party_org_id) VALUES ($1, $2, $3, $4) RETURNING id`, [
    input.orgId,
    input.name,
    input.kind,
    input.partyOrgId ?? null,
  ]);
  return (await findUnit(q, row!.id))!;
}
