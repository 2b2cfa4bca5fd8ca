import { censusDemo } from './census.ts';
import { activitiesDemo } from './activities.ts';
import { gridsDemo } from './grids.ts';
import { membersDemo } from './members.ts';
import { needsDemo } from './needs.ts';
import { pointsDemo } from './points.ts';
import { projectsDemo } from './projects.ts';
import { resourcesStep } from './resources.ts';
import type { DemoStep } from './types.ts';

/**
 * Each module's demo data beyond the organization network, in load order (a
 * step may use what earlier steps made). A module keeps its step in
 * server/src/demo/<module>.ts and adds one line here.
 */
export const DEMO_STEPS: DemoStep[] = [
  gridsDemo,
  resourcesStep,
  censusDemo,
  membersDemo,
  needsDemo,
  projectsDemo,
  pointsDemo,
  activitiesDemo,
];
