import type { ModuleManifest } from '../kernel/manifest.ts';
import activities from './activities/manifest.ts';
import alliance from './alliance/manifest.ts';
import audit from './audit/manifest.ts';
import campaigns from './campaigns/manifest.ts';
import broadcast from './broadcast/manifest.ts';
import census from './census/manifest.ts';
import commitments from './commitments/manifest.ts';
import funds from './funds/manifest.ts';
import evaluation from './evaluation/manifest.ts';
import grids from './grids/manifest.ts';
import home from './home/manifest.ts';
import homestudy from './homestudy/manifest.ts';
import meetings from './meetings/manifest.ts';
import needs from './needs/manifest.ts';
import orgs from './orgs/manifest.ts';
import people from './people/manifest.ts';
import points from './points/manifest.ts';
import posts from './posts/manifest.ts';
import projects from './projects/manifest.ts';
import pushedtasks from './pushedtasks/manifest.ts';
import reception from './reception/manifest.ts';
import recruitment from './recruitment/manifest.ts';
import reportins from './reportins/manifest.ts';
import residents from './residents/manifest.ts';
import resources from './resources/manifest.ts';
import statistics from './statistics/manifest.ts';
import transfers from './transfers/manifest.ts';
import users from './users/manifest.ts';
import workreports from './workreports/manifest.ts';

/**
 * The app is these modules: their routes, migrations, jobs, grid-map
 * figures and organization holdings, and, in this order, their demo steps
 * and isolation-matrix parts (a demo step may use what an earlier one made).
 * A folder under modules/ that is missing here fails modules.test.ts.
 */
export const MODULES: readonly ModuleManifest[] = [
  orgs,
  people,
  users,
  reportins,
  transfers,
  grids,
  resources,
  census,
  recruitment,
  needs,
  projects,
  points,
  activities,
  posts,
  funds,
  meetings,
  reception,
  campaigns,
  pushedtasks,
  workreports,
  audit,
  residents,
  commitments,
  evaluation,
  alliance,
  homestudy,
  broadcast,
  statistics,
  home,
];
