import type { Verdicts } from '../../kernel/actions.ts';
import { ADMIN_ROLES, hasRoleAt, type Scope } from '../../kernel/scope.ts';
import { E } from './errors.ts';
import { CADRE_ACTIONS, CAMPAIGN_ACTIONS, CAMPAIGN_LIST_ACTIONS, type CadreAction, type CampaignAction, type CampaignListAction } from './schema.ts';

// A campaign is run by the secretary or administrators of its organization,
// asked there: they start it and hand out the areas. Cadres visit through the
// grids' own visit record, under the grids' rules. Once a campaign has ended
// its assignments are its record and stay as they were.

const isAdminAt = (scope: Scope, orgPath: string | null) => hasRoleAt(scope, ADMIN_ROLES, orgPath);

export function listVerdicts(scope: Scope, orgPath: string | null): Verdicts<CampaignListAction> {
  return { create: isAdminAt(scope, orgPath) ? null : () => E.admin_only({ action: CAMPAIGN_LIST_ACTIONS.term('create') }) };
}

export interface CampaignState { orgPath: string | null; endsOn: string; today: string }

export function campaignVerdicts(scope: Scope, c: CampaignState): Verdicts<CampaignAction> {
  const action = CAMPAIGN_ACTIONS.term('assign');
  return {
    assign: !isAdminAt(scope, c.orgPath) ? () => E.admin_only({ action }) : c.endsOn < c.today ? () => E.ended({ endsOn: c.endsOn, action }) : null,
  };
}

export function cadreVerdicts(scope: Scope, c: CampaignState): Verdicts<CadreAction> {
  const action = CADRE_ACTIONS.term('remove');
  return {
    remove: !isAdminAt(scope, c.orgPath) ? () => E.admin_only({ action }) : c.endsOn < c.today ? () => E.ended({ endsOn: c.endsOn, action }) : null,
  };
}
