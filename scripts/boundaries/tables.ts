// Which module's tables a module's SQL touches. A table belongs to the module
// whose migrations create it; another module reaches it only through that
// module's service or through a function or view the owner publishes in its
// own migrations. Kernel tables are infrastructure and belong to nobody.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadMigrations, type Migration } from '../../server/src/kernel/migrate.ts';
import { TABLES as EXCEPTIONS } from './exceptions.ts';

export const SRC = path.resolve(import.meta.dirname, '../../server/src');

/** A statement's text with comments removed, split at the `;` that ends it. */
export function statements(sql: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < sql.length; ) {
    const rest = sql.slice(i);
    const dollar = /^\$[A-Za-z_]*\$/.exec(rest);
    if (rest.startsWith('--')) {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
    } else if (rest.startsWith('/*')) {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (dollar) {
      const end = sql.indexOf(dollar[0], i + dollar[0].length);
      const stop = end < 0 ? sql.length : end + dollar[0].length;
      // A function body is SQL too: its comments go as well.
      cur += dollar[0] + statements(sql.slice(i + dollar[0].length, end < 0 ? sql.length : end)).join(';\n') + dollar[0];
      i = stop;
    } else if (rest[0] === "'") {
      const m = /^'(?:[^']|'')*'/.exec(rest);
      cur += m ? m[0] : rest;
      i += m ? m[0].length : rest.length;
    } else if (rest[0] === ';') {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      i++;
    } else {
      cur += rest[0];
      i++;
    }
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const KEYWORDS = new Set(['where', 'set', 'on', 'using', 'join', 'left', 'right', 'inner', 'cross', 'full', 'natural', 'lateral',
  'group', 'order', 'limit', 'offset', 'returning', 'union', 'except', 'intersect', 'for', 'window', 'having', 'as', 'values',
  'select', 'default', 'overriding', 'and', 'or', 'then', 'loop', 'into', 'from', 'fetch', 'when', 'with', 'only', 'table']);

/**
 * The table names a piece of SQL reads or writes: after FROM (with its comma
 * list), JOIN, INTO, UPDATE, TABLE, TRUNCATE. A name followed by `(` is a
 * function. REFERENCES is not a read: a foreign key only names its target.
 */
export function referencedNames(sql: string, caseSensitive: boolean): string[] {
  const names = new Set<string>();
  const flags = caseSensitive ? 'g' : 'gi';
  const name = String.raw`(?:ONLY\s+)?(?:public\.)?([a-z_][a-z0-9_]*)\b`;
  // After FROM and JOIN a name followed by `(` is a function; after INTO a column list follows.
  const ident = String.raw`${name}(?!\s*\()`;
  for (const m of sql.matchAll(new RegExp(String.raw`\b(?:INTO|UPDATE|TABLE|TRUNCATE)\s+${name}`, flags))) names.add(m[1]!);
  for (const m of sql.matchAll(new RegExp(String.raw`\bJOIN\s+${ident}`, flags))) names.add(m[1]!);
  for (const m of sql.matchAll(new RegExp(String.raw`\bFROM\s+`, flags))) {
    let rest = sql.slice(m.index + m[0].length);
    for (;;) {
      const t = new RegExp(String.raw`^${ident}(?:\s+(?:AS\s+)?([a-z_][a-z0-9_]*))?\s*`, caseSensitive ? '' : 'i').exec(rest);
      if (!t) break;
      names.add(t[1]!);
      if (t[2] && KEYWORDS.has(t[2].toLowerCase())) break;
      rest = rest.slice(t[0].length);
      if (!rest.startsWith(',')) break;
      rest = rest.slice(1).trimStart();
    }
  }
  return [...names];
}

const moduleOf = (file: string): string | null => /^modules\/([^/]+)\//.exec(file)?.[1] ?? null;

/** table → owning module, from the CREATE TABLE statements in each module's migrations. */
export function owners(migrations: Migration[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of migrations) {
    const owner = moduleOf(m.file);
    if (!owner) continue;
    for (const t of m.sql.matchAll(/CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_]*)/gi)) map.set(t[1]!, owner);
  }
  return map;
}

/**
 * What a module's migrations still run: the last definition of each function,
 * view and policy (a later migration replaces or drops it), and every
 * statement of the migrations numbered from FIRST_CHECKED on. Earlier one-off
 * statements (backfills) ran once and are history that cannot be edited.
 */
export const FIRST_CHECKED = 200;

export function liveSql(migrations: Migration[]): { file: string; sql: string }[] {
  const live = new Map<string, { file: string; sql: string }>();
  const once: { file: string; sql: string }[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    for (const s of statements(m.sql)) {
      const def = /^CREATE\s+(?:OR\s+REPLACE\s+)?(FUNCTION|VIEW|POLICY)\s+([a-z_][a-z0-9_]*)(?:\s+ON\s+([a-z_][a-z0-9_]*))?/i.exec(s);
      const drop = /^DROP\s+(FUNCTION|VIEW|POLICY)\s+(?:IF\s+EXISTS\s+)?([a-z_][a-z0-9_]*)(?:[^;]*?\s+ON\s+([a-z_][a-z0-9_]*))?/i.exec(s);
      const key = (x: RegExpExecArray) => `${x[1]!.toUpperCase()} ${x[2]}${x[1]!.toUpperCase() === 'POLICY' ? ` ON ${x[3]}` : ''}`;
      if (def) live.set(key(def), { file: m.file, sql: s });
      else if (drop) live.delete(key(drop));
      else if (m.version >= FIRST_CHECKED) once.push({ file: m.file, sql: s });
    }
  }
  return [...live.values(), ...once];
}

/** TypeScript without its comments; SQL lives in its string and template literals. */
export function stripTsComments(ts: string): string {
  return ts.replace(/(`(?:\\[\s\S]|[^\\`])*`|'(?:\\.|[^\\'\n])*'|"(?:\\.|[^\\"\n])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_m, lit) => lit ?? '');
}

export interface Finding { file: string; module: string; table: string; owner: string }

async function moduleSources(): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  for (const mod of await readdir(path.join(SRC, 'modules'), { withFileTypes: true })) {
    if (!mod.isDirectory()) continue;
    for (const f of await readdir(path.join(SRC, 'modules', mod.name))) {
      if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
      const file = `modules/${mod.name}/${f}`;
      out.push({ file, text: stripTsComments(await readFile(path.join(SRC, file), 'utf8')) });
    }
  }
  return out;
}

/** Every place a module touches a table another module owns, less the listed exceptions. */
export async function crossModuleTables(): Promise<{ findings: Finding[]; unusedExceptions: string[] }> {
  const migrations = await loadMigrations();
  const owner = owners(migrations);
  // A table made by another module's migration before its owner existed (which
  // cannot be edited) is claimed in the owner's owns.ts: `export const ownedTables = [...]`.
  for (const mod of await readdir(path.join(SRC, 'modules'), { withFileTypes: true })) {
    const file = path.join(SRC, 'modules', mod.name, 'owns.ts');
    const claimed = mod.isDirectory() && existsSync(file) ? ((await import(file)) as { ownedTables: string[] }).ownedTables : [];
    for (const table of claimed) owner.set(table, mod.name);
  }
  const found: Finding[] = [];
  const add = (file: string, names: string[]) => {
    const module = moduleOf(file);
    if (!module) return;
    for (const table of names) {
      const o = owner.get(table);
      if (o && o !== module) found.push({ file, module, table, owner: o });
    }
  };
  for (const s of liveSql(migrations)) add(s.file, referencedNames(s.sql, false));
  for (const s of await moduleSources()) add(s.file, referencedNames(s.text, true));
  const unique = [...new Map(found.map((f) => [`${f.file} ${f.table}`, f])).values()];
  const excepted = (f: Finding) => EXCEPTIONS.some((e) => `server/src/${f.file}` === e.file && e.tables.includes(f.table));
  const used = new Set(unique.filter(excepted).map((f) => `server/src/${f.file} ${f.table}`));
  return {
    findings: unique.filter((f) => !excepted(f)),
    unusedExceptions: EXCEPTIONS.flatMap((e) => e.tables.filter((t) => !used.has(`${e.file} ${t}`)).map((t) => `${e.file} ${t}`)),
  };
}
