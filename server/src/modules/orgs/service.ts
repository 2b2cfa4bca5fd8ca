import type { Queryable } from '../../kernel/db.ts';
import type { OrgHolding, StatFigure } from '../../kernel/manifest.ts';
import { AppError, notFound, type Text } from '../../kernel/errors.ts';
import { E, ORG, UNIT } from './errors.ts';
import { conditions, countRows, orgIdOf } from '../../kernel/sql.ts';
import { normalizeQuery, searchKeys } from '../../kernel/text.ts';
// The network of ties and seats is published with the tree: other modules read ties from here.
export { seats, ties } from './network.ts';
import { ORG_CHILD_KINDS, ORG_KIND_GROUPS, ORG_KINDS, ORG_STATUSES, UNIT_KINDS, type Org, type OrgKind, type OrgStatus, type Unit, type UnitKind } from './schema.ts';

// Every query here runs on a scoped connection: row-level security already
// limits it to what the caller may see, so none of them filters by scope.

const ORG_COLUMNS = `o.id, o.parent_id, o.region_id, o.name, o.kind, o.path::text AS path, nlevel(o.path) AS depth,
  (SELECT count(*) FROM organizations c WHERE c.parent_id = o.id AND c.status = 'active') AS child_count,
  o.status, o.status_on::text, o.merged_into_id, o.founded_on::text, o.contact_phone, o.address,
  (SELECT p.name FROM committee_seats s JOIN person_labels p ON p.id = s.person_id
    WHERE s.org_id = o.id AND s.role = 'secretary' AND s.ended_on IS NULL) AS secretary_name`;

interface OrgRow {
  id: number;
  parent_id: number | null;
  region_id: number;
  name: string;
  kind: OrgKind;
  path: string;
  depth: number;
  child_count: number;
  status: OrgStatus;
  status_on: string | null;
  merged_into_id: number | null;
  founded_on: string | null;
  contact_phone: string | null;
  address: string | null;
  secretary_name: string | null;
}

const toOrg = (r: OrgRow): Org => ({
  id: r.id,
  parentId: r.parent_id,
  regionId: r.region_id,
  name: r.name,
  kind: r.kind,
  kindLabel: ORG_KINDS.labels[r.kind],
  path: r.path,
  depth: r.depth,
  childCount: r.child_count,
  status: r.status,
  statusLabel: ORG_STATUSES.labels[r.status],
  statusOn: r.status_on,
  mergedIntoId: r.merged_into_id,
  foundedOn: r.founded_on,
  contactPhone: r.contact_phone,
  address: r.address,
  secretaryName: r.secretary_name,
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
  await place(q, orgId);
  const rows = await q.query<OrgRow>(`SELECT ${ORG_COLUMNS} FROM organizations o WHERE o.parent_id = $1 AND o.status = 'active' ORDER BY o.id`, [
    orgId,
  ]);
  return rows.map(toOrg);
}

export async function find(q: Queryable, orgId: number): Promise<Org | null> {
  const [row] = await q.query<OrgRow>(`SELECT ${ORG_COLUMNS} FROM organizations o WHERE o.id = $1`, [orgId]);
  return row ? toOrg(row) : null;
}

/**
 * Where an organization sits, without the counts and secretary of a full
 * Org: for existence checks and subtree queries. (The secretary's name joins
 * people, whose row-level-security check costs a hash of the whole scope.)
 */
export async function place(q: Queryable, orgId: number): Promise<{ id: number; name: string; kind: OrgKind; path: string; depth: number; status: OrgStatus }> {
  const [row] = await q.query<{ id: number; name: string; kind: OrgKind; path: string; depth: number; status: OrgStatus }>(
    `SELECT id, name, kind, path::text, nlevel(path) AS depth, status FROM organizations WHERE id = $1`,
    [orgId],
  );
  if (!row) throw notFound(ORG);
  return row;
}

/** An organization's path, for asking which roles the caller holds there (kernel/scope.ts, hasRoleAt). */
export async function pathOf(q: Queryable, orgId: number): Promise<string> {
  return (await place(q, orgId)).path;
}

/** The paths of organizations by id, those the caller sees: for asking, record by record, which roles the caller holds there. */
export async function pathsOf(q: Queryable, orgIds: number[]): Promise<Map<number, string>> {
  const rows = await q.query<{ id: number; path: string }>(`SELECT id, path::text FROM organizations WHERE id = ANY ($1::bigint[])`, [[...new Set(orgIds)]]);
  return new Map(rows.map((r) => [r.id, r.path]));
}

/** The same, or null where the caller cannot see the organization (and so holds no role there): for those who act on their own record. */
export async function pathIfSeen(q: Queryable, orgId: number): Promise<string | null> {
  const [row] = await q.query<{ path: string }>(`SELECT path::text FROM organizations WHERE id = $1`, [orgId]);
  return row?.path ?? null;
}

/**
 * The path of the organization a row of any domain table names, for asking
 * which roles the caller holds at the record: null where the caller sees the
 * row but not its organization (a member's own sign-up), so holds no role there.
 */
export async function pathOfRow(q: Queryable, table: string, id: number, what: Text): Promise<string | null> {
  return pathIfSeen(q, await orgIdOf(q, table, id, what));
}

export async function get(q: Queryable, orgId: number): Promise<Org> {
  const org = await find(q, orgId);
  if (!org) throw notFound(ORG);
  return org;
}

/** The organization with the ancestors the caller can see, root first. */
export async function detail(q: Queryable, orgId: number): Promise<Org & { ancestors: { id: number; name: string }[]; parentKind: OrgKind | null }> {
  const org = await get(q, orgId);
  const ancestors = await q.query<{ id: number; name: string }>(
    `SELECT id, name FROM organizations WHERE path @> $1::ltree AND id <> $2 ORDER BY nlevel(path)`,
    [org.path, orgId],
  );
  const [parent] = await q.query<{ kind: OrgKind | null }>(`SELECT gj_parent_kind($1) AS kind`, [orgId]);
  return { ...org, ancestors, parentKind: parent?.kind ?? null };
}

/**
 * Finds organizations by name as people type it: Simplified or Traditional
 * characters, pinyin initials (gmsq) or full pinyin (guangming).
 */
export async function search(q: Queryable, text: string | undefined, page: number, pageSize: number): Promise<{ total: number; items: Org[] }> {
  const needle = text ? normalizeQuery(text) : null;
  const where = `WHERE $1::text IS NULL OR o.name LIKE '%' || $1 || '%' OR o.name_initials LIKE $1 || '%' OR o.name_pinyin LIKE $1 || '%'`;
  const [count] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM organizations o ${where}`, [needle]);
  const rows = await q.query<OrgRow>(
    `SELECT ${ORG_COLUMNS} FROM organizations o ${where} ORDER BY o.status <> 'active', nlevel(o.path), o.id LIMIT $2 OFFSET $3`,
    [needle, pageSize, (page - 1) * pageSize],
  );
  return { total: count?.n ?? 0, items: rows.map(toOrg) };
}

async function getActive(q: Queryable, orgId: number, field: string): Promise<Org> {
  const org = await get(q, orgId);
  if (org.status !== 'active') throw E.retired({ name: org.name, status: ORG_STATUSES.term(org.status) }).on(field);
  return org;
}

export interface OrgAttributes {
  foundedOn?: string | null;
  contactPhone?: string | null;
  address?: string | null;
}

/** Why a kind may not sit under a parent's kind (ORG_CHILD_KINDS), naming both; null when it may. */
export function kindUnderProblem(parentKind: OrgKind, kind: OrgKind): AppError | null {
  const allowed = ORG_CHILD_KINDS[parentKind];
  if (allowed.includes(kind)) return null;
  const parent = ORG_KINDS.term(parentKind);
  const kinds = { zh: allowed.map((k) => ORG_KINDS.term(k).zh).join('、'), en: allowed.map((k) => ORG_KINDS.term(k).en).join(', ') };
  return E.kind_under({ kind: ORG_KINDS.term(kind), parent, allowed: allowed.length ? E.kinds_allowed({ kinds }) : E.no_kinds_under({ parent }) });
}

function checkKindUnder(parentKind: OrgKind, kind: OrgKind, field: string): void {
  const problem = kindUnderProblem(parentKind, kind);
  if (problem) throw problem.on(field);
}

async function childKinds(q: Queryable, orgId: number): Promise<OrgKind[]> {
  const rows = await q.query<{ kind: OrgKind }>(`SELECT DISTINCT kind FROM organizations WHERE parent_id = $1 AND status = 'active'`, [orgId]);
  return rows.map((r) => r.kind);
}

export async function create(q: Queryable, input: { parentId: number; name: string; kind: OrgKind } & OrgAttributes): Promise<Org> {
  const parent = await getActive(q, input.parentId, 'parentId');
  checkKindUnder(parent.kind, input.kind, 'kind');
  const keys = searchKeys(input.name);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO organizations (parent_id, name, kind, name_initials, name_pinyin, founded_on, contact_phone, address)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [input.parentId, input.name, input.kind, keys.initials, keys.pinyin, input.foundedOn ?? null, input.contactPhone ?? null, input.address ?? null],
  );
  return get(q, row!.id);
}

/** Changes name, kind or attributes; a field left out stays as it is, null clears it. */
export async function update(q: Queryable, orgId: number, patch: { name?: string; kind?: OrgKind } & OrgAttributes): Promise<Org> {
  const org = await get(q, orgId);
  if (patch.kind && patch.kind !== org.kind) {
    const [parent] = await q.query<{ kind: OrgKind | null }>(`SELECT gj_parent_kind($1) AS kind`, [orgId]);
    if (parent?.kind) checkKindUnder(parent.kind, patch.kind, 'kind');
    for (const child of await childKinds(q, orgId)) checkKindUnder(patch.kind, child, 'kind');
  }
  const name = patch.name ?? org.name;
  const keys = searchKeys(name);
  const pick = <K extends keyof OrgAttributes>(k: K) => (patch[k] === undefined ? org[k] : patch[k]);
  await q.query(
    `UPDATE organizations SET name = $2, kind = $3, name_initials = $4, name_pinyin = $5, founded_on = $6, contact_phone = $7, address = $8
      WHERE id = $1`,
    [orgId, name, patch.kind ?? org.kind, keys.initials, keys.pinyin, pick('foundedOn'), pick('contactPhone'), pick('address')],
  );
  return get(q, orgId);
}

/** Re-parents an organization; its whole subtree follows in the same statement. */
export async function move(q: Queryable, orgId: number, parentId: number): Promise<Org> {
  const org = await get(q, orgId);
  if (org.parentId === null) throw E.top_not_movable();
  if (parentId === orgId) throw E.move_under_self();
  const parent = await getActive(q, parentId, 'parentId');
  // A cycle is the first thing wrong with such a move, whatever the kinds.
  if (parent.path.startsWith(`${org.path}.`)) throw E.move_under_own_child();
  checkKindUnder(parent.kind, org.kind, 'parentId');
  await q.query(`UPDATE organizations SET parent_id = $2 WHERE id = $1`, [orgId, parentId]);
  return get(q, orgId);
}

type Counted = Pick<OrgHolding, 'noun' | 'measure'>;

/**
 * "3 个网格、1 名人员" / "3 grids, 1 person": every holding with its count, in
 * the user's language (zh-TW from the zh-CN by OpenCC, as every phrase).
 */
function countsText(held: [number, Counted][]): Text {
  return {
    zh: held.map(([n, h]) => `${n} ${h.measure.zh}${h.noun.zh}`).join('、'),
    en: held.map(([n, h]) => `${n} ${n === 1 ? h.measure.en : h.noun.en}`).join(', '),
  };
}

/**
 * Dissolves or merges an organization. What hangs under it (children, units,
 * and every module's holdings: people, accounts, grids, needs…) must go
 * somewhere: without a transferTo the request is refused with the counts, so
 * the user can choose.
 */
export async function retire(
  q: Queryable,
  orgId: number,
  opts: { status: 'dissolved' | 'merged'; on: string; transferTo?: number },
  holdings: readonly OrgHolding[],
): Promise<Org> {
  const org = await getActive(q, orgId, 'orgId');
  if (org.parentId === null) throw E.top_not_retirable();
  const [c] = await q.query<{ children: number; units: number }>(
    `SELECT (SELECT count(*)::int FROM organizations WHERE parent_id = $1 AND status = 'active') AS children,
            (SELECT count(*)::int FROM units WHERE org_id = $1) AS units`,
    [orgId],
  );
  const counts: [number, Counted][] = [
    [c!.children, { noun: { zh: '下级组织', en: 'sub-organizations' }, measure: { zh: '个', en: 'sub-organization' } }],
    [c!.units, { noun: { zh: '单位', en: 'units' }, measure: { zh: '个', en: 'unit' } }],
  ];
  for (const h of holdings) counts.push([await h.count(q, orgId), h]);
  const held = counts.filter(([n]) => n > 0);
  const field = opts.status === 'merged' ? 'into' : 'transferTo';
  if (opts.transferTo === undefined) {
    if (held.length) throw E.holdings_left({ name: org.name, held: countsText(held) }).on(field, E.choose_receiver());
  } else {
    const target = await getActive(q, opts.transferTo, field);
    if (target.id === orgId || target.path.startsWith(`${org.path}.`)) throw E.receiver_inside().on(field);
    for (const child of await childKinds(q, orgId)) checkKindUnder(target.kind, child, field);
    await q.query(`UPDATE organizations SET parent_id = $2 WHERE parent_id = $1 AND status = 'active'`, [orgId, target.id]);
    await q.query(`UPDATE units SET org_id = $2 WHERE org_id = $1`, [orgId, target.id]);
    await q.query(`UPDATE units SET party_org_id = $2 WHERE party_org_id = $1`, [orgId, target.id]);
    for (const h of holdings) await h.move(q, { from: orgId, to: target.id, fromName: org.name });
  }
  await q.query(`UPDATE committee_seats SET ended_on = $2 WHERE org_id = $1 AND ended_on IS NULL`, [orgId, opts.on]);
  await q.query(`UPDATE org_ties SET ended_on = $2 WHERE (org_id = $1 OR to_org_id = $1) AND ended_on IS NULL AND started_on <= $2`, [orgId, opts.on]);
  await q.query(`UPDATE organizations SET status = $2, status_on = $3, merged_into_id = $4 WHERE id = $1`, [
    orgId,
    opts.status,
    opts.on,
    opts.status === 'merged' ? (opts.transferTo ?? null) : null,
  ]);
  return get(q, orgId);
}

/**
 * The ids of the organizations in a subtree that the caller can see. Other
 * modules filter by `org_id = ANY(ids)`: with the ids in hand the planner
 * knows how large the subtree is and picks the right plan for a household
 * and a street alike (see bench/README.md).
 */
export async function subtreeIds(q: Queryable, orgId: number): Promise<number[]> {
  return idsUnder(q, (await place(q, orgId)).path);
}

async function idsUnder(q: Queryable, path: string): Promise<number[]> {
  const rows = await q.query<{ id: number }>(`SELECT id FROM organizations WHERE path <@ $1::ltree`, [path]);
  return rows.map((r) => r.id);
}

/**
 * The condition "the row's organization is under orgId", for a WHERE built
 * with kernel/sql `conditions()`: the subtree's ids as a list, or, for a
 * region's root, the region key itself. Every domain row carries its
 * region, so a whole region needs no list of its 10^5 organizations; the
 * caller's scope still applies through row-level security.
 */
export async function underCondition(q: Queryable, orgId: number, alias: string): Promise<[sql: string, value: number | number[]]> {
  const org = await place(q, orgId);
  if (org.depth === 1) return [`${alias}.region_id = $?`, org.id];
  return [`${alias}.org_id = ANY ($?::bigint[])`, await idsUnder(q, org.path)];
}

export async function countUnder(q: Queryable, orgId: number): Promise<number> {
  const org = await place(q, orgId);
  const [r] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM organizations WHERE path <@ $1::ltree`, [org.path]);
  return r?.n ?? 0;
}

interface UnitRow {
  id: number;
  name: string;
  kind: UnitKind;
  org_id: number;
  org_name: string | null;
  party_org_id: number | null;
  party_org_name: string | null;
  party_org_outside: string | null;
  address: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  note: string | null;
}
const toUnit = (r: UnitRow): Unit => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  kindLabel: UNIT_KINDS.labels[r.kind],
  orgId: r.org_id,
  orgName: r.org_name,
  partyOrgId: r.party_org_id,
  partyOrgName: r.party_org_name,
  partyOrgOutside: r.party_org_outside,
  address: r.address,
  contactName: r.contact_name,
  contactPhone: r.contact_phone,
  note: r.note,
});
const UNIT_SELECT = `SELECT u.id, u.name, u.kind, u.org_id, o.name AS org_name, u.party_org_id, po.name AS party_org_name,
       u.party_org_outside, u.address, u.contact_name, u.contact_phone, u.note
  FROM units u LEFT JOIN organizations o ON o.id = u.org_id LEFT JOIN organizations po ON po.id = u.party_org_id`;

export async function listUnits(q: Queryable, orgId?: number): Promise<Unit[]> {
  const where = conditions();
  if (orgId !== undefined) where.add(...(await underCondition(q, orgId, 'u')));
  const rows = await q.query<UnitRow>(`${UNIT_SELECT} ${where.sql} ORDER BY u.id LIMIT 1000`, where.params);
  return rows.map(toUnit);
}

export async function findUnit(q: Queryable, unitId: number): Promise<Unit | null> {
  const [row] = await q.query<UnitRow>(`${UNIT_SELECT} WHERE u.id = $1`, [unitId]);
  return row ? toUnit(row) : null;
}

export async function getUnit(q: Queryable, unitId: number): Promise<Unit> {
  const unit = await findUnit(q, unitId);
  if (!unit) throw notFound(UNIT);
  return unit;
}

export interface UnitFields {
  name: string;
  kind: UnitKind;
  partyOrgId?: number | null;
  /** The name of its party organization when that lies outside the region's tree. */
  partyOrgOutside?: string | null;
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  note?: string | null;
}

export async function createUnit(q: Queryable, input: { orgId: number } & UnitFields): Promise<Unit> {
  await getActive(q, input.orgId, 'orgId');
  if (input.partyOrgId) await place(q, input.partyOrgId);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO units (org_id, name, kind, party_org_id, party_org_outside, address, contact_name, contact_phone, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [input.orgId, input.name, input.kind, input.partyOrgId ?? null, input.partyOrgOutside || null, input.address ?? null, input.contactName ?? null, input.contactPhone ?? null, input.note ?? null],
  );
  return getUnit(q, row!.id);
}

export async function updateUnit(q: Queryable, unitId: number, patch: Partial<UnitFields>): Promise<Unit> {
  const unit = await getUnit(q, unitId);
  if (patch.partyOrgOutside === '') patch = { ...patch, partyOrgOutside: null };
  if (patch.partyOrgId) await place(q, patch.partyOrgId);
  // Naming one kind of party organization replaces the other; naming both is refused by units_one_party_org.
  const other = patch.partyOrgId && patch.partyOrgOutside === undefined ? { partyOrgOutside: null } : patch.partyOrgOutside && patch.partyOrgId === undefined ? { partyOrgId: null } : {};
  const next = { ...unit, ...other, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  await q.query(
    `UPDATE units SET name = $2, kind = $3, party_org_id = $4, party_org_outside = $5, address = $6, contact_name = $7, contact_phone = $8, note = $9 WHERE id = $1`,
    [unitId, next.name, next.kind, next.partyOrgId, next.partyOrgOutside, next.address, next.contactName, next.contactPhone, next.note],
  );
  return getUnit(q, unitId);
}

/** A new region: a root organization. Only the system (demo loader, setup) creates regions. */
export async function createRegion(q: Queryable, name: string, kind: OrgKind = 'district_committee'): Promise<Org> {
  const keys = searchKeys(name);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO organizations (parent_id, name, kind, name_initials, name_pinyin) VALUES (NULL, $1, $2, $3, $4) RETURNING id`,
    [name, kind, keys.initials, keys.pinyin],
  );
  return get(q, row!.id);
}

/**
 * The areas a map of an organization shows, each with the organization it
 * sits under: the communities under a street or a district, or, for a
 * community (or anything with no community under it), its own children.
 * What the caller reads only.
 */
export async function mapAreas(q: Queryable, orgId: number): Promise<{ id: number; name: string; groupId: number; groupName: string }[]> {
  const org = await place(q, orgId);
  const rows = await q.query<{ id: number; name: string; groupId: number; groupName: string }>(
    `SELECT o.id, o.name, p.id AS "groupId", p.name AS "groupName" FROM organizations o JOIN organizations p ON p.id = o.parent_id
      WHERE o.path <@ $1::ltree AND o.path <> $1::ltree AND o.status = 'active' AND o.kind = ANY ($2::text[])
      ORDER BY p.path, o.id`,
    [org.path, ORG_KIND_GROUPS.community],
  );
  if (rows.length) return rows;
  return (await children(q, orgId)).map((c) => ({ id: c.id, name: c.name, groupId: org.id, groupName: org.name }));
}

/** Active descendants of a path, parents before children. */
export async function descendants(q: Queryable, path: string, page: number, pageSize: number): Promise<Org[]> {
  const rows = await q.query<OrgRow>(
    `SELECT ${ORG_COLUMNS} FROM organizations o WHERE o.path <@ $1::ltree AND o.path <> $1::ltree AND o.status = 'active'
      ORDER BY o.path LIMIT $2 OFFSET $3`,
    [path, pageSize, (page - 1) * pageSize],
  );
  return rows.map(toOrg);
}

/** Its figures on the statistics page (statistics imports no module; the manifest hands them over). */
export function statisticsFigures(): StatFigure[] {
  return [
    {
      key: 'orgs.organizations', label: { zh: '组织', en: 'Organizations' },
      count: async (q, orgId) => countRows(q, 'organizations o', [['o.path <@ $?::ltree', (await place(q, orgId)).path], "o.status = 'active'"]),
      link: (orgId) => `/orgs?orgId=${orgId}`,
    },
  ];
}
