import type { Queryable } from '../../kernel/db.ts';

/**
 * What the grid map can colour grids by. Each module that has a figure per
 * grid registers it once (grids registers members, households and visits;
 * the needs module adds open needs), so the map needs no change for a new one.
 */
export interface GridIndicator {
  key: string;
  label: string;
  /** The figure of each grid, for the grids given; grids missing from the map count 0. */
  values(q: Queryable, grids: { id: number; branchId: number | null }[]): Promise<Map<number, number>>;
}

const indicators = new Map<string, GridIndicator>();

export function registerIndicator(indicator: GridIndicator): void {
  indicators.set(indicator.key, indicator);
}

export const listIndicators = () => [...indicators.values()].map(({ key, label }) => ({ key, label }));

export const findIndicator = (key: string) => indicators.get(key);
