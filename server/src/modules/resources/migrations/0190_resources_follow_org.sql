-- When an organization is dissolved or merged, its resources move to the
-- receiving organization (resources manifest, orgHoldings). A venue and its
-- bookings name their organization together with their resource / venue, so
-- they follow in the same statement instead of blocking it.
ALTER TABLE venues DROP CONSTRAINT venues_resource_fkey,
  ADD CONSTRAINT venues_resource_fkey FOREIGN KEY (region_id, resource_id, org_id) REFERENCES resources (region_id, id, org_id) ON UPDATE CASCADE;
ALTER TABLE venue_bookings DROP CONSTRAINT venue_bookings_venue_fkey,
  ADD CONSTRAINT venue_bookings_venue_fkey FOREIGN KEY (region_id, venue_id, org_id) REFERENCES venues (region_id, id, org_id) ON UPDATE CASCADE;
