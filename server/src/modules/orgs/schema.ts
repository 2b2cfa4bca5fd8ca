import { registerConstraint } from '../../kernel/errors.ts';
import { idParam, oneOf, pageQuery, text, z } from '../../kernel/validation.ts';

export const ORG_KINDS = {
  district_committee: '区（市）委',
  street_committee: '街道党工委',
  community_committee: '社区党组织',
  comprehensive_committee: '综合党委（大党委）',
  joint_committee: '联合党委',
  administrative_group: '行政党组',
  residential_committee: '居民区党委',
  enterprise_joint_committee: '非公企业联合党委',
  unit_committee: '单位党组织',
  grid_branch: '网格党支部',
  building_group: '楼栋党小组',
  activity_group: '党员活动小组',
  caring_group: '党群温馨小组',
  member_household: '党员中心户',
} as const;
export type OrgKind = keyof typeof ORG_KINDS;

export const UNIT_KINDS = {
  co_building: '驻区单位',
  enterprise: '非公企业',
  social_org: '社会组织',
  department: '职能部门',
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;

registerConstraint('organizations_parent_name_key', 'name', '同一上级组织下已有同名组织');
registerConstraint('units_org_name_key', 'name', '该组织下已有同名单位');

const orgKind = oneOf(Object.keys(ORG_KINDS) as OrgKind[], '组织类型');
const unitKind = oneOf(Object.keys(UNIT_KINDS) as UnitKind[], '单位类型');

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
});
export type Org = z.infer<typeof Org>;

export const OrgDetail = Org.extend({ ancestors: z.array(z.object({ id: z.number(), name: z.string() })) });
export const OrgList = z.object({ items: z.array(Org) });
export const OrgPage = z.object({ total: z.number(), items: z.array(Org) });
export const OrgSummary = z.object({ orgId: z.number(), orgCount: z.number(), peopleCount: z.number(), memberCount: z.number() });

export const OrgParams = z.object({ orgId: idParam('组织编号') });
export const OrgSearchQuery = z.object({ q: z.string().trim().max(50).optional().describe('名称关键字'), ...pageQuery });
export const CreateOrg = z.object({
  parentId: idParam('上级组织'),
  name: text('组织名称', 60),
  kind: orgKind,
});
export const RenameOrg = z.object({ name: text('组织名称', 60) });

export const Unit = z.object({
  id: z.number(),
  name: z.string(),
  kind: unitKind,
  kindLabel: z.string(),
  orgId: z.number(),
  orgName: z.string().nullable(),
});
export type Unit = z.infer<typeof Unit>;
export const UnitList = z.object({ items: z.array(Unit) });
export const UnitQuery = z.object({ orgId: idParam('所在组织').optional() });
