import type { OrgNode, TieSpec, UnitSpec } from './types.ts';

/**
 * The other four seed models (docs/domain/seed-models.md §1, 2, 3, 5), one street each,
 * inside the demo region beside the 梅河口 streets. Structures follow the
 * documents; personal names are invented.
 */

const household = (key: string, name: string): OrgNode => ({ key, name, kind: 'member_household' });

// §1 平房区: a comprehensive committee with 9 members from community,
// enterprises, school and government; 15 base organizations; a five-level
// chain street → community → grid branch → caring group → member household.
const pfGrids: OrgNode[] = ['一', '二', '三', '四'].map((n, i) => ({
  key: `pf-g${i + 1}`,
  name: `新谊社区第${n}网格党支部`,
  kind: 'grid_branch',
  children: [
    {
      key: `pf-g${i + 1}-c`,
      name: `新谊社区第${n}网格党群温馨小组`,
      kind: 'caring_group',
      children: [household(`pf-g${i + 1}-h`, `新谊社区第${n}网格党员中心户`)],
    },
  ],
}));
const pfUnitBranches = [
  ['pf-school', '新谊小学'],
  ['pf-machine', '华鑫机械有限公司'],
  ['pf-property', '新谊物业服务有限公司'],
  ['pf-market-sup', '平房区市场监督管理所'],
  ['pf-police', '新疆街道派出所'],
  ['pf-clinic', '新谊社区卫生服务站'],
  ['pf-bank', '平房农商银行新谊支行'],
  ['pf-post', '平房邮政支局'],
  ['pf-power', '平房供电所'],
  ['pf-water', '平房区供水站'],
  ['pf-kinder', '新谊幼儿园'],
] as const;

const pingfang: OrgNode = {
  key: 'xinjiang',
  name: '新疆街道党工委（平房区模式）',
  kind: 'street_committee',
  children: [
    {
      key: 'xinyi',
      name: '新谊社区综合党委',
      kind: 'comprehensive_committee',
      foundedOn: '2015-07-01',
      seats: [
        { person: '韩秀梅', role: 'secretary' },
        { person: '曹立新', role: 'deputy' },
        { person: '邹海燕', role: 'member' },
        { person: '孟国庆', role: 'member' },
        { person: '邵春梅', role: 'member', fromUnit: 'pf-school' },
        { person: '魏德明', role: 'member', fromUnit: 'pf-machine' },
        { person: '蒋永红', role: 'member', fromUnit: 'pf-property' },
        { person: '沈文博', role: 'member', fromUnit: 'pf-market-sup' },
        { person: '彭晓东', role: 'member', fromUnit: 'pf-police' },
      ],
      children: [
        ...pfGrids,
        ...pfUnitBranches.map(([key, name]) => ({ key: `${key}-branch`, name: `${name}党支部`, kind: 'unit_committee' as const })),
      ],
    },
  ],
};
const pingfangUnits: UnitSpec[] = [
  ...pfUnitBranches.map(([key, name]) => ({
    key,
    name,
    kind: key.startsWith('pf-machine') || key.startsWith('pf-property') || key.startsWith('pf-bank') ? ('enterprise' as const) : ('co_building' as const),
    org: 'xinyi',
    partyOrg: `${key}-branch`,
    members: 2,
  })),
  // Migrant workers in an enterprise without a party organization: the census
  // must find them (隐身党员).
  { key: 'pf-express', name: '新谊快递驿站', kind: 'enterprise', org: 'xinyi', members: 4 },
];

// §2 三顺店: branch in the community, group in the courtyard, activity group in
// the stairwell; a non-statutory joint committee (Oct 2012) joining 13 unit
// branches that stay under their own parents.
const ssdUnits = [
  '回民区税务所', '回民区第三中学', '三顺店小学', '海拉尔东路派出所', '回民区人民医院', '呼和浩特供电局回民分局', '回民区房管所',
  '回民区文化馆', '通顺物业公司', '兴顺商贸有限公司', '回民区邮政所', '三顺店卫生服务站', '回民区城管中队',
].map((name, i) => ({ key: `ssd-u${i + 1}`, name }));
const sanshundian: OrgNode = {
  key: 'huimin',
  name: '海东街道党工委（三顺店模式）',
  kind: 'street_committee',
  children: [
    {
      key: 'sanshundian',
      name: '三顺店社区党支部',
      kind: 'community_committee',
      seats: [{ person: '李海江', role: 'secretary' }],
      children: ['一', '二', '三'].map((n, i) => ({
        key: `ssd-yard${i + 1}`,
        name: `三顺店第${n}居民院落党小组`,
        kind: 'building_group' as const,
        children: [1, 2].map((s) => ({ key: `ssd-yard${i + 1}-s${s}`, name: `第${n}院落${s}单元党员活动小组`, kind: 'activity_group' as const })),
      })),
    },
    {
      key: 'ssd-joint',
      name: '三顺店社区联合党委',
      kind: 'joint_committee',
      foundedOn: '2012-10-01',
      seats: [
        { person: '李海江', role: 'secretary' },
        { person: '郭玉兰', role: 'member', fromUnit: 'ssd-u1' },
        { person: '罗建国', role: 'member', fromUnit: 'ssd-u2' },
      ],
    },
    ...ssdUnits.map((u) => ({ key: `${u.key}-branch`, name: `${u.name}党支部`, kind: 'unit_committee' as const })),
  ],
};
const sanshundianUnits: UnitSpec[] = [
  ...ssdUnits.map((u) => ({
    key: u.key,
    name: u.name,
    kind: u.name.includes('公司') ? ('enterprise' as const) : ('co_building' as const),
    org: 'sanshundian',
    partyOrg: `${u.key}-branch`,
    members: 3,
  })),
  // The three-in-one property model: an estate without a property company, whose owners' committee holds its money (demo/funds.ts).
  { key: 'ssd-owners', name: '铁路小区业主委员会', kind: 'social_org', org: 'sanshundian' },
];

// §3 天宁 "1+3": one street committee over an administrative group (field
// offices), a residential committee (communities, property companies) and an
// enterprise joint committee (enterprises, business buildings).
const offices = [
  ['tn-tax', '天宁税务分局'],
  ['tn-police', '天宁派出所'],
  ['tn-market', '天宁市场监管分局'],
  ['tn-cityman', '天宁城管中队'],
  ['tn-housing', '天宁房管所'],
  ['tn-health', '天宁社区卫生服务中心'],
] as const;
const tianning: OrgNode = {
  key: 'tianning',
  name: '天宁街道党工委（1+3模式）',
  kind: 'street_committee',
  children: [
    {
      key: 'tn-admin',
      name: '天宁街道行政党组',
      kind: 'administrative_group',
      seats: [{ person: '钱立新', role: 'secretary' }],
      children: offices.map(([key, name]) => ({ key: `${key}-branch`, name: `${name}党支部`, kind: 'unit_committee' as const })),
    },
    {
      key: 'tn-residential',
      name: '天宁街道居民区党委',
      kind: 'residential_committee',
      seats: [{ person: '周春梅', role: 'secretary' }],
      children: [
        { key: 'tn-hongmei', name: '红梅社区党委', kind: 'community_committee', seats: [{ person: '吴海燕', role: 'secretary' }], children: [{ key: 'tn-hm-g1', name: '红梅社区第一网格党支部', kind: 'grid_branch' }] },
        { key: 'tn-qingshan', name: '青山社区党委', kind: 'community_committee', seats: [{ person: '郑德明', role: 'secretary' }], children: [{ key: 'tn-qs-g1', name: '青山社区第一网格党支部', kind: 'grid_branch' }] },
        { key: 'tn-property-branch', name: '天宁物业公司党支部', kind: 'unit_committee' },
      ],
    },
    {
      key: 'tn-enterprise',
      name: '天宁街道非公企业联合党委',
      kind: 'enterprise_joint_committee',
      seats: [{ person: '冯国庆', role: 'secretary' }],
      children: [
        { key: 'tn-tower-branch', name: '天宁商务大厦党支部', kind: 'unit_committee' },
        { key: 'tn-biz-branch', name: '天宁商圈联合党支部', kind: 'unit_committee' },
      ],
    },
  ],
};
const tianningUnits: UnitSpec[] = [
  ...offices.map(([key, name]) => ({ key, name, kind: 'co_building' as const, org: 'tn-admin', partyOrg: `${key}-branch` })),
  { key: 'tn-property', name: '天宁物业服务有限公司', kind: 'enterprise', org: 'tn-residential', partyOrg: 'tn-property-branch' },
  { key: 'tn-tower', name: '天宁商务大厦', kind: 'enterprise', org: 'tn-enterprise', partyOrg: 'tn-tower-branch' },
];

// §5 定福里: six themed grid branches; four resident units brought into the grid.
const themes = ['调解', '科普', '环境', '志愿者', '互助', '武警'];
const dingfuli: OrgNode = {
  key: 'dfl-street',
  name: '小山街道党工委（定福里模式）',
  kind: 'street_committee',
  children: [
    {
      key: 'dingfuli',
      name: '定福里社区党委',
      kind: 'community_committee',
      seats: [{ person: '何淑珍', role: 'secretary' }],
      children: themes.map((t, i) => ({ key: `dfl-g${i + 1}`, name: `定福里${t}网格党支部`, kind: 'grid_branch' as const })),
    },
  ],
};
const dingfuliUnits: UnitSpec[] = [
  { key: 'dfl-armed', name: '武警某中队', kind: 'co_building', org: 'dingfuli' },
  { key: 'dfl-school', name: '定福里小学', kind: 'co_building', org: 'dingfuli' },
  { key: 'dfl-clinic', name: '定福里社区卫生服务站', kind: 'co_building', org: 'dingfuli' },
  { key: 'dfl-bank', name: '小山储蓄所', kind: 'co_building', org: 'dingfuli' },
];

export const OTHER_MODELS: { streets: OrgNode[]; units: UnitSpec[]; ties: TieSpec[] } = {
  streets: [pingfang, sanshundian, tianning, dingfuli],
  units: [...pingfangUnits, ...sanshundianUnits, ...tianningUnits, ...dingfuliUnits],
  ties: [
    ...pfUnitBranches.map(([key]) => ({ org: 'xinyi', kind: 'co_builds' as const, toUnit: key, startedOn: '2015-07-01' })),
    ...ssdUnits.map((u) => ({ org: 'ssd-joint', kind: 'joins' as const, toOrg: `${u.key}-branch`, startedOn: '2012-10-01' })),
    ...ssdUnits.map((u) => ({ org: 'sanshundian', kind: 'co_builds' as const, toUnit: u.key, startedOn: '2012-10-01' })),
    ...offices.map(([key]) => ({ org: 'tn-admin', kind: 'guides' as const, toUnit: key, startedOn: '2016-01-01' })),
    { org: 'tn-residential', kind: 'co_builds', toUnit: 'tn-property', startedOn: '2016-01-01' },
    { org: 'tn-enterprise', kind: 'co_builds', toUnit: 'tn-tower', startedOn: '2016-01-01' },
    { org: 'tn-hongmei', kind: 'pairs_with', toOrg: 'tn-qingshan', startedOn: '2017-03-01', note: '社区—社区结对' },
    ...dingfuliUnits.map((u) => ({ org: 'dingfuli', kind: 'co_builds' as const, toUnit: u.key, startedOn: '2014-06-01' })),
  ],
};
