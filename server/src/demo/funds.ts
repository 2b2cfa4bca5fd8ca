import * as activities from '../modules/activities/service.ts';
import type { FundSourceKind, FundSpentOn } from '../modules/funds/schema.ts';
import * as needs from '../modules/needs/service.ts';
import * as projects from '../modules/projects/service.ts';
import { ANONYMOUS } from '../kernel/scope.ts';
import { addDays, regionToday } from '../kernel/time.ts';
import { USERS } from './meihekou.ts';
import type { DemoContext } from './types.ts';

/**
 * 梅河口's funds (docs/domain/seed-models.md): 4 million yuan a year from the
 * city budget, 300 thousand from party fees paid as rewards, 800 thousand
 * from departments, under the city's fund-use guideline. The city passes
 * them down to its two streets and they to their communities; the
 * communities spend them on the demo's projects, activities and needs. Every
 * figure the dashboard shows is summed from these entries, none is typed.
 * Set-based: one statement per level of the tree and kind of entry.
 */

const YUAN = 100;
const SOURCES: { key: string; kind: FundSourceKind; name: string; yuan: number; unit?: string }[] = [
  { key: 'budget', kind: 'city_budget', name: '社区工作和服务群众经费（市财政列支）', yuan: 4_000_000 },
  { key: 'fees', kind: 'party_fee_reward', name: '社区党建活动经费（党费以奖代补）', yuan: 300_000 },
  { key: 'departments', kind: 'department', name: '共建部门帮扶民生资金', yuan: 800_000, unit: 'housing' },
];

/** 《经费管理使用指导意见》 as rules: what each source pays for, and where a large expense waits for approval. */
const RULES: { key: string; title: string; source?: FundSourceKind; spentOn?: FundSpentOn; level?: 'street' | 'community'; effect: 'allow' | 'forbid' | 'approval'; thresholdYuan?: number }[] = [
  { key: '第一条', title: '市财政列支经费用于社区工作和服务群众', source: 'city_budget', effect: 'allow' },
  { key: '第二条', title: '党费以奖代补经费用于社区党建活动', source: 'party_fee_reward', spentOn: 'activity', effect: 'allow' },
  { key: '第三条', title: '党费不得用于阵地维护', source: 'party_fee_reward', spentOn: 'venue_upkeep', effect: 'forbid' },
  { key: '第四条', title: '党费不得用于部门下派任务', source: 'party_fee_reward', spentOn: 'task', effect: 'forbid' },
  { key: '第五条', title: '部门帮扶资金用于民生实事', source: 'department', effect: 'allow' },
  { key: '第六条', title: '社区单笔支出超过 5000 元须报街道审批', level: 'community', effect: 'approval', thresholdYuan: 5_000 },
  { key: '第七条', title: '街道单笔支出超过 20000 元须报市里审批', level: 'street', effect: 'approval', thresholdYuan: 20_000 },
];

/** Yuan a year each street passes on to each of its communities, by source. */
const STREETS = [
  { street: 'xinhua', admin: 'xinhua', communities: ['guangming', 'minzhu'] },
  { street: 'heping', admin: 'heping', communities: ['xiangyang', 'shengli'] },
];
const TO_STREET = { budget: 1_600_000, fees: 120_000, departments: 400_000 } as const;
const TO_COMMUNITY = { budget: 600_000, fees: 50_000, departments: 150_000 } as const;
/** What one expense on each kind of record costs, and from which source. */
const SPENDING: Record<'project' | 'activity' | 'need', { source: keyof typeof TO_COMMUNITY; yuan: number; payee: string }> = {
  project: { source: 'budget', yuan: 4_800, payee: '梅河口市便民服务中心' },
  activity: { source: 'fees', yuan: 650.5, payee: '光明文体用品商店' },
  need: { source: 'departments', yuan: 1_200, payee: '梅河口市民生服务社' },
};

export async function fundsStep(ctx: DemoContext): Promise<void> {
  const { q } = ctx;
  const today = regionToday();
  const year = Number(today.slice(0, 4));
  // Entries of the year begin once the budget is passed down, and never lie ahead of today.
  const notBefore = (day: string, first: string) => (day < first ? first : day);
  const upTo = (day: string) => (day > today ? today : day);
  const displayName = (username: string) => USERS.find((u) => u.username === username)!.displayName;
  const cityId = ctx.org('city');
  const admin = ctx.user('admin');

  const sources = await q.query<{ id: number; name: string }>(
    `INSERT INTO fund_sources (org_id, kind, name, unit_id) SELECT $1, k, n, u FROM unnest($2::text[], $3::text[], $4::bigint[]) AS s(k, n, u) RETURNING id, name`,
    [cityId, SOURCES.map((s) => s.kind), SOURCES.map((s) => s.name), SOURCES.map((s) => (s.unit ? ctx.unit(s.unit) : null))],
  );
  const sourceId = Object.fromEntries(SOURCES.map((s) => [s.key, sources.find((r) => r.name === s.name)!.id])) as Record<keyof typeof TO_STREET, number>;
  await q.query(
    `INSERT INTO fund_budgets (org_id, source_id, year, amount_fen) SELECT $1, s, $2, a FROM unnest($3::bigint[], $4::bigint[]) AS b(s, a)`,
    [cityId, year, SOURCES.map((s) => sourceId[s.key as keyof typeof TO_STREET]), SOURCES.map((s) => s.yuan * YUAN)],
  );
  const rules = await q.query<{ id: number; rule_key: string }>(
    `INSERT INTO fund_rules (org_id, rule_key, title, source_kind, spent_on, level, effect, threshold_fen, created_by)
     SELECT $1, k, t, s, o, l, e, f, $2 FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[]) AS r(k, t, s, o, l, e, f)
     RETURNING id, rule_key`,
    [cityId, admin, RULES.map((r) => r.key), RULES.map((r) => r.title), RULES.map((r) => r.source ?? null), RULES.map((r) => r.spentOn ?? null),
      RULES.map((r) => r.level ?? null), RULES.map((r) => r.effect), RULES.map((r) => (r.thresholdYuan ? r.thresholdYuan * YUAN : null))],
  );
  const ruleId = (key: string) => rules.find((r) => r.rule_key === key)!.id;

  // Allocations, one statement per level: the city to its streets, then the streets to their communities.
  const keys = Object.keys(TO_STREET) as (keyof typeof TO_STREET)[];
  const allocations = async (moves: { from: number; to: number; by: string }[], yuan: Record<keyof typeof TO_STREET, number>, on: string) => {
    const rows = moves.flatMap((m) => keys.map((k) => ({ ...m, source: sourceId[k], fen: yuan[k] * YUAN })));
    await q.query(
      `INSERT INTO fund_entries (org_id, to_org_id, source_id, year, kind, status, amount_fen, entry_on, note, recorded_by, recorder_name)
       SELECT f, t, s, $1, 'allocation', 'posted', a, $2, '年度经费下拨', u, n
         FROM unnest($3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[]) AS x(f, t, s, a, u, n)`,
      [year, on, rows.map((r) => r.from), rows.map((r) => r.to), rows.map((r) => r.source), rows.map((r) => r.fen), rows.map((r) => ctx.user(r.by)), rows.map((r) => displayName(r.by))],
    );
  };
  await allocations(STREETS.map((s) => ({ from: cityId, to: ctx.org(s.street), by: 'admin' })), TO_STREET, upTo(`${year}-01-05`));
  await allocations(STREETS.flatMap((s) => s.communities.map((c) => ({ from: ctx.org(s.street), to: ctx.org(c), by: s.admin }))), TO_COMMUNITY, upTo(`${year}-01-08`));

  // Expenses on the records of each community, dated back from today within the year.
  const spent: { org: number; source: number; fen: number; on: string; kind: FundSpentOn; id: number; label: string; payee: string; rule: number; by: string }[] = [];
  for (const s of STREETS) {
    for (const c of s.communities) {
      const orgId = ctx.org(c);
      const records = [
        ...(await projects.list(q, ANONYMOUS, orgId)).map((p) => ({ kind: 'project' as const, id: p.id, label: p.name })),
        ...(await activities.list(q, ANONYMOUS, { orgId })).slice(0, 6).map((a) => ({ kind: 'activity' as const, id: a.id, label: a.title })),
        ...(await needs.list(q, { orgId, page: 1, pageSize: 8 })).items.map((n) => ({ kind: 'need' as const, id: n.id, label: n.title })),
      ];
      records.forEach((r, i) => {
        const how = SPENDING[r.kind];
        const on = addDays(today, -3 * (i + 1));
        spent.push({
          org: orgId, source: sourceId[how.source], fen: Math.round(how.yuan * YUAN), on: upTo(notBefore(on, `${year}-01-09`)), kind: r.kind, id: r.id, label: r.label,
          payee: how.payee, rule: ruleId(how.source === 'budget' ? '第一条' : how.source === 'fees' ? '第二条' : '第五条'), by: s.admin,
        });
      });
    }
  }
  await q.query(
    `INSERT INTO fund_entries (org_id, source_id, year, kind, status, amount_fen, entry_on, paid_for_kind, paid_for_id, paid_for_label, payee, rule_id, recorded_by, recorder_name)
     SELECT o, s, $1, 'expense', 'posted', a, d, k, i, l, p, r, u, n
       FROM unnest($2::bigint[], $3::bigint[], $4::bigint[], $5::date[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::bigint[], $11::bigint[], $12::text[])
         AS x(o, s, a, d, k, i, l, p, r, u, n)`,
    [year, spent.map((e) => e.org), spent.map((e) => e.source), spent.map((e) => e.fen), spent.map((e) => e.on), spent.map((e) => e.kind), spent.map((e) => e.id),
      spent.map((e) => e.label), spent.map((e) => e.payee), spent.map((e) => e.rule), spent.map((e) => ctx.user(e.by)), spent.map((e) => displayName(e.by))],
  );

  // A large expense waits for the street's approval (第六条), and a unit lends its court in kind.
  const guangming = ctx.org('guangming');
  await q.query(
    `INSERT INTO fund_entries (org_id, source_id, year, kind, status, amount_fen, entry_on, paid_for_kind, payee, note, rule_id, recorded_by, recorder_name)
     VALUES ($1, $2, $3, 'expense', 'pending', $4, $5, 'venue_upkeep', '梅河口市建筑修缮公司', '党群服务中心活动室屋面防水维修', $6, $7, $8)`,
    [guangming, sourceId.budget, year, 12_000 * YUAN, today, ruleId('第六条'), ctx.user('guangming'), displayName('guangming')],
  );
  await q.query(
    `INSERT INTO fund_in_kind (org_id, unit_id, description, quantity, quantity_unit, given_on, recorded_by) VALUES ($1, $2, '开放操场供开放日使用', 12, '场次', $3, $4)`,
    [guangming, ctx.unit('school5'), upTo(`${year}-01-09`), ctx.user('guangming')],
  );
  await ownersFund(ctx, year, upTo);
}

/**
 * 三顺店's three-in-one property model (seed 001): 铁路小区 has no property
 * company; its owners' committee holds the estate's common income, the
 * residents' committee spends it on what the committee approves, and the
 * owners read every approved expense on the public notice. Two expenses
 * approved, one waiting for the committee.
 */
async function ownersFund(ctx: DemoContext, year: number, upTo: (day: string) => string): Promise<void> {
  const { q } = ctx;
  const community = ctx.org('sanshundian');
  const committee = ctx.unit('ssd-owners');
  const [source] = await q.query<{ id: number }>(
    `INSERT INTO fund_sources (org_id, kind, name, unit_id) VALUES ($1, 'owners', '铁路小区业主共有资金（停车与广告公共收益）', $2) RETURNING id`,
    [community, committee],
  );
  await q.query(`INSERT INTO fund_budgets (org_id, source_id, year, amount_fen) VALUES ($1, $2, $3, $4)`, [community, source!.id, year, 86_000 * YUAN]);
  // The estate's own rule (议事规则), beside the city's guideline.
  const [rule] = await q.query<{ id: number }>(
    `INSERT INTO fund_rules (org_id, rule_key, title, source_kind, effect, created_by) VALUES ($1, '铁路小区议事规则第三条', '业主资金只用于本小区公共设施的维修养护', 'owners', 'allow', $2) RETURNING id`,
    [community, ctx.user('admin')],
  );
  const spend = [
    { yuan: 6_800, on: upTo(`${year}-04-12`), payee: '回民区兴业建筑维修队', note: '3 号楼外墙空鼓修补', decided: true },
    { yuan: 3_200, on: upTo(`${year}-06-20`), payee: '呼和浩特康体器材公司', note: '院内健身路径器材更换', decided: true },
    { yuan: 1_500, on: upTo(`${year}-09-03`), payee: '回民区绿化养护站', note: '楼间绿地补种', decided: false },
  ];
  const made = await q.query<{ id: number }>(
    `INSERT INTO fund_entries (org_id, source_id, year, kind, status, amount_fen, entry_on, paid_for_kind, payee, note, rule_id, recorded_by, recorder_name)
     SELECT $1, $2, $3, 'expense', 'pending', a, d, 'venue_upkeep', p, n, $9, $4, '三顺店社区居委会' FROM unnest($5::bigint[], $6::date[], $7::text[], $8::text[]) WITH ORDINALITY AS x (a, d, p, n, i)
     ORDER BY i RETURNING id`,
    [community, source!.id, year, ctx.user('admin'), spend.map((s) => s.yuan * YUAN), spend.map((s) => s.on), spend.map((s) => s.payee), spend.map((s) => s.note), rule!.id],
  );
  // The committee decides through its own function, as its liaison would: acting for the committee for this one step.
  await q.query(`SELECT set_config('gj.unit_ids', $1, true)`, [`{${committee}}`]);
  for (const [i, s] of spend.entries()) if (s.decided) await q.query(`SELECT gj_fund_owners_decide($1, 'posted', '铁路小区业主委员会')`, [made[i]!.id]);
  await q.query(`SELECT set_config('gj.unit_ids', '{}', true)`);
}
