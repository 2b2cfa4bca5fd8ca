import { checkCharacter } from '../kernel/idnumber.ts';
import * as network from '../modules/orgs/network.ts';
import * as orgs from '../modules/orgs/service.ts';
import { upsertByIdNumber, type BulkPerson } from '../modules/people/bulk.ts';
import type { Category } from '../modules/people/schema.ts';
import * as people from '../modules/people/service.ts';
import * as reportins from '../modules/reportins/bulk.ts';
import type { DemoContext, DemoStep } from './types.ts';

// The membership the seed documents report (docs/domain/seed-models.md), registered the
// way a census does it: by identity number, through the people module's bulk
// function.
//   §4 梅河口: 93 offices, institutions and mass organizations signed
//      co-building pledges and 5,400+ of their employed members reported to
//      the communities where they live (accepted, with a receipt);
//   §1 新谊社区 380 members, §2 三顺店 590 members (§5 定福里's 99 are the
//      grids step's, with its households).

const REPORTED_MEMBERS = 5400;
const PLEDGED_UNITS = 93;
const MODEL_MEMBERS: { org: string; members: number; area: string }[] = [
  { org: 'xinyi', members: 380, area: '230108' },
  { org: 'sanshundian', members: 590, area: '150103' },
];
const MEIHEKOU_AREA = '220581';
const MODEL_CATEGORIES: Category[] = ['retired', 'employed', 'retired', 'mobile', 'veteran'];
const COMMUNITIES = ['guangming', 'minzhu', 'xiangyang', 'shengli'];
/**
 * 梅河口's units already in the demo with a co-building tie: pledged too. The
 * reported members work in the new units, which have party branches; these
 * keep the few members (and the coverage gaps) the demo gives them.
 */
const EXISTING_UNITS = ['tax', 'school5', 'market', 'hospital', 'power'];

// Offices, institutions and mass organizations of a county-level city.
const OFFICES = [
  '发展和改革局', '教育局', '科学技术局', '工业和信息化局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源局',
  '生态环境分局', '交通运输局', '水利局', '农业农村局', '商务局', '文化广播电视和旅游局', '卫生健康局', '退役军人事务局', '应急管理局', '审计局',
  '市场监督管理局', '统计局', '医疗保障局', '林业局', '城市管理执法局', '信访局', '机关事务管理局', '营商环境建设局', '粮食和物资储备局', '档案馆',
  '人民法院', '人民检察院', '纪委监委', '政法委', '宣传部', '统战部', '编办', '党校', '融媒体中心', '公共资源交易中心',
];
const INSTITUTIONS = [
  '第一中学', '第二中学', '第三中学', '第四中学', '实验中学', '职业技术学校', '第一小学', '第二小学', '第三小学', '实验小学',
  '中医院', '妇幼保健院', '疾病预防控制中心', '人民医院', '传染病医院', '急救中心', '图书馆', '文化馆', '体育中心', '供热公司',
  '自来水公司', '燃气公司', '公交公司', '邮政分公司', '电信分公司', '移动分公司', '农商银行', '建设银行支行', '工商银行支行', '农业银行支行',
];
const MASS_ORGS = ['总工会', '团市委', '妇女联合会', '科学技术协会', '残疾人联合会', '红十字会', '工商业联合会', '文学艺术界联合会', '侨联', '老年人体育协会', '慈善总会', '归国华侨联合会', '青年志愿者协会', '个体劳动者协会', '关心下一代工作委员会', '计划生育协会', '法学会', '作家协会'];
const SERVICE_ITEMS = ['环境整治', '政策宣讲', '助老助残', '文明劝导', '义诊咨询', '法律咨询', '关爱青少年', '平安巡逻', '认领微心愿'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '建国秀英桂兰志强丽华海燕国庆玉兰文博晓东春梅德明淑珍永红立新红霞明辉雪梅宏伟丽娟振华秀珍金凤佳怡子涵浩然思远雨欣俊杰';

/** A deterministic name from the common surnames and given names. */
const nameOf = (n: number) => `${SURNAMES[n % SURNAMES.length]}${GIVEN.slice(((n * 7) % (GIVEN.length / 2)) * 2, ((n * 7) % (GIVEN.length / 2)) * 2 + 2)}`;

/** A valid identity number of the area, unique per (n, batch): the birth day walks over 30 years, the sequence over batches. */
function idNumber(area: string, n: number, batch: number): string {
  const born = new Date(Date.UTC(1962, 0, 1) + (n % 10_950) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const body = `${area}${born}${String(batch * 10 + Math.floor(n / 10_950)).padStart(3, '0')}`;
  return body + checkCharacter(body);
}

function member(area: string, n: number, batch: number, orgId: number, unitId: number | null, category: Category): BulkPerson {
  const id = idNumber(area, n, batch);
  const born = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return {
    idNumber: id, orgId, unitId, name: nameOf(n + batch * 7), gender: Number(id[16]) % 2 ? 'male' : 'female', birthDate: born,
    ethnicity: '汉族', phone: null, address: null, isMember: true, category,
    joinedOn: `${Number(born.slice(0, 4)) + 25}-07-01`, memberStatus: 'full', skills: [],
  };
}

async function createAll(ctx: DemoContext, batch: BulkPerson[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < batch.length; i += 2000) {
    for (const o of await upsertByIdNumber(ctx.q, ctx.cipher, batch.slice(i, i + 2000))) {
      if (o.outcome !== 'created') throw new Error(`demo census: a person was ${o.outcome}`);
      ids.push(o.personId);
    }
  }
  return ids;
}

/**
 * The pledged units besides the demo's own: offices, institutions and mass
 * organizations, each with its party branch under the city's organs
 * committee (where their members' records stay) and a co-building tie with
 * the community where it sits.
 */
async function pledgedUnits(ctx: DemoContext): Promise<{ id: number; homeOrgId: number }[]> {
  const units: { id: number; homeOrgId: number }[] = [];
  const organs = await orgs.create(ctx.q, { parentId: ctx.org('city'), name: '梅河口市直机关工作委员会', kind: 'administrative_group' });
  const names = [
    ...OFFICES.map((n) => ({ name: `梅河口市${n}`, kind: 'department' as const })),
    ...INSTITUTIONS.map((n) => ({ name: `梅河口市${n}`, kind: 'co_building' as const })),
    ...MASS_ORGS.map((n) => ({ name: `梅河口市${n}`, kind: 'social_org' as const })),
  ].slice(0, PLEDGED_UNITS - EXISTING_UNITS.length);
  if (names.length + EXISTING_UNITS.length !== PLEDGED_UNITS) throw new Error('demo census: too few unit names');
  for (const [i, u] of names.entries()) {
    const community = ctx.org(COMMUNITIES[i % COMMUNITIES.length]!);
    const branch = await orgs.create(ctx.q, { parentId: organs.id, name: `${u.name}机关党支部`, kind: 'unit_committee' });
    const unit = await orgs.createUnit(ctx.q, { orgId: community, name: u.name, kind: u.kind, partyOrgId: branch.id });
    await network.createTie(ctx.q, community, { kind: 'co_builds', toUnitId: unit.id, startedOn: '2018-03-01', pledge: '签订共驻共建承诺书，在职党员到社区报到' });
    units.push({ id: unit.id, homeOrgId: branch.id });
  }
  return units;
}

async function reportedMembers(ctx: DemoContext): Promise<void> {
  const units = await pledgedUnits(ctx);
  const communities = COMMUNITIES.map(ctx.org);
  const batch = Array.from({ length: REPORTED_MEMBERS }, (_, n) => {
    const u = units[n % units.length]!;
    return member(MEIHEKOU_AREA, n, 0, u.homeOrgId, u.id, 'employed');
  });
  const ids = await createAll(ctx, batch);
  await reportins.acceptedMany(
    ctx.q,
    ids.map((personId, n) => {
      const u = units[n % units.length]!;
      // Members live all over the city: mostly not in the community where their unit is.
      const home = communities[Math.floor(n / units.length) % communities.length]!;
      return {
        personId, unitId: u.id, orgId: home, issuedOn: `2024-${String(1 + (n % 12)).padStart(2, '0')}-15`,
        serviceItem: SERVICE_ITEMS[n % SERVICE_ITEMS.length]!, commitment: n % 3 ? '每月参加一次社区主题党日，全年积分不少于 24 分' : null,
      };
    }),
  );
}

/** Tops the models' communities up to the members their documents report, spread over their branches. */
async function modelMembers(ctx: DemoContext): Promise<void> {
  for (const [b, m] of MODEL_MEMBERS.entries()) {
    const root = ctx.org(m.org);
    const { memberCount } = await people.countUnder(ctx.q, root);
    const branches = [root, ...(await orgs.subtreeIds(ctx.q, root)).filter((id) => id !== root)];
    const batch = Array.from({ length: Math.max(0, m.members - memberCount) }, (_, n) =>
      member(m.area, n, b + 1, branches[n % branches.length]!, null, MODEL_CATEGORIES[n % MODEL_CATEGORIES.length]!),
    );
    await createAll(ctx, batch);
  }
}

export const censusDemo: DemoStep = async (ctx) => {
  await reportedMembers(ctx);
  await modelMembers(ctx);
};
