import { addDays, regionToday } from '../kernel/time.ts';
import * as funds from '../modules/funds/service.ts';
import * as orgs from '../modules/orgs/service.ts';
import type { PushedTaskNature } from '../modules/pushedtasks/schema.ts';
import * as pushed from '../modules/pushedtasks/service.ts';
import type { DemoContext } from './types.ts';

/**
 * 社区工作事项准入 (seed 002, 宽城: "居委会承担的各类交办工作有150项之多，其中
 * 80%是属于行政性事务"; 权随事走、费随事转). The city's departments push 150
 * tasks onto 光明社区 (every second one onto 向阳社区 too): 120 administrative,
 * 20 public services, 10 of self-governance. Some carry the authority and the
 * money (the housing bureau pays from its 部门帮扶 source), some only one of
 * them, many neither: the community's share and the department table are
 * counted from these rows.
 */

const DEPARTMENTS: [name: string, items: string[]][] = [
  ['梅河口市民政局', ['低保对象入户核查', '高龄津贴资格认证', '残疾人两项补贴审核', '社会组织年检材料收集', '殡葬改革宣传']],
  ['梅河口市人力资源和社会保障局', ['城乡居民养老保险征缴', '灵活就业人员登记', '退休人员资格认证', '失业人员信息采集']],
  ['梅河口市卫生健康局', ['计划生育奖励扶助核查', '老年人健康体检组织', '重点人群疫苗接种摸排', '爱国卫生运动检查']],
  ['梅河口市公安局', ['流动人口信息登记', '出租房屋治安登记', '反诈宣传入户', '重点人员走访']],
  ['梅河口市市场监督管理局', ['食品小作坊巡查', '燃气安全入户检查', '价格公示检查配合']],
  ['梅河口市城市管理执法局', ['违章建筑摸排', '占道经营劝导', '垃圾分类督导']],
  ['梅河口市统计局', ['经济普查清查摸底', '人口抽样调查入户']],
  ['梅河口市住房和城乡建设局', ['老旧小区改造意见征集', '物业服务质量评议', '住房保障对象复核']],
];
const TOTAL = 150;
/** The first 120 are administrative (80%); then 20 public services and 10 of self-governance. */
const natureOf = (i: number): PushedTaskNature => (i < 120 ? 'administrative' : i < 140 ? 'public_service' : 'self_governance');
const PUBLIC_SERVICE = ['社区养老服务站运营', '儿童之家活动组织', '便民服务窗口代办'];
const SELF_GOVERNANCE = ['居民公约修订', '楼院议事会组织'];

export async function pushedTasksDemo(ctx: DemoContext): Promise<void> {
  const { q } = ctx;
  const units = await orgs.listUnits(q);
  const today = regionToday();
  const departments = DEPARTMENTS.map(([name, items]) => {
    const unit = units.find((u) => u.name === name && u.kind === 'department');
    if (!unit) throw new Error(`demo pushed tasks: no department ${name}`);
    return { unit, items };
  });
  const housing = departments.at(-1)!.unit;
  const source = (await funds.sources(q, ctx.org('city'), Number(today.slice(0, 4)))).find((s) => s.kind === 'department' && s.unitId === housing.id);
  if (!source) throw new Error('demo pushed tasks: no department aid source of the housing bureau');
  const guangming = ctx.org('guangming');
  const xiangyang = ctx.org('xiangyang');

  await pushed.pushMany(q, Array.from({ length: TOTAL }, (_, i) => {
    const { unit, items } = departments[i % departments.length]!;
    const nature = natureOf(i);
    const item = nature === 'administrative' ? items[Math.floor(i / departments.length) % items.length]! : nature === 'public_service' ? PUBLIC_SERVICE[i % 3]! : SELF_GOVERNANCE[i % 2]!;
    const round = Math.floor(i / departments.length) + 1;
    const isHousing = unit.id === housing.id;
    return {
      orgId: unit.partyOrgId ?? unit.orgId, unitId: unit.id, departmentName: unit.name, title: `${item}（${today.slice(0, 4)}年第${round}批）`, nature,
      // One in three goes with the power to act (a written basis); one in four with money, the housing bureau's from its source.
      authority: i % 3 === 0 ? `《${unit.name}关于委托社区办理${item}的通知》，委托社区受理和初审` : null,
      fundsFen: i % 4 === 3 ? 200_000 + (i % 5) * 50_000 : null,
      fundSourceId: isHousing && i % 4 === 3 ? source.id : null,
      startsOn: addDays(today, -(TOTAL - i) * 2), registeredBy: unit.name,
      communityIds: i % 2 === 0 ? [guangming, xiangyang] : [guangming],
    };
  }));
}
