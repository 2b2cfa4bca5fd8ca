import * as campaigns from '../../../server/src/modules/campaigns/service.ts';
import * as grids from '../../../server/src/modules/grids/service.ts';
import { addDays, regionToday } from '../../../server/src/kernel/time.ts';
import type { IsolationPart } from './types.ts';

export const campaignsPart: IsolationPart = {
  plant: async (q, b) => {
    const [campaignId] = await campaigns.createMany(q, [{ orgId: b.communityId, name: `${b.tag}大走访`, startsOn: regionToday(), endsOn: addDays(regionToday(), 30), goal: `${b.tag}要求` }]);
    const [grid] = await grids.listGrids(q, b.communityId);
    const [cadreId] = await campaigns.assignMany(q, [{
      orgId: b.communityId, campaignId: campaignId!, cadreKind: 'reported_member', name: `${b.tag}干部`, personId: b.personId, userId: null,
      areaKind: 'grid', gridId: grid!.id, buildingId: null, householdIds: [],
    }]);
    return { campaignId: campaignId!, cadreId: cadreId! };
  },
  writes: {
    'POST /api/campaigns': (t) => [{ body: { orgId: t.orgId, name: '越权大走访', startsOn: '2026-01-01', endsOn: '2026-02-01' } }],
    'POST /api/campaigns/:campaignId/cadres': (t) => [{ body: { cadreKind: 'staff', name: '越权干部', areaKind: 'grid', gridId: t.ids.gridId } }],
    'DELETE /api/campaign-cadres/:cadreId': () => [{}],
    // The target's household lies in no area given to the attacker.
    'POST /api/campaigns/visits': (t) => [
      { body: { householdId: t.ids.householdId, visitedOn: regionToday(), learned: '越权走访' } },
      // A suggestion raised at another community's door would be a need there.
      { body: { householdId: t.ids.householdId, visitedOn: regionToday(), learned: '越权走访', need: { kind: 'request', category: 'other', title: '越权建议' } } },
    ],
  },
  digest: ['visit_campaigns', 'campaign_cadres'].map((table) => `SELECT t::text FROM ${table} t WHERE org_id IN (SELECT id FROM o)`),
};
