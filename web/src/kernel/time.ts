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
