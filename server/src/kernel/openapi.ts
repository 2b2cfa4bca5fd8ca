import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';

type Document = { components?: { schemas?: Record<string, unknown> } } & Record<string, unknown>;

const REF = '#/components/schemas/';
const INPUT = 'Input';

/**
 * The schemas registered with an id (`.meta({ id })`: vocabularies, shared
 * objects) become components. The type provider makes each twice, as read in
 * a request (`NameInput`) and as written in a response (`Name`); where the two
 * are the same, as for every enum, the document keeps one.
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
  return JSON.parse(rename(JSON.stringify(doc), merged)) as D;
}
