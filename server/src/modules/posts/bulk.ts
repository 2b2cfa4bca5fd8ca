import type { Queryable } from '../../kernel/db.ts';
import type { DisputeOutcome, PostKind, WorkKind } from './schema.ts';

// Many posts, seats or work records at once (the demo; one assignment or entry
// from the service too): one INSERT … SELECT FROM unnest per batch. Rows go
// through the same constraints and triggers as one at a time: the seat count,
// one seat each, work only for a holder.

export interface BulkPost { orgId: number; gridId: number | null; kind: PostKind; name: string; duty: string | null; seats: number }

export async function publishMany(q: Queryable, posts: BulkPost[]): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO duty_posts (org_id, grid_id, kind, name, duty, seats)
     SELECT x.o, x.g, x.k, x.n, x.d, x.s FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::int[]) WITH ORDINALITY AS x (o, g, k, n, d, s, i)
      ORDER BY x.i RETURNING id`,
    [posts.map((p) => p.orgId), posts.map((p) => p.gridId), posts.map((p) => p.kind), posts.map((p) => p.name), posts.map((p) => p.duty), posts.map((p) => p.seats)],
  );
  return rows.map((r) => r.id);
}

/** Held seats, assigned by the community (decided now, by decidedBy); the holder's account is their person file's. */
export interface BulkSeat { orgId: number; postId: number; personId: number; decidedBy: string }

export async function seatMany(q: Queryable, seats: BulkSeat[]): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `INSERT INTO duty_post_seats (org_id, post_id, person_id, holder_user_id, source, status, decided_at, decided_by)
     SELECT x.o, x.p, x.s, pl.user_id, 'assigned', 'active', now(), x.b
       FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[]) AS x (o, p, s, b) LEFT JOIN person_labels pl ON pl.id = x.s
     RETURNING id`,
    [seats.map((s) => s.orgId), seats.map((s) => s.postId), seats.map((s) => s.personId), seats.map((s) => s.decidedBy)],
  );
  return rows.map((r) => r.id);
}

export interface BulkWork {
  orgId: number;
  postId: number;
  personId: number;
  kind: WorkKind;
  doneOn: string;
  parties: number | null;
  outcome: DisputeOutcome | null;
  note: string | null;
  needId: number | null;
  serviceLogId: number | null;
  recordedBy: string;
}

/** Work of holders, who read it as the holder of the seat it was done in. */
export async function workMany(q: Queryable, work: BulkWork[]): Promise<number[]> {
  const col = <K extends keyof BulkWork>(k: K) => work.map((w) => w[k]);
  const rows = await q.query<{ id: number }>(
    `INSERT INTO duty_post_work (org_id, post_id, person_id, holder_user_id, kind, done_on, parties, outcome, note, need_id, service_log_id, recorded_by)
     SELECT x.o, x.p, x.s, (SELECT h.holder_user_id FROM duty_post_seats h WHERE h.post_id = x.p AND h.person_id = x.s AND h.status = 'active'),
            x.k, x.d, x.n, x.r, x.t, x.ni, x.li, x.b
       FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::date[], $6::smallint[], $7::text[], $8::text[],
                   $9::bigint[], $10::bigint[], $11::text[]) WITH ORDINALITY AS x (o, p, s, k, d, n, r, t, ni, li, b, i)
      ORDER BY x.i RETURNING id`,
    [col('orgId'), col('postId'), col('personId'), col('kind'), col('doneOn'), col('parties'), col('outcome'), col('note'),
     col('needId'), col('serviceLogId'), col('recordedBy')],
  );
  return rows.map((r) => r.id);
}
