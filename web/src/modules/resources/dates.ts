import dayjs, { type Dayjs } from 'dayjs';
import type { MessageKey } from '../../messages';
import { today } from '../../kernel/time';

// Bookings travel as wall-clock times of the region ('2026-05-08T09:00');
// dates are calendar dates, computed without the browser's zone.

export const DATE = 'YYYY-MM-DD';
export { today };

/** The Monday of the week a date falls in. */
export const mondayOf = (date: string) => {
  const d = dayjs(date);
  return d.subtract((d.day() + 6) % 7, 'day').format(DATE);
};

export const addDays = (date: string, n: number) => dayjs(date).add(n, 'day').format(DATE);
export const weekOf = (monday: string) => Array.from({ length: 7 }, (_, i) => addDays(monday, i));
/** ISO weekday, 1 = Monday. */
export const isoWeekday = (date: string) => dayjs(date).day() || 7;

export const localTime = (date: Dayjs, time: Dayjs) => `${date.format(DATE)}T${time.format('HH:mm')}`;
export const clock = (t: string) => t.slice(11, 16);
export const dayOf = (t: string) => t.slice(0, 10);

const WEEKDAYS: MessageKey[] = ['resources.weekday.mon', 'resources.weekday.tue', 'resources.weekday.wed', 'resources.weekday.thu', 'resources.weekday.fri', 'resources.weekday.sat', 'resources.weekday.sun'];
/** The message key naming an ISO weekday (1 = Monday). */
export const weekdayKey = (isoDay: number) => WEEKDAYS[isoDay - 1]!;
