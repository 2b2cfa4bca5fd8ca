import { defineGroups, defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { importFields } from '../../kernel/excel.ts';
import { registerConstraint } from '../../kernel/errors.ts';
import { E } from './errors.ts';
import { V, day, idParam, optionalText, pageQuery, text, z } from '../../kernel/validation.ts';

export const ORG_KINDS = defineVocabulary('OrgKind', [
  { value: 'district_committee', zh: '区（市）委', en: 'District committee' },
  { value: 'street_committee', zh: '街道党工委', en: 'Street committee' },
  { value: 'community_committee', zh: '社区党组织', en: 'Community committee' },
  { value: 'comprehensive_committee', zh: '综合党委（大党委）', en: 'Comprehensive committee' },
  { value: 'joint_committee', zh: '联合党委', en: 'Joint committee' },
  { value: 'administrative_group', zh: '行政党组', en: 'Administrative group' },
  { value: 'residential_committee', zh: '居民区党委', en: 'Residential committee' },
  { value: 'enterprise_joint_committee', zh: '非公企业联合党委', en: 'Enterprise joint committee' },
  { value: 'unit_committee', zh: '单位党组织', en: 'Unit committee' },
  { value: 'grid_branch', zh: '网格党支部', en: 'Grid branch' },
  { value: 'building_group', zh: '楼栋党小组', en: 'Building group' },
  { value: 'activity_group', zh: '党员活动小组', en: 'Activity group' },
  { value: 'caring_group', zh: '党群温馨小组', en: 'Caring group' },
  { value: 'member_household', zh: '党员中心户', en: 'Member household' },
]);
export type OrgKind = ValueOf<typeof ORG_KINDS>;

/**
 * Which kinds may sit directly under which: the one place the tree's shape is
 * written down. Creating, re-kinding and moving an organization, the Excel
 * ledger and the demo all pass through it (orgs/service.ts), and the form
 * offers only these. A district holds streets and the committees of organs
 * and sectors; a street, its communities; a community, its grids and the
 * party organizations of its units; a grid, its building groups and the small
 * groups that reach households; a member household is a leaf.
 */
// A community may also grow its own big or joint committee with its units (seed 004).
const COMMUNITY_LEVEL = [
  'grid_branch', 'residential_committee', 'comprehensive_committee', 'joint_committee', 'unit_committee', 'building_group', 'activity_group', 'caring_group',
] as const;
const HOUSEHOLD_GROUPS = ['building_group', 'activity_group', 'caring_group', 'member_household'] as const;
export const ORG_CHILD_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  district_committee: ['street_committee', 'comprehensive_committee', 'joint_committee', 'administrative_group', 'enterprise_joint_committee', 'unit_committee'],
  street_committee: ['community_committee', 'comprehensive_committee', 'joint_committee', 'administrative_group', 'residential_committee', 'enterprise_joint_committee', 'unit_committee'],
  community_committee: COMMUNITY_LEVEL,
  // A comprehensive (big) or joint committee stands for a community, beside it, or above several.
  comprehensive_committee: ['community_committee', ...COMMUNITY_LEVEL],
  joint_committee: ['community_committee', ...COMMUNITY_LEVEL],
  administrative_group: ['unit_committee'],
  // 天宁's residential-area committee (seed 003) holds the communities of its street.
  residential_committee: ['community_committee', ...COMMUNITY_LEVEL.filter((k) => k !== 'residential_committee')],
  enterprise_joint_committee: ['unit_committee'],
  unit_committee: ['unit_committee', 'activity_group'],
  grid_branch: HOUSEHOLD_GROUPS,
  building_group: ['activity_group', 'caring_group', 'member_household'],
  activity_group: ['member_household'],
  caring_group: ['member_household'],
  member_household: [],
};

/**
 * The kinds that count as one level of the tree, for the rules that ask
 * "is this a community" (grids and residents belong to one), "a grid" or
 * "a street". Here and nowhere else; the web reads them from the OpenAPI
 * document (`GROUPS.OrgKind`).
 */
export const ORG_KIND_GROUPS = defineGroups(ORG_KINDS, {
  community: ['community_committee', 'comprehensive_committee', 'residential_committee'],
  // The community a need or a visit slip is of: a joint committee may stand for one.
  needCommunity: ['community_committee', 'comprehensive_committee', 'residential_committee', 'joint_committee'],
  grid: ['grid_branch'],
  street: ['street_committee'],
  // What a joint committee may join (ties `joins`): a branch that keeps its own parent.
  joinable: ['unit_committee', 'community_committee', 'grid_branch'],
});

export const UNIT_KINDS = defineVocabulary('UnitKind', [
  { value: 'co_building', zh: '驻区单位', en: 'Resident unit' },
  { value: 'enterprise', zh: '非公企业', en: 'Enterprise' },
  { value: 'social_org', zh: '社会组织', en: 'Social organization' },
  { value: 'department', zh: '职能部门', en: 'Department' },
]);
export type UnitKind = ValueOf<typeof UNIT_KINDS>;

registerConstraint('organizations_parent_name_key', 'name', E.name_taken);
registerConstraint('units_org_name_key', 'name', E.unit_name_taken);

const orgKind = ORG_KINDS.field('组织类型');
const unitKind = UNIT_KINDS.field('单位类型');

export const ORG_STATUSES = defineVocabulary('OrgStatus', [
  { value: 'active', zh: '正常', en: 'Active' },
  { value: 'merged', zh: '已合并', en: 'Merged' },
  { value: 'dissolved', zh: '已撤销', en: 'Dissolved' },
]);
export type OrgStatus = ValueOf<typeof ORG_STATUSES>;

/** What a caller may do to an organization (policy.ts decides, for each record it returns). */
export const ORG_ACTIONS = defineVocabulary('OrgAction', [
  { value: 'edit', zh: '修改', en: 'Edit' },
  { value: 'move', zh: '调整隶属关系', en: 'Move' },
  { value: 'retire', zh: '撤销或合并', en: 'Dissolve or merge' },
  { value: 'addChild', zh: '新建下级组织', en: 'Add a suborganization' },
  { value: 'addUnit', zh: '登记单位', en: 'Register a unit' },
  { value: 'addTie', zh: '建立横向关系', en: 'Add a tie' },
  { value: 'addSeat', zh: '增补委员', en: 'Add a committee member' },
]);
export type OrgAction = ValueOf<typeof ORG_ACTIONS>;
/** What a caller may do to a unit, tie or committee seat: the organization's administrators edit it. */
export const ORG_PART_ACTIONS = defineVocabulary('OrgPartAction', [{ value: 'edit', zh: '修改', en: 'Edit' }]);
export type OrgPartAction = ValueOf<typeof ORG_PART_ACTIONS>;
const orgActions = z.array(ORG_ACTIONS.schema).describe('what the caller may do to this organization');
const partActions = z.array(ORG_PART_ACTIONS.schema).describe('what the caller may do to this record');

export const Org = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  regionId: z.number(),
  name: z.string(),
  kind: orgKind,
  kindLabel: z.string(),
  path: z.string(),
  depth: z.number(),
  childCount: z.number(),
  status: ORG_STATUSES.schema,
  statusLabel: z.string(),
  statusOn: z.string().nullable(),
  mergedIntoId: z.number().nullable(),
  foundedOn: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  secretaryName: z.string().nullable(),
  actions: orgActions,
}).meta({ id: 'Org' });
/** The record as the service reads it; the routes add the caller's actions (policy.ts). */
export type Org = Omit<z.infer<typeof Org>, 'actions'>;

export const OrgDetail = Org.extend({
  ancestors: z.array(z.object({ id: z.number(), name: z.string() })),
  /** The parent's kind, even where the parent is out of sight: the form offers only the kinds that may sit under it. */
  parentKind: ORG_KINDS.schema.nullable(),
});
export const OrgList = z.object({ items: z.array(Org) });
export const OrgPage = z.object({ total: z.number(), items: z.array(Org) });
export const OrgSummary = z.object({
  orgId: z.number(), orgCount: z.number(), peopleCount: z.number(), memberCount: z.number(),
  /** At a joint committee: the members of the branches it joins, counted in its memberCount too (they stay in their own branches). */
  joinedMemberCount: z.number().optional().describe('联建支部党员数（联合党委）'),
});

export const OrgParams = z.object({ orgId: idParam('组织编号') });
export const OrgSearchQuery = z.object({ q: z.string().trim().max(50).optional().describe('名称关键字'), ...pageQuery });
const orgAttributes = {
  foundedOn: day('成立日期').nullable().optional(),
  contactPhone: optionalText('联系电话', 30),
  address: optionalText('地址', 120),
};
export const CreateOrg = z.object({
  parentId: idParam('上级组织'),
  name: text('组织名称', 60),
  kind: orgKind,
  ...orgAttributes,
});
export const UpdateOrg = z.object({
  name: text('组织名称', 60).optional(),
  kind: orgKind.optional(),
  ...orgAttributes,
});
export const MoveOrg = z.object({ parentId: idParam('新的上级组织') });
export const RetireOrg = z.object({
  on: day('日期'),
  transferTo: idParam('转入组织').optional().describe('下级组织、人员和单位转入的组织'),
});
export const MergeOrg = z.object({ into: idParam('并入组织'), on: day('日期') });

export const TIE_KINDS = defineVocabulary('TieKind', [
  { value: 'co_builds', zh: '共建', en: 'Co-building' },
  { value: 'guides', zh: '协调指导', en: 'Guidance' },
  { value: 'pairs_with', zh: '结对', en: 'Pairing' },
  { value: 'joins', zh: '联建（联合党委成员）', en: 'Joint member' },
]);
export type TieKind = ValueOf<typeof TIE_KINDS>;
export const Tie = z.object({
  id: z.number(),
  kind: TIE_KINDS.schema,
  kindLabel: z.string(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  toOrgId: z.number().nullable(),
  toUnitId: z.number().nullable(),
  toName: z.string().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  pledge: z.string().nullable(),
  note: z.string().nullable(),
  actions: partActions,
}).meta({ id: 'Tie' });
export type Tie = Omit<z.infer<typeof Tie>, 'actions'>;
export const TieList = z.object({ items: z.array(Tie) });
export const TieParams = z.object({ tieId: idParam('关系编号') });
export const CreateTie = z.object({
  kind: TIE_KINDS.field('关系类型'),
  toOrgId: idParam('对方组织').optional(),
  toUnitId: idParam('对方单位').optional(),
  startedOn: day('开始日期'),
  pledge: z.string().trim().max(500, V.too_long.code).optional().describe('共建承诺'),
  note: z.string().trim().max(500, V.too_long.code).optional().describe('备注'),
});
export const UpdateTie = z.object({
  endedOn: day('结束日期').nullable().optional(),
  pledge: optionalText('共建承诺', 500),
  note: optionalText('备注', 500),
});

export const SEAT_ROLES = defineVocabulary('SeatRole', [
  { value: 'secretary', zh: '书记', en: 'Secretary', color: 'red' },
  { value: 'deputy', zh: '副书记', en: 'Deputy secretary', color: 'volcano' },
  { value: 'member', zh: '委员', en: 'Member', color: 'default' },
]);
export type SeatRole = ValueOf<typeof SEAT_ROLES>;
export const Seat = z.object({
  id: z.number(),
  orgId: z.number(),
  personId: z.number(),
  personName: z.string().nullable(),
  role: SEAT_ROLES.schema,
  roleLabel: z.string(),
  partTime: z.boolean(),
  fromUnitId: z.number().nullable(),
  fromUnitName: z.string().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  actions: partActions,
}).meta({ id: 'Seat' });
export type Seat = Omit<z.infer<typeof Seat>, 'actions'>;
export const SeatList = z.object({ items: z.array(Seat) });
export const SeatParams = z.object({ seatId: idParam('委员席位编号') });
export const CreateSeat = z.object({
  personId: idParam('人员'),
  role: SEAT_ROLES.field('职务'),
  partTime: z.boolean().default(false).describe('兼职委员'),
  fromUnitId: idParam('来自单位').optional(),
  startedOn: day('任职日期'),
});
export const UpdateSeat = z.object({
  role: SEAT_ROLES.field('职务').optional(),
  endedOn: day('离任日期').nullable().optional(),
});

registerConstraint('organizations_no_cycle', 'parentId', E.move_under_own_child);
registerConstraint('org_ties_active_key', 'kind', E.tie_exists);
registerConstraint('org_ties_not_self', 'toOrgId', E.tie_self);
registerConstraint('org_ties_one_end', 'toOrgId', E.tie_one_end);
registerConstraint('org_ties_dates', 'endedOn', E.tie_dates);
registerConstraint('committee_seats_person_key', 'personId', E.seat_taken);
registerConstraint('committee_seats_secretary_key', 'role', E.secretary_taken);
registerConstraint('committee_seats_dates', 'endedOn', E.seat_dates);
registerConstraint('units_one_party_org', 'partyOrgOutside', E.unit_party_org);
registerConstraint('committee_seats_part_time', 'fromUnitId', E.seat_unit_part_time);

export const Unit = z.object({
  id: z.number(),
  name: z.string(),
  kind: unitKind,
  kindLabel: z.string(),
  orgId: z.number(),
  orgName: z.string().nullable(),
  partyOrgId: z.number().nullable(),
  partyOrgName: z.string().nullable(),
  /** Its party organization's name when that lies outside the region's tree (a state enterprise's system, say). */
  partyOrgOutside: z.string().nullable(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  note: z.string().nullable(),
  actions: partActions,
}).meta({ id: 'Unit' });
export type Unit = Omit<z.infer<typeof Unit>, 'actions'>;
export const UnitList = z.object({ items: z.array(Unit) });
export const UnitQuery = z.object({ orgId: idParam('所在组织').optional() });
export const UnitParams = z.object({ unitId: idParam('单位编号') });
const unitFields = {
  name: text('单位名称', 80),
  kind: unitKind,
  partyOrgId: idParam('单位党组织').nullable().optional(),
  partyOrgOutside: optionalText('区域外的单位党组织', 80),
  address: optionalText('地址', 120),
  contactName: optionalText('联系人', 40),
  contactPhone: optionalText('联系电话', 30),
  note: optionalText('备注', 500),
};
export const CreateUnit = z.object({ orgId: idParam('所在组织'), ...unitFields });
export const UpdateUnit = z.object(unitFields).partial();

export const GAP_KINDS = defineVocabulary('GapKind', [
  { value: 'community_without_grid', zh: '社区未建网格党支部', en: 'Community without grid branch', color: 'purple' },
  { value: 'org_without_secretary', zh: '组织没有在任书记', en: 'Organization without secretary', color: 'red' },
  { value: 'hidden_members', zh: '单位有党员但无党组织（隐身党员）', en: 'Hidden members', color: 'orange' },
  { value: 'unit_without_tie', zh: '单位未与社区党组织建立共建关系', en: 'Unit without co-building tie', color: 'blue' },
  { value: 'grid_without_branch', zh: '网格未建党支部', en: 'Grid without a branch', color: 'magenta' },
  { value: 'building_without_group', zh: '楼栋未建党小组', en: 'Building without a group', color: 'cyan' },
]);
export type GapKind = ValueOf<typeof GAP_KINDS>;
export const Gap = z.object({
  kind: GAP_KINDS.schema,
  label: z.string(),
  orgId: z.number().nullable(),
  unitId: z.number().nullable(),
  /** The grid or building the gap is about (grids module), for the action that closes it. */
  gridId: z.number().nullable(),
  buildingId: z.number().nullable(),
  name: z.string(),
  detail: z.string(),
});
export type Gap = z.infer<typeof Gap>;
export const Coverage = z.object({
  orgId: z.number(),
  counts: z.record(z.string(), z.number()),
  gaps: z.array(Gap),
  truncated: z.boolean(),
});

export const Chart = z.object({
  nodes: z.array(z.object({ id: z.number(), parentId: z.number().nullable(), name: z.string(), kind: z.string(), kindLabel: z.string(), status: z.string() })),
  units: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string(), kindLabel: z.string(), orgId: z.number() })),
  ties: z.array(z.object({ id: z.number(), kind: z.string(), kindLabel: z.string(), orgId: z.number(), toOrgId: z.number().nullable(), toUnitId: z.number().nullable() })),
  /** Far ends of ties that lie outside the subtree: names and where they are, nothing more. */
  outside: z.array(z.object({ type: z.enum(['org', 'unit']), id: z.number(), name: z.string(), kind: z.string(), kindLabel: z.string(), place: z.string().nullable() })),
  truncated: z.boolean(),
});
export const ChartQuery = z.object({ depth: z.coerce.number({ error: E.depth_range.code }).int(E.depth_range.code).min(1, E.depth_range.code).max(6, E.depth_range.code).default(3).describe('层级') });

export const ImportOrgs = z.object(importFields);
