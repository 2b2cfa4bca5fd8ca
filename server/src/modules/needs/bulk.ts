import type { FieldCipher } from '../../kernel/crypto.ts';
import { maskPhone } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import type { NeedCategory, NeedKind, NeedSource, NeedStatus } from './schema.ts';

// Many needs at once (the demo's hundreds of reception visitors and visit
// campaign problems): one INSERT … SELECT FROM unnest for a batch, and the
// loop's steps taken for the whole batch a statement each. The triggers
// still check every transition and record every event row by row.

export interface BulkNeed {
  orgId: number;
  kind: NeedKind;
  category: NeedCategory;
  source: NeedSource;
  title: string;
  description?: string | null;
  gridId?: number | null;
  requesterName: string;
  phone?: string | null;
}

export async function createMany(q: Queryable, cipher: FieldCipher, xs: BulkNeed[]): Promise<number[]> {
  if (!xs.length) return [];
  const rows = await q.query<{ id: number }>(
    `INSERT INTO needs (org_id, kind, source, category, title, description, grid_id, requester_name, requester_phone_enc, requester_phone_mask)
     SELECT o, k, s, c, t, d, g, r, pe, pm
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::text[])
            WITH ORDINALITY AS x (o, k, s, c, t, d, g, r, pe, pm, i)
      ORDER BY i RETURNING id`,
    [
      xs.map((x) => x.orgId), xs.map((x) => x.kind), xs.map((x) => x.source), xs.map((x) => x.category), xs.map((x) => x.title),
      xs.map((x) => x.description ?? ''), xs.map((x) => x.gridId ?? null), xs.map((x) => x.requesterName),
      xs.map((x) => (x.phone ? cipher.encrypt(x.phone) : null)), xs.map((x) => (x.phone ? maskPhone(x.phone) : null)),
    ],
  );
  return rows.map((r) => r.id);
}

/**
 * Submitted needs taken by staff through accept, start, done and the
 * community's check, a statement per step for the batch: the same states
 * and events as the one-by-one steps of the service.
 */
export async function seeThroughMany(q: Queryable, ids: number[], result: string, note: string | null): Promise<void> {
  if (!ids.length) return;
  const step = (status: NeedStatus, statusNote: string | null, set = '', more: unknown[] = []) =>
    q.query(`UPDATE needs SET status = '${status}', status_note = $2${set} WHERE id = ANY ($1::bigint[])`, [ids, statusNote, ...more]);
  await step('accepted', null);
  await step('in_progress', null);
  await step('done', null, ', result_note = $3, done_at = now()', [result]);
  await step('checked', note);
}
