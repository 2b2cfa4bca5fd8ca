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
