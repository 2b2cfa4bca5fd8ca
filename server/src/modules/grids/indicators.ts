import type { Queryable } from '../../kernel/db.ts';

/**
 * What the grid map can colour grids by. A module with a figure per grid
 * lists it in its manifest's `indicators` (grids: members, households and
 * visits; needs: open needs) and the app registers them all when it is
 * built, so the map needs no change for a new one.
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
