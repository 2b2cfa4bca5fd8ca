// Which module imports which, resolved by dependency-cruiser: imports into
// another module's internals, and cycles between modules.
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { IMPORTS as EXCEPTIONS } from './exceptions.ts';

const MODULES = '^server/src/modules/';
/** What a module publishes to the others; everything else in its folder is its own. */
export const PUBLISHED = ['index.ts', 'service.ts', 'schema.ts', 'policy.ts'];

const RULES: IConfiguration['forbidden'] = [
  {
    name: 'module-internals',
    comment: `Import another module only through what it publishes: ${PUBLISHED.join(', ')}.`,
    severity: 'error',
    from: { path: `${MODULES}([^/]+)/` },
    to: { path: `${MODULES}[^/]+/`, pathNot: [`${MODULES}$1/`, `${MODULES}[^/]+/(${PUBLISHED.map((f) => f.replace('.', '\\.')).join('|')})$`] },
  },
];

export interface ImportProblem { rule: 'module-internals' | 'module-cycle'; from: string; to: string; detail?: string }

const moduleOf = (file: string) => /^server\/src\/modules\/([^/]+)\//.exec(file)?.[1] ?? null;
const excepted = (from: string, to: string) => EXCEPTIONS.some((e) => e.from === from && e.to === to);

/**
 * Modules that reach themselves again through others, as strongly connected
 * components of the module graph (Tarjan), leaving out the listed exceptions.
 */
export function moduleCycles(edges: [string, string][]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const [a, b] of edges) next.set(a, (next.get(a) ?? new Set()).add(b));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

export async function importProblems(): Promise<{ problems: ImportProblem[]; unusedExceptions: string[] }> {
  const result = await cruise([MODULES.slice(1)], {
    validate: true,
    ruleSet: { forbidden: RULES },
    includeOnly: MODULES,
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    outputType: 'json',
  });
  const cruised = JSON.parse(result.output as string) as ICruiseResult;
  const problems: ImportProblem[] = [];
  const used = new Set<string>();
  for (const v of cruised.summary.violations) {
    if (excepted(v.from, v.to)) used.add(`${v.from} ${v.to}`);
    else problems.push({ rule: 'module-internals', from: v.from, to: v.to });
  }
  const edges: [string, string][] = [];
  const files = new Map<string, string[]>();
  for (const m of cruised.modules) {
    for (const d of m.dependencies) {
      const a = moduleOf(m.source);
      const b = moduleOf(d.resolved);
      if (!a || !b || a === b) continue;
      if (excepted(m.source, d.resolved)) {
        used.add(`${m.source} ${d.resolved}`);
        continue;
      }
      edges.push([a, b]);
      files.set(`${a} ${b}`, [...(files.get(`${a} ${b}`) ?? []), `${m.source} → ${d.resolved}`]);
    }
  }
  for (const scc of moduleCycles(edges)) {
    const inside = edges.filter(([a, b]) => scc.includes(a) && scc.includes(b));
    problems.push({
      rule: 'module-cycle',
      from: scc.join(', '),
      to: '',
      detail: [...new Set(inside.map(([a, b]) => `${a} ${b}`))].flatMap((k) => files.get(k)!).join('\n    '),
    });
  }
  return {
    problems,
    unusedExceptions: EXCEPTIONS.filter((e) => !used.has(`${e.from} ${e.to}`)).map((e) => `${e.from} → ${e.to}`),
  };
}
