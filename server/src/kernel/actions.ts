import type { AppError } from './errors.ts';
import type { Scope } from './scope.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * What a caller may do to one record, decided once (DEVELOPERS.md,
 * "Permissions per record"): each action of a module's vocabulary maps to
 * null (allowed) or the refusal that taking it would get. The record's
 * `actions` are the nulls; the route throws the refusal. So the web is
 * offered exactly what the server would do, and nothing else.
 */
export type Verdicts<A extends string> = Record<A, (() => AppError) | null>;

/** The allowed actions, in the vocabulary's order. */
export const allowed = <A extends string>(vocabulary: Vocabulary<A>, verdicts: Verdicts<A>): A[] => vocabulary.values.filter((a) => verdicts[a] === null);

/** Refuses an action the verdicts do not allow, with its refusal. */
export function ensureAllowed<A extends string>(verdicts: Verdicts<A>, action: A): void {
  const refusal = verdicts[action];
  if (refusal) throw refusal();
}

/**
 * The places a list is viewed from, for what may be created there: the
 * organization asked for (null: one the caller cannot see), or without one
 * each organization the caller holds a grant at (the form then asks where).
 */
export const viewedFrom = (scope: Scope, orgPath: string | null | undefined): (string | null)[] =>
  orgPath === undefined ? [...new Set(scope.grants.map((g) => g.orgPath))] : [orgPath];

/** What may be done to a collection (create in it): the actions allowed at one of the places viewed. */
export const allowedAtAny = <A extends string>(vocabulary: Vocabulary<A>, places: (string | null)[], verdictsAt: (orgPath: string | null) => Verdicts<A>): A[] => {
  const each = places.map(verdictsAt);
  return vocabulary.values.filter((a) => each.some((v) => v[a] === null));
};
