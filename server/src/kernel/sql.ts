import type { Queryable } from './db.ts';
import { notFound, type Text } from './errors.ts';
import { REGION_TIME_ZONE } from './time.ts';

/**
 * A WHERE clause built only from the filters that are present. A catch-all
 * "($1 IS NULL OR …)" would hide the real predicate from the planner (and
 * keep an IN-subquery from becoming a join); this does not.
 */
export function conditions() {
  const params: unknown[] = [];
  const parts: string[] = [];
  return {
    params,
    /** Adds a condition; every `$?` in it stands for this value. */
    add(sql: string, value: unknown) {
      params.push(value);
      parts.push(sql.replaceAll('$?', `$${params.length}`));
    },
    /** Adds a condition that takes no parameter. */
    always(sql: string) {
      parts.push(sql);
    },
    /** The placeholder the next parameter will get (for LIMIT/OFFSET after the filters). */
    next(value: unknown): string {
      params.push(value);
      return `$${params.length}`;
    },
    get sql(): string {
      return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    },
  };
}

/**
 * The organization a domain row names (every domain table has `org_id`), read
 * through row-level security: a row out of the caller's reach is not found.
 * Policies ask which roles the caller holds there (scope.ts, hasRoleAt).
 */
export async function orgIdOf(q: Queryable, table: string, id: number, what: Text): Promise<number> {
  const [row] = await q.query<{ org_id: number }>(`SELECT org_id FROM "${table}" WHERE id = $1`, [id]);
  if (!row) throw notFound(what);
  return row.org_id;
}

/** A condition for `countRows`: SQL with `$?` and its value, or SQL alone. */
export type Condition = readonly [sql: string, value: unknown] | string;

/**
 * "`col` (timestamptz) falls on a day of the period" (the region's days, both
 * ends included): two range conditions the planner can read an index by.
 */
export function inPeriod(col: string, period: { from: string; to: string }): Condition[] {
  return [
    [`${col} >= ($?::date)::timestamp AT TIME ZONE '${REGION_TIME_ZONE}'`, period.from],
    [`${col} < ($?::date + 1)::timestamp AT TIME ZONE '${REGION_TIME_ZONE}'`, period.to],
  ];
}

/** How many rows of `from` (a table with its alias, or a join) meet every condition: a module's statistics figure. */
export async function countRows(q: Queryable, from: string, conds: readonly Condition[]): Promise<number> {
  const where = conditions();
  for (const c of conds) {
    if (typeof c === 'string') where.always(c);
    else where.add(c[0], c[1]);
  }
  const [r] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from} ${where.sql}`, where.params);
  return r?.n ?? 0;
}
