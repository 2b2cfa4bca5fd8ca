-- Owners' funds (业主资金, 三位一体): in an estate without property
-- management the owners' committee (业委会) holds the money, the residents'
-- committee runs affairs and the owners supervise (seed 001). An owners'
-- source names its owners' committee (a unit of the community, unit_id);
-- the community's administrators record its expenses, every one of which
-- waits for the committee's approval, recorded on the entry; what it paid
-- for is published to the residents where it is held.

ALTER TABLE fund_sources ADD CONSTRAINT fund_sources_owners_committee CHECK (kind <> 'owners' OR unit_id IS NOT NULL);

-- The committee that decides an expense of an owners' source; set by the
-- database from the source, so no request can name another.
ALTER TABLE fund_entries ADD COLUMN approving_unit_id bigint;
ALTER TABLE fund_entries ADD CONSTRAINT fund_entries_approving_unit_fkey FOREIGN KEY (region_id, approving_unit_id) REFERENCES units (region_id, id);
CREATE INDEX fund_entries_approving_unit ON fund_entries (approving_unit_id) WHERE approving_unit_id IS NOT NULL;

-- The committee's liaison reads the expenses it decides (and their invoices).
CREATE POLICY gj_owners_committee_read ON fund_entries FOR SELECT TO gongjian_app USING (approving_unit_id = ANY (gj_unit_ids()));
CREATE POLICY gj_owners_committee_read ON fund_invoices FOR SELECT TO gongjian_app
  USING (entry_id IN (SELECT e.id FROM fund_entries e WHERE e.approving_unit_id = ANY (gj_unit_ids())));

-- An owners' fund is spent, never allocated elsewhere; its every expense
-- waits for the committee (a reversal mirrors a posted one). Named to run
-- before gj_fund_entry_check (triggers fire in name order): what the
-- source allows is said before what is left of it.
CREATE FUNCTION gj_fund_owners_entry() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE s fund_sources;
BEGIN
  SELECT * INTO s FROM fund_sources WHERE id = NEW.source_id;
  IF s.kind IS DISTINCT FROM 'owners' THEN
    NEW.approving_unit_id := NULL;
    RETURN NEW;
  END IF;
  IF NEW.kind = 'allocation' THEN
    RAISE EXCEPTION 'an owners'' fund is not allocated' USING ERRCODE = '23514', CONSTRAINT = 'fund_entries_owners_allocation';
  END IF;
  NEW.approving_unit_id := s.unit_id;
  IF NEW.reverses_id IS NULL AND NEW.status <> 'pending' THEN
    RAISE EXCEPTION 'an owners'' fund expense waits for its committee' USING ERRCODE = '23514', CONSTRAINT = 'fund_entries_owners_approve';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_fund_entry_by_source BEFORE INSERT ON fund_entries FOR EACH ROW EXECUTE FUNCTION gj_fund_owners_entry();

-- Only the committee decides: an administrator who may update the row
-- otherwise still cannot approve or reject it.
CREATE FUNCTION gj_fund_owners_decided() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.approving_unit_id IS NOT NULL AND NEW.status IS DISTINCT FROM OLD.status AND NOT OLD.approving_unit_id = ANY (gj_unit_ids()) THEN
    RAISE EXCEPTION 'only the owners'' committee decides entry %', OLD.id USING ERRCODE = '23514', CONSTRAINT = 'fund_entries_owners_approve';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_fund_owners_decided BEFORE UPDATE ON fund_entries FOR EACH ROW EXECUTE FUNCTION gj_fund_owners_decided();

-- The committee's decision: its liaison holds no write on the ledger, so
-- the one change goes through here, which checks the caller acts for the
-- committee named on the entry. The append-only trigger still allows only
-- pending → posted or rejected, and fund_entries_not_own still holds.
CREATE FUNCTION gj_fund_owners_decide(p_entry bigint, p_status text, p_name text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM fund_entries WHERE id = p_entry AND approving_unit_id = ANY (gj_unit_ids())) THEN
    RAISE EXCEPTION 'entry % is not the caller''s committee''s to decide', p_entry USING ERRCODE = '42501';
  END IF;
  UPDATE fund_entries SET status = p_status, decided_by = gj_user_id(), decider_name = p_name, decided_at = now() WHERE id = p_entry;
END $$;
REVOKE ALL ON FUNCTION gj_fund_owners_decide(bigint, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_fund_owners_decide(bigint, text, text) TO gongjian_app;

-- The public notice (公示): what the owners' funds held at an organization
-- or under it paid for in a year, posted entries only, for whoever lives
-- or works where the fund is held — residents hold their grant at the
-- community, members at a node under it — and for the staff above; never
-- for another community's residents, whatever organization they ask about.
-- Names, dates, amounts and payees: nothing personal.
CREATE FUNCTION gj_owners_fund_notice(p_org bigint, p_year int) RETURNS TABLE (
  source_id bigint, source_name text, org_id bigint, committee text, budget_fen bigint,
  entry_id bigint, entry_on date, amount_fen bigint, payee text, paid_for_kind text, paid_for_label text, note text,
  reverses_id bigint, decider_name text, decided_at timestamptz
) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH held AS (
    SELECT s.* FROM fund_sources s
      JOIN org_labels h ON h.id = s.org_id
      JOIN org_labels o ON o.id = p_org AND h.path <@ o.path
     WHERE s.kind = 'owners'
       AND (h.path <@ ANY (gj_read_paths())
            OR EXISTS (SELECT 1 FROM org_labels n WHERE n.id = ANY (gj_node_ids()) AND (n.path <@ h.path OR h.path <@ n.path)))
  )
  SELECT s.id, s.name, s.org_id, u.name, b.amount_fen,
         e.id, e.entry_on, e.amount_fen, e.payee, e.paid_for_kind, e.paid_for_label, e.note, e.reverses_id, e.decider_name, e.decided_at
    FROM held s
    LEFT JOIN unit_labels u ON u.id = s.unit_id
    LEFT JOIN fund_budgets b ON b.source_id = s.id AND b.year = p_year
    LEFT JOIN fund_entries e ON e.source_id = s.id AND e.year = p_year AND e.kind = 'expense' AND e.status = 'posted'
   ORDER BY s.id, e.entry_on DESC, e.id DESC
$$;
REVOKE ALL ON FUNCTION gj_owners_fund_notice(bigint, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_owners_fund_notice(bigint, int) TO gongjian_app;
