-- Needs lists ask of every row whether a finished dispatch still awaits the
-- community's rating; they read that set once (service.ts, SELECT), and this
-- index keeps it to the unrated few rather than every dispatch ever made.
CREATE INDEX need_dispatches_unrated ON need_dispatches (need_id) WHERE status = 'finished' AND rating IS NULL;
