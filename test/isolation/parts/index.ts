import { censusPart } from './census.ts';
import { activitiesPart } from './activities.ts';
import { gridsPart } from './grids.ts';
import { orgsPart } from './orgs.ts';
import { needsPart } from './needs.ts';
import { peoplePart } from './people.ts';
import { pointsPart } from './points.ts';
import { recruitmentPart } from './recruitment.ts';
import { projectsPart } from './projects.ts';
import { reportInsPart } from './reportins.ts';
import { resourcesPart } from './resources.ts';
import { transfersPart } from './transfers.ts';
import type { IsolationPart } from './types.ts';
import { usersPart } from './users.ts';

/** Every module's part of the isolation matrix, planted in this order. One line per module. */
export const PARTS: IsolationPart[] = [
  orgsPart,
  peoplePart,
  usersPart,
  reportInsPart,
  transfersPart,
  resourcesPart,
  gridsPart,
  censusPart,
  recruitmentPart,
  needsPart,
  projectsPart,
  activitiesPart,
  pointsPart,
];
