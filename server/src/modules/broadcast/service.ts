import { allowed, ensureAllowed } from '../../kernel/actions.ts';
import type { FieldCipher } from '../../kernel/crypto.ts';
import type { Queryable } from '../../kernel/db.ts';
import { notFound } from '../../kernel/errors.ts';
import type { TaskRun } from '../../kernel/manifest.ts';
import type { Scope } from '../../kernel/scope.ts';
import { conditions } from '../../kernel/sql.ts';
import { REGION_TIME_ZONE } from '../../kernel/time.ts';
import * as orgs from '../orgs/service.ts';
import { checkWebhook, isRobot, mailer, postToRobot, scrub, smsProvider } from './channels.ts';
import { E, MESSAGE, SUBSCRIPTION } from './errors.ts';
import { listVerdicts, subscriptionVerdicts } from './policy.ts';
import {
  CHANNELS, DIGEST_MODES, EVENT_KINDS, SUBSCRIPTION_LIST_ACTIONS, SUBSCRIPTION_ACTIONS,
  type Channel, type CreateSubscription, type EditSubscription, type EventKind, type Subscription,
  UNREAD_COUNTED,
} from './schema.ts';

export { smsGateway, smtpMailer, useMailer, useSmsProvider, type Mailer, type SmsProvider } from './channels.ts';

const SUBSCRIPTION_COLUMNS = `s.id, s.org_id AS "orgId", o.name AS "orgName", o.path::text AS "orgPath", s.user_id AS "userId", s.channel, s.name,
  s.target_hint AS "targetHint", s.secret_enc IS NOT NULL AS signed, s.kinds, s.mode, s.quiet_from AS "quietFrom", s.quiet_to AS "quietTo",
  s.active, s.unsubscribed_at IS NOT NULL AS unsubscribed,
  (SELECT count(*)::int FROM broadcast_deliveries d WHERE d.subscription_id = s.id AND d.status = 'sent') AS sent,
  (SELECT count(*)::int FROM broadcast_deliveries d WHERE d.subscription_id = s.id AND d.status IN ('failed', 'retrying')) AS failed`;
type Row = Omit<Subscription, 'actions' | 'personal'> & { orgPath: string; userId: number | null };

const withActions = (scope: Scope, r: Row): Subscription & { userId: number | null; orgPath: string } => ({
  ...r,
  personal: r.userId !== null,
  actions: allowed(SUBSCRIPTION_ACTIONS, subscriptionVerdicts(scope, r)),
});

export async function subscriptions(q: Queryable, scope: Scope, orgId?: number) {
  const where = conditions();
  if (orgId !== undefined) where.add(...(await orgs.underCondition(q, orgId, 's')));
  const rows = await q.query<Row>(`SELECT ${SUBSCRIPTION_COLUMNS} FROM broadcast_subscriptions s JOIN org_labels o ON o.id = s.org_id ${where.sql} ORDER BY s.id`, where.params);
  const orgPath = orgId !== undefined ? await orgs.pathOf(q, orgId) : null;
  return {
    items: rows.map((r) => withActions(scope, r)),
    actions: orgPath ? allowed(SUBSCRIPTION_LIST_ACTIONS, listVerdicts(scope, orgPath)) : [],
  };
}

async function subscription(q: Queryable, scope: Scope, id: number) {
  const [r] = await q.query<Row>(`SELECT ${SUBSCRIPTION_COLUMNS} FROM broadcast_subscriptions s JOIN org_labels o ON o.id = s.org_id WHERE s.id = $1`, [id]);
  if (!r) throw notFound(SUBSCRIPTION);
  return withActions(scope, r);
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const mask = (s: string) => (s.length <= 4 ? '＊＊' : `${s.slice(0, 3)}＊＊＊${s.slice(-2)}`);

/** The target as stored and as shown, refused per channel (see checkWebhook). */
function sealTarget(channel: Channel, target: string, anywhere: boolean): { target: string; hint: string } {
  if (isRobot(channel)) {
    const url = new URL(checkWebhook(channel, target, anywhere));
    return { target: url.href, hint: `${url.host}${url.pathname.length > 1 ? '/…' : ''}` };
  }
  if (channel === 'email') {
    if (!EMAIL.test(target)) throw E.email_invalid();
    if (!mailer()) throw E.channel_unavailable({ channel: CHANNELS.term('email') });
    const [user, host] = target.split('@') as [string, string];
    return { target, hint: `${mask(user)}@${host}` };
  }
  const phone = target.replace(/[\s-]/g, '');
  if (!/^1\d{10}$/.test(phone)) throw E.phone_invalid();
  if (!smsProvider()) throw E.channel_unavailable({ channel: CHANNELS.term('sms') });
  return { target: phone, hint: `${phone.slice(0, 3)}＊＊＊＊${phone.slice(-4)}` };
}

export async function create(q: Queryable, cipher: FieldCipher, scope: Scope, b: CreateSubscription, anywhere: boolean) {
  const place = await orgs.place(q, b.orgId);
  if (b.personal) {
    if (!scope.userId || !scope.grants.some((g) => g.orgPath === place.path || place.path.startsWith(`${g.orgPath}.`))) throw E.personal_outside();
    if (isRobot(b.channel)) throw E.personal_robot();
  } else ensureAllowed(listVerdicts(scope, place.path), 'create');
  if (b.secret && b.channel !== 'dingtalk' && b.channel !== 'feishu') throw E.secret_unused({ channel: CHANNELS.term(b.channel) });
  if ((b.quietFrom == null) !== (b.quietTo == null)) throw E.quiet_half();
  const sealed = sealTarget(b.channel, b.target.trim(), anywhere);
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO broadcast_subscriptions (org_id, user_id, channel, name, target_enc, target_hint, secret_enc, kinds, mode, quiet_from, quiet_to)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [b.orgId, b.personal ? scope.userId : null, b.channel, b.name, cipher.encrypt(sealed.target), sealed.hint, b.secret ? cipher.encrypt(b.secret) : null,
      [...new Set(b.kinds)], b.mode, b.quietFrom ?? null, b.quietTo ?? null],
  );
  return subscription(q, scope, row!.id);
}

export async function edit(q: Queryable, scope: Scope, id: number, b: EditSubscription) {
  const s = await subscription(q, scope, id);
  ensureAllowed(subscriptionVerdicts(scope, s), 'edit');
  if (b.quietFrom !== undefined || b.quietTo !== undefined) {
    if ((b.quietFrom ?? null) === null !== ((b.quietTo ?? null) === null)) throw E.quiet_half();
  }
  await q.query(
    `UPDATE broadcast_subscriptions SET active = coalesce($2, active), kinds = coalesce($3, kinds), mode = coalesce($4, mode),
            quiet_from = CASE WHEN $5 THEN $6::smallint ELSE quiet_from END, quiet_to = CASE WHEN $5 THEN $7::smallint ELSE quiet_to END,
            unsubscribed_at = CASE WHEN $2 THEN NULL ELSE unsubscribed_at END
      WHERE id = $1`,
    [id, b.active ?? null, b.kinds ? [...new Set(b.kinds)] : null, b.mode ?? null, b.quietFrom !== undefined, b.quietFrom ?? null, b.quietTo ?? null],
  );
  return subscription(q, scope, id);
}

export async function remove(q: Queryable, scope: Scope, id: number): Promise<void> {
  const s = await subscription(q, scope, id);
  ensureAllowed(subscriptionVerdicts(scope, s), 'remove');
  await q.query(`DELETE FROM broadcast_subscriptions WHERE id = $1`, [id]);
}

/** A person's unsubscription: nothing more is sent, and no administrator turns it on again. */
export async function unsubscribe(q: Queryable, scope: Scope, id: number) {
  const s = await subscription(q, scope, id);
  ensureAllowed(subscriptionVerdicts(scope, s), 'unsubscribe');
  await q.query(`UPDATE broadcast_subscriptions SET active = false, unsubscribed_at = now() WHERE id = $1`, [id]);
  return subscription(q, scope, id);
}

export async function deliveries(q: Queryable, f: { orgId?: number; subscriptionId?: number; page: number; pageSize: number }) {
  const where = conditions();
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'd')));
  if (f.subscriptionId !== undefined) where.add('d.subscription_id = $?', f.subscriptionId);
  const items = await q.query(
    `SELECT d.id, d.subscription_id AS "subscriptionId", s.name AS "subscriptionName", s.channel, e.kind AS "eventKind", e.title AS "eventTitle",
            d.event_id IS NULL AS digest, d.status, d.attempts, d.last_error AS "lastError", d.sent_at AS "sentAt", d.created_at AS "createdAt"
       FROM broadcast_deliveries d JOIN broadcast_subscriptions s ON s.id = d.subscription_id LEFT JOIN events e ON e.id = d.event_id
       ${where.sql} ORDER BY d.id DESC LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
    where.params,
  );
  const [c] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM broadcast_deliveries d ${where.sql}`, where.params);
  return { items, total: c!.n };
}

/**
 * An event as the lists show it. A member reads the events that name them even
 * where they may not read the organization: its name is then left out, never the event.
 */
const EVENT_COLUMNS = `e.id, e.org_id AS "orgId", coalesce(o.name, '') AS "orgName", e.kind, e.subject, e.subject_id AS "subjectId", e.title, e.at`;
const NAMED_EVENTS = 'FROM events e LEFT JOIN org_labels o ON o.id = e.org_id';

/** The in-app channel: the events the caller may read, newest first. */
export async function events(q: Queryable, f: { orgId?: number; blotted?: 'true'; page: number; pageSize: number }) {
  const where = conditions();
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'e')));
  const items = await q.query<{ at: Date | string; title: string }>(
    `SELECT ${EVENT_COLUMNS} ${NAMED_EVENTS} ${where.sql} ORDER BY e.at DESC, e.id DESC LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
    where.params,
  );
  const [c] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM events e ${where.sql}`, where.params);
  return { items: items.map((e) => ({ ...e, ...(f.blotted ? { title: scrub(e.title) } : {}), at: new Date(e.at).toISOString() })), total: c!.n };
}

/**
 * The message centre (消息中心): the events the caller may read from the last
 * 90 days (older ones are history, on the events list), newest first, each
 * read or not. A message is read when the caller marked it, or when it is at
 * or below their "all read" mark in its region (broadcast migration 0650).
 */
const RECENT_WITH_MARK = `LEFT JOIN broadcast_read_marks m ON m.region_id = e.region_id AND m.user_id = gj_user_id()
 WHERE e.at > now() - interval '90 days'`;
const IS_READ = `(e.id <= coalesce(m.through_event_id, 0)
  OR EXISTS (SELECT 1 FROM broadcast_reads r WHERE r.region_id = e.region_id AND r.user_id = gj_user_id() AND r.event_id = e.id))`;

export async function messages(q: Queryable, f: { unread?: 'true'; page: number; pageSize: number }) {
  const only = f.unread ? ` AND NOT ${IS_READ}` : '';
  const items = await q.query<{ at: Date | string }>(
    `SELECT ${EVENT_COLUMNS}, ${IS_READ} AS read ${NAMED_EVENTS} ${RECENT_WITH_MARK}${only}
      ORDER BY e.at DESC, e.id DESC LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
  );
  const [c] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM events e ${RECENT_WITH_MARK}${only}`);
  return { items: items.map((e) => ({ ...e, at: new Date(e.at).toISOString() })), total: c!.n, unread: await unreadCount(q) };
}

/** The caller's unread messages, counted up to UNREAD_COUNTED (the badge says "99+" past it). */
export async function unreadCount(q: Queryable): Promise<number> {
  const [r] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM events e ${RECENT_WITH_MARK} AND NOT ${IS_READ} LIMIT ${UNREAD_COUNTED}) x`);
  return r!.n;
}

/** Marks the caller's messages read: those named (only events the caller may read), or all of them up to now. */
export async function markRead(q: Queryable, b: { eventIds?: number[]; all?: true }): Promise<{ unread: number }> {
  if (b.all) {
    await q.query(
      `INSERT INTO broadcast_read_marks (region_id, user_id, through_event_id)
       SELECT e.region_id, gj_user_id(), max(e.id) FROM events e GROUP BY e.region_id
       ON CONFLICT (region_id, user_id) DO UPDATE
         SET through_event_id = greatest(broadcast_read_marks.through_event_id, EXCLUDED.through_event_id), marked_at = now()`,
    );
    // Rows the mark now covers say nothing more.
    await q.query(
      `DELETE FROM broadcast_reads r USING broadcast_read_marks m
        WHERE m.region_id = r.region_id AND m.user_id = r.user_id AND r.user_id = gj_user_id() AND r.event_id <= m.through_event_id`,
    );
  } else {
    const ids = [...new Set(b.eventIds ?? [])];
    const seen = await q.query<{ id: number }>(`SELECT e.id FROM events e WHERE e.id = ANY ($1::bigint[])`, [ids]);
    // A message the caller may not read is not theirs to mark: as if it did not exist.
    if (seen.length < ids.length) throw notFound(MESSAGE);
    await q.query(
      `INSERT INTO broadcast_reads (region_id, user_id, event_id)
       SELECT e.region_id, gj_user_id(), e.id FROM events e WHERE e.id = ANY ($1::bigint[])
       ON CONFLICT (region_id, user_id, event_id) DO NOTHING`,
      [ids],
    );
  }
  return { unread: await unreadCount(q) };
}

const clock = (d: Date) => d.toLocaleString('zh-CN', { timeZone: REGION_TIME_ZONE, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const minuteOfDay = (d: Date) => {
  const [h, m] = d.toLocaleTimeString('en-GB', { timeZone: REGION_TIME_ZONE, hour12: false }).split(':').map(Number) as [number, number];
  return (h % 24) * 60 + m;
};
const inQuiet = (min: number, from: number, to: number) => (from <= to ? min >= from && min < to : min >= from || min < to);

interface Item { kind: EventKind; title: string; at: string; orgName: string }

/** The message: the organization, what happened and when, titles only, blotted (see scrub). */
export function compose(orgName: string, digest: boolean, mode: string | null, items: Item[]): string {
  const line = (i: Item) => `${EVENT_KINDS.labels[i.kind] ?? i.kind}：${i.title}（${i.orgName}，${clock(new Date(i.at))}）`;
  const text = digest
    ? [`【共建·${orgName}】${mode ? DIGEST_MODES.labels[mode as 'daily'] : '摘要'}：共 ${items.length} 件`, ...items.slice(0, 30).map((i) => `· ${line(i)}`), ...(items.length > 30 ? [`…另有 ${items.length - 30} 件`] : [])].join('\n')
    : `【共建·${orgName}】${line(items[0]!)}`;
  return scrub(text);
}

interface Loaded {
  status: string; channel: Channel; target_enc: string; secret_enc: string | null; active: boolean;
  quiet_from: number | null; quiet_to: number | null; org_name: string; digest: boolean; items: Item[];
}

/** Task broadcast.deliver: one delivery, sent outside any transaction, its outcome recorded; retried by the runner. */
export async function deliver(t: TaskRun): Promise<void | { retry: string } | { postpone: Date }> {
  const id = Number(t.payload.deliveryId);
  const [d] = await t.scoped((q) => q.query<Loaded>(`SELECT * FROM gj_broadcast_delivery($1)`, [id]));
  if (!d || d.status === 'sent' || d.status === 'failed' || d.status === 'skipped') return;
  if (!d.active) return void (await t.scoped((q) => q.query(`SELECT gj_broadcast_delivered($1, 'skipped', NULL)`, [id])));
  if (d.quiet_from !== null && d.quiet_to !== null && inQuiet(minuteOfDay(t.now), d.quiet_from, d.quiet_to)) {
    const wait = ((d.quiet_to - minuteOfDay(t.now) + 1440) % 1440) * 60_000;
    return { postpone: new Date(t.now.getTime() + wait) };
  }
  if (!d.items.length) return void (await t.scoped((q) => q.query(`SELECT gj_broadcast_delivered($1, 'skipped', NULL)`, [id])));
  const text = compose(d.org_name, d.digest, null, d.items);
  try {
    const target = t.cipher.decrypt(d.target_enc);
    const secret = d.secret_enc ? t.cipher.decrypt(d.secret_enc) : null;
    if (isRobot(d.channel)) await postToRobot(d.channel, target, secret, text, t.now, t.settings.webhooksAnywhere);
    else if (d.channel === 'email') {
      const m = mailer();
      if (!m) throw new Error('no mailer configured');
      await m.send(target, `共建·${d.org_name}`, text);
    } else {
      const p = smsProvider();
      if (!p) throw new Error('no SMS provider configured');
      await p.send(target, text);
    }
  } catch (err) {
    const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    const last = t.attempt >= t.maxAttempts;
    await t.scoped((q) => q.query(`SELECT gj_broadcast_delivered($1, $2, $3)`, [id, last ? 'failed' : 'retrying', error]));
    return { retry: error };
  }
  await t.scoped((q) => q.query(`SELECT gj_broadcast_delivered($1, 'sent', NULL)`, [id]));
}

/** Job broadcast.digest: the daily and weekly digests that are due. */
export async function makeDigests(q: Queryable): Promise<number> {
  const [r] = await q.query<{ n: number }>(`SELECT gj_broadcast_digests() AS n`);
  return r!.n;
}
