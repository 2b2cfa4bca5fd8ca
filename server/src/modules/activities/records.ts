import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../kernel/db.ts';
import { notFound } from '../../kernel/errors.ts';
import type { Scope } from '../../kernel/scope.ts';
import { E, FEED } from './errors.ts';
import { writeWorkbook } from '../../kernel/excel.ts';
import { html, page } from '../../kernel/html.ts';
import { conditions } from '../../kernel/sql.ts';
import * as orgs from '../orgs/service.ts';
import * as people from '../people/service.ts';
import * as points from '../points/service.ts';
import * as reportIns from '../reportins/service.ts';
import type { Feedback } from './schema.ts';
import { adminListVerdicts } from './policy.ts';
import { ensureCreateAt, self, signupsOf } from './service.ts';
import { calendarFeed } from '../../kernel/calendar.ts';

// What the records say back: the service log, a member's own page, the
// report to each unit (双向反馈), certificates, and the calendar feed.

interface LogRow {
  id: number;
  org_id: number;
  org_name: string | null;
  person_id: number;
  person_name: string | null;
  activity_id: number | null;
  served_on: string;
  what: string;
  place: string;
  hours: number;
  confirmed_at: Date | null;
}

const toLog = (r: LogRow) => ({
  id: r.id, orgId: r.org_id, orgName: r.org_name ?? '', personId: r.person_id, personName: r.person_name ?? '', activityId: r.activity_id,
  servedOn: r.served_on, what: r.what, place: r.place, hours: r.hours, confirmed: r.confirmed_at !== null,
  confirmedAt: r.confirmed_at && new Date(r.confirmed_at).toISOString(),
});

/** Service log rows: members see their own, communities those who served them, units their members' (row-level security decides). */
export async function logs(q: Queryable, f: { year?: number; orgId?: number; unitId?: number; personId?: number; id?: number }) {
  const where = conditions();
  if (f.id !== undefined) where.add('l.id = $?', f.id);
  if (f.year !== undefined) where.add('l.served_on >= make_date($?, 1, 1)', f.year);
  if (f.year !== undefined) where.add('l.served_on < make_date($? + 1, 1, 1)', f.year);
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'l')));
  if (f.unitId !== undefined) where.add('l.unit_id = $?', f.unitId);
  if (f.personId !== undefined) where.add('l.person_id = $?', f.personId);
  const rows = await q.query<LogRow>(
    `SELECT l.id, l.org_id, gj_org_name(l.org_id) AS org_name, l.person_id, p.name AS person_name, l.activity_id, l.served_on::text, l.what, l.place,
            l.hours, l.confirmed_at
       FROM service_logs l LEFT JOIN person_labels p ON p.id = l.person_id ${where.sql} ORDER BY l.served_on DESC, l.id DESC LIMIT 1000`,
    where.params,
  );
  const items = rows.map(toLog);
  return { items, totalHours: items.filter((l) => l.confirmed).reduce((n, l) => n + l.hours, 0) };
}

/** Service outside an activity (a good deed, a night on patrol), recorded and so confirmed by the community. */
export async function recordService(
  q: Queryable,
  scope: Scope,
  input: { orgId: number; personId: number; servedOn: string; what: string; place: string; hours: number },
) {
  await ensureCreateAt(q, scope, input.orgId);
  await orgs.place(q, input.orgId);
  const person = await people.find(q, input.personId);
  if (!person) throw E.person_not_found();
  await people.ensureDayInMembership(q, person, input.servedOn, 'servedOn', { zh: '服务日期', en: 'servedOn' });
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO service_logs (org_id, person_id, user_id, unit_id, served_on, what, place, hours, confirmed_by, confirmed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now()) RETURNING id`,
    [input.orgId, person.id, await people.accountOf(q, person.id), person.unitId, input.servedOn, input.what, input.place, input.hours, scope.userId],
  );
  return (await logs(q, { id: row!.id })).items[0]!;
}

/** A member's own page: the year's sign-ups, service log, hours and points against the threshold. */
export async function myService(q: Queryable, scope: Scope, year: number) {
  const person = await people.ofAccount(q, scope.userId!);
  if (!person) return { personId: null, year, points: 0, spendable: 0, threshold: null, hours: 0, activities: 0, signups: [], logs: [] };
  const f = (await points.figures(q, [person.id], `${year}-01-01`, `${year}-12-31`)).get(person.id)!;
  return {
    personId: person.id,
    year,
    ...f,
    spendable: (await points.spendable(q, person.id)).balance,
    threshold: await points.threshold(q, person.orgId, year),
    signups: await signupsOf(q, scope, person.id, year),
    logs: (await logs(q, { personId: person.id, year })).items,
  };
}

// ---- feedback to units (双向反馈) -------------------------------------------

function period(year: number, quarter?: number): { label: string; from: string; to: string } {
  if (!quarter) return { label: `${year}年度`, from: `${year}-01-01`, to: `${year}-12-31` };
  const last = new Date(Date.UTC(year, quarter * 3, 0)).getUTCDate();
  return { label: `${year}年第${quarter}季度`, from: `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`, to: `${year}-${String(quarter * 3).padStart(2, '0')}-${last}` };
}

/**
 * The report a unit receives about its members: where they registered
 * (双报到), what they attended, hours served and points earned in the
 * period, from the records of every community they served.
 */
export async function feedback(q: Queryable, unitId: number, year: number, quarter?: number): Promise<Feedback> {
  const unit = await orgs.getUnit(q, unitId);
  const p = period(year, quarter);
  const members = await people.members(q, { unitId });
  const registered = new Map<number, string>();
  for (const r of await reportIns.list(q, { unitId, status: 'accepted' })) registered.set(r.personId, `${r.orgName}（${r.decidedOn ?? ''}）`);
  const by = await points.figures(q, members.map((m) => m.id), p.from, p.to);
  const limit = await points.threshold(q, unit.orgId, year);
  return {
    unitId,
    unitName: unit.name,
    period: p.label,
    from: p.from,
    to: p.to,
    threshold: limit,
    rows: members.map((m) => {
      const f = by.get(m.id)!;
      // A quarter is a quarter of the year's work: the threshold is judged on the year only.
      return { personId: m.id, personName: m.name, registeredAt: registered.get(m.id) ?? null, ...f, belowThreshold: !quarter && limit !== null && f.points < limit };
    }),
  };
}

const COLUMNS = [
  { key: 'personName', header: '姓名', width: 12 },
  { key: 'registeredAt', header: '报到社区（报到日期）', width: 30 },
  { key: 'activities', header: '参加活动（次）', width: 14 },
  { key: 'hours', header: '服务时长（小时）', width: 16 },
  { key: 'points', header: '积分', width: 10 },
  { key: 'verdict', header: '年度积分达标', width: 14 },
];

const verdict = (f: Feedback, r: Feedback['rows'][number]) => (f.threshold === null || f.period.includes('季度') ? '—' : r.belowThreshold ? '未达标' : '达标');

export async function feedbackWorkbook(f: Feedback): Promise<Buffer> {
  return writeWorkbook([
    {
      name: f.period,
      columns: COLUMNS,
      rows: f.rows.map((r) => ({ ...r, registeredAt: r.registeredAt ?? '未报到', verdict: verdict(f, r) })),
    },
  ]);
}

/** A page to print (A4) and file, as paper reports to units are kept. */
export function feedbackHtml(f: Feedback): string {
  const sum = (k: 'activities' | 'hours' | 'points') => f.rows.reduce((n, r) => n + r[k], 0);
  const rows = f.rows.map((r) => {
    const cells = [r.personName, r.registeredAt ?? '未报到', r.activities, r.hours, r.points, verdict(f, r)];
    return html`<tr${r.belowThreshold ? html` class="below"` : ''}>${cells.map((c) => html`<td>${c}</td>`)}</tr>`;
  });
  return page({
    title: `${f.unitName} ${f.period}党员服务情况反馈`,
    style: `body{font-family:"Noto Serif CJK SC","Songti SC",serif;margin:2cm;color:#000}h1{font-size:20pt;text-align:center}
p{font-size:11pt}table{width:100%;border-collapse:collapse;font-size:11pt}th,td{border:1px solid #000;padding:4px 6px;text-align:center}
tr.below td{font-weight:bold}@page{size:A4;margin:1.5cm}@media print{body{margin:0}}`,
    body: html`<h1>在职党员到社区服务情况反馈表</h1>
<p>单位：${f.unitName}&emsp;&emsp;期间：${f.period}（${f.from} 至 ${f.to}）${f.threshold === null ? '' : html`&emsp;&emsp;年度积分达标线：${f.threshold} 分`}</p>
<table><thead><tr>${COLUMNS.map((c) => html`<th>${c.header}</th>`)}</tr></thead><tbody>${rows}</tbody>
<tfoot><tr><td>合计 ${f.rows.length} 人</td><td></td><td>${sum('activities')}</td><td>${sum('hours')}</td><td>${sum('points')}</td><td></td></tr></tfoot></table>
<p>本表由共建平台根据各社区的活动签到、服务日志和积分记录生成。</p>`,
  });
}

// ---- certificates ----------------------------------------------------------

const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from(randomBytes(12), (b) => CODE_CHARS[b % CODE_CHARS.length]).join('');

interface CertificateRow {
  id: number;
  org_name: string | null;
  person_id: number;
  person_name: string | null;
  year: number;
  hours: number;
  points: number;
  activities: number;
  code: string;
  issued_on: string;
}

const toCertificate = (r: CertificateRow) => ({
  id: r.id, orgName: r.org_name ?? '', personId: r.person_id, personName: r.person_name ?? '', year: r.year, hours: r.hours, points: r.points,
  activities: r.activities, code: r.code, issuedOn: r.issued_on, verifyUrl: `/api/certificates/verify?code=${r.code}`,
});

export async function certificates(q: Queryable, f: { year?: number; orgId?: number; id?: number }) {
  const where = conditions();
  if (f.year !== undefined) where.add('c.year = $?', f.year);
  if (f.orgId !== undefined) where.add(...(await orgs.underCondition(q, f.orgId, 'c')));
  if (f.id !== undefined) where.add('c.id = $?', f.id);
  const rows = await q.query<CertificateRow>(
    `SELECT c.id, gj_org_name(c.org_id) AS org_name, c.person_id, p.name AS person_name, c.year, c.hours, c.points, c.activities, c.code, c.issued_on::text
       FROM service_certificates c LEFT JOIN person_labels p ON p.id = c.person_id ${where.sql} ORDER BY c.year DESC, c.id DESC LIMIT 1000`,
    where.params,
  );
  return rows.map(toCertificate);
}

/** The community certifies a person's service with it in a year, from its records. */
export async function issueCertificate(q: Queryable, scope: Scope, input: { orgId: number; personId: number; year: number }) {
  await ensureCreateAt(q, scope, input.orgId, adminListVerdicts);
  await orgs.place(q, input.orgId);
  const person = await people.find(q, input.personId);
  if (!person) throw E.person_not_found();
  const f = (await points.figures(q, [person.id], `${input.year}-01-01`, `${input.year}-12-31`, await orgs.subtreeIds(q, input.orgId))).get(person.id)!;
  if (f.activities === 0 && f.hours === 0) throw E.nothing_to_certify({ name: person.name, year: input.year });
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO service_certificates (org_id, person_id, user_id, unit_id, year, hours, points, activities, code, issued_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [input.orgId, person.id, await people.accountOf(q, person.id), person.unitId, input.year, f.hours, f.points, f.activities, newCode(), scope.userId],
  );
  return (await certificates(q, { id: row!.id }))[0]!;
}

/** The public check page of a certificate's code. */
export async function verifyHtml(q: Queryable, code: string): Promise<string> {
  const [c] = await q.query<{ person_name: string; org_name: string; year: number; hours: number; points: number; activities: number; issued_on: string }>(
    `SELECT person_name, org_name, year, hours, points, activities, issued_on::text FROM gj_verify_certificate($1)`,
    [code],
  );
  if (!c) throw notFound({ zh: `编号为 ${code} 的服务证明`, en: `Service certificate ${code}` });
  return page({
    title: '服务证明核验',
    style: `body{font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em}dt{color:#666}dd{margin:0 0 .8em;font-size:1.2em}
.ok{color:#389e0d;font-size:1.4em}`,
    body: html`<p class="ok" data-testid="certificate-valid">✔ 证明真实有效</p><dl>
<dt>证明编号</dt><dd>${code}</dd><dt>姓名</dt><dd data-testid="certificate-person">${c.person_name}</dd>
<dt>开具社区</dt><dd>${c.org_name}</dd><dt>年度</dt><dd>${c.year} 年</dd>
<dt>参加活动</dt><dd>${c.activities} 次</dd><dt>服务时长</dt><dd>${c.hours} 小时</dd><dt>积分</dt><dd>${c.points} 分</dd>
<dt>开具日期</dt><dd>${c.issued_on}</dd></dl>`,
  });
}

// ---- calendar feed -------------------------------------------------------

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A new secret feed address for the caller (the old one stops working). */
export async function newFeed(q: Queryable, userId: number): Promise<{ url: string }> {
  const person = await self(q, userId);
  const token = randomBytes(24).toString('base64url');
  await q.query(
    `INSERT INTO calendar_feeds (org_id, user_id, token_hash) VALUES ($1, $2, $3)
     ON CONFLICT (region_id, user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
    [person.orgId, userId, hashToken(token)],
  );
  return { url: `/api/calendar.ics?token=${token}` };
}

/** The iCalendar feed behind a token: the activities its owner signed up for. */
export async function feed(q: Queryable, token: string, host: string): Promise<string> {
  const rows = await q.query<{ id: number | null; title: string; place: string; starts_at: Date; ends_at: Date; status: string; org_name: string }>(
    `SELECT id, title, place, starts_at, ends_at, status, org_name FROM gj_calendar_feed($1)`,
    [hashToken(token)],
  );
  if (!rows.length) throw notFound(FEED);
  return calendarFeed('共建·我的活动', rows.filter((r) => r.id !== null).map((r) => ({
    uid: `activity-${r.id}@${host}`, start: r.starts_at, end: r.ends_at, summary: r.title, location: r.place,
    description: `${r.org_name}${r.status === 'waitlisted' ? '（候补）' : ''}`,
    status: r.status === 'cancelled' ? 'cancelled' : r.status === 'waitlisted' ? 'tentative' : 'confirmed',
  })));
}
