import type { Queryable } from '../../../server/src/kernel/db.ts';

/** What every target community has before the modules plant theirs. */
export interface Base {
  tag: string;
  communityId: number;
  /** A grid branch (organization) under the community. */
  gridBranchId: number;
  unitId: number;
  /** An employed member of the grid branch, working at the unit. */
  personId: number;
  userId: number;
}

/** A target as the write cases see it: the base ids and every planted id by path-parameter name. */
export interface Target {
  name: string;
  path: string;
  orgId: number;
  /** The grid branch under the target community. */
  gridBranchId: number;
  unitId: number;
  personId: number;
  ids: Record<string, number>;
  markers: string[];
}

export type WriteCases = (t: Target, own: { userId: number; orgId: number }) => { params?: 'own'; body?: unknown }[];

/**
 * A module's share of the isolation matrix, in test/isolation/parts/<module>.ts:
 * entities to plant in each target (ids keyed by the path parameter that names
 * them), a case per write route, and the rows that must stay untouched.
 */
export interface IsolationPart {
  plant?: (q: Queryable, base: Base) => Promise<Record<string, number>>;
  writes?: Record<string, WriteCases>;
  /** `SELECT t::text FROM my_table t WHERE org_id IN (SELECT id FROM o)`: o holds the targets' organization ids. */
  digest?: string[];
}
