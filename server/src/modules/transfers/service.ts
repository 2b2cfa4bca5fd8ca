import type { Queryable } from '../../kernel/db.ts';
import { notFound } from '../../kernel/errors.ts';
import { E, TRANSFER } from './errors.ts';
import { html, page } from '../../kernel/html.ts';
import { conditions } from '../../kernel/sql.ts';
import * as people from '../people/service.ts';
import { allowed, ensureAllowed } from '../../kernel/actions.ts';
import type { Scope } from '../../kernel/scope.ts';
import { transferVerdicts, type TransferFacts } from './policy.ts';
import { TRANSFER_ACTIONS, TRANSFER_STATUSES, type Transfer, type TransferAction, type TransferStatus } from './schema.ts';

// Transfers of membership. Both sides see the transfer (row-level security on
// from_org_id and to_org_id); which side the caller stands on decides the
// steps offered (policy.ts), returned with the transfer.

interface Row {
  id: number;
  person_id: number;
  person_name: string | null;
  from_org_id: number;
  from_name: string | null;
  to_org_id: number | null;
  to_name: string | null;
  to_outside: string | null;
  status: TransferStatus;
  reason: string;
  letter_no: string | null;
  requested_on: string;
  approved_on: string | null;
  done_on: string | null;
  last_note: string | null;
}

// Names come from the directory: each side may not otherwise see the other.
const SELECT = `SELECT t.id, t.person_id, coalesce(p.name, t.person_name) AS person_name, t.from_org_id, f.name AS from_name, t.to_org_id,
       coalesce(d.name, t.to_outside) AS to_name, t.to_outside, t.status, t.reason, t.letter_no, t.requested_on::text,
       t.approved_on::text, t.done_on::text, t.last_note
  FROM transfers t
  LEFT JOIN person_labels p ON p.id = t.person_id
  LEFT JOIN gj_org_directory() f ON f.id = t.from_org_id
  LEFT JOIN gj_org_directory() d ON d.id = t.to_org_id`;

const toTransfer = (r: Row): Transfer => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  fromOrgId: r.from_org_id,
  fromOrgName: r.from_name,
  toOrgId: r.to_org_id,
  toName: r.to_name,
  outside: r.to_org_id === null,
  status: r.status,
  statusLabel: TRANSFER_STATUSES.labels[r.status],
  reason: r.reason,
  letterNo: r.letter_no,
  requestedOn: r.requested_on,
  approvedOn: r.approved_on,
  doneOn: r.done_on,
  lastNote: r.last_note,
});

export async function get(q: Queryable, id: number): Promise<Transfer> {
  const [row] = await q.query<Row>(`${SELECT} WHERE t.id = $1`, [id]);
  if (!row) throw notFound(TRANSFER);
  return toTransfer(row);
}

/** Where each transfer stands for the caller: both sides' paths, as far as the caller sees them. */
async function factsOf(q: Queryable, items: Transfer[]): Promise<Map<number, TransferFacts>> {
  const rows = await q.query<{ id: number; from_path: string | null; to_path: string | null }>(
    `SELECT t.id, f.path::text AS from_path, d.path::text AS to_path FROM transfers t
       LEFT JOIN org_labels f ON f.id = t.from_org_id LEFT JOIN org_labels d ON d.id = t.to_org_id
      WHERE t.id = ANY ($1::bigint[])`,
    [items.map((t) => t.id)],
  );
  const by = new Map(rows.map((r) => [Number(r.id), r]));
  return new Map(items.map((t) => [t.id, { fromPath: by.get(t.id)?.from_path ?? null, toPath: by.get(t.id)?.to_path ?? null, outside: t.outside, status: t.status }]));
}

/** The transfers with the steps the caller may take on each (policy.ts). */
export async function withActions(q: Queryable, scope: Scope, items: Transfer[]): Promise<(Transfer & { actions: TransferAction[] })[]> {
  const facts = await factsOf(q, items);
  return items.map((t) => ({ ...t, actions: allowed(TRANSFER_ACTIONS, transferVerdicts(scope, facts.get(t.id)!)) }));
}

/** Refuses a step the caller may not take on the transfer now, with its verdict. */
export async function ensureAction(q: Queryable, scope: Scope, id: number, action: TransferAction): Promise<void> {
  ensureAllowed(transferVerdicts(scope, (await factsOf(q, [await get(q, id)])).get(id)!), action);
}

export async function list(q: Queryable, status?: TransferStatus): Promise<Transfer[]> {
  const where = conditions();
  if (status) where.add('t.status = $?', status);
  return (await q.query<Row>(`${SELECT} ${where.sql} ORDER BY t.id DESC LIMIT 500`, where.params)).map(toTransfer);
}

export async function destinations(q: Queryable, text?: string) {
  const rows = await q.query<{ id: number; name: string; kind: string; parent_name: string | null }>(
    `SELECT id, name, kind, parent_name FROM gj_org_directory() WHERE $1::text IS NULL OR name LIKE '%' || $1 || '%' ORDER BY name LIMIT 200`,
    [text || null],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, parentName: r.parent_name }));
}

async function checkDestination(q: Queryable, fromOrgId: number, input: { toOrgId?: number; toOutside?: string | null }) {
  if ((input.toOrgId === undefined) === !input.toOutside) throw E.one_destination();
  if (input.toOrgId === undefined) return;
  if (input.toOrgId === fromOrgId) throw E.to_itself();
  const [found] = await q.query(`SELECT 1 FROM gj_org_directory() WHERE id = $1`, [input.toOrgId]);
  if (!found) throw E.destination_invalid();
}

/** The sending side asks to move a member out; the member stays in its care until the transfer is done. */
export async function request(q: Queryable, input: { personId: number; toOrgId?: number; toOutside?: string | null; reason: string }): Promise<Transfer> {
  const person = await people.find(q, input.personId);
  if (!person) throw E.member_not_found();
  if (!person.isMember) throw E.not_member({ name: person.name });
  await checkDestination(q, person.orgId, input);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO transfers (person_id, person_name, from_org_id, to_org_id, to_outside, member_user_id, reason) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [input.personId, person.name, person.orgId, input.toOrgId ?? null, input.toOrgId === undefined ? input.toOutside : null, await people.accountOf(q, input.personId), input.reason],
  );
  return get(q, row!.id);
}

export async function approve(q: Queryable, id: number): Promise<Transfer> {
  await q.query(
    `UPDATE transfers SET status = 'approved', approved_on = current_date,
            letter_no = coalesce(letter_no, 'JZ' || to_char(current_date, 'YYYY') || lpad(id::text, 6, '0')) WHERE id = $1`,
    [id],
  );
  return get(q, id);
}

export async function giveBack(q: Queryable, id: number, note: string): Promise<Transfer> {
  await q.query(`UPDATE transfers SET status = 'returned', last_note = $2 WHERE id = $1`, [id, note]);
  return get(q, id);
}

export async function withdraw(q: Queryable, id: number): Promise<Transfer> {
  await q.query(`UPDATE transfers SET status = 'withdrawn' WHERE id = $1`, [id]);
  return get(q, id);
}

export async function resubmit(q: Queryable, id: number, input: { toOrgId?: number; toOutside?: string | null; reason: string }): Promise<Transfer> {
  const t = await get(q, id);
  await checkDestination(q, t.fromOrgId, input);
  await q.query(`UPDATE transfers SET status = 'requested', to_org_id = $2, to_outside = $3, reason = $4 WHERE id = $1`, [
    id,
    input.toOrgId ?? null,
    input.toOrgId === undefined ? input.toOutside : null,
    input.reason,
  ]);
  return get(q, id);
}

/** Inside the region the receiving side receives the member (their file moves); outside, the sending side records the receipt. */
export async function receive(q: Queryable, id: number): Promise<Transfer> {
  const t = await get(q, id);
  if (t.outside) {
    await q.query(`UPDATE transfers SET status = 'done', done_on = current_date WHERE id = $1`, [id]);
    await people.leaveRegion(q, t.personId);
  } else await q.query(`SELECT gj_receive_transfer($1)`, [id]);
  return get(q, id);
}

/** The introduction letter (介绍信), printable, once the sending side has approved. */
export async function letter(q: Queryable, id: number): Promise<string> {
  const t = await get(q, id);
  if (!t.letterNo) throw E.letter_not_yet();
  const d = (iso: string | null) => (iso ? `${iso.slice(0, 4)} 年 ${Number(iso.slice(5, 7))} 月 ${Number(iso.slice(8, 10))} 日` : '');
  return page({
    title: `组织关系介绍信 ${t.letterNo}`,
    print: true,
    style: `body{font-family:"SimSun","Songti SC",serif;max-width:720px;margin:40px auto;line-height:2;font-size:18px}
h1{text-align:center;letter-spacing:.3em;font-size:26px}.no{text-align:right}.sign{text-align:right;margin-top:48px}`,
    body: html`<h1>中国共产党党员组织关系介绍信</h1>
<p class="no">编号：${t.letterNo}</p>
<p>${t.toName}：</p>
<p>&emsp;&emsp;${t.personName}同志，系中共党员，因${t.reason}，其党员组织关系由${t.fromOrgName}转至你处，请接洽。</p>
<p class="sign">${t.fromOrgName}（盖章）<br>${d(t.approvedOn)}</p>`,
  });
}
