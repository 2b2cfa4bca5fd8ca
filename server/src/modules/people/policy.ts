import type { AppError } from '../../kernel/errors.ts';
import { ADMIN_ROLES, SUBTREE_ROLES, hasRole, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import { PEOPLE_ACTIONS, PERSON_ACTIONS, type PeopleAction, type PersonAction } from './schema.ts';

// Asked at the person's organization: roles held elsewhere do not count. One
// function says why an action on a file is refused; a file lists the actions
// it does not refuse, and a route refuses the rest with that reason.

/** Where a file stands for the caller: its organization's path (null where out of sight) and whether it is the caller's own. */
export interface FilePlace {
  orgPath: string | null;
  own: boolean;
}

function personRefusal(scope: Scope, file: FilePlace, action: PersonAction): AppError | null {
  switch (action) {
    // Staff of the tree (down to grid workers) keep people's files; liaisons, members and residents only read.
    case 'edit':
      return hasRoleAt(scope, SUBTREE_ROLES, file.orgPath) ? null : E.staff_register();
    // Identity numbers, phones and addresses in clear: the person themselves, and admins of their organization.
    case 'reveal':
      return file.own || hasRoleAt(scope, ADMIN_ROLES, file.orgPath) ? null : E.reveal();
    // An account acts as the file says: only those who administer accounts where the person is may tie one to it, never to their own.
    case 'account':
      return !file.own && hasRoleAt(scope, ADMIN_ROLES, file.orgPath) ? null : E.account_admin();
  }
}

export function personActions(scope: Scope, file: FilePlace): PersonAction[] {
  return PERSON_ACTIONS.values.filter((a) => !personRefusal(scope, file, a));
}

export function ensurePersonAction(scope: Scope, file: FilePlace, action: PersonAction): void {
  const refusal = personRefusal(scope, file, action);
  if (refusal) throw refusal;
}

/**
 * Registering someone at an organization (its path; null where out of sight):
 * staff of the tree there. A list viewed without an organization offers it to
 * whoever is staff somewhere, since the form then asks where.
 */
export function peopleActions(scope: Scope, orgPath: string | null | undefined): PeopleAction[] {
  const may = orgPath === undefined ? hasRole(scope, SUBTREE_ROLES) : hasRoleAt(scope, SUBTREE_ROLES, orgPath);
  return may ? [...PEOPLE_ACTIONS.values] : [];
}

export function ensureCanEditPeople(scope: Scope, orgPath: string | null): void {
  if (!peopleActions(scope, orgPath).includes('create')) throw E.staff_register();
}
