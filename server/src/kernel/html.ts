// The printable pages (letters, slips, cards, the certificate check) are the
// only HTML the server builds, all of it through `html`, which escapes every
// interpolated value: names are typed by users, and these pages open on the
// app's own origin.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML already built by `html`; passes through a later `html` unescaped. */
export class Html {
  constructor(readonly html: string) {}
}

/** A template whose interpolations are escaped; arrays are joined; null and undefined are empty. */
export function html(parts: TemplateStringsArray, ...values: unknown[]): Html {
  const piece = (v: unknown): string =>
    v instanceof Html ? v.html : Array.isArray(v) ? v.map(piece).join('') : String(v ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
  return new Html(parts.reduce((out, p, i) => out + p + (i < values.length ? piece(values[i]) : ''), ''));
}

/** A table row of a label and its value, a dash when there is none. */
export const labelledRow = (label: string, value: unknown) => html`<tr><th>${label}</th><td>${value || '—'}</td></tr>`;

/** Makes the print button work: the pages' content security policy allows no inline script. */
export const PRINT_SCRIPT_URL = '/api/print.js';
export const PRINT_SCRIPT = `document.querySelector('[data-print]').addEventListener('click', () => window.print());\n`;

/** A whole printable page: its own styles (trusted constants), an escaped body, optionally a print button. */
export function page(p: { title: string; style: string; body: Html; print?: boolean }): string {
  const style = new Html(p.print ? `${p.style}\n@media print{[data-print]{display:none}}` : p.style);
  const button = p.print ? html`<button type="button" data-print>打印</button>\n` : '';
  const script = p.print ? html`\n<script src="${PRINT_SCRIPT_URL}"></script>` : '';
  return html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${p.title}</title>
<style>${style}</style></head><body>
${button}${p.body}${script}
</body></html>`.html;
}
