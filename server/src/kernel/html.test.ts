import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PRINT_SCRIPT_URL, html, labelledRow, page } from './html.ts';

const PAYLOAD = `<script>window.__xss=1</script><img src=x onerror="window.__xss=1">'&`;
const ESCAPED = '&lt;script&gt;window.__xss=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;&#39;&amp;';

test('every interpolated value is escaped; built fragments and lists pass through once', () => {
  assert.equal(html`<td>${PAYLOAD}</td>`.html, `<td>${ESCAPED}</td>`);
  assert.equal(html`<tr>${[PAYLOAD, html`<td>${PAYLOAD}</td>`]}</tr>`.html, `<tr>${ESCAPED}<td>${ESCAPED}</td></tr>`);
  assert.equal(html`<p>${null}${undefined}${0}</p>`.html, '<p>0</p>');
  assert.equal(labelledRow(PAYLOAD, '').html, `<tr><th>${ESCAPED}</th><td>—</td></tr>`);
});

test('a page escapes its title and body, and prints by a script file, never an inline handler', () => {
  const printable = page({ title: PAYLOAD, style: 'h1{color:red}', body: html`<h1>${PAYLOAD}</h1>`, print: true });
  assert.ok(!printable.includes('<script>window') && !printable.includes('<img'), printable);
  assert.match(printable, new RegExp(`<title>${ESCAPED}</title>`));
  assert.match(printable, new RegExp(`<script src="${PRINT_SCRIPT_URL}"></script>`));
  assert.doesNotMatch(printable, /<[^>]*\son[a-z]+=/i, 'no inline event handler (the content security policy blocks them)');
  assert.doesNotMatch(page({ title: 't', style: '', body: html`` }), /data-print|<script/, 'no button and no script unless asked');
});
