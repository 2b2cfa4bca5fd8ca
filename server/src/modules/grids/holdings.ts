import type { OrgHolding } from '../../kernel/manifest.ts';
import * as orgs from '../orgs/service.ts';

/**
 * Grids an organization holds, as their community or their grid branch. A
 * grid's rows (buildings, households, visits…) follow its org_id through the
 * foreign keys (ON UPDATE CASCADE), so moving the grid moves them.
 */
export const gridsHeld: OrgHolding = {
  noun: { zh: '网格', en: 'grids' },
  measure: { zh: '个', en: 'grid' },
  count: async (q, orgId) =>
    (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM grids WHERE community_id = $1 OR branch_id = $1`, [orgId]))[0]!.n,
  move: async (q, { from, to, fromName }) => {
    // A retired grid branch hands its grid to the receiving branch when that
    // is a grid branch of the same community without a grid of its own;
    // otherwise the grid goes back to its community, as a grid without a
    // branch is, until the community links another.
    const [grid] = await q.query<{ community_id: number }>(`SELECT community_id FROM grids WHERE branch_id = $1`, [from]);
    if (grid) {
      const target = await orgs.find(q, to);
      const [taken] = await q.query(`SELECT 1 FROM grids WHERE branch_id = $1`, [to]);
      const takes = target?.kind === 'grid_branch' && target.parentId === grid.community_id && !taken;
      await q.query(`UPDATE grids SET branch_id = $2, org_id = coalesce($2, community_id) WHERE branch_id = $1`, [from, takes ? to : null]);
    }
    // A merged community's grids, buildings and households join the receiving
    // one's map; a grid name it already uses is renamed after the old community.
    await q.query(
      `UPDATE grids SET name = name || '（原' || $3 || '）' WHERE community_id = $1 AND name IN (SELECT name FROM grids WHERE community_id = $2)`,
      [from, to, fromName],
    );
    await q.query(`UPDATE grids SET community_id = $2, org_id = coalesce(branch_id, $2) WHERE community_id = $1`, [from, to]);
    await q.query(`UPDATE buildings SET community_id = $2 WHERE community_id = $1`, [from, to]);
    await q.query(`UPDATE households SET community_id = $2 WHERE community_id = $1`, [from, to]);
    await q.query(`UPDATE buildings SET group_id = $2 WHERE group_id = $1`, [from, to]);
    // One visit plan per tag and one base map per organization: the receiving one's own stay.
    await q.query(`UPDATE visit_plans p SET org_id = $2 WHERE org_id = $1 AND NOT EXISTS (SELECT 1 FROM visit_plans x WHERE x.org_id = $2 AND x.tag = p.tag)`, [from, to]);
    await q.query(`UPDATE grid_base_maps SET org_id = $2 WHERE org_id = $1 AND NOT EXISTS (SELECT 1 FROM grid_base_maps x WHERE x.org_id = $2)`, [from, to]);
  },
};
