// Module boundaries (DEVELOPERS.md, "Module boundaries"): a module imports
// another only through what it publishes, modules import each other in no
// cycle, and a module's SQL touches no table another module owns.
// Usage: npm run lint:boundaries
import { importProblems, PUBLISHED } from './boundaries/imports.ts';
import { crossModuleTables } from './boundaries/tables.ts';

const [imports, tables] = await Promise.all([importProblems(), crossModuleTables()]);
const lines: string[] = [];
for (const p of imports.problems) {
  if (p.rule === 'module-internals') lines.push(`${p.from} imports ${p.to}: import only what a module publishes (${PUBLISHED.join(', ')})`);
  else lines.push(`modules ${p.from} import each other in a cycle:\n    ${p.detail}`);
}
for (const f of tables.findings) {
  lines.push(`server/src/${f.file} uses table ${f.table} of module ${f.owner}: call ${f.owner}'s service or a function or view its migrations publish`);
}
for (const e of [...imports.unusedExceptions, ...tables.unusedExceptions]) {
  lines.push(`scripts/boundaries/exceptions.ts lists ${e}, which no longer happens: remove it`);
}
for (const l of lines) console.error(l);
if (lines.length) process.exitCode = 1;
else console.log('module boundaries: no import into internals, no cycle, no table of another module');
