import type { Queryable } from '../../kernel/db.ts';
import { invalidField } from '../../kernel/errors.ts';
import * as orgs from '../orgs/service.ts';
import * as people from '../people/service.ts';

// Spendable points (migration 0061): credited from earned points by the
// database where a "spendable" rule sets a rate, debited by redemptions. A
// separate ledger: redeeming never touches the earned totals or the list of
// those below the yearly threshold.

interface Row {
  id: number;
  kind: 'credit' | 'redeem';
  points: number;
  reason: string;
  org_name: string | null;
  created_at: Date;
}

/** A person's spendable balance and its entries, newest first (what the caller may see of them). */
export async function account(q: Queryable, personId: number) {
  const rows = await q.query<Row>(
    `SELECT s.id, s.kind, s.points, s.reason, gj_org_name(s.org_id) AS org_name, s.created_at
       FROM points_spendable s WHERE s.person_id = $1 ORDER BY s.id DESC LIMIT 1000`,
    [personId],
  );
  const [sum] = await q.query<{ balance: number }>(`SELECT coalesce(sum(points), 0) AS balance FROM points_spendable WHERE person_id = $1`, [personId]);
  return {
    personId,
    balance: sum!.balance,
    items: rows.map((r) => ({
      id: r.id, kind: r.kind, kindLabel: r.kind === 'credit' ? '积分转入' : '兑换', points: r.points, reason: r.reason, orgName: r.org_name ?? '',
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}

/** A redemption (兑换) with its reason; the database refuses one the balance does not cover, under concurrency too. */
export async function redeem(q: Queryable, userId: number, input: { personId: number; orgId: number; points: number; reason: string }) {
  const person = await people.find(q, input.personId);
  if (!person) throw invalidField('personId', '人员不存在，或不在您的管辖范围内');
  await orgs.place(q, input.orgId);
  const { balance } = await account(q, person.id);
  if (input.points > balance) throw invalidField('points', `${person.name}的可兑换积分余额为 ${balance} 分，不足 ${input.points} 分`);
  await q.query(
    `INSERT INTO points_spendable (org_id, person_id, user_id, unit_id, kind, points, reason, created_by) VALUES ($1, $2, $3, $4, 'redeem', $5, $6, $7)`,
    [input.orgId, person.id, await people.accountOf(q, person.id), person.unitId, -input.points, input.reason, userId],
  );
  return account(q, person.id);
}
