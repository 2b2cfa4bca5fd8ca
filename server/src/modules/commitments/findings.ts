import type { Queryable } from '../../kernel/db.ts';
import { REGION_TIME_ZONE } from '../../kernel/time.ts';
import type { Finding, ItemProgress, ItemSource } from './schema.ts';

// Fulfilment (践诺) is not typed: it is found in the records other modules
// keep, through the functions they publish for it (their migrations 0301–0304),
// read with the caller's rights. A published report keeps what was found
// when it was submitted (service.ts), so its readers need none of these.

export interface Party {
  kind: 'member' | 'unit';
  person_id: number | null;
  member_user_id: number | null;
  unit_id: number | null;
  starts_on: string;
  ends_on: string;
}

export interface ItemLinks {
  source: ItemSource;
  activity_kind: string | null;
  need_id: number | null;
  project_id: number | null;
  resource_id: number | null;
  target: number;
  evidence: string | null;
}

type Found = Finding & { kind?: string; needId?: number; own?: boolean; projectId?: number; resourceId?: number };

const DAY = `'YYYY-MM-DD'`;
const local = (col: string) => `to_char(${col} AT TIME ZONE '${REGION_TIME_ZONE}', ${DAY})`;

/** Every record of the party within the term, by source; `needIds`: the needs its items name. */
export async function recordsOf(q: Queryable, p: Party, needIds: number[]): Promise<Map<ItemSource, Found[]>> {
  const persons = p.person_id === null ? [] : [p.person_id];
  const units = p.unit_id === null ? [] : [p.unit_id];
  const users = p.member_user_id === null ? [] : [p.member_user_id];
  const span = [p.starts_on, p.ends_on];
  const activities = await q.query<Found>(
    `SELECT 'activities' AS source, activity_id::int AS id, title, ${local('starts_at')} AS on, kind FROM gj_attended_activities($1, $2, $3) ORDER BY starts_at`,
    [persons, ...span],
  );
  const service = await q.query<Found>(
    `SELECT 'service' AS source, id::int, what || '（' || hours || ' 小时）' AS title, served_on::text AS on FROM gj_service_entries($1, $2, $3) ORDER BY served_on`,
    [persons, ...span],
  );
  const needs = await q.query<Found>(
    `SELECT 'needs' AS source, id::int, title, ${local('done_at')} AS on, id::int AS "needId",
            coalesce(claimer_user_id = ANY ($1) OR handler_unit_id = ANY ($2), false) AS own FROM gj_needs_handled($1, $2, $3, $4, $5) ORDER BY done_at`,
    [users, units, needIds, ...span],
  );
  const venue = await q.query<Found>(
    `SELECT 'venue' AS source, id::int, venue_name || '：' || purpose AS title, ${local('starts_at')} AS on, resource_id::int AS "resourceId"
       FROM gj_unit_venue_use($1, $2, $3) ORDER BY starts_at`,
    [units, ...span],
  );
  const projects = await q.query<Found & { updates: number; status: string }>(
    `SELECT 'project' AS source, project_id::int AS id, name || '（' || pledge || '）' AS title, coalesce(last_update::text, '') AS on,
            project_id::int AS "projectId", updates, status
       FROM gj_project_parts($1, $2, $3, $4) ORDER BY project_id`,
    [units, persons, ...span],
  );
  return new Map<ItemSource, Found[]>([
    ['activities', activities],
    ['service', service],
    // A need an item names counts once it is done, whoever handled it; the rest only when the party handled it.
    ['needs', needs],
    ['venue', venue],
    ['project', projects.filter((x) => x.updates > 0 || x.status === 'completed')],
    ['evidence', []],
  ]);
}

/** The records that fulfil one item, and how far it is fulfilled. */
export function match(item: ItemLinks, records: Map<ItemSource, Found[]>): { found: Finding[]; progress: ItemProgress } {
  const all = records.get(item.source) ?? [];
  const mine = all.filter((r) =>
    (item.source !== 'activities' || item.activity_kind === null || r.kind === item.activity_kind)
    && (item.source !== 'needs' || (item.need_id === null ? r.own === true : r.needId === item.need_id))
    && (item.source !== 'venue' || item.resource_id === null || r.resourceId === item.resource_id)
    && (item.source !== 'project' || item.project_id === null || r.projectId === item.project_id));
  const found = mine.map(({ source, id, title, on }) => ({ source, id, title, on }));
  const progress: ItemProgress = item.evidence !== null ? 'evidenced' : found.length >= item.target ? 'fulfilled' : found.length > 0 ? 'partly' : 'open';
  return { found, progress };
}
