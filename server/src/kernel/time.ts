// The region's calendar. A community's "today" is its own day, not the
// server's: a server in UTC is a day behind Beijing until 08:00. Every date
// the server takes for "today" comes from here, and every database
// connection runs in the same zone (kernel/db.ts), so `current_date` agrees.
// Nothing depends on the process's TZ.

function checkedZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new Error(`GONGJIAN_TIME_ZONE: unknown time zone "${zone}" (an IANA name, e.g. Asia/Shanghai)`);
  }
  // Interpolated into SQL (SET TimeZone, AT TIME ZONE): IANA names never hold a quote.
  if (!/^[A-Za-z0-9_+\-/]+$/.test(zone)) throw new Error(`GONGJIAN_TIME_ZONE: "${zone}" is not an IANA zone name`);
  return zone;
}

/** The region's IANA time zone: GONGJIAN_TIME_ZONE, by default China Standard Time. */
export const REGION_TIME_ZONE = checkedZone(process.env.GONGJIAN_TIME_ZONE || 'Asia/Shanghai');

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: REGION_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

function wallClock(at: Date | number): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(at)) out[p.type] = p.value;
  return out as ReturnType<typeof wallClock>;
}

/** The region's calendar date (YYYY-MM-DD) at a moment. */
export function regionDate(at: Date | number): string {
  const w = wallClock(at);
  return `${w.year}-${w.month}-${w.day}`;
}

/** Today in the region (YYYY-MM-DD). */
export const regionToday = (): string => regionDate(Date.now());

/** This year in the region. */
export const regionYear = (): number => Number(regionToday().slice(0, 4));

/** A moment as the region's wall clock, for messages (2026/3/1 09:00:00). */
export const regionClock = (at: Date): string => at.toLocaleString('zh-CN', { timeZone: REGION_TIME_ZONE, hour12: false });

/** A calendar date n days later (or earlier): pure calendar arithmetic, no zone involved. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The region's offset from UTC at a moment, in milliseconds. */
function offsetAt(ms: number): number {
  const w = wallClock(ms);
  return Date.UTC(+w.year, +w.month - 1, +w.day, +w.hour, +w.minute, +w.second) - Math.floor(ms / 1000) * 1000;
}

/** The moment at which the region's wall clock reads `local` (YYYY-MM-DDTHH:MM[:SS]). */
export function regionInstant(local: string): Date {
  const asUtc = Date.parse(`${local}Z`);
  const first = asUtc - offsetAt(asUtc);
  // Across a daylight-saving change the offset at the guess differs from the offset at the answer.
  return new Date(asUtc - offsetAt(first));
}
