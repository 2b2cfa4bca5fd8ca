import { calendarFeed } from '../../kernel/calendar.ts';
import type { PublicAlliancePage } from './schema.ts';

// The page's Atom feed (RFC 4287), for feed readers and the alliance's
// broadcast (glossary 党建联盟平台). Built as text: every value that came from
// a user goes through xmlText, and characters XML 1.0 cannot carry at all are
// dropped rather than escaped (no escape exists for them).

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for XML content or an attribute value: escaped, and without what XML cannot hold. */
export const xmlText = (value: unknown): string => String(value ?? '').replace(NOT_XML, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);

const element = (name: string, value: unknown) => `<${name}>${xmlText(value)}</${name}>`;

interface Entry {
  id: string;
  title: string;
  updated: string;
  summary: string;
}

const instant = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s).toISOString();

const pageUrl = (page: PublicAlliancePage, origin: string) => `${origin}/alliance/${encodeURIComponent(page.slug ?? String(page.orgId))}`;

/** The page's upcoming activities as a calendar a phone subscribes to (empty while the community keeps them private). */
export function allianceCalendar(page: PublicAlliancePage, origin: string): string {
  const base = pageUrl(page, origin);
  return calendarFeed(`${page.name}·党建联盟活动`, (page.activities ?? []).map((a) => ({
    uid: `alliance-activity-${a.id}@${new URL(origin).host}`, start: new Date(a.startsAt), end: new Date(a.endsAt), summary: a.title,
    location: a.place, description: `${a.kindLabel}｜${a.host}`, status: 'confirmed', url: `${base}#activity-${a.id}`,
  })));
}

/** The feed of a public page: its upcoming activities and its projects, the newest first. */
export function atomFeed(page: PublicAlliancePage, origin: string): string {
  const base = pageUrl(page, origin);
  const entries: Entry[] = [
    ...(page.activities ?? []).map((a) => ({
      id: `${base}#activity-${a.id}`,
      title: a.title,
      updated: instant(a.startsAt),
      summary: `${a.kindLabel}｜${a.host}｜${a.place}｜${a.startsAt}`,
    })),
    ...(page.projects ?? []).map((p) => ({
      id: `${base}#project-${p.id}`,
      title: p.name,
      updated: instant(p.completedOn ?? p.startedOn),
      summary: `${p.host}｜进度 ${p.progress}%｜${p.summary}`,
    })),
  ].sort((a, b) => b.updated.localeCompare(a.updated));
  const updated = entries.reduce((m, e) => (e.updated > m ? e.updated : m), '1970-01-01T00:00:00.000Z');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element('title', `${page.name}·党建联盟`),
    element('id', base),
    `<link rel="alternate" type="text/html" href="${xmlText(base)}"/>`,
    element('updated', updated),
    '<author><name>共建</name></author>',
    ...entries.map((e) =>
      [
        '<entry>',
        element('id', e.id),
        element('title', e.title),
        `<link rel="alternate" type="text/html" href="${xmlText(e.id)}"/>`,
        element('updated', e.updated),
        `<summary type="text">${xmlText(e.summary)}</summary>`,
        '</entry>',
      ].join(''),
    ),
    '</feed>',
    '',
  ].join('\n');
}
