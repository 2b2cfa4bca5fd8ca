// Temporary exceptions to the module boundaries (DEVELOPERS.md, "Module
// boundaries"), in one place so that the work that removes a crossing also
// removes its line here. The lint fails on an exception that no longer
// matches anything, so this list only shrinks.
//   MANIFESTS — retiring and merging an organization moves other modules'
//               rows; the module manifests (issue 14 item 1) will ask each
//               module instead of orgs calling them.
//   TIDY      — points leave activities for their own module and resident
//               sign-up moves from people to residents (issue 14 item 5).
export interface TableException { file: string; tables: string[]; why: string }
export interface ImportException { from: string; to: string; why: string }

/** SQL in a module's TypeScript or live migration code that uses another module's table. */
export const TABLES: TableException[] = [
  { file: 'server/src/modules/people/migrations/0017_talent_pool_and_resident_signup.sql', tables: ['organizations'], why: 'TIDY: resident sign-up moves to the residents module (helper tidy)' },
  { file: 'server/src/modules/activities/migrations/0040_activities.sql', tables: ['organizations'], why: 'TIDY: gj_points_rule moves to the points module (helper tidy)' },
  { file: 'server/src/modules/people/migrations/0112_resident_signup_probes.sql', tables: ['organizations', 'users', 'user_grants'], why: 'TIDY: resident sign-up moves to the residents module (helper tidy)' },
  { file: 'server/src/modules/activities/points.ts', tables: ['people'], why: 'TIDY: the points code moves to the points module (helper tidy)' },
];

/** Imports into another module's internals, or against the order of the modules (a cycle). */
export const IMPORTS: ImportException[] = [
  { from: 'server/src/modules/residents/schema.ts', to: 'server/src/modules/users/password.ts', why: 'TIDY: resident sign-up moves to residents (helper tidy)' },
  { from: 'server/src/modules/residents/service.ts', to: 'server/src/modules/users/auth.ts', why: 'TIDY: resident sign-up moves to residents (helper tidy)' },
  { from: 'server/src/modules/orgs/routes.ts', to: 'server/src/modules/people/service.ts', why: 'MANIFESTS: retire/merge counts and moves people' },
  { from: 'server/src/modules/orgs/routes.ts', to: 'server/src/modules/users/service.ts', why: 'MANIFESTS: retire/merge counts and moves accounts' },
  { from: 'server/src/modules/orgs/coverage.ts', to: 'server/src/modules/people/service.ts', why: 'cycle: the coverage report gathers gaps from grids and people, above orgs; it belongs above them or behind a registry of gaps' },
  { from: 'server/src/modules/orgs/coverage.ts', to: 'server/src/modules/grids/service.ts', why: 'cycle: the coverage report gathers gaps from grids and people, above orgs; it belongs above them or behind a registry of gaps' },
  { from: 'server/src/modules/grids/schema.ts', to: 'server/src/modules/needs/schema.ts', why: 'cycle: a visit raises a need and needs match by grid; the visit-to-need step belongs in needs (or behind a registry in grids)' },
  { from: 'server/src/modules/grids/visits.ts', to: 'server/src/modules/needs/service.ts', why: 'cycle: a visit raises a need and needs match by grid; the visit-to-need step belongs in needs (or behind a registry in grids)' },
];
