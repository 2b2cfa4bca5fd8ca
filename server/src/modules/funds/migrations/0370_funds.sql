-- Funds (经费): where the money comes from and what it paid for.
--
-- A source (财政列支, 党费以奖代补, 部门帮扶, 单位赞助, 捐赠, 业主资金) belongs to
-- the organization that holds it and has a yearly budget there. Money moves
-- down the tree by allocation (city → street → community) and leaves it by
-- expense; both are entries of one ledger (台账), which is append-only: a
-- posted entry is never changed or deleted, a correction is a reversing
-- entry. What is left at an organization is always computed from the
-- entries, never stored.

CREATE TABLE fund_sources (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('city_budget', 'party_fee_reward', 'department', 'sponsorship', 'donation', 'owners')),
  name text NOT NULL CHECK (btrim(name) <> ''),
  -- The unit or department that gives the money (sponsorship, department aid).
  unit_id bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, id, org_id),
  CONSTRAINT fund_sources_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT fund_sources_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id)
);
CREATE INDEX fund_sources_id ON fund_sources (id);
CREATE UNIQUE INDEX fund_sources_name_key ON fund_sources (region_id, org_id, name);
CREATE INDEX fund_sources_unit ON fund_sources (unit_id) WHERE unit_id IS NOT NULL;
SELECT gj_protect_table('fund_sources', 'org_id', unit_col => 'unit_id');

-- Rows held by an organization above the caller's (the city's sources and
-- guideline) are readable too: a community spends the city's money under the
-- city's rules. The path is a chain of ids, so "held above me" needs no read
-- of organizations the caller cannot see.
CREATE FUNCTION gj_held_above(org bigint) RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT EXISTS (SELECT 1 FROM unnest(gj_read_paths()) p WHERE index(p, org::text::ltree) >= 0)
$$;
CREATE POLICY gj_read_above ON fund_sources FOR SELECT TO gongjian_app USING (gj_held_above(org_id));

-- The yearly budget of a source where it is held (a plan, edited and
-- imported); it follows its source when the holder is retired.
CREATE TABLE fund_budgets (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  source_id bigint NOT NULL,
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  amount_fen bigint NOT NULL CONSTRAINT fund_budgets_amount CHECK (amount_fen >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT fund_budgets_source_fkey FOREIGN KEY (region_id, source_id, org_id) REFERENCES fund_sources (region_id, id, org_id) ON UPDATE CASCADE,
  CONSTRAINT fund_budgets_year_key UNIQUE (region_id, source_id, year)
);
CREATE INDEX fund_budgets_id ON fund_budgets (id);
SELECT gj_protect_table('fund_budgets', 'org_id');
CREATE POLICY gj_read_above ON fund_budgets FOR SELECT TO gongjian_app USING (gj_held_above(org_id));

-- The fund-use guideline (《经费管理使用指导意见》) as rules an administrator
-- keeps: a source kind may not pay for a kind of spending (forbid), needs
-- approval above an amount at a level (approval), or may pay (allow). A rule
-- is never changed: editing it adds its next version and retires this one,
-- so each expense keeps the version it was checked against.
CREATE TABLE fund_rules (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  rule_key text NOT NULL CHECK (btrim(rule_key) <> ''),
  version int NOT NULL DEFAULT 1 CHECK (version >= 1),
  title text NOT NULL CHECK (btrim(title) <> ''),
  source_kind text CHECK (source_kind IN ('city_budget', 'party_fee_reward', 'department', 'sponsorship', 'donation', 'owners')),
  spent_on text CHECK (spent_on IN ('project', 'activity', 'need', 'venue_upkeep', 'task')),
  level text CHECK (level IN ('city', 'street', 'community')),
  effect text NOT NULL CHECK (effect IN ('allow', 'forbid', 'approval')),
  threshold_fen bigint CHECK (threshold_fen >= 0),
  created_by bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  PRIMARY KEY (region_id, id),
  CONSTRAINT fund_rules_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT fund_rules_threshold CHECK ((effect = 'approval') = (threshold_fen IS NOT NULL)),
  CONSTRAINT fund_rules_version_key UNIQUE (region_id, org_id, rule_key, version)
);
CREATE INDEX fund_rules_id ON fund_rules (id);
CREATE UNIQUE INDEX fund_rules_key ON fund_rules (region_id, org_id, rule_key) WHERE retired_at IS NULL;
SELECT gj_protect_table('fund_rules', 'org_id');
CREATE POLICY gj_read_above ON fund_rules FOR SELECT TO gongjian_app USING (gj_held_above(org_id));

CREATE FUNCTION gj_fund_rule_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.retired_at IS NOT NULL
     OR to_jsonb(NEW) - 'retired_at' IS DISTINCT FROM to_jsonb(OLD) - 'retired_at' THEN
    RAISE EXCEPTION 'fund rule % is kept as it was applied', OLD.id USING ERRCODE = '23514', CONSTRAINT = 'fund_rules_fixed';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_fund_rule_fixed BEFORE UPDATE OR DELETE ON fund_rules FOR EACH ROW EXECUTE FUNCTION gj_fund_rule_fixed();

-- The ledger. org_id is the organization whose money moves: the giver of an
-- allocation (to_org_id receives it) or the spender of an expense. Amounts
-- are integer fen; a reversal carries the negated amount of the entry it
-- reverses, in the same year.
CREATE TABLE fund_entries (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  source_id bigint NOT NULL,
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  kind text NOT NULL CHECK (kind IN ('allocation', 'expense')),
  status text NOT NULL CHECK (status IN ('pending', 'posted', 'rejected')),
  amount_fen bigint NOT NULL,
  entry_on date NOT NULL,
  to_org_id bigint,
  paid_for_kind text CHECK (paid_for_kind IN ('project', 'activity', 'need', 'venue_upkeep', 'task')),
  paid_for_id bigint,
  -- What it paid for as it was named when posted: the ledger reads as written.
  paid_for_label text,
  payee text,
  note text,
  rule_id bigint,
  reverses_id bigint,
  recorded_by bigint NOT NULL,
  recorder_name text NOT NULL,
  decided_by bigint,
  decider_name text,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT fund_entries_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT fund_entries_to_org_fkey FOREIGN KEY (region_id, to_org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT fund_entries_source_fkey FOREIGN KEY (region_id, source_id) REFERENCES fund_sources (region_id, id),
  CONSTRAINT fund_entries_rule_fkey FOREIGN KEY (region_id, rule_id) REFERENCES fund_rules (region_id, id),
  CONSTRAINT fund_entries_reverses_fkey FOREIGN KEY (region_id, reverses_id) REFERENCES fund_entries (region_id, id),
  CONSTRAINT fund_entries_amount CHECK (amount_fen <> 0 AND (reverses_id IS NULL) = (amount_fen > 0)),
  CONSTRAINT fund_entries_shape CHECK (CASE kind
    WHEN 'allocation' THEN to_org_id IS NOT NULL AND paid_for_kind IS NULL AND status = 'posted'
    ELSE to_org_id IS NULL AND paid_for_kind IS NOT NULL AND payee IS NOT NULL AND (rule_id IS NOT NULL OR reverses_id IS NOT NULL) END),
  CONSTRAINT fund_entries_not_own CHECK (decided_by IS NULL OR decided_by <> recorded_by)
);
CREATE INDEX fund_entries_id ON fund_entries (id);
CREATE INDEX fund_entries_org ON fund_entries (org_id, year, source_id);
CREATE INDEX fund_entries_to_org ON fund_entries (to_org_id, year, source_id) WHERE to_org_id IS NOT NULL;
CREATE INDEX fund_entries_source ON fund_entries (source_id, year);
CREATE INDEX fund_entries_paid_for ON fund_entries (paid_for_kind, paid_for_id) WHERE paid_for_id IS NOT NULL;
CREATE UNIQUE INDEX fund_entries_reversed_once ON fund_entries (reverses_id) WHERE reverses_id IS NOT NULL;
SELECT gj_protect_table('fund_entries', 'org_id', other_org_col => 'to_org_id');

-- Append-only: a posted (or rejected) entry is never updated or deleted. The
-- one change a row takes is the decision on a pending expense.
CREATE FUNCTION gj_fund_entry_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status <> 'pending' OR NEW.status NOT IN ('posted', 'rejected')
     OR to_jsonb(NEW) - '{status,decided_by,decider_name,decided_at}'::text[]
        IS DISTINCT FROM to_jsonb(OLD) - '{status,decided_by,decider_name,decided_at}'::text[] THEN
    RAISE EXCEPTION 'fund entry % is posted; correct it with a reversing entry', OLD.id USING ERRCODE = '23514', CONSTRAINT = 'fund_entries_posted';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_fund_entry_fixed BEFORE UPDATE OR DELETE ON fund_entries FOR EACH ROW EXECUTE FUNCTION gj_fund_entry_fixed();

-- What is left of a source at an organization in a year: its budget there,
-- plus what it received, less what it gave and spent (a pending expense
-- holds its amount until decided). Read with the definer's rights, so the
-- check never depends on which rows the caller sees.
CREATE FUNCTION gj_fund_left(p_source bigint, p_org bigint, p_year int) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce((SELECT amount_fen FROM fund_budgets WHERE source_id = p_source AND org_id = p_org AND year = p_year), 0)
       + coalesce((SELECT sum(amount_fen) FROM fund_entries WHERE to_org_id = p_org AND source_id = p_source AND year = p_year AND status = 'posted'), 0)
       - coalesce((SELECT sum(amount_fen) FROM fund_entries WHERE org_id = p_org AND source_id = p_source AND year = p_year AND status IN ('posted', 'pending')), 0)
$$;
REVOKE ALL ON FUNCTION gj_fund_left(bigint, bigint, int) FROM PUBLIC;

-- Money never goes below zero anywhere: an entry takes only what is left, an
-- allocation goes down the tree, a reversal mirrors its entry exactly. One
-- source-year at a time (advisory lock), so two requests cannot both take
-- the last of it.
CREATE FUNCTION gj_fund_entry_check() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE orig fund_entries;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('fund_entries'), hashtext(NEW.source_id::text || ':' || NEW.year::text));
  IF NEW.reverses_id IS NOT NULL THEN
    SELECT * INTO orig FROM fund_entries WHERE id = NEW.reverses_id;
    IF orig.id IS NULL OR orig.status <> 'posted' OR orig.reverses_id IS NOT NULL OR orig.kind <> NEW.kind
       OR orig.org_id <> NEW.org_id OR orig.source_id <> NEW.source_id OR orig.year <> NEW.year
       OR orig.to_org_id IS DISTINCT FROM NEW.to_org_id OR NEW.amount_fen <> -orig.amount_fen OR NEW.status <> 'posted' THEN
      RAISE EXCEPTION 'entry % does not reverse entry %', NEW.id, NEW.reverses_id USING ERRCODE = '23514', CONSTRAINT = 'fund_entries_reversal';
    END IF;
  END IF;
  IF NEW.kind = 'allocation' AND NOT EXISTS (
    SELECT 1 FROM org_labels c JOIN org_labels p ON p.id = NEW.org_id
     WHERE c.id = NEW.to_org_id AND c.path <@ p.path AND c.id <> p.id) THEN
    RAISE EXCEPTION 'allocations go down the tree' USING ERRCODE = '23514', CONSTRAINT = 'fund_entries_down_tree';
  END IF;
  IF NEW.amount_fen > 0 AND gj_fund_left(NEW.source_id, NEW.org_id, NEW.year) < NEW.amount_fen THEN
    RAISE EXCEPTION 'not enough left of source %', NEW.source_id USING ERRCODE = '23514', CONSTRAINT = 'fund_entries_within_left';
  END IF;
  IF NEW.kind = 'allocation' AND NEW.amount_fen < 0 AND gj_fund_left(NEW.source_id, NEW.to_org_id, NEW.year) < -NEW.amount_fen THEN
    RAISE EXCEPTION 'the allocation is already spent' USING ERRCODE = '23514', CONSTRAINT = 'fund_entries_allocation_spent';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER gj_fund_entry_check BEFORE INSERT ON fund_entries FOR EACH ROW EXECUTE FUNCTION gj_fund_entry_check();

-- The invoice (发票) of an expense, kept with it and, like it, never changed.
CREATE TABLE fund_invoices (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  entry_id bigint NOT NULL,
  name text NOT NULL,
  mime text NOT NULL CONSTRAINT fund_invoices_mime CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  content bytea NOT NULL CONSTRAINT fund_invoices_size CHECK (octet_length(content) BETWEEN 1 AND 5242880),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT fund_invoices_entry_fkey FOREIGN KEY (region_id, entry_id) REFERENCES fund_entries (region_id, id)
);
CREATE INDEX fund_invoices_id ON fund_invoices (id);
CREATE UNIQUE INDEX fund_invoices_entry ON fund_invoices (entry_id);
SELECT gj_protect_table('fund_invoices', 'org_id', masked => '{content}');
CREATE FUNCTION gj_fund_invoice_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an invoice stays with its entry' USING ERRCODE = '23514', CONSTRAINT = 'fund_entries_posted';
END $$;
CREATE TRIGGER gj_fund_invoice_fixed BEFORE UPDATE OR DELETE ON fund_invoices FOR EACH ROW EXECUTE FUNCTION gj_fund_invoice_fixed();

-- In-kind contributions (a venue lent, hours served): beside the money, each
-- in its own unit, never added to it.
CREATE TABLE fund_in_kind (
  region_id bigint NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  org_id bigint NOT NULL,
  unit_id bigint,
  description text NOT NULL CHECK (btrim(description) <> ''),
  quantity numeric NOT NULL CONSTRAINT fund_in_kind_quantity CHECK (quantity > 0),
  quantity_unit text NOT NULL CHECK (btrim(quantity_unit) <> ''),
  paid_for_kind text CHECK (paid_for_kind IN ('project', 'activity', 'need', 'venue_upkeep', 'task')),
  paid_for_id bigint,
  paid_for_label text,
  given_on date NOT NULL,
  recorded_by bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CONSTRAINT fund_in_kind_org_fkey FOREIGN KEY (region_id, org_id) REFERENCES organizations (region_id, id),
  CONSTRAINT fund_in_kind_unit_fkey FOREIGN KEY (region_id, unit_id) REFERENCES units (region_id, id)
);
CREATE INDEX fund_in_kind_id ON fund_in_kind (id);
CREATE INDEX fund_in_kind_org ON fund_in_kind (org_id, given_on);
CREATE INDEX fund_in_kind_paid_for ON fund_in_kind (paid_for_kind, paid_for_id) WHERE paid_for_id IS NOT NULL;
SELECT gj_protect_table('fund_in_kind', 'org_id', unit_col => 'unit_id');
