-- Venue booking (阵地共享): a venue is booked for a time slot. Two live
-- bookings (pending or approved) of one venue never overlap: the exclusion
-- constraint decides, so of two requests at the same instant exactly one
-- succeeds. Where the venue's owner wants it, a booking waits for approval.
CREATE TABLE venue_bookings (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  venue_id bigint NOT NULL,
  -- The venue's organization and unit: the owner side sees and decides.
  org_id bigint NOT NULL,
  venue_unit_id bigint,
  booked_by bigint NOT NULL,
  booker_name text NOT NULL,
  purpose text NOT NULL,
  attendees integer CHECK (attendees IS NULL OR attendees > 0),
  during tstzrange NOT NULL CHECK (NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during) AND NOT lower_inf(during) AND NOT upper_inf(during)),
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'cancelled')),
  decided_by bigint,
  decided_at timestamptz,
  reject_reason text,
  cancelled_by bigint,
  cancelled_at timestamptz,
  cancel_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT venue_bookings_venue_fkey FOREIGN KEY (region_id, venue_id, org_id) REFERENCES venues (region_id, id, org_id),
  CONSTRAINT venue_bookings_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT venue_bookings_unit_fkey FOREIGN KEY (region_id, venue_unit_id) REFERENCES units (region_id, id),
  CONSTRAINT venue_bookings_rejected CHECK ((status = 'rejected') = (reject_reason IS NOT NULL)),
  CONSTRAINT venue_bookings_cancelled CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
  CONSTRAINT venue_bookings_no_overlap EXCLUDE USING gist (region_id WITH =, venue_id WITH =, during WITH &&)
    WHERE (status IN ('pending', 'approved'))
);
CREATE INDEX venue_bookings_id ON venue_bookings (id);
CREATE INDEX venue_bookings_org_during ON venue_bookings USING gist (org_id, during);
CREATE INDEX venue_bookings_booker ON venue_bookings (booked_by);
-- The booker sees and cancels their own bookings; the venue's unit liaison decides on its venues'.
SELECT gj_protect_table('venue_bookings', 'org_id', unit_col => 'venue_unit_id', owner_col => 'booked_by', unit_writes => true, owner_writes => true);

-- The state machine, whoever writes: pending → approved | rejected |
-- cancelled; approved → cancelled. The venue and the slot never change (a
-- new slot is a new booking).
CREATE FUNCTION gj_venue_booking_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.venue_id <> OLD.venue_id OR NEW.during <> OLD.during OR NEW.booked_by <> OLD.booked_by THEN
    RAISE EXCEPTION 'a booking keeps its venue, slot and booker' USING ERRCODE = '23514', CONSTRAINT = 'venue_bookings_fixed';
  END IF;
  IF NEW.status <> OLD.status AND NOT (
       (OLD.status = 'pending' AND NEW.status IN ('approved', 'rejected', 'cancelled'))
    OR (OLD.status = 'approved' AND NEW.status = 'cancelled')) THEN
    RAISE EXCEPTION 'a booking cannot go from % to %', OLD.status, NEW.status
      USING ERRCODE = '23514', CONSTRAINT = 'venue_bookings_step';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_venue_booking_step BEFORE UPDATE ON venue_bookings FOR EACH ROW EXECUTE FUNCTION gj_venue_booking_step();

CREATE FUNCTION gj_venue_booking_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status NOT IN ('pending', 'approved') THEN
    RAISE EXCEPTION 'a booking starts pending or approved' USING ERRCODE = '23514', CONSTRAINT = 'venue_bookings_step';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_venue_booking_new BEFORE INSERT ON venue_bookings FOR EACH ROW EXECUTE FUNCTION gj_venue_booking_new();
