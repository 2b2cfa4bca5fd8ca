-- What the public alliance page (modules/alliance) may show of micro-wishes:
-- counts per category of those waiting, claimed and fulfilled. A wish's
-- title and words may name the resident or their home, so none is shown.
-- Granted to nobody: only the alliance's gj_alliance_public calls it.
CREATE FUNCTION gj_public_wishes(p_orgs bigint[]) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object('category', c.category, 'waiting', c.waiting, 'claimed', c.claimed, 'fulfilled', c.fulfilled)
           ORDER BY c.category), '[]')
    FROM (SELECT category,
                 count(*) FILTER (WHERE status IN ('submitted', 'accepted')) AS waiting,
                 count(*) FILTER (WHERE status IN ('claimed', 'dispatched', 'in_progress', 'overdue', 'returned')) AS claimed,
                 count(*) FILTER (WHERE status IN ('done', 'checked', 'closed', 'rated')) AS fulfilled
            FROM needs WHERE org_id = ANY (p_orgs) AND kind = 'micro_wish' AND status NOT IN ('rejected', 'cancelled')
           GROUP BY category) c
$$;
REVOKE ALL ON FUNCTION gj_public_wishes(bigint[]) FROM PUBLIC;
