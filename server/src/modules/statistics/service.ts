import type { Queryable } from '../../kernel/db.ts';
import type { StatFigure, StatPeriod } from '../../kernel/manifest.ts';
import type { Scope } from '../../kernel/scope.ts';
import { regionToday } from '../../kernel/time.ts';
import * as orgs from '../orgs/service.ts';
import { ensureCanRead } from './policy.ts';
import type { Statistics } from './schema.ts';

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
  const values = async (id: number, p: StatPeriod) => {
    const out: Record<string, number> = {};
    for (const f of figures) out[f.key] = await f.count(q, id, p);
    return out;
  };
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
