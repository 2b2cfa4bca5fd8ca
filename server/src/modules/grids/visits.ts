import type { FieldCipher } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import { E } from './errors.ts';
import { conditions } from '../../kernel/sql.ts';
import type { CreateVisitEntry, VisitEntry } from './schema.ts';

// Visits (走访, 民情日记). A visit may raise a need; that step belongs to the
// needs module (which sits above grids), so it hands recordVisit the raising
// and lists the needs' states itself: grids knows a visit's need only by id.

const VISIT_SELECT = `SELECT v.id, v.grid_id, v.household_id, h.head_name AS household_name, v.visitor_name, v.visited_on::text, v.learned, v.follow_up, v.need_id
  FROM visits v LEFT JOIN households h ON h.id = v.household_id`;
interface VisitRow {
  id: number;
  grid_id: number;
  household_id: number;
  household_name: string | null;
  visitor_name: string;
  visited_on: string;
  learned: string;
  follow_up: string | null;
  need_id: number | null;
}

const entry = (r: VisitRow): VisitEntry => ({
  id: r.id, gridId: r.grid_id, householdId: r.household_id, householdName: r.household_name, visitorName: r.visitor_name, visitedOn: r.visited_on,
  learned: r.learned, followUp: r.follow_up, needId: r.need_id,
});

/** The visit diary (民情日记): newest first. */
export async function listVisits(q: Queryable, f: { gridId?: number; householdId?: number }): Promise<VisitEntry[]> {
  const where = conditions();
  if (f.gridId !== undefined) where.add('v.grid_id = $?', f.gridId);
  if (f.householdId !== undefined) where.add('v.household_id = $?', f.householdId);
  return (await q.query<VisitRow>(`${VISIT_SELECT} ${where.sql} ORDER BY v.visited_on DESC, v.id DESC LIMIT 200`, where.params)).map(entry);
}

/** The visited household as a need raised on the spot takes it: where it is and how to reach it, opened. */
export interface VisitedHousehold {
  gridId: number;
  orgId: number;
  buildingId: number | null;
  headName: string;
  address: string;
  phone: string | null;
}

/**
 * A visit is to a household of one's own grid: one the caller cannot see is
 * refused, not created. `raise`, where the visit raises something (the needs
 * module's need), gets the household so the visitor types nothing twice and
 * returns the id the visit keeps. Both rows are written in the caller's
 * transaction: a refused need keeps no visit.
 */
export async function recordVisit(
  q: Queryable, cipher: FieldCipher, visitor: { userId: number | null; name: string }, input: CreateVisitEntry,
  raise?: (household: VisitedHousehold) => Promise<number>,
): Promise<VisitEntry> {
  const [h] = await q.query<{ grid_id: number; org_id: number; building_id: number | null; head_name: string; address_enc: string; phone_enc: string | null }>(
    `SELECT grid_id, org_id, building_id, head_name, address_enc, phone_enc FROM households WHERE id = $1`,
    [input.householdId],
  );
  if (!h) throw E.household_not_yours();
  const needId = raise
    ? await raise({
      gridId: h.grid_id, orgId: h.org_id, buildingId: h.building_id, headName: h.head_name,
      address: cipher.decrypt(h.address_enc), phone: h.phone_enc ? cipher.decrypt(h.phone_enc) : null,
    })
    : null;
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO visits (grid_id, org_id, household_id, visitor_user_id, visitor_name, visited_on, learned, follow_up, need_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [h.grid_id, h.org_id, input.householdId, visitor.userId, visitor.name, input.visitedOn, input.learned, input.followUp || null, needId],
  );
  return entry((await q.query<VisitRow>(`${VISIT_SELECT} WHERE v.id = $1`, [row!.id]))[0]!);
}

/**
 * A visit by a cadre of a visit campaign to a household of the area they
 * were given, on a day of that campaign, whether or not they hold a grant
 * there (`gj_record_cadre_visit` checks the caller's own assignments,
 * `gj_cadre_visitable`), keeping the need it raised (needs raises it first).
 */
export async function recordCadreVisit(q: Queryable, visitor: { name: string }, input: CreateVisitEntry, needId: number | null = null): Promise<VisitEntry> {
  const [row] = await q.query<VisitRow>(
    `SELECT id, grid_id, household_id, household_name, visitor_name, visited_on::text, learned, follow_up, need_id FROM gj_record_cadre_visit($1, $2, $3, $4, $5, $6)`,
    [input.householdId, input.visitedOn, input.learned, input.followUp || null, visitor.name, needId],
  );
  if (!row) throw E.household_not_in_area();
  return entry(row);
}
