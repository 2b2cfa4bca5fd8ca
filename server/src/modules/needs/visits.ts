import type { FieldCipher } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import * as grids from '../grids/service.ts';
import type { VisitEntry } from '../grids/schema.ts';
import type { CreateVisit, Visit } from './schema.ts';
import { createNeed, raisedTitle, summaries } from './service.ts';

// A visit (grids' 民情日记) may raise a need. The step lives here, above
// grids: grids records the visit and hands the visited household to the
// raising, so grids imports nothing of needs.

/** The visits with the state of the needs they raised (those the caller may see). */
async function withNeeds(q: Queryable, visits: VisitEntry[]): Promise<Visit[]> {
  const raised = await summaries(q, visits.flatMap((v) => (v.needId === null ? [] : [v.needId])));
  return visits.map((v) => {
    const need = v.needId === null ? undefined : raised.get(v.needId);
    return { ...v, need: need ? { id: need.id, title: need.title, status: need.status, statusLabel: need.statusLabel } : null };
  });
}

/** The visit diary (民情日记): newest first. */
export async function listVisits(q: Queryable, f: { gridId?: number; householdId?: number }): Promise<Visit[]> {
  return withNeeds(q, await grids.listVisits(q, f));
}

/**
 * A need raised with a visit is the household's, placed in its grid and
 * building, with the household's contact data carried over (sealed again by
 * createNeed) — the visitor types nothing twice. A refused need keeps no visit.
 */
export async function recordVisit(q: Queryable, cipher: FieldCipher, visitor: { userId: number | null; name: string }, input: CreateVisit): Promise<Visit> {
  const { need: raise, ...visit } = input;
  const recorded = await grids.recordVisit(q, cipher, visitor, visit, raise && (async (h) => {
    const title = raisedTitle(raise, input.learned);
    const need = await createNeed(q, cipher, {
      orgId: h.orgId, source: 'visit', kind: raise.kind, category: raise.category, urgency: raise.urgency, title,
      description: input.learned, gridId: h.gridId, buildingId: h.buildingId ?? undefined, requesterName: h.headName, address: h.address, phone: h.phone,
    });
    return need.id;
  }));
  return (await withNeeds(q, [recorded]))[0]!;
}
