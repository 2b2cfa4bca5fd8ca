import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../kernel/errors.ts';
import type { Grant, Role, Scope } from '../../kernel/scope.ts';
import { PROJECT_ACTIONS, ensureMayRunProjects, type ProjectAction } from './policy.ts';

// Organization paths as the tree has them: a street, two communities under it, a grid branch of the first.
const STREET = '1.2';
const COMMUNITY = '1.2.3';
const OTHER_COMMUNITY = '1.2.4';
const GRID = '1.2.3.5';

let nextId = 1;
const grant = (role: Role, orgPath: string): Grant => ({
  id: nextId++, role, orgId: Number(orgPath.split('.').at(-1)), orgPath, orgName: orgPath, unitId: null, unitName: null, regionId: 1,
});
const scopeOf = (...grants: Grant[]): Scope => ({ userId: 1, userName: '测试', grants });
const ACTIONS = Object.keys(PROJECT_ACTIONS) as ProjectAction[];

const refusal = (scope: Scope, action: ProjectAction, orgPath: string | null): string | null => {
  try {
    ensureMayRunProjects(scope, action, orgPath);
    return null;
  } catch (err) {
    assert.ok(err instanceof AppError);
    assert.equal(err.status, 403);
    assert.equal(err.code, 'project.staff_only');
    return err.message;
  }
};

test('staff at the project’s organization or above run it, grid workers of its grid too', () => {
  for (const action of ACTIONS) {
    assert.equal(refusal(scopeOf(grant('community_secretary', COMMUNITY)), action, COMMUNITY), null);
    assert.equal(refusal(scopeOf(grant('street_admin', STREET)), action, GRID), null, 'held above');
    assert.equal(refusal(scopeOf(grant('grid_worker', GRID)), action, GRID), null);
  }
});

test('a role held elsewhere does not count: a secretary of another community, a grid worker of the grid, at the community', () => {
  const mixed = scopeOf(grant('grid_worker', GRID), grant('community_secretary', OTHER_COMMUNITY));
  for (const action of ACTIONS) {
    assert.match(refusal(mixed, action, COMMUNITY) ?? '', new RegExp(PROJECT_ACTIONS[action].zh), 'the refusal names what was refused');
    assert.equal(refusal(mixed, action, GRID), null, 'the grid worker still runs the grid’s projects');
  }
});

test('members, residents and liaisons run no project, even at their own organization; nobody runs one they cannot see', () => {
  for (const role of ['member', 'resident', 'unit_liaison'] as const) {
    assert.notEqual(refusal(scopeOf(grant(role, COMMUNITY)), 'create', COMMUNITY), null, role);
  }
  assert.notEqual(refusal(scopeOf(grant('district_admin', '1')), 'edit', null), null);
});
