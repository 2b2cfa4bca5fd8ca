import type { FieldCipher } from '../kernel/crypto.ts';
import type { Queryable } from '../kernel/db.ts';
import type { FundTarget } from '../kernel/manifest.ts';
import type { OrgKind, SeatRole, TieKind, UnitKind } from '../modules/orgs/schema.ts';

// The shape of demo data: organizations by key, so units, seats and ties can
// name them before they have ids.

export interface SeatSpec {
  person: string;
  role: SeatRole;
  /** A part-time seat held by someone from this unit (兼职委员). */
  fromUnit?: string;
}

export interface OrgNode {
  key: string;
  name: string;
  kind: OrgKind;
  foundedOn?: string;
  seats?: SeatSpec[];
  children?: OrgNode[];
}

export interface UnitSpec {
  key: string;
  name: string;
  kind: UnitKind;
  /** Where the unit is located. */
  org: string;
  /** The unit's own party organization, if any. */
  partyOrg?: string;
  /** Or its name, when it belongs to its own system outside the region's tree. */
  partyOrgOutside?: string;
  /** Members working there (people of the unit's location, with this unit). Without a partyOrg they are hidden members. */
  members?: number;
}

export interface TieSpec {
  org: string;
  kind: TieKind;
  toOrg?: string;
  toUnit?: string;
  startedOn: string;
  pledge?: string;
  note?: string;
}

/**
 * What a module's demo step gets once the organization network, people and
 * accounts are loaded: the transaction, and ids by the keys of meihekou.ts /
 * models.ts (organization keys, unit keys, usernames).
 */
export interface DemoContext {
  q: Queryable;
  cipher: FieldCipher;
  org: (key: string) => number;
  unit: (key: string) => number;
  user: (username: string) => number;
  /** Every module's records an expense can name (funds.spend). */
  fundTargets: readonly FundTarget[];
}

export type DemoStep = (ctx: DemoContext) => Promise<void>;
