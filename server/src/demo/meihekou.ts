import type { Role } from '../kernel/scope.ts';
import { OTHER_MODELS } from './models.ts';
import type { OrgNode, TieSpec, UnitSpec } from './types.ts';

/**
 * The demo region, modelled on 梅河口市 (docs/domain/seed-models.md §4): city → streets →
 * communities (upgraded to big committees) → grid branches → building groups
 * → member households, with resident units and a department. Names of
 * streets and communities are illustrative.
 */
const grid = (key: string, n: string, buildings: string[]): OrgNode => ({
  key,
  name: `${n}网格党支部`,
  kind: 'grid_branch',
  children: buildings.map((b, i) => ({
    key: `${key}-b${i + 1}`,
    name: `${b}党小组`,
    kind: 'building_group',
    children: i === 0 ? [{ key: `${key}-b${i + 1}-h`, name: `${b}党员中心户`, kind: 'member_household' }] : [],
  })),
});

export const REGION: OrgNode = {
  key: 'city',
  name: '中共梅河口市委',
  kind: 'district_committee',
  children: [
    {
      key: 'xinhua',
      name: '新华街道党工委',
      kind: 'street_committee',
      children: [
        {
          key: 'guangming',
          name: '光明社区党委',
          kind: 'comprehensive_committee',
          foundedOn: '2016-07-01',
          // A big committee: part-time members from resident units (三联三共三促).
          seats: [
            { person: '王丽华', role: 'secretary' },
            { person: '张德明', role: 'deputy' },
            { person: '孙伟', role: 'member', fromUnit: 'tax' },
            { person: '李文博', role: 'member', fromUnit: 'school5' },
          ],
          children: [grid('gm-g1', '光明社区第一', ['1号楼', '2号楼']), grid('gm-g2', '光明社区第二', ['3号楼', '4号楼'])],
        },
        {
          key: 'minzhu',
          name: '民主社区党委',
          kind: 'community_committee',
          // Left without a secretary on purpose: a coverage gap in the demo.
          children: [grid('mz-g1', '民主社区第一', ['5号楼', '6号楼'])],
        },
      ],
    },
    {
      key: 'heping',
      name: '和平街道党工委',
      kind: 'street_committee',
      children: [
        {
          key: 'xiangyang',
          name: '向阳社区党委',
          kind: 'comprehensive_committee',
          seats: [
            { person: '刘建国', role: 'secretary' },
            { person: '马玉兰', role: 'member', fromUnit: 'hospital' },
          ],
          children: [grid('xy-g1', '向阳社区第一', ['7号楼', '8号楼']), grid('xy-g2', '向阳社区第二', ['9号楼'])],
        },
        {
          key: 'shengli',
          name: '胜利社区党委',
          kind: 'community_committee',
          seats: [{ person: '高淑珍', role: 'secretary' }],
          children: [grid('sl-g1', '胜利社区第一', ['10号楼'])],
        },
      ],
    },
    ...OTHER_MODELS.streets,
  ],
};

export const UNITS: UnitSpec[] = [
  { key: 'tax', name: '梅河口市税务局', kind: 'co_building', org: 'guangming' },
  { key: 'school5', name: '梅河口市第五中学', kind: 'co_building', org: 'guangming' },
  { key: 'market', name: '光明农贸市场有限公司', kind: 'enterprise', org: 'guangming' },
  { key: 'hospital', name: '梅河口市中心医院', kind: 'co_building', org: 'xiangyang' },
  // The power company's committee answers to the State Grid's provincial system, not to the street.
  { key: 'power', name: '国网梅河口市供电公司', kind: 'co_building', org: 'xiangyang', partyOrgOutside: '中共国网梅河口市供电公司委员会' },
  { key: 'volunteers', name: '和平街道志愿者协会', kind: 'social_org', org: 'heping' },
  { key: 'housing', name: '梅河口市住房和城乡建设局', kind: 'department', org: 'city' },
  // 民主社区's market has members but no party organization and no tie: coverage gaps in the demo.
  { key: 'mz-market', name: '民主综合市场', kind: 'enterprise', org: 'minzhu', members: 3 },
  ...OTHER_MODELS.units,
];

export const TIES: TieSpec[] = [
  { org: 'guangming', kind: 'co_builds', toUnit: 'tax', startedOn: '2018-03-01', pledge: '每季度开展一次税法宣传进社区' },
  { org: 'guangming', kind: 'co_builds', toUnit: 'school5', startedOn: '2018-03-01', pledge: '节假日向居民开放操场和图书室' },
  { org: 'guangming', kind: 'co_builds', toUnit: 'market', startedOn: '2019-05-01' },
  { org: 'xiangyang', kind: 'co_builds', toUnit: 'hospital', startedOn: '2018-04-01', pledge: '每月第一个周五义诊' },
  { org: 'xiangyang', kind: 'co_builds', toUnit: 'power', startedOn: '2018-04-01' },
  { org: 'heping', kind: 'guides', toUnit: 'volunteers', startedOn: '2019-01-01' },
  ...OTHER_MODELS.ties,
];

export const DEMO_PASSWORD = 'Gongjian2026';

export const USERS: { username: string; displayName: string; role: Role; org: string; unit?: string; person?: { name: string; gender: 'male' | 'female' } }[] = [
  { username: 'admin', displayName: '市委组织部管理员', role: 'district_admin', org: 'city' },
  { username: 'xinhua', displayName: '新华街道 李敏', role: 'street_admin', org: 'xinhua' },
  { username: 'heping', displayName: '和平街道 赵刚', role: 'street_admin', org: 'heping' },
  { username: 'guangming', displayName: '光明社区书记 王丽华', role: 'community_secretary', org: 'guangming' },
  { username: 'xiangyang', displayName: '向阳社区书记 刘建国', role: 'community_secretary', org: 'xiangyang' },
  { username: 'wangge', displayName: '网格员 陈晓燕', role: 'grid_worker', org: 'gm-g1' },
  { username: 'liaison', displayName: '税务局联络员 孙伟', role: 'unit_liaison', org: 'guangming', unit: 'tax' },
  { username: 'dangyuan', displayName: '党员 周志强', role: 'member', org: 'gm-g1', person: { name: '周志强', gender: 'male' } },
  { username: 'jumin', displayName: '居民 吴秀英', role: 'resident', org: 'guangming', person: { name: '吴秀英', gender: 'female' } },
];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['建国', '秀英', '桂兰', '志强', '丽华', '海燕', '国庆', '玉兰', '文博', '晓东', '春梅', '德明', '淑珍', '永红', '立新', '红霞'];

/** A deterministic name: the same demo every time. */
export const personName = (n: number) => `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n >> 2) % GIVEN.length]}`;

/** Deterministic residents and members for each grid. */
export function peopleFor(gridIndex: number, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const n = gridIndex * 31 + i * 7;
    const member = i % 3 === 0;
    return {
      name: personName(n),
      gender: (i % 2 === 0 ? 'male' : 'female') as 'male' | 'female',
      phone: `139${String(4300_0000 + n * 97).padStart(8, '0')}`,
      isMember: member,
      category: member ? ((['retired', 'employed', 'mobile', 'veteran'] as const)[i % 4] ?? 'retired') : null,
    };
  });
}
