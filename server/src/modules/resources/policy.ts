import { ensureAllowed, type Verdicts } from '../../kernel/actions.ts';
import { ADMIN_ROLES, SUBTREE_ROLES, grantsAt, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import {
  BOOKING_STATUSES, RESOURCE_STATUSES, VENUE_TYPES, type BookingAction, type BookingStatus, type ResourceAction, type ResourceListAction, type ResourceStatus,
  type VenueAction, type VenueType,
} from './schema.ts';

// Who may offer resources, manage venues and decide on bookings, asked where
// the resource or venue is: staff roles count at its organization (or above),
// a liaison for its unit. Each record carries what the caller may do to it
// (its `actions`, from the verdicts below), and the routes refuse the rest
// with the same verdicts. Which rows a caller reaches at all is row-level
// security: a venue or resource the caller cannot see never gets here.

/** Where a resource or venue is: its organization's path (null where the caller cannot see it) and its unit. */
export interface Place {
  orgPath: string | null;
  unitId: number | null;
}

const staffAt = (scope: Scope, place: Place) => hasRoleAt(scope, SUBTREE_ROLES, place.orgPath);
const liaisonOf = (scope: Scope, place: Place) => place.unitId !== null && scope.grants.some((g) => g.role === 'unit_liaison' && g.unitId === place.unitId);

/** Community staff keep the list; a unit's liaison offers the unit's resources. */
const mayOffer = (scope: Scope, place: Place) => staffAt(scope, place) || liaisonOf(scope, place);
const offerRefusal = (place: Place) => (place.unitId ? E.offer_unit : E.offer_community);

/**
 * The venue's owner side decides on bookings: a unit's venue by the unit's
 * liaison (the community asks like anyone else), a community's by its
 * administrators.
 */
export function mayDecide(scope: Scope, venue: Place): boolean {
  return venue.unitId === null ? hasRoleAt(scope, ADMIN_ROLES, venue.orgPath) : liaisonOf(scope, venue);
}

export function resourceVerdicts(scope: Scope, place: Place): Verdicts<ResourceAction> {
  return { edit: mayOffer(scope, place) ? null : offerRefusal(place) };
}

/** Listing a resource or venue at an organization: its staff, or the liaison of a unit there (for the unit's own). */
export function listVerdicts(scope: Scope, orgPath: string | null): Verdicts<ResourceListAction> {
  const liaisonHere = orgPath !== null && grantsAt(scope, orgPath).some((g) => g.role === 'unit_liaison');
  return { create: hasRoleAt(scope, SUBTREE_ROLES, orgPath) || liaisonHere ? null : E.offer_community };
}

export function ensureMayOffer(scope: Scope, place: Place): void {
  ensureAllowed(resourceVerdicts(scope, place), 'edit');
}

interface VenueFacts extends Place {
  name: string;
  bookable: boolean;
  venueType: VenueType;
  status: ResourceStatus;
}

/** Any staff member of the venue's organization, or a liaison of its unit, may book it while it takes bookings. */
export function venueVerdicts(scope: Scope, venue: VenueFacts): Verdicts<VenueAction> {
  const offer = mayOffer(scope, venue);
  const book = () => {
    if (!offer) return E.book_staff;
    if (!venue.bookable) return () => E.not_bookable({ venue: venue.name, type: VENUE_TYPES.term(venue.venueType) });
    if (venue.status !== 'available') return () => E.venue_unavailable({ venue: venue.name, status: RESOURCE_STATUSES.term(venue.status) });
    return null;
  };
  return { edit: offer ? null : offerRefusal(venue), book: book() };
}

interface BookingFacts {
  status: BookingStatus;
  bookedBy: number;
}

const STEPS = { approve: { zh: '批准', en: 'approved' }, reject: { zh: '驳回', en: 'rejected' }, cancel: { zh: '取消', en: 'cancelled' } } as const;

/** The owner side approves or rejects a pending booking; the booker or the owner side cancels one still held. */
export function bookingVerdicts(scope: Scope, booking: BookingFacts, venue: Place): Verdicts<BookingAction> {
  const decides = mayDecide(scope, venue);
  const closed = (step: BookingAction, open: BookingStatus[]) =>
    open.includes(booking.status) ? null : () => E.booking_closed({ status: BOOKING_STATUSES.term(booking.status), step: STEPS[step] });
  return {
    approve: decides ? closed('approve', ['pending']) : E.decide,
    reject: decides ? closed('reject', ['pending']) : E.decide,
    cancel: decides || booking.bookedBy === scope.userId ? closed('cancel', ['pending', 'approved']) : E.cancel_booking,
  };
}
