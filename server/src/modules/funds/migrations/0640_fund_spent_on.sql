-- 费随事转: the department that pushed a task reads what each community
-- carrying it spent on it, though the communities' ledgers are theirs. This
-- function hands out only the posted totals per record and spending
-- organization, never an entry; a caller joins it to the records it reads
-- under its own row rules (pushed tasks and the communities they are pushed
-- onto), so it learns nothing of a record it could not see.
CREATE FUNCTION gj_fund_spent_on(spent_on text, ids bigint[])
RETURNS TABLE (id bigint, org_id bigint, fen bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT e.paid_for_id, e.org_id, sum(e.amount_fen)::bigint
    FROM fund_entries e
   WHERE e.paid_for_kind = spent_on AND e.paid_for_id = ANY (ids) AND e.kind = 'expense' AND e.status = 'posted'
   GROUP BY e.paid_for_id, e.org_id
$$;
REVOKE ALL ON FUNCTION gj_fund_spent_on(text, bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gj_fund_spent_on(text, bigint[]) TO gongjian_app;
