import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { registerConstraint } from '../../kernel/errors.ts';
import { day, idParam, pageQuery, text, year, z } from '../../kernel/validation.ts';
import { E } from './errors.ts';

registerConstraint('points_entries_append_only', 'entryId', E.append_only);
registerConstraint('points_rules_sign', 'points', E.rule_sign);
registerConstraint('points_rules_version_key', 'effectiveFrom', E.version_taken);
registerConstraint('points_spendable_balance', 'points', E.balance);

/** What a caller may do with points where they are viewed (policy.ts decides): all of it is the administrators'. */
export const POINTS_ACTIONS = defineVocabulary('PointsAction', [
  { value: 'setRule', zh: '制定积分规则', en: 'Set a rule' },
  { value: 'rerun', zh: '按现行规则重算', en: 'Re-run a year' },
  { value: 'addEntry', zh: '手工加分或扣分', en: 'Add or deduct points' },
  { value: 'redeem', zh: '兑换积分', en: 'Redeem points' },
]);
export type PointsAction = ValueOf<typeof POINTS_ACTIONS>;
/** What a caller may do to one rule: set its new version, at the rule's own organization. */
export const RULE_ACTIONS = defineVocabulary('PointRuleAction', [{ value: 'revise', zh: '制定新版本', en: 'Set a new version' }]);
export type RuleAction = ValueOf<typeof RULE_ACTIONS>;

/** What a rule gives points for (glossary "Activities and points"), or the yearly figures it sets. */
export const RULE_KINDS = defineVocabulary('PointRuleKind', [
  { value: 'attend', zh: '参加活动', en: 'Attending' },
  { value: 'lead', zh: '带头组织', en: 'Leading' },
  { value: 'absent', zh: '无故缺席', en: 'Absence' },
  { value: 'bonus', zh: '加分项', en: 'Bonus item' },
  { value: 'deduction', zh: '扣分项', en: 'Deduction item' },
  { value: 'threshold', zh: '年度达标分', en: 'Yearly threshold' },
  { value: 'spendable', zh: '可兑换积分比例', en: 'Spendable rate (spendable points per point earned)' },
]);
export type RuleKind = ValueOf<typeof RULE_KINDS>;

export const Rule = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: RULE_KINDS.schema,
  kindLabel: z.string(),
  name: z.string(),
  points: z.number(),
  effectiveFrom: z.string(),
  current: z.boolean(),
  actions: z.array(RULE_ACTIONS.schema),
});
export const RuleList = z.object({ items: z.array(Rule), actions: z.array(POINTS_ACTIONS.schema) });
/** Rules are read where they apply (set at or above the caller); the organization viewed at decides only what may be done there. */
export const RuleQuery = z.object({ orgId: idParam('查看的组织').optional() });
export const CreateRule = z.object({
  orgId: idParam('制定组织'),
  kind: RULE_KINDS.field('规则类别'),
  name: text('规则名称', 40),
  points: z.number({ error: E.number.code }).min(-100, E.at_least.code).max(1000, E.at_most.code).multipleOf(0.5, E.half_points.code).describe('分值'),
  effectiveFrom: day('生效日期'),
});
export const Rerun = z.object({ orgId: idParam('组织'), year });
export const RerunResult = z.object({ corrections: z.number(), points: z.number() });

export const Entry = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  orgName: z.string(),
  year: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  points: z.number(),
  correction: z.boolean(),
  reason: z.string(),
  createdAt: z.string(),
});
export const EntryList = z.object({ items: z.array(Entry), actions: z.array(POINTS_ACTIONS.schema) });
export const EntryQuery = z.object({ personId: idParam('人员').optional(), orgId: idParam('记分组织').optional(), year: year.optional() });
export const AddEntry = z.object({
  personId: idParam('人员'),
  orgId: idParam('记分组织'),
  ruleId: idParam('加分或扣分项'),
  reason: text('事由', 200),
  on: day('记分日期'),
});

export const TotalsQuery = z.object({
  year: year.optional(),
  orgId: idParam('组织').optional(),
  unitId: idParam('单位').optional(),
  onlyBelow: z.enum(['true', 'false'], { error: E.true_false.code }).transform((v) => v === 'true').optional().describe('只看未达标'),
  ...pageQuery,
});
export const Total = z.object({
  personId: z.number(),
  personName: z.string(),
  orgName: z.string().nullable(),
  points: z.number(),
  hours: z.number(),
  activities: z.number(),
  rank: z.number(),
  belowThreshold: z.boolean(),
});
export const Totals = z.object({ year: z.number(), threshold: z.number().nullable(), total: z.number(), below: z.number(), items: z.array(Total) });

export const SpendableQuery = z.object({ personId: idParam('人员') });
export const Spendable = z.object({
  personId: z.number(),
  balance: z.number(),
  items: z.array(
    z.object({ id: z.number(), kind: z.enum(['credit', 'redeem']), kindLabel: z.string(), points: z.number(), reason: z.string(), orgName: z.string(), createdAt: z.string() }),
  ),
});
export const Redeem = z.object({
  personId: idParam('人员'),
  orgId: idParam('兑换组织'),
  points: z.number({ error: E.number.code }).min(0.5, E.at_least.code).max(10000, E.at_most.code).multipleOf(0.5, E.half_points.code).describe('兑换分值'),
  reason: text('兑换事由', 200),
});
