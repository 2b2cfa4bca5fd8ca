-- The organizations where the caller, as a member, has reported in (双报到,
-- accepted). Another module's policy may widen what a reported member reads
-- by these ids (activities open to reported members); the report-ins
-- themselves stay readable only through this module's own policies.
CREATE FUNCTION gj_reported_org_ids() RETURNS bigint[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT r.org_id), '{}')
    FROM report_ins r
   WHERE r.member_user_id = gj_user_id() AND r.status = 'accepted'
$$;
REVOKE ALL ON FUNCTION gj_reported_org_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_reported_org_ids() TO gongjian_app;
