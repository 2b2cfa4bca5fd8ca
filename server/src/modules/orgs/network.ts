import type { Queryable } from '../../kernel/db.ts';
import { notFound } from '../../kernel/errors.ts';
import { E, SEAT, TIE } from './errors.ts';
import { ORG_KIND_GROUPS, ORG_KINDS, SEAT_ROLES, TIE_KINDS, UNIT_KINDS, type OrgKind, type Seat, type SeatRole, type Tie, type TieKind, type UnitKind } from './schema.ts';
import { getUnit, place } from './service.ts';

// The sideways network: ties between organizations and units (共建、协调指导、
// 结对、联建), and the seats of committees (including part-time seats held by
// leaders of resident units). Ties and seats end; they are never deleted.

interface TieRow {
  id: number;
  kind: TieKind;
  org_id: number;
  org_name: string | null;
  to_org_id: number | null;
  to_unit_id: number | null;
  to_name: string | null;
  started_on: string;
  ended_on: string | null;
  pledge: string | null;
  note: string | null;
}
const TIE_SELECT = `SELECT t.id, t.kind, t.org_id, o.name AS org_name, t.to_org_id, t.to_unit_id,
       coalesce(tor.name, tu.name) AS to_name, t.started_on::text, t.ended_on::text, t.pledge, t.note
  FROM org_ties t LEFT JOIN organizations o ON o.id = t.org_id
  LEFT JOIN organizations tor ON tor.id = t.to_org_id LEFT JOIN units tu ON tu.id = t.to_unit_id`;
const toTie = (r: TieRow): Tie => ({
  id: r.id,
  kind: r.kind,
  kindLabel: TIE_KINDS.labels[r.kind],
  orgId: r.org_id,
  orgName: r.org_name,
  toOrgId: r.to_org_id,
  toUnitId: r.to_unit_id,
  toName: r.to_name,
  startedOn: r.started_on,
  endedOn: r.ended_on,
  pledge: r.pledge,
  note: r.note,
});

/** Ties from or to an organization, current first. */
export async function ties(q: Queryable, orgId: number): Promise<Tie[]> {
  await place(q, orgId);
  const rows = await q.query<TieRow>(`${TIE_SELECT} WHERE t.org_id = $1 OR t.to_org_id = $1 ORDER BY t.ended_on IS NOT NULL, t.id`, [orgId]);
  return rows.map(toTie);
}

export async function getTie(q: Queryable, tieId: number): Promise<Tie> {
  const [row] = await q.query<TieRow>(`${TIE_SELECT} WHERE t.id = $1`, [tieId]);
  if (!row) throw notFound(TIE);
  return toTie(row);
}

export async function createTie(
  q: Queryable,
  orgId: number,
  input: { kind: TieKind; toOrgId?: number; toUnitId?: number; startedOn: string; pledge?: string; note?: string },
): Promise<Tie> {
  const from = await place(q, orgId);
  if ((input.toOrgId === undefined) === (input.toUnitId === undefined)) throw E.tie_one_end();
  if (input.toOrgId === orgId) throw E.tie_self();
  const to = input.toOrgId === undefined ? null : await place(q, input.toOrgId);
  if (input.kind === 'joins') await ensureJoinable(q, from, to);
  if (input.toUnitId !== undefined) await getUnit(q, input.toUnitId);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO org_ties (org_id, kind, to_org_id, to_unit_id, started_on, pledge, note) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [orgId, input.kind, input.toOrgId ?? null, input.toUnitId ?? null, input.startedOn, input.pledge ?? null, input.note ?? null],
  );
  return getTie(q, row!.id);
}

/**
 * A joint committee (联合党委) joins branches that keep their own parents, and
 * their members count as its own too (dual identity, gj_joined_orgs). So it
 * joins only branches inside the area it sits in — its parent's subtree —
 * or its secretary would read another community's members.
 */
async function ensureJoinable(q: Queryable, from: Awaited<ReturnType<typeof place>>, to: Awaited<ReturnType<typeof place>> | null): Promise<void> {
  if (from.kind !== 'joint_committee') throw E.joins_from_joint();
  if (!to) throw E.joins_not_branch({ kind: { zh: '单位', en: 'unit' } });
  if (!ORG_KIND_GROUPS.joinable.includes(to.kind)) throw E.joins_not_branch({ kind: ORG_KINDS.term(to.kind) });
  const [area] = await q.query<{ name: string; inside: boolean }>(
    `SELECT p.name, $2::ltree <@ p.path AS inside FROM organizations j JOIN organizations p ON p.id = j.parent_id WHERE j.id = $1`,
    [from.id, to.path],
  );
  if (!area?.inside) throw E.joins_outside({ name: to.name, area: area?.name ?? from.name });
}

export async function updateTie(q: Queryable, tieId: number, patch: { endedOn?: string | null; pledge?: string | null; note?: string | null }): Promise<Tie> {
  const tie = await getTie(q, tieId);
  const pick = <K extends keyof typeof patch>(k: K) => (patch[k] === undefined ? tie[k] : patch[k]);
  await q.query(`UPDATE org_ties SET ended_on = $2, pledge = $3, note = $4 WHERE id = $1`, [tieId, pick('endedOn'), pick('pledge'), pick('note')]);
  return getTie(q, tieId);
}

interface SeatRow {
  id: number;
  org_id: number;
  person_id: number;
  person_name: string | null;
  role: SeatRole;
  part_time: boolean;
  from_unit_id: number | null;
  from_unit_name: string | null;
  started_on: string;
  ended_on: string | null;
}
const SEAT_SELECT = `SELECT s.id, s.org_id, s.person_id, p.name AS person_name, s.role, s.part_time, s.from_unit_id,
       u.name AS from_unit_name, s.started_on::text, s.ended_on::text
  FROM committee_seats s LEFT JOIN person_labels p ON p.id = s.person_id LEFT JOIN units u ON u.id = s.from_unit_id`;
const toSeat = (r: SeatRow): Seat => ({
  id: r.id,
  orgId: r.org_id,
  personId: r.person_id,
  personName: r.person_name,
  role: r.role,
  roleLabel: SEAT_ROLES.labels[r.role],
  partTime: r.part_time,
  fromUnitId: r.from_unit_id,
  fromUnitName: r.from_unit_name,
  startedOn: r.started_on,
  endedOn: r.ended_on,
});

/** The seats of a committee: sitting members first, secretary first among them. */
export async function seats(q: Queryable, orgId: number): Promise<Seat[]> {
  await place(q, orgId);
  const rows = await q.query<SeatRow>(
    `${SEAT_SELECT} WHERE s.org_id = $1
      ORDER BY s.ended_on IS NOT NULL, array_position(ARRAY['secretary', 'deputy', 'member'], s.role), s.id`,
    [orgId],
  );
  return rows.map(toSeat);
}

export async function getSeat(q: Queryable, seatId: number): Promise<Seat> {
  const [row] = await q.query<SeatRow>(`${SEAT_SELECT} WHERE s.id = $1`, [seatId]);
  if (!row) throw notFound(SEAT);
  return toSeat(row);
}

export async function createSeat(
  q: Queryable,
  orgId: number,
  input: { personId: number; role: SeatRole; partTime: boolean; fromUnitId?: number; startedOn: string },
): Promise<Seat> {
  await place(q, orgId);
  // orgs sits below people: it reads the view people publishes rather than importing people.
  const [person] = await q.query(`SELECT id FROM person_labels WHERE id = $1`, [input.personId]);
  if (!person) throw E.seat_person_not_found();
  if (input.fromUnitId !== undefined) {
    if (!input.partTime) throw E.seat_unit_part_time();
    await getUnit(q, input.fromUnitId);
  }
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO committee_seats (org_id, person_id, role, part_time, from_unit_id, started_on) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [orgId, input.personId, input.role, input.partTime, input.fromUnitId ?? null, input.startedOn],
  );
  return getSeat(q, row!.id);
}

export async function updateSeat(q: Queryable, seatId: number, patch: { role?: SeatRole; endedOn?: string | null }): Promise<Seat> {
  const seat = await getSeat(q, seatId);
  await q.query(`UPDATE committee_seats SET role = $2, ended_on = $3 WHERE id = $1`, [
    seatId,
    patch.role ?? seat.role,
    patch.endedOn === undefined ? seat.endedOn : patch.endedOn,
  ]);
  return getSeat(q, seatId);
}

const CHART_LIMIT = 2000;

/** The organization chart of a subtree: tree edges, the units located in it, its sideways ties, and (by name) the far ends of those ties outside it. */
export async function chart(q: Queryable, orgId: number, depth: number) {
  const org = await place(q, orgId);
  const nodes = await q.query<{ id: number; parent_id: number | null; name: string; kind: OrgKind; status: string }>(
    `SELECT id, parent_id, name, kind, status FROM organizations
      WHERE path <@ $1::ltree AND nlevel(path) <= $2 AND status = 'active' ORDER BY path LIMIT $3`,
    [org.path, org.depth + depth - 1, CHART_LIMIT + 1],
  );
  const truncated = nodes.length > CHART_LIMIT;
  const shown = nodes.slice(0, CHART_LIMIT);
  const ids = shown.map((n) => n.id);
  const units = await q.query<{ id: number; name: string; kind: UnitKind; org_id: number }>(
    `SELECT id, name, kind, org_id FROM units WHERE org_id = ANY ($1::bigint[]) ORDER BY id`,
    [ids],
  );
  const unitIds = units.map((u) => u.id);
  // Ties with one end in the chart; the other end may lie outside it (the
  // street that guides a community, a hospital in the next community).
  const tieRows = await q.query<{ id: number; kind: TieKind; org_id: number; to_org_id: number | null; to_unit_id: number | null }>(
    `SELECT id, kind, org_id, to_org_id, to_unit_id FROM org_ties
      WHERE ended_on IS NULL AND (org_id = ANY ($1::bigint[]) OR to_org_id = ANY ($1::bigint[]) OR to_unit_id = ANY ($2::bigint[]))
      ORDER BY id`,
    [ids, unitIds],
  );
  const inChart = new Set(ids);
  const unitInChart = new Set(unitIds);
  const farOrgs = [...new Set(tieRows.flatMap((t) => [t.org_id, t.to_org_id]).filter((id): id is number => id !== null && !inChart.has(id)))];
  const farUnits = [...new Set(tieRows.map((t) => t.to_unit_id).filter((id): id is number => id !== null && !unitInChart.has(id)))];
  const outside = [
    ...(farOrgs.length
      ? await q.query<{ id: number; name: string; kind: OrgKind; parent_name: string | null }>(
          `SELECT id, name, kind, parent_name FROM gj_org_directory() WHERE id = ANY ($1::bigint[]) ORDER BY id`,
          [farOrgs],
        )
      : []
    ).map((o) => ({ type: 'org' as const, id: o.id, name: o.name, kind: o.kind, kindLabel: ORG_KINDS.labels[o.kind], place: o.parent_name })),
    ...(farUnits.length
      ? await q.query<{ id: number; name: string; kind: UnitKind; org_name: string }>(
          `SELECT id, name, kind, org_name FROM gj_unit_directory($1::bigint[]) ORDER BY id`,
          [farUnits],
        )
      : []
    ).map((u) => ({ type: 'unit' as const, id: u.id, name: u.name, kind: u.kind, kindLabel: UNIT_KINDS.labels[u.kind], place: u.org_name })),
  ];
  return {
    nodes: shown.map((n) => ({
      id: n.id,
      parentId: n.id === org.id ? null : n.parent_id,
      name: n.name,
      kind: n.kind,
      kindLabel: ORG_KINDS.labels[n.kind],
      status: n.status,
    })),
    units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, kindLabel: UNIT_KINDS.labels[u.kind], orgId: u.org_id })),
    ties: tieRows.map((t) => ({ id: t.id, kind: t.kind, kindLabel: TIE_KINDS.labels[t.kind], orgId: t.org_id, toOrgId: t.to_org_id, toUnitId: t.to_unit_id })),
    outside,
    truncated,
  };
}
