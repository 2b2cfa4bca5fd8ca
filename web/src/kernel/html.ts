// ECharts shows a tooltip formatter's answer as HTML. Names in it are typed by
// users in other communities, so every one is escaped here; lint
// (eslint.config.js) refuses a formatter that does not answer through this.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** A tooltip of plain-text lines, each escaped; empty ones are left out. */
export const tooltipLines = (lines: readonly (string | null | undefined | false)[]): string =>
  lines.filter((l): l is string => Boolean(l)).map(escapeHtml).join('<br/>');

type AxisPoint = { name?: string; seriesName?: string; value?: unknown };

/** The lines of an axis tooltip (a bar or line chart's category): its name, then each series' value. */
export const axisLines = (params: AxisPoint | AxisPoint[]): string[] => {
  const list = Array.isArray(params) ? params : [params];
  return [String(list[0]?.name ?? ''), ...list.map((p) => `${p.seriesName ?? ''}：${String(p.value)}`)];
};
