// ECharts shows a tooltip formatter's answer as HTML. Names in it are typed by
// users in other communities, so every one is escaped here; lint
// (eslint.config.js) refuses a formatter that does not answer through this.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** A tooltip of plain-text lines, each escaped; empty ones are left out. */
export const tooltipLines = (lines: readonly (string | null | undefined | false)[]): string =>
  lines.filter((l): l is string => Boolean(l)).map(escapeHtml).join('<br/>');
