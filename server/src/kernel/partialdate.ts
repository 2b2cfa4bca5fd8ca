import { z } from './validation.ts';

// Dates a ledger knows only to the month (入党时间 2003年6月). Such a date
// travels as "2003-06" and is stored as the month's first day beside its
// precision, so no day is ever invented on the way out.

export type Precision = 'day' | 'month';

const FORM = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** Whether "YYYY-MM-DD" or "YYYY-MM" names a real day or month. */
export function isDayOrMonth(v: string): boolean {
  const m = FORM.exec(v);
  if (!m) return false;
  const iso = `${m[1]}-${m[2]}-${m[3] ?? '01'}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** How a value is stored: the (first) day and what of it is known. */
export function stored(v: string): { date: string; precision: Precision } {
  return v.length === 7 ? { date: `${v}-01`, precision: 'month' } : { date: v, precision: 'day' };
}

/** A stored date as it was known: "2003-06" when only the month is. */
export function asKnown(date: string, precision: Precision): string {
  return precision === 'month' ? date.slice(0, 7) : date;
}

/** A request field: a day (2024-05-01) or, where only the month is known, a month (2024-05). */
export const dayOrMonth = (label: string) =>
  z.string().refine(isDayOrMonth, `${label}须为日期（如 2024-05-01）或年月（如 2024-05）`).describe(label);
