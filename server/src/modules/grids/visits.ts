import type { FieldCipher } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import { E } from './errors.ts';
import { conditions } from '../../kernel/sql.ts';
import * as needs from '../needs/service.ts';
import type { CreateVisit, Visit } from './schema.ts';

// Visits (走访, 民情日记). Apart from the rest of the grid service because a
// visit may raise a need, and the needs service itself reads grids: keeping
// the call here keeps the two services free of an import cycle.

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

/** The visits with the state of the needs they raised, read through the needs service (which the caller may see). */
async function withNeeds(q: Queryable, rows: VisitRow[]): Promise<Visit[]> {
  const raised = await needs.summaries(q, rows.flatMap((r) => (r.need_id === null ? [] : [r.need_id])));
  return rows.map((r) => {
    const need = r.need_id === null ? undefined : raised.get(r.need_id);
    return {
      id: r.id, gridId: r.grid_id, householdId: r.household_id, householdName: r.household_name, visitorName: r.visitor_name, visitedOn: r.visited_on,
      learned: r.learned, followUp: r.follow_up, needId: r.need_id,
      need: need ? { id: need.id, title: need.title, status: need.status, statusLabel: need.statusLabel } : null,
    };
  });
}

/** The visit diary (民情日记): newest first. */
export async function listVisits(q: Queryable, f: { gridId?: number; householdId?: number }): Promise<Visit[]> {
  const where = conditions();
  if (f.gridId !== undefined) where.add('v.grid_id = $?', f.gridId);
  if (f.householdId !== undefined) where.add('v.household_id = $?', f.householdId);
  return withNeeds(q, await q.query<VisitRow>(`${VISIT_SELECT} ${where.sql} ORDER BY v.visited_on DESC, v.id DESC LIMIT 200`, where.params));
}

/** What a need raised on the spot is titled when the visitor gives no title: the start of what they learned. */
const TITLE_FROM_LEARNED = 30;

/**
 * A visit is to a household of one's own grid: one the caller cannot see is
 * refused, not created. A need raised with it is the household's, placed in
 * its grid and building, with the household's contact data carried over
 * (sealed again by the needs service) — the visitor types nothing twice. Both
 * rows are written in the caller's transaction: a refused need keeps no visit.
 */
export async function recordVisit(q: Queryable, cipher: FieldCipher, visitor: { userId: number | null; name: string }, input: CreateVisit): Promise<Visit> {
  const [h] = await q.query<{ grid_id: number; org_id: number; building_id: number | null; head_name: string; address_enc: string; phone_enc: string | null }>(
    `SELECT grid_id, org_id, building_id, head_name, address_enc, phone_enc FROM households WHERE id = $1`,
    [input.householdId],
  );
  if (!h) throw E.household_not_yours();
  let needId: number | null = null;
  if (input.need) {
    const title = input.need.title || input.learned.split(/\r?\n/)[0]!.slice(0, TITLE_FROM_LEARNED);
    const need = await needs.createNeed(q, cipher, {
      orgId: h.org_id, source: 'visit', kind: input.need.kind, category: input.need.category, urgency: input.need.urgency, title,
      description: input.learned, gridId: h.grid_id, buildingId: h.building_id ?? undefined, requesterName: h.head_name,
      address: cipher.decrypt(h.address_enc), phone: h.phone_enc ? cipher.decrypt(h.phone_enc) : null,
    });
    needId = need.id;
  }
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO visits (grid_id, org_id, household_id, visitor_user_id, visitor_name, visited_on, learned, follow_up, need_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [h.grid_id, h.org_id, input.householdId, visitor.userId, visitor.name, input.visitedOn, input.learned, input.followUp || null, needId],
  );
  return (await withNeeds(q, await q.query<VisitRow>(`${VISIT_SELECT} WHERE v.id = $1`, [row!.id])))[0]!;
}
