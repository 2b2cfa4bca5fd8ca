import { defineErrors } from '../../kernel/errors.ts';

/** The big visit's refusals (codes `campaign.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('campaign', {
  admin_only: { status: 403, zh: '只有大走访所在党组织的书记或管理员可以{action}', en: 'Only the secretary or an administrator of the campaign’s organization may {action}' },
  ended: { status: 409, zh: '这次大走访已于 {endsOn} 结束，不能再{action}', en: 'This campaign ended on {endsOn}; you can no longer {action}' },
  grid_required: { status: 400, field: 'gridId', zh: '请选择要走访的网格', en: 'Choose the grid to visit' },
  building_required: { status: 400, field: 'buildingId', zh: '请选择要走访的楼栋', en: 'Choose the building to visit' },
  households_required: { status: 400, field: 'householdIds', zh: '请选择要走访的住户', en: 'Choose the households to visit' },
  area_outside: { status: 400, zh: '走访片区须在大走访所在党组织之内', en: 'The area must lie within the campaign’s organization' },
  name_taken: { status: 409, field: 'name', zh: '本组织已有同名的大走访', en: 'The organization already has a campaign with this name' },
  already_assigned: { status: 409, field: 'name', zh: '这名干部已分到这个片区', en: 'This cadre already has this area' },
});

export const CAMPAIGN = { zh: '大走访', en: 'Visit campaign' };
export const CADRE = { zh: '走访干部', en: 'Campaign cadre' };
