import type { Queryable } from '../../kernel/db.ts';

/**
 * Registrations already accepted, many at once (the demo's thousands of
 * reported members): one statement, each with its receipt number as accept()
 * gives it. Ids are drawn first so the receipt can be written with the row.
 */
export async function acceptedMany(
  q: Queryable,
  rows: { personId: number; unitId: number; orgId: number; issuedOn: string; serviceItem: string | null; commitment: string | null }[],
): Promise<number> {
  if (!rows.length) return 0;
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  const inserted = await q.query(
    `INSERT INTO report_ins (id, org_id, unit_id, person_id, status, issued_on, decided_on, receipt_no, service_item, commitment)
     OVERRIDING SYSTEM VALUE
     SELECT n.id, n.org_id, n.unit_id, n.person_id, 'accepted', n.issued_on, n.issued_on,
            'BD' || to_char(n.issued_on, 'YYYY') || lpad(n.id::text, 6, '0'), n.service_item, n.commitment
       FROM (SELECT nextval(pg_get_serial_sequence('report_ins', 'id')) AS id, u.*
               FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::date[], $5::text[], $6::text[])
                    AS u(org_id, unit_id, person_id, issued_on, service_item, commitment)) n
     RETURNING id`,
    [col('orgId'), col('unitId'), col('personId'), col('issuedOn'), col('serviceItem'), col('commitment')],
  );
  return inserted.length;
}
