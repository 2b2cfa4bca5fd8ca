import ical, { ICalEventStatus } from 'ical-generator';

/** One event of a calendar feed; times are instants (written in UTC, so no time-zone table is needed). */
export interface CalendarEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location: string;
  description: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
  url?: string;
}

const STATUS = { confirmed: ICalEventStatus.CONFIRMED, tentative: ICalEventStatus.TENTATIVE, cancelled: ICalEventStatus.CANCELLED } as const;

/**
 * An iCalendar (RFC 5545) feed, written by ical-generator: it escapes what
 * users typed (commas, semicolons, new lines) and folds long lines, which a
 * calendar app otherwise reads as broken or as extra properties.
 */
export function calendarFeed(name: string, events: readonly CalendarEvent[]): string {
  const cal = ical({ name, prodId: { company: 'Gongjian', product: 'gongjian', language: 'ZH' } });
  for (const e of events) {
    cal.createEvent({
      id: e.uid, start: e.start, end: e.end, stamp: new Date(), summary: e.summary, location: e.location,
      description: e.description, status: STATUS[e.status], ...(e.url ? { url: e.url } : {}),
    });
  }
  return cal.toString();
}
