import { ensureCanEditPeople } from '../people/policy.ts';

/** Importing a census registers people: the same staff who keep people's files. */
export const ensureCanImport = ensureCanEditPeople;
