import { defineErrors, defineMessages } from '../../kernel/errors.ts';

/** The grids module's refusals (codes `grid.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('grid', {
  not_planner: {
    status: 403,
    zh: '只有组织部门、街道和社区管理员可以划分和维护网格',
    en: 'Only organization department, street and community administrators may draw and maintain grids',
  },
  not_grid_worker: {
    status: 403,
    zh: '只有社区和网格工作人员可以登记住户、走访和台账',
    en: 'Only community and grid staff may register households, visits and book entries',
  },
  import_taken: {
    status: 400,
    field: 'file',
    zh: '第 {rows} 行的住户已登记在本社区的另一个网格，未导入任何住户',
    en: 'The households of rows {rows} are registered in another grid of this community; none was imported',
  },
  community_required: { status: 400, field: 'communityId', zh: '请选择您管辖范围内的社区党组织', en: 'Choose a community party organization within your jurisdiction' },
  branch_invalid: {
    status: 400,
    field: 'branchId',
    zh: '网格党支部须为本社区下属、正常状态的网格党支部',
    en: 'The grid branch must be an active grid branch of this community',
  },
  boundary_overlap: {
    status: 400,
    field: 'boundary',
    zh: '网格边界与「{name}」重叠，同一社区的网格不能相互覆盖',
    en: 'The boundary overlaps “{name}”; grids of one community cannot overlap',
  },
  boundary_leaves_building: {
    status: 400,
    field: 'boundary',
    zh: '新边界须包含本网格的全部楼栋，「{name}」在边界之外',
    en: 'The new boundary must contain all the grid’s buildings; “{name}” lies outside it',
  },
  boundary_vertices: { status: 400, field: 'boundary', zh: '网格边界至少需要三个不同的顶点', en: 'A grid boundary needs at least three different points' },
  boundary_open: {
    status: 400,
    field: 'boundary',
    zh: '网格边界没有闭合：最后一个顶点须与第一个顶点相同',
    en: 'The boundary is not closed: its last point must be its first',
  },
  boundary_kinks: { status: 400, field: 'boundary', zh: '网格边界自相交：边与边不能交叉', en: 'The boundary crosses itself: its edges must not cross' },
  boundary_area: { status: 400, field: 'boundary', zh: '网格边界围成的面积为零', en: 'The boundary encloses no area' },
  coordinate_range: { status: 400, zh: '坐标须在地图范围内', en: 'Points must lie on the map' },
  polygon_type: { status: 400, zh: '边界须为 GeoJSON 多边形（Polygon）', en: 'The boundary must be a GeoJSON Polygon' },
  boundary_empty: { status: 400, zh: '边界不能为空', en: 'The boundary cannot be empty' },
  boundary_holes: { status: 400, zh: '边界只能有一条外环，不能有洞', en: 'The boundary has one outer ring and no holes' },
  group_invalid: { status: 400, field: 'groupId', zh: '楼栋党小组须为本网格党支部下的楼栋党小组', en: 'The building group must be a building group of this grid’s branch' },
  building_outside: { status: 400, field: 'x', zh: '楼栋位置须在「{grid}」的边界之内', en: 'The building must lie within the boundary of “{grid}”' },
  building_left_outside: {
    status: 400,
    field: 'x',
    zh: '楼栋「{name}」的位置须在「{grid}」的边界之内',
    en: 'Building “{name}” must lie within the boundary of “{grid}”',
  },
  room_required: { status: 400, field: 'room', zh: '请填写单元和门牌号', en: 'Fill in the entrance and the room number' },
  entrance_range: { status: 400, field: 'entrance', zh: '{building}只有 {n} 个单元', en: '{building} has only {n} entrances' },
  address_required: { status: 400, field: 'address', zh: '请选择楼栋，或填写住址', en: 'Choose a building, or write the address' },
  building_not_in_grid: { status: 400, field: 'buildingId', zh: '楼栋须在「{grid}」之内', en: 'The building must be in “{grid}”' },
  person_not_found: { status: 400, field: 'personId', zh: '人员不存在，或不在您的管辖范围内', en: 'The person does not exist or is outside your jurisdiction' },
  role_members_only: { status: 400, field: 'personId', zh: '{name}不是党员，不能担任{role}', en: '{name} is not a party member and cannot be {role}' },
  unit_outside: { status: 400, field: 'unitId', zh: '只能纳入位于本社区的驻区单位', en: 'Only resident units located in this community can be included' },
  no_indicator: { status: 400, field: 'indicator', zh: '没有这个地图指标', en: 'There is no such map indicator' },
  household_not_yours: {
    status: 400,
    field: 'householdId',
    zh: '该住户不在您负责的网格内，不能登记走访',
    en: 'This household is not in a grid you work in, so you cannot record a visit',
  },
  household_not_in_area: {
    status: 400,
    field: 'householdId',
    zh: '该住户不在分给您的走访片区内，或走访日期不在这次大走访期间',
    en: 'This household is not in an area you were given to visit, or the date is outside the campaign',
  },
  base_image_size: { status: 400, zh: '底图不能超过 2 MB', en: 'The base map must be at most 2 MB' },
  base_image_type: { status: 400, zh: '底图须为 PNG、JPEG 或 WebP 图片', en: 'The base map must be a PNG, JPEG or WebP image' },
  whole_1_30: { status: 400, zh: '{label}须为 1–30 的整数', en: '{label} must be a whole number from 1 to 30' },
  positive: { status: 400, zh: '{label}须为正整数', en: '{label} must be a positive whole number' },
  free_tags_max: { status: 400, zh: '{label}最多 10 个', en: 'At most 10 {label}' },
  phone_format: { status: 400, zh: '{label}须为手机号或固定电话', en: '{label} must be a mobile or landline number' },
  every_days: { status: 400, zh: '{label}须为 1–366 天', en: '{label} must be 1 to 366 days' },
  name_taken: { status: 409, zh: '本社区已有同名网格', en: 'This community already has a grid of this name' },
  branch_taken: { status: 409, zh: '该网格党支部已对应另一个网格', en: 'This grid branch already belongs to another grid' },
  building_name_taken: { status: 409, zh: '本社区已有同名楼栋', en: 'This community already has a building of this name' },
  household_taken: {
    status: 409,
    zh: '该户已登记在本社区的网格中，一户只能属于一个网格',
    en: 'This household is already registered in a grid of this community; a household belongs to one grid',
  },
  household_room: { status: 400, zh: '楼栋、单元、门牌须同时填写', en: 'Building, entrance and room go together' },
  role_taken: { status: 409, zh: '此人已担任该职责', en: 'This person already holds this duty' },
  answerable_taken: {
    status: 409,
    zh: '该网格已有此项包干责任人，请先撤下原责任人',
    en: 'This grid already has someone answerable for this; remove them first',
  },
  unit_taken: { status: 409, zh: '该单位已纳入一个网格', en: 'This unit already belongs to a grid' },
  plan_taken: { status: 409, zh: '本社区已有针对这类住户的走访计划', en: 'This community already has a visit plan for these households' },
  visit_future: { status: 400, zh: '走访日期不能晚于今天', en: 'The visit date cannot be later than today' },
});

/** Records of this module, as refusals name them. */
export const GRID = { zh: '网格', en: 'Grid' };
export const BUILDING = { zh: '楼栋', en: 'Building' };
export const HOUSEHOLD = { zh: '住户', en: 'Household' };
export const GRID_ROLE = { zh: '网格职责', en: 'Grid duty' };
export const BASE_MAP = { zh: '网格地图底图', en: 'Base map' };

/** What the coverage report says of a gap grids finds, in the reader's language. */
export const GAPS = defineMessages('grid', {
  gap_without_branch: { zh: '{community}的网格尚未建立网格党支部', en: 'A grid of {community} without a grid party branch yet' },
  gap_without_group: { zh: '{grid}的楼栋尚未建立楼栋党小组', en: 'A building of {grid} without a building party group yet' },
});
