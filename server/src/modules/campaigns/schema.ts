import { registerConstraint } from '../../kernel/errors.ts';
import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { day, idParam, optionalText, ordered, text, z } from '../../kernel/validation.ts';
import { CreateVisitEntry, HOUSEHOLD_TAGS } from '../grids/schema.ts';
import { RaiseFromVisit } from '../needs/schema.ts';
import { E } from './errors.ts';

registerConstraint('visit_campaigns_name_key', 'name', E.name_taken);
registerConstraint('campaign_cadres_area_key', 'name', E.already_assigned);

export const CADRE_KINDS = defineVocabulary('CampaignCadreKind', [
  { value: 'staff', zh: '工作人员', en: 'Staff', color: 'blue' },
  { value: 'committee_member', zh: '兼职委员', en: 'Part-time committee member', color: 'purple' },
  { value: 'reported_member', zh: '报到党员', en: 'Reported member', color: 'red' },
]);
export type CadreKind = ValueOf<typeof CADRE_KINDS>;

export const AREA_KINDS = defineVocabulary('CampaignAreaKind', [
  { value: 'grid', zh: '网格', en: 'Grid' },
  { value: 'building', zh: '楼栋', en: 'Building' },
  { value: 'households', zh: '住户名单', en: 'Household list' },
]);
export type AreaKind = ValueOf<typeof AREA_KINDS>;

/** What a caller may do to a campaign, to one of its cadres, and at the list (policy.ts). */
export const CAMPAIGN_ACTIONS = defineVocabulary('CampaignAction', [{ value: 'assign', zh: '分配走访片区', en: 'Assign an area' }]);
export type CampaignAction = ValueOf<typeof CAMPAIGN_ACTIONS>;
export const CADRE_ACTIONS = defineVocabulary('CampaignCadreAction', [{ value: 'remove', zh: '撤下走访干部', en: 'Remove the cadre' }]);
export type CadreAction = ValueOf<typeof CADRE_ACTIONS>;
export const CAMPAIGN_LIST_ACTIONS = defineVocabulary('CampaignListAction', [{ value: 'create', zh: '发起大走访', en: 'Start a visit campaign' }]);
export type CampaignListAction = ValueOf<typeof CAMPAIGN_LIST_ACTIONS>;

export const Campaign = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  goal: z.string().nullable(),
  cadres: z.number().describe('走访干部数'),
  actions: z.array(CAMPAIGN_ACTIONS.schema),
}).meta({ id: 'VisitCampaign' });
export type Campaign = z.infer<typeof Campaign>;
export const CampaignList = z.object({ items: z.array(Campaign), actions: z.array(CAMPAIGN_LIST_ACTIONS.schema) });

export const Cadre = z.object({
  id: z.number(),
  campaignId: z.number(),
  cadreKind: CADRE_KINDS.schema,
  name: z.string(),
  personId: z.number().nullable(),
  areaKind: AREA_KINDS.schema,
  gridId: z.number().nullable(),
  buildingId: z.number().nullable(),
  householdIds: z.array(z.number()),
  actions: z.array(CADRE_ACTIONS.schema),
}).meta({ id: 'CampaignCadre' });
export type Cadre = z.infer<typeof Cadre>;

export const CampaignFigures = z.object({
  cadres: z.number().describe('走访干部数'),
  cadresByKind: z.array(z.object({ kind: CADRE_KINDS.schema, cadres: z.number() })),
  households: z.number().describe('片区住户数'),
  visited: z.number().describe('已走访住户数'),
  visits: z.number().describe('走访次数'),
  byTag: z.array(z.object({ tag: HOUSEHOLD_TAGS.schema, households: z.number(), visited: z.number() })).describe('六清楚：各类住户的走访覆盖'),
  suggestions: z.number().describe('征求意见建议数（走访提出的需求）'),
  solved: z.number().describe('解决问题数（片区内办结并验收的需求）'),
  spentFen: z.number().describe('投入资金（分）'),
}).meta({ id: 'CampaignFigures' });
export type CampaignFigures = z.infer<typeof CampaignFigures>;

export const CampaignDetail = Campaign.extend({ figures: CampaignFigures, cadreList: z.array(Cadre) }).meta({ id: 'VisitCampaignDetail' });

export const MyAssignment = z.object({
  id: z.number(),
  campaignId: z.number(),
  campaignName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  cadreKind: CADRE_KINDS.schema,
  areaKind: AREA_KINDS.schema,
  households: z.array(z.object({
    id: z.number(),
    gridId: z.number(),
    buildingName: z.string().nullable(),
    headName: z.string(),
    addressMasked: z.string(),
    tags: z.array(HOUSEHOLD_TAGS.schema),
    lastVisitedOn: z.string().nullable(),
    visitedInWindow: z.boolean(),
  })),
}).meta({ id: 'CampaignAssignment' });
export type MyAssignment = z.infer<typeof MyAssignment>;
export const MyAssignmentList = z.object({ items: z.array(MyAssignment) });

export const CampaignParams = z.object({ campaignId: idParam('大走访') });
export const CadreParams = z.object({ cadreId: idParam('走访干部') });
export const CampaignQuery = z.object({ orgId: idParam('组织').optional() });
export const CreateCampaign = ordered(z.object({
  orgId: idParam('发起组织'),
  name: text('名称', 60),
  startsOn: day('开始日期'),
  endsOn: day('结束日期'),
  goal: optionalText('工作要求', 500),
}), 'startsOn', 'endsOn');
export type CreateCampaign = z.infer<typeof CreateCampaign>;
export const AssignCadre = z.object({
  cadreKind: CADRE_KINDS.field('干部类别'),
  name: text('姓名', 30),
  personId: idParam('人员档案').optional(),
  areaKind: AREA_KINDS.field('片区类型'),
  gridId: idParam('网格').optional(),
  buildingId: idParam('楼栋').optional(),
  householdIds: z.array(idParam('住户')).max(500).optional().describe('住户名单'),
});
export type AssignCadre = z.infer<typeof AssignCadre>;

/** A cadre's visit, with the suggestion heard at the door raised as the household's need (征求意见建议). */
export const CampaignVisit = CreateVisitEntry.extend({ need: RaiseFromVisit.optional().describe('同时提出意见建议（需求）') });
export type CampaignVisit = z.infer<typeof CampaignVisit>;
