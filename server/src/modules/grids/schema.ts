import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { registerConstraint } from '../../kernel/errors.ts';
import { E } from './errors.ts';
import { importFields } from '../../kernel/excel.ts';
import { V, day, idParam, oneOf, optionalText, text, z } from '../../kernel/validation.ts';

registerConstraint('grids_name_key', 'name', E.name_taken);
registerConstraint('grids_branch_key', 'branchId', E.branch_taken);
registerConstraint('buildings_name_key', 'name', E.building_name_taken);
registerConstraint('households_address_key', 'room', E.household_taken);
registerConstraint('households_room', 'room', E.household_room);
registerConstraint('grid_roles_key', 'personId', E.role_taken);
registerConstraint('grid_roles_answerable_key', 'role', E.answerable_taken);
registerConstraint('grid_units_key', 'unitId', E.unit_taken);
registerConstraint('visit_plans_tag_key', 'tag', E.plan_taken);
registerConstraint('visits_not_future', 'visitedOn', E.visit_future);

/** 六清楚: the six kinds of households a grid worker knows. */
export const HOUSEHOLD_TAGS = defineVocabulary('HouseholdTag', [
  { value: 'low_income', zh: '低保困难户', en: 'Low income', color: 'orange' },
  { value: 'disabled', zh: '残疾人户', en: 'Disabled', color: 'orange' },
  { value: 'laid_off', zh: '下岗失业户', en: 'Laid off', color: 'orange' },
  { value: 'empty_nest', zh: '空巢老人户', en: 'Empty-nest elderly', color: 'orange' },
  { value: 'party_member', zh: '党员户', en: 'Party member', color: 'red' },
  { value: 'floating', zh: '流动人口户', en: 'Floating population', color: 'orange' },
]);
export type HouseholdTag = ValueOf<typeof HOUSEHOLD_TAGS>;
const TAG_KEYS = [...HOUSEHOLD_TAGS.values] as HouseholdTag[];

/** 六包干 (the two answerable for a grid) and 五员 (roles members hold). */
export const GRID_ROLES = defineVocabulary('GridRole', [
  { value: 'responsible_member', zh: '包干委员', en: 'Responsible committee member', color: 'red' },
  { value: 'branch_secretary', zh: '网格党支部书记', en: 'Branch secretary', color: 'red' },
  { value: 'info_reporter', zh: '信息员', en: 'Information reporter', color: 'blue' },
  { value: 'patrol', zh: '巡防员', en: 'Patrol', color: 'blue' },
  { value: 'mediator', zh: '调解员', en: 'Mediator', color: 'blue' },
  { value: 'sanitation_monitor', zh: '卫生监督员', en: 'Sanitation monitor', color: 'blue' },
  { value: 'youth_mentor', zh: '青少年辅导员', en: 'Youth mentor', color: 'blue' },
]);
export type GridRole = ValueOf<typeof GRID_ROLES>;

export const BOOKS = defineVocabulary('GridBook', [
  { value: 'suggestions', zh: '民情建议簿', en: 'Suggestions book' },
  { value: 'activities', zh: '活动记录簿', en: 'Activities book' },
]);
export type Book = ValueOf<typeof BOOKS>;

export const CARDS = defineVocabulary('GridCard', [
  { value: 'organization', zh: '组织卡', en: 'Organization card' },
  { value: 'member', zh: '党员卡', en: 'Member cards' },
  { value: 'talent', zh: '人才卡', en: 'Talent cards' },
  { value: 'volunteer', zh: '志愿者卡', en: 'Volunteer cards' },
]);
export type CardKind = ValueOf<typeof CARDS>;

/** The map plane: x 0..MAP_WIDTH to the right, y 0..MAP_HEIGHT upwards. */
export const MAP_WIDTH = 1000;
export const MAP_HEIGHT = 700;

const coordinate = z
  .tuple([z.number().min(0).max(MAP_WIDTH), z.number().min(0).max(MAP_HEIGHT)], { error: E.coordinate_range.code })
  .describe('坐标');
export const Polygon = z
  .object({
    type: z.literal('Polygon', { error: E.polygon_type.code }),
    coordinates: z.array(z.array(coordinate)).min(1, E.boundary_empty.code).max(1, E.boundary_holes.code),
  })
  .describe('网格边界');
export type Polygon = z.infer<typeof Polygon>;

/** What a caller may do to a grid (policy.ts decides, for each grid it returns). */
export const GRID_ACTIONS = defineVocabulary('GridAction', [
  { value: 'edit', zh: '维护网格（边界、楼栋、包干、岗位、驻区单位）', en: 'Maintain the grid (boundary, buildings, duties, posts, units)' },
  { value: 'register', zh: '登记住户和台账', en: 'Register households and book entries' },
]);
export type GridAction = ValueOf<typeof GRID_ACTIONS>;
/** What a caller may do at the community whose grids are listed. */
export const GRID_LIST_ACTIONS = defineVocabulary('GridListAction', [{ value: 'create', zh: '划分网格、制定走访计划', en: 'Draw grids and plan visits' }]);
export type GridListAction = ValueOf<typeof GRID_LIST_ACTIONS>;
/** What a caller may do to a household. */
export const HOUSEHOLD_ACTIONS = defineVocabulary('HouseholdAction', [
  { value: 'edit', zh: '修改住户', en: 'Edit' },
  { value: 'visit', zh: '登记走访', en: 'Record a visit' },
]);
export type HouseholdAction = ValueOf<typeof HOUSEHOLD_ACTIONS>;

export const Grid = z.object({
  id: z.number(),
  communityId: z.number(),
  communityName: z.string().nullable(),
  branchId: z.number().nullable(),
  branchName: z.string().nullable(),
  name: z.string(),
  theme: z.string().nullable(),
  boundary: Polygon,
  buildingCount: z.number(),
  householdCount: z.number(),
  responsibleName: z.string().nullable(),
  secretaryName: z.string().nullable(),
  actions: z.array(GRID_ACTIONS.schema).describe('what the caller may do to this grid'),
}).meta({ id: 'Grid' });
/** The grid as the service reads it; the routes add the caller's actions (policy.ts). */
export type Grid = Omit<z.infer<typeof Grid>, 'actions'>;
export const GridList = z.object({ items: z.array(Grid), actions: z.array(GRID_LIST_ACTIONS.schema).describe('what the caller may do at the community viewed') });

export const GridParams = z.object({ gridId: idParam('网格') });
// Named orgId like every organization filter, so the isolation matrix aims it at the other community.
export const CommunityQuery = z.object({ orgId: idParam('社区') });
export const CreateGrid = z.object({
  communityId: idParam('社区'),
  name: text('网格名称', 50),
  theme: optionalText('网格主题', 20),
  branchId: idParam('网格党支部').nullable().optional(),
  boundary: Polygon,
});
export const UpdateGrid = z.object({
  name: text('网格名称', 50).optional(),
  theme: optionalText('网格主题', 20),
  branchId: idParam('网格党支部').nullable().optional(),
  boundary: Polygon.optional(),
});

export const Building = z.object({
  id: z.number(),
  gridId: z.number(),
  name: z.string(),
  entrances: z.number(),
  groupId: z.number().nullable(),
  groupName: z.string().nullable(),
  x: z.number(),
  y: z.number(),
  householdCount: z.number(),
});
export type Building = z.infer<typeof Building>;
export const BuildingList = z.object({ items: z.array(Building) });
export const BuildingParams = z.object({ buildingId: idParam('楼栋') });
export const CreateBuilding = z.object({
  name: text('楼栋名称', 30),
  entrances: z.number({ error: E.whole_1_30.code }).int(E.whole_1_30.code).min(1, E.whole_1_30.code).max(30, E.whole_1_30.code).describe('单元数'),
  groupId: idParam('楼栋党小组').nullable().optional(),
  x: z.number().min(0).max(MAP_WIDTH).describe('位置'),
  y: z.number().min(0).max(MAP_HEIGHT).describe('位置'),
});
export const UpdateBuilding = z.object({ groupId: idParam('楼栋党小组').nullable() });

const tags = z.array(oneOf(TAG_KEYS, '住户标签')).max(6).describe('住户标签');
const freeTags = z.array(text('自定义标签', 10)).max(10, E.free_tags_max.code).describe('自定义标签');
export const Household = z.object({
  id: z.number(),
  gridId: z.number(),
  gridName: z.string().nullable(),
  buildingId: z.number().nullable(),
  buildingName: z.string().nullable(),
  entrance: z.number().nullable(),
  room: z.string().nullable(),
  headName: z.string(),
  size: z.number(),
  addressMasked: z.string(),
  phoneMasked: z.string().nullable(),
  tags: z.array(HOUSEHOLD_TAGS.schema),
  freeTags: z.array(z.string()),
  lastVisitedOn: z.string().nullable(),
  actions: z.array(HOUSEHOLD_ACTIONS.schema).describe('what the caller may do to this household'),
}).meta({ id: 'Household' });
/** The household as the service reads it; the routes add the caller's actions (policy.ts). */
export type Household = Omit<z.infer<typeof Household>, 'actions'>;
export const HouseholdList = z.object({ total: z.number(), items: z.array(Household) });
export const HouseholdParams = z.object({ householdId: idParam('住户') });
export const HouseholdQuery = z.object({
  gridId: idParam('网格').optional(),
  tag: oneOf(TAG_KEYS, '住户标签').optional(),
  q: z.string().trim().max(20).optional().describe('户主姓名'),
});
const householdFields = {
  headName: text('户主姓名', 30),
  size: z.number({ error: E.whole_1_30.code }).int(E.whole_1_30.code).min(1, E.whole_1_30.code).max(30, E.whole_1_30.code).describe('家庭人口'),
  phone: z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, E.phone_format.code).nullable().optional().describe('联系电话'),
  tags,
  freeTags,
};
export const CreateHousehold = z.object({
  gridId: idParam('网格'),
  buildingId: idParam('楼栋').optional(),
  entrance: z.number({ error: E.positive.code }).int(E.positive.code).min(1, E.positive.code).optional().describe('单元'),
  room: z.string().trim().min(1, V.empty.code).max(10, V.too_long.code).optional().describe('门牌号'),
  address: text('住址', 100).optional(),
  ...householdFields,
});
export const ImportHouseholds = z.object(importFields);
export const UpdateHousehold = z.object({
  headName: householdFields.headName.optional(),
  size: householdFields.size.optional(),
  phone: householdFields.phone,
  tags: tags.optional(),
  freeTags: freeTags.optional(),
});

export const RoleHolder = z.object({ id: z.number(), gridId: z.number(), personId: z.number(), personName: z.string().nullable(), role: z.string(), roleLabel: z.string() });
export const RoleList = z.object({ items: z.array(RoleHolder) });
export const RoleParams = z.object({ gridRoleId: idParam('网格职责') });
export const AssignRole = z.object({ personId: idParam('人员'), role: GRID_ROLES.field('职责') });

export const GridUnit = z.object({ id: z.number(), unitId: z.number(), unitName: z.string().nullable() });
export const AddGridUnit = z.object({ unitId: idParam('驻区单位') });

/** A visit as grids records it; the needs module adds the state of the need it raised (its `Visit`). */
export const VisitEntry = z.object({
  id: z.number(),
  gridId: z.number(),
  householdId: z.number(),
  householdName: z.string().nullable(),
  visitorName: z.string(),
  visitedOn: z.string(),
  learned: z.string(),
  followUp: z.string().nullable(),
  needId: z.number().nullable(),
});
export type VisitEntry = z.infer<typeof VisitEntry>;
export const VisitQuery = z.object({ gridId: idParam('网格').optional(), householdId: idParam('住户').optional() });
/** What a visit records; the needs module's `CreateVisit` adds the need it may raise. */
export const CreateVisitEntry = z.object({
  householdId: idParam('住户'),
  visitedOn: day('走访日期'),
  learned: text('了解到的情况', 500),
  followUp: optionalText('后续跟进', 200),
});
export type CreateVisitEntry = z.infer<typeof CreateVisitEntry>;

export const VisitPlan = z.object({ id: z.number(), orgId: z.number(), name: z.string(), tag: z.string(), tagLabel: z.string(), everyDays: z.number(), startsOn: z.string() });
export const VisitPlanList = z.object({ items: z.array(VisitPlan) });
export const CreateVisitPlan = z.object({
  communityId: idParam('社区'),
  name: text('计划名称', 50),
  tag: oneOf(TAG_KEYS, '走访对象'),
  everyDays: z.number({ error: E.every_days.code }).int(E.every_days.code).min(1, E.every_days.code).max(366, E.every_days.code).describe('走访周期（天）'),
  startsOn: day('开始日期').optional(),
});
export const DueVisit = z.object({
  householdId: z.number(),
  headName: z.string(),
  addressMasked: z.string(),
  gridId: z.number(),
  gridName: z.string().nullable(),
  planName: z.string(),
  lastVisitedOn: z.string().nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
  actions: z.array(HOUSEHOLD_ACTIONS.schema).describe('what the caller may do to the household due'),
});
export const DueVisitList = z.object({ items: z.array(DueVisit) });
export const DueQuery = z.object({ gridId: idParam('网格').optional(), within: z.coerce.number().int().min(0).max(366).default(7).describe('提前天数') });

export const BookEntry = z.object({ id: z.number(), gridId: z.number(), book: BOOKS.schema, enteredOn: z.string(), title: z.string(), content: z.string().nullable(), personName: z.string().nullable() });
export const BookEntryList = z.object({ items: z.array(BookEntry) });
export const BookQuery = z.object({ book: BOOKS.field('台账') });
export const CreateBookEntry = z.object({
  book: BOOKS.field('台账'),
  enteredOn: day('日期'),
  title: text('事项', 100),
  content: optionalText('内容', 1000),
  personName: optionalText('提出人或参加人', 50),
});
export const CardQuery = z.object({ kind: CARDS.field('卡片类型') });

export const Indicator = z.object({ key: z.string(), label: z.string() });
export const MapQuery = z.object({ orgId: idParam('社区'), indicator: z.string().trim().max(40).default('households').describe('指标') });
export const GridMap = z.object({
  communityId: z.number(),
  width: z.number(),
  height: z.number(),
  hasBaseImage: z.boolean(),
  indicator: z.string(),
  indicators: z.array(Indicator),
  grids: z.array(z.object({ id: z.number(), name: z.string(), theme: z.string().nullable(), branchName: z.string().nullable(), boundary: Polygon, value: z.number() })),
  buildings: z.array(z.object({ id: z.number(), gridId: z.number(), name: z.string(), x: z.number(), y: z.number() })),
  units: z.array(z.object({ id: z.number(), gridId: z.number(), name: z.string() })),
});
export const BaseImage = z.object({
  communityId: idParam('社区'),
  image: z
    .string()
    .max(3_000_000, E.base_image_size.code)
    .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/, E.base_image_type.code)
    .describe('底图'),
});
