import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import { axisLines, escapeHtml, tooltipLines } from '../../web/src/kernel/html.ts';

const PAYLOAD = `<img src=x onerror="window.__xss=1">'&`;

test('tooltip lines are escaped text: a name cannot open a tag or an attribute', () => {
  assert.equal(escapeHtml(PAYLOAD), '&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;&#39;&amp;');
  assert.equal(tooltipLines(['光明社区', null, PAYLOAD, false, '']), `光明社区<br/>${escapeHtml(PAYLOAD)}`);
});

test('an axis tooltip (statistics, evaluation charts) escapes the category and every series name', () => {
  const shown = tooltipLines(axisLines([{ name: PAYLOAD, seriesName: `<script>alert(1)</script>`, value: 3 }, { name: PAYLOAD, seriesName: '已解决', value: 1 }]));
  assert.equal(shown, `${escapeHtml(PAYLOAD)}<br/>&lt;script&gt;alert(1)&lt;/script&gt;：3<br/>已解决：1`);
  assert.doesNotMatch(shown, /<script|<img/);
});

// The web's lint refuses HTML built from data: every formatter as the org
// chart and the grid map wrote them before, and the other ways into the DOM.
const lint = async (code: string) => {
  const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });
  const [result] = await eslint.lintText(code, { filePath: 'web/src/modules/orgs/Probe.tsx' });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length;
};

test('lint refuses a formatter or a DOM write that builds HTML from data, and takes tooltipLines', async () => {
  const refused = [
    `const o = { tooltip: { formatter: (p: { name: string }) => \`单位：\${p.name}\` } };`,
    `const o = { tooltip: { formatter: (p: { data: { t: string } }) => p.data.t } };`,
    `const o = { tooltip: { formatter(p: { name: string }) { return [p.name].join('<br/>'); } } };`,
    `const o = (name: string) => ({ tooltip: { formatter: \`<b>\${name}</b>\` } });`,
    `export const f = (el: HTMLElement, name: string) => { el.innerHTML = name; };`,
    `export const f = (el: HTMLElement, name: string) => el.insertAdjacentHTML('beforeend', name);`,
    `export const C = ({ name }: { name: string }) => <div dangerouslySetInnerHTML={{ __html: name }} />;`,
  ];
  for (const code of refused) assert.equal(await lint(code), 1, code);
  assert.equal(await lint(`import { tooltipLines } from '../../kernel/html';\nexport const o = { tooltip: { formatter: (p: { name: string }) => tooltipLines([p.name]) } };`), 0);
});
