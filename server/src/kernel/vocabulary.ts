import { z } from './validation.ts';

/** One value of a fixed set, with its words. zh-TW is derived from zh (OpenCC) unless `tw` says otherwise. */
export interface Term<V extends string = string> {
  value: V;
  zh: string;
  en: string;
  tw?: string;
  /** The Ant Design tag colour the web shows it in, where it shows one. */
  color?: string;
}

/** Where the web reads a vocabulary: the OpenAPI component of its enum carries its terms under this key. */
export const TERMS_KEY = 'x-terms';
/** Named subsets of a vocabulary (`community`: the organization kinds that count as a community), on its component. */
export const GROUPS_KEY = 'x-groups';

export interface Vocabulary<V extends string> {
  /** The OpenAPI component's name, and the web's key for the set. */
  readonly id: string;
  /** In the order the web lists them. */
  readonly terms: readonly Term<V>[];
  readonly values: readonly [V, ...V[]];
  /** Chinese labels by value, for the server's own messages and exports. */
  readonly labels: Readonly<Record<V, string>>;
  /** The enum as a named OpenAPI component. */
  readonly schema: z.ZodEnum<{ [K in V]: K }>;
  /** A request field of this set: refused with a message naming the field. */
  field(label: string): z.ZodEnum<{ [K in V]: K }>;
  has(value: unknown): value is V;
  /** A value's words, to pass as a refusal's parameter (it reads in the answer's language). */
  term(value: V): Term<V>;
}

const declared = new Map<string, Vocabulary<string>>();

/**
 * Declares a fixed set once: its values in order, their labels in every
 * language the web speaks, and colours. The schema is registered under `id`,
 * so every route that uses it refers to one component, and the generated web
 * code reads the labels from that component (`npm run api-types`).
 */
export function defineVocabulary<const V extends string>(id: string, terms: readonly [Term<V>, ...Term<V>[]]): Vocabulary<V> {
  if (declared.has(id)) throw new Error(`vocabulary ${id} is declared twice`);
  const values = terms.map((t) => t.value) as unknown as [V, ...V[]];
  const schema = z
    // A described copy (field()) names the field; the bare component cannot.
    .enum(values, { error: (iss) => `${(iss.inst as z.ZodType | undefined)?.description ?? ''}不在可选范围内` })
    .meta({ id, [TERMS_KEY]: terms });
  const vocabulary: Vocabulary<V> = {
    id,
    terms,
    values,
    labels: Object.fromEntries(terms.map((t) => [t.value, t.zh])) as Record<V, string>,
    schema,
    field: (label) => schema.describe(label),
    has: (value): value is V => (values as readonly unknown[]).includes(value),
    term: (value) => terms.find((t) => t.value === value)!,
  };
  declared.set(id, vocabulary as unknown as Vocabulary<string>);
  return vocabulary;
}

/**
 * Named subsets of a vocabulary, declared once beside it and published on its
 * component, so that neither another module nor the web restates them.
 */
export function defineGroups<V extends string, const G extends Record<string, readonly V[]>>(vocabulary: Vocabulary<V>, groups: G): Record<keyof G, readonly string[]> {
  z.globalRegistry.add(vocabulary.schema, { ...z.globalRegistry.get(vocabulary.schema), [GROUPS_KEY]: groups });
  return groups;
}

/** Every vocabulary declared so far (all of them once the app's modules are loaded). */
export const vocabularies = (): Vocabulary<string>[] => [...declared.values()];

/** The value type of a vocabulary. */
export type ValueOf<T> = T extends Vocabulary<infer V> ? V : never;
