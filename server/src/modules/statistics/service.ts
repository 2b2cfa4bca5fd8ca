import type { Queryable } from '../../kernel/db.ts';
import { writeWorkbook } from '../../kernel/excel.ts';
import type { Commendations, StatFigure, StatPeriod } from '../../kernel/manifest.ts';
import type { Scope } from '../../kernel/scope.ts';
import { regionToday } from '../../kernel/time.ts';
import * as orgs from '../orgs/service.ts';
import { ensureCanRead } from './policy.ts';
import type { AnnualReport, Statistics, StatisticsAreas } from './schema.ts';

/** The period when none is asked: the year so far. */
export function periodOf(query: { from?: string; to?: string }): StatPeriod {
  const to = query.to ?? regionToday();
  return { from: query.from ?? `${to.slice(0, 4)}-01-01`, to };
}

/** The months a period touches, each as the part of it that falls in that month. */
export function monthsOf({ from, to }: StatPeriod): (StatPeriod & { month: string })[] {
  const out: (StatPeriod & { month: string })[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to.slice(0, 7)) break;
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    out.push({ month, from: from > `${month}-01` ? from : `${month}-01`, to: to < last ? to : last });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

async function valuesOf(q: Queryable, figures: readonly StatFigure[], orgId: number, p: StatPeriod): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const f of figures) out[f.key] = await f.count(q, orgId, p);
  return out;
}

/**
 * An organization's figures for a period, every one counted by the module
 * that holds its records (the manifests' `statistics`), as the caller: what
 * row-level security hides is not counted. Beside them, the key figures per
 * month and every figure per child organization. Only counts leave here:
 * no person is named or ranked.
 */
export async function statistics(q: Queryable, scope: Scope, figures: readonly StatFigure[], orgId: number, period: StatPeriod): Promise<Statistics> {
  const org = await orgs.place(q, orgId);
  ensureCanRead(scope, org.path);
  const values = (id: number, p: StatPeriod) => valuesOf(q, figures, id, p);
  const own = await values(orgId, period);
  const months = monthsOf(period);
  const trended = figures.filter((f) => f.trend && f.period);
  const series = [];
  for (const f of trended) {
    const perMonth = [];
    for (const m of months) perMonth.push(await f.count(q, orgId, m));
    series.push({ key: f.key, label: f.label, values: perMonth });
  }
  const children = [];
  for (const child of await orgs.children(q, orgId)) children.push({ orgId: child.id, name: child.name, values: await values(child.id, period) });
  return {
    orgId,
    orgName: org.name,
    ...period,
    figures: figures.map((f) => ({ key: f.key, label: f.label, value: own[f.key]!, period: f.period ?? false, link: f.link?.(orgId, period) ?? null })),
    trend: { months: months.map((m) => m.month), series },
    children,
  };
}

/**
 * The communities of a street or a district (a community's own
 * organizations), each with the figures the trend follows, for the period:
 * the big screen (大屏) colours its map by one of them. Counted as the
 * statistics page counts, so a community's tile equals its own page.
 */
export async function areas(q: Queryable, scope: Scope, figures: readonly StatFigure[], orgId: number, period: StatPeriod): Promise<StatisticsAreas> {
  const org = await orgs.place(q, orgId);
  ensureCanRead(scope, org.path);
  const shown = figures.filter((f) => f.trend && f.period);
  const out = [];
  for (const a of await orgs.mapAreas(q, orgId)) {
    out.push({ orgId: a.id, name: a.name, groupId: a.groupId, groupName: a.groupName, values: await valuesOf(q, shown, a.id, period) });
  }
  return { orgId, ...period, indicators: shown.map((f) => ({ key: f.key, label: f.label })), areas: out };
}

/** A year as a period: the whole of it, or up to today while it runs. */
export function yearPeriod(year: number): StatPeriod {
  const today = regionToday();
  const last = `${year}-12-31`;
  return { from: `${year}-01-01`, to: today < last ? today : last };
}

/**
 * The year-end report (年度报告) of an organization: the statistics page's
 * figures for the year, with the whole of last year beside those counted
 * over a period, and the candidates the year's records put forward for
 * commendation. The same counts as the statistics page, so the two agree.
 */
export async function annualReport(
  q: Queryable, scope: Scope, figures: readonly StatFigure[], commendations: readonly Commendations[], orgId: number, year: number,
): Promise<AnnualReport> {
  const org = await orgs.place(q, orgId);
  ensureCanRead(scope, org.path);
  const period = yearPeriod(year);
  const now = await valuesOf(q, figures, orgId, period);
  const periodic = figures.filter((f) => f.period);
  const before = await valuesOf(q, periodic, orgId, { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` });
  const candidates = [];
  for (const c of commendations) candidates.push({ key: c.key, label: c.label, people: await c.list(q, orgId, year) });
  return {
    orgId, orgName: org.name, year, ...period,
    figures: figures.map((f) => ({ key: f.key, label: f.label, value: now[f.key]!, previous: f.period ? before[f.key]! : null, period: f.period ?? false, link: f.link?.(orgId, period) ?? null })),
    commendations: candidates,
  };
}

/** The year-end report as a workbook: the figures beside last year's, and the candidates, in Chinese as the report is filed. */
export async function annualWorkbook(r: AnnualReport): Promise<{ name: string; body: Buffer }> {
  const body = await writeWorkbook([
    {
      name: '年度数据',
      columns: [{ key: 'label', header: '指标', width: 28 }, { key: 'value', header: `${r.year}年`, width: 14 }, { key: 'previous', header: `${r.year - 1}年`, width: 14 }, { key: 'basis', header: '口径', width: 16 }],
      rows: r.figures.map((f) => ({ label: f.label.zh, value: f.value, previous: f.previous ?? '', basis: f.period ? `${r.from} 至 ${r.to}` : `截至 ${r.to}` })),
    },
    {
      name: '评优候选',
      columns: [{ key: 'kind', header: '类别', width: 20 }, { key: 'name', header: '姓名或单位', width: 20 }, { key: 'org', header: '所在组织', width: 28 }, { key: 'because', header: '依据', width: 36 }],
      rows: r.commendations.flatMap((c) => c.people.map((p) => ({ kind: c.label.zh, name: p.name, org: p.orgName ?? '', because: p.because.zh }))),
    },
  ]);
  return { name: `${r.orgName}${r.year}年度报告.xlsx`, body };
}
