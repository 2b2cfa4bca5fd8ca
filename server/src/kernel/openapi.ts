import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';

type Document = { components?: { schemas?: Record<string, unknown> } } & Record<string, unknown>;

const REF = '#/components/schemas/';
const INPUT = 'Input';

/**
 * The schemas registered with an id (`.meta({ id })`: vocabularies, shared
 * objects) become components. The type provider makes each twice, as read in
 * a request (`NameInput`) and as written in a response (`Name`); where the two
 * are the same, as for every enum, the document keeps one; a request twin
 * that no request uses is dropped.
 */
export function namedComponents<D extends object>(openapiObject: D): D {
  const doc = jsonSchemaTransformObject({ openapiObject } as never) as Document;
  const schemas = doc.components?.schemas ?? {};
  // Merge the largest set of twins that are equal once the merged ones' refs are merged too.
  let merged = new Set(Object.keys(schemas).filter((n) => n.endsWith(INPUT) && n.slice(0, -INPUT.length) in schemas).map((n) => n.slice(0, -INPUT.length)));
  const rename = (json: string, names: Set<string>) =>
    json.replace(new RegExp(`"${REF}([A-Za-z0-9_]+)${INPUT}"`, 'g'), (all, name: string) => (names.has(name) ? `"${REF}${name}"` : all));
  for (;;) {
    const same = new Set([...merged].filter((n) => rename(JSON.stringify(schemas[n + INPUT]), merged) === rename(JSON.stringify(schemas[n]), merged)));
    if (same.size === merged.size) break;
    merged = same;
  }
  for (const name of merged) delete schemas[name + INPUT];
  const result = JSON.parse(rename(JSON.stringify(doc), merged)) as Document;
  // The rest of the twins, for schemas only ever written, are referred to by nothing.
  const all = result.components?.schemas ?? {};
  for (let unused = true; unused; ) {
    const text = JSON.stringify(result);
    const drop = Object.keys(all).filter((n) => n.endsWith(INPUT) && !text.includes(`"${REF}${n}"`));
    for (const n of drop) delete all[n];
    unused = drop.length > 0;
  }
  return result as D;
}

type Response = { description?: string; content?: Record<string, { schema?: { $ref?: string } }> };
type Operations = Record<string, Record<string, { responses?: Record<string, Response | { $ref: string }> }>>;

/**
 * Error answers that every operation shares (the same status, description and
 * Error body) become named responses (`Error404`), referred to by each
 * operation instead of written out under each one. An operation that says
 * something else for a status (sign-in's 401) keeps its own.
 */
export function namedResponses<D extends object>(document: D): D {
  const doc = document as { paths?: Operations; components?: { responses?: Record<string, Response> } };
  const isError = (r: Response) => Object.values(r.content ?? {}).some((c) => c.schema?.$ref === `${REF}Error`);
  const usual = new Map<string, { response: Response; count: number }>();
  const ops = Object.values(doc.paths ?? {}).flatMap((o) => Object.values(o));
  for (const op of ops) {
    for (const [status, r] of Object.entries(op.responses ?? {})) {
      if ('$ref' in r || !isError(r)) continue;
      const key = `${status}\n${r.description}`;
      const seen = usual.get(key) ?? { response: r, count: 0 };
      usual.set(key, { ...seen, count: seen.count + 1 });
    }
  }
  const named = new Map<string, string>();
  for (const [key, { response, count }] of [...usual].sort((a, b) => b[1].count - a[1].count)) {
    const name = `Error${key.split('\n')[0]}`;
    if (count < 2 || doc.components?.responses?.[name]) continue;
    doc.components = { ...doc.components, responses: { ...doc.components?.responses, [name]: response } };
    named.set(key, name);
  }
  for (const op of ops) {
    for (const [status, r] of Object.entries(op.responses ?? {})) {
      const name = '$ref' in r ? undefined : named.get(`${status}\n${r.description}`);
      if (name) op.responses![status] = { $ref: `#/components/responses/${name}` };
    }
  }
  return document;
}
