// The region's calendar in the browser: "today" in a form is the region's
// day (GET /api/meta names the zone), whatever zone the device is set to.

let zone = 'Asia/Shanghai';

/** Called once the server has named the region's zone. */
export function setRegionTimeZone(timeZone: string): void {
  zone = timeZone;
}

/** The region's calendar date (YYYY-MM-DD) at a moment. */
export const regionDate = (at: Date | string | number): string => new Date(at).toLocaleDateString('sv', { timeZone: zone });

/** Today in the region, as the API's YYYY-MM-DD. */
export const today = (): string => regionDate(Date.now());

/** This year in the region. */
export const thisYear = (): number => Number(today().slice(0, 4));

/** A moment as the region's wall clock, for a datetime-local input (YYYY-MM-DDTHH:MM). */
export const regionWallClock = (at: string): string =>
  new Date(at).toLocaleString('sv', { timeZone: zone, hour12: false }).replace(' ', 'T').slice(0, 16);

/** The region's offset from UTC at a moment, in milliseconds. */
function offsetAt(ms: number): number {
  return Date.parse(`${new Date(ms).toLocaleString('sv', { timeZone: zone, hourCycle: 'h23' }).replace(' ', 'T')}Z`) - Math.floor(ms / 1000) * 1000;
}

/** The moment (ISO) at which the region's wall clock reads `local` (YYYY-MM-DDTHH:MM from a datetime-local input), wherever the browser is. */
export function regionInstant(local: string): string {
  const asUtc = Date.parse(`${local}Z`);
  // Across a daylight-saving change the offset at the guess differs from the offset at the answer.
  return new Date(asUtc - offsetAt(asUtc - offsetAt(asUtc))).toISOString();
}

/** The region's time zone, for formatting moments as its wall clock. */
export const regionTimeZone = (): string => zone;
