import { GROUPS, VOCABULARIES } from './vocabularies';

/**
 * The server's fixed sets (statuses, kinds…), generated from its OpenAPI
 * document: the web keeps no list, label or colour of its own for them.
 */
export type VocabularyId = keyof typeof VOCABULARIES;
export type ValueIn<I extends VocabularyId> = (typeof VOCABULARIES)[I][number]['value'];
export type Term = { value: string; zh: string; en: string; tw?: string; color?: string };

const terms = (id: VocabularyId) => VOCABULARIES[id] as readonly Term[];

export const isVocabulary = (id: string): id is VocabularyId => id in VOCABULARIES;

/** The values of a set, in the server's order. */
export const valuesOf = <I extends VocabularyId>(id: I): ValueIn<I>[] => terms(id).map((t) => t.value as ValueIn<I>);

export const termOf = (id: VocabularyId, value: string | null | undefined): Term | undefined => terms(id).find((t) => t.value === value);

/** The tag colour the server gives a value, if any. */
export const colorOf = (id: VocabularyId, value: string | null | undefined): string | undefined => termOf(id, value)?.color;

/** Whether a value (typed loosely, as a response gives it) is one of a group's. */
export const isIn = (group: readonly string[], value: string | null | undefined): boolean => value != null && group.includes(value);

/** A named subset of a set, declared once on the server (`GROUPS.OrgKind.community`). */
export const groupOf = <I extends keyof typeof GROUPS, G extends keyof (typeof GROUPS)[I]>(id: I, group: G): (typeof GROUPS)[I][G] => GROUPS[id][group];
