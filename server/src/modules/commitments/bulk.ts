import type { Queryable } from '../../kernel/db.ts';
import type { Cadence, CommitmentStatus, ItemSource } from './schema.ts';

// Many commitments at once (the demo, an import): one statement per kind of
// row for the whole batch, never a service call per commitment. The rows are
// taken as signed on the day given: the signatures' who and when are theirs.

export interface BulkItem { what: string; cadence: Cadence; target: number; source: ItemSource; beneficiary?: string | null; activityKind?: string | null }

export interface BulkCommitment {
  orgId: number;
  kind: 'member' | 'unit';
  personId?: number | null;
  userId?: number | null;
  unitId?: number | null;
  reportInId?: number | null;
  partyName: string;
  startsOn: string;
  endsOn: string;
  status: CommitmentStatus;
  partySigner?: string | null;
  communitySigner?: string | null;
  signedOn?: string | null;
  items: BulkItem[];
}

/** Inserts the commitments and their items; returns their ids in the order given. */
export async function commitmentsMany(q: Queryable, rows: BulkCommitment[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const col = <T>(f: (r: BulkCommitment) => T) => rows.map(f);
  const ids = await q.query<{ id: number }>(
    `INSERT INTO commitments (org_id, kind, person_id, member_user_id, unit_id, report_in_id, party_name, starts_on, ends_on, status,
                              party_signer, party_signed_at, community_signer, community_signed_at)
     SELECT org, kind, person, usr, unit, report_in, name, starts, ends, status,
            party_signer, CASE WHEN party_signer IS NOT NULL THEN signed::timestamptz END, community_signer, CASE WHEN community_signer IS NOT NULL THEN signed::timestamptz END
       FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::text[], $8::date[], $9::date[], $10::text[],
                   $11::text[], $12::text[], $13::date[]) WITH ORDINALITY
            AS t (org, kind, person, usr, unit, report_in, name, starts, ends, status, party_signer, community_signer, signed, n)
      ORDER BY n
     RETURNING id::int`,
    [
      col((r) => r.orgId), col((r) => r.kind), col((r) => r.personId ?? null), col((r) => r.userId ?? null), col((r) => r.unitId ?? null),
      col((r) => r.reportInId ?? null), col((r) => r.partyName), col((r) => r.startsOn), col((r) => r.endsOn), col((r) => r.status),
      col((r) => r.partySigner ?? null), col((r) => r.communitySigner ?? null), col((r) => r.signedOn ?? null),
    ],
  );
  const items = rows.flatMap((r, k) => r.items.map((i, n) => ({ ...i, commitmentId: ids[k]!.id, orgId: r.orgId, position: n + 1 })));
  const icol = <T>(f: (r: (typeof items)[number]) => T) => items.map(f);
  await q.query(
    `INSERT INTO commitment_items (org_id, commitment_id, position, what, beneficiary, cadence, target, source, activity_kind)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[])`,
    [
      icol((i) => i.orgId), icol((i) => i.commitmentId), icol((i) => i.position), icol((i) => i.what), icol((i) => i.beneficiary ?? null),
      icol((i) => i.cadence), icol((i) => i.target), icol((i) => i.source), icol((i) => i.activityKind ?? null),
    ],
  );
  return ids.map((r) => r.id);
}
