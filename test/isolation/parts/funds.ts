import type { IsolationPart } from './types.ts';

const year = new Date().getFullYear();

export const fundsPart: IsolationPart = {
  plant: async (q, b) => {
    const [source] = await q.query<{ id: number }>(
      `INSERT INTO fund_sources (org_id, kind, name) VALUES ($1, 'donation', $2) RETURNING id`,
      [b.communityId, `${b.tag}捐赠`],
    );
    await q.query(`INSERT INTO fund_budgets (org_id, source_id, year, amount_fen) VALUES ($1, $2, $3, 1000000)`, [b.communityId, source!.id, year]);
    const [rule] = await q.query<{ id: number }>(
      `INSERT INTO fund_rules (org_id, rule_key, title, effect) VALUES ($1, '第一条', $2, 'allow') RETURNING id`,
      [b.communityId, `${b.tag}规则`],
    );
    // The pending expense is an owners' fund's (三位一体), which only its committee's liaison decides, through
    // the database's definer-rights function: approving or rejecting it from outside must fail there too.
    const [owners] = await q.query<{ id: number }>(
      `INSERT INTO fund_sources (org_id, kind, name, unit_id) VALUES ($1, 'owners', $2, $3) RETURNING id`,
      [b.communityId, `${b.tag}小区维修资金`, b.unitId],
    );
    await q.query(`INSERT INTO fund_budgets (org_id, source_id, year, amount_fen) VALUES ($1, $2, $3, 1000000)`, [b.communityId, owners!.id, year]);
    const [entry] = await q.query<{ id: number }>(
      `INSERT INTO fund_entries (org_id, source_id, year, kind, status, amount_fen, entry_on, paid_for_kind, payee, rule_id, recorded_by, recorder_name)
       VALUES ($1, $2, $3, 'expense', 'pending', 10000, make_date($3, 1, 10), 'venue_upkeep', $4, $5, $6, $4) RETURNING id`,
      [b.communityId, owners!.id, year, `${b.tag}书记`, rule!.id, b.userId],
    );
    return { fundSourceId: source!.id, fundRuleId: rule!.id, fundEntryId: entry!.id };
  },
  writes: {
    'POST /api/fund-sources': (t) => [{ body: { orgId: t.orgId, kind: 'donation', name: '越权来源' } }],
    'POST /api/fund-sources/:fundSourceId/budget': () => [{ body: { year, amountFen: 1 } }],
    'POST /api/fund-budgets/import': (t) => [{ body: { orgId: t.orgId, file: 'UEsDBA==', mode: 'all' } }],
    'POST /api/fund-allocations': (t) => [{ body: { sourceId: t.ids.fundSourceId, fromOrgId: t.orgId, toOrgId: t.gridBranchId, amountFen: 100, entryOn: `${year}-02-01` } }],
    'POST /api/fund-expenses': (t) => [
      { body: { orgId: t.orgId, sourceId: t.ids.fundSourceId, amountFen: 100, entryOn: `${year}-02-01`, payee: '越权', paidForKind: 'venue_upkeep' } },
    ],
    'POST /api/fund-entries/:fundEntryId/approve': () => [{}],
    'POST /api/fund-entries/:fundEntryId/reject': () => [{}],
    'POST /api/fund-entries/:fundEntryId/reverse': () => [{ body: {} }],
    'POST /api/fund-in-kind': (t) => [{ body: { orgId: t.orgId, description: '越权实物', quantity: 1, quantityUnit: '次', givenOn: `${year}-02-01` } }],
    'POST /api/fund-rules': (t) => [{ body: { orgId: t.orgId, ruleKey: '越权', title: '越权规则', effect: 'allow' } }],
    'PATCH /api/fund-rules/:fundRuleId': () => [{ body: { title: '越权修改' } }],
    'POST /api/fund-rules/:fundRuleId/retire': () => [{}],
  },
  digest: [
    'SELECT t::text FROM fund_sources t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM fund_budgets t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM fund_rules t WHERE org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM fund_entries t WHERE org_id IN (SELECT id FROM o) OR to_org_id IN (SELECT id FROM o)',
    'SELECT t::text FROM fund_in_kind t WHERE org_id IN (SELECT id FROM o)',
  ],
};
