import { importFields } from '../../kernel/excel.ts';
import { registerConstraint } from '../../kernel/errors.ts';
import { defineVocabulary, type ValueOf } from '../../kernel/vocabulary.ts';
import { day, idParam, oneOf, optionalText, text, year, z } from '../../kernel/validation.ts';
import { E } from './errors.ts';

registerConstraint('fund_entries_posted', 'id', E.posted);
registerConstraint('fund_entries_reversal', 'reversesId', E.reversal);
registerConstraint('fund_entries_reversed_once', 'reversesId', E.reversed_once);
registerConstraint('fund_entries_within_left', 'amountFen', E.over_left);
registerConstraint('fund_entries_allocation_spent', 'amountFen', E.allocation_spent);
registerConstraint('fund_entries_down_tree', 'toOrgId', E.down_tree);
registerConstraint('fund_entries_not_own', 'id', E.approve_own);
registerConstraint('fund_entries_amount', 'amountFen', () => E.amount_positive({ label: { zh: '金额', en: 'Amount' } }));
registerConstraint('fund_rules_fixed', 'id', E.rule_fixed);
registerConstraint('fund_rules_key', 'ruleKey', E.rule_key_taken);
registerConstraint('fund_rules_threshold', 'thresholdFen', E.threshold);
registerConstraint('fund_sources_name_key', 'name', E.source_name_taken);
registerConstraint('fund_budgets_amount', 'amountFen', E.budget_negative);
registerConstraint('fund_invoices_mime', 'invoice', E.invoice_format);
registerConstraint('fund_invoices_size', 'invoice', E.invoice_too_large);
registerConstraint('fund_in_kind_quantity', 'quantity', E.quantity_positive);
registerConstraint('fund_sources_owners_committee', 'unitId', E.owners_committee_required);
registerConstraint('fund_entries_owners_allocation', 'sourceId', E.owners_no_allocation);
registerConstraint('fund_entries_owners_approve', 'id', E.owners_committee_decides);

/** 经费来源 kinds (glossary: Funds). */
export const FUND_SOURCE_KINDS = defineVocabulary('FundSourceKind', [
  { value: 'city_budget', zh: '财政列支', en: 'City budget', color: 'blue' },
  { value: 'party_fee_reward', zh: '党费以奖代补', en: 'Party fees as rewards', color: 'red' },
  { value: 'department', zh: '部门帮扶', en: 'Department funds', color: 'purple' },
  { value: 'sponsorship', zh: '单位赞助', en: 'Unit sponsorship', color: 'cyan' },
  { value: 'donation', zh: '社会捐赠', en: 'Donations', color: 'green' },
  { value: 'owners', zh: '业主资金', en: 'Owners’ funds', color: 'orange' },
]);
export type FundSourceKind = ValueOf<typeof FUND_SOURCE_KINDS>;

/** What an expense paid for (费随事转: a task pushed down brings its money). */
export const FUND_SPENT_ON = defineVocabulary('FundSpentOn', [
  { value: 'project', zh: '共建项目', en: 'Project' },
  { value: 'activity', zh: '活动', en: 'Activity' },
  { value: 'need', zh: '群众需求', en: 'Need' },
  { value: 'venue_upkeep', zh: '阵地维护', en: 'Venue upkeep' },
  { value: 'task', zh: '部门下派任务', en: 'Task pushed down' },
]);
export type FundSpentOn = ValueOf<typeof FUND_SPENT_ON>;

export const FUND_ENTRY_KINDS = defineVocabulary('FundEntryKind', [
  { value: 'allocation', zh: '下拨', en: 'Allocation' },
  { value: 'expense', zh: '支出', en: 'Expense' },
]);
export type FundEntryKind = ValueOf<typeof FUND_ENTRY_KINDS>;

export const FUND_ENTRY_STATUSES = defineVocabulary('FundEntryStatus', [
  { value: 'pending', zh: '待审批', en: 'Awaiting approval', color: 'gold' },
  { value: 'posted', zh: '已记账', en: 'Posted', color: 'green' },
  { value: 'rejected', zh: '未批准', en: 'Rejected', color: 'default' },
]);
export type FundEntryStatus = ValueOf<typeof FUND_ENTRY_STATUSES>;

/** The level of the spending organization a rule applies at (thresholds differ by level). */
export const FUND_LEVELS = defineVocabulary('FundLevel', [
  { value: 'city', zh: '市（区）级', en: 'City' },
  { value: 'street', zh: '街道级', en: 'Street' },
  { value: 'community', zh: '社区级', en: 'Community' },
]);
export type FundLevel = ValueOf<typeof FUND_LEVELS>;

export const FUND_RULE_EFFECTS = defineVocabulary('FundRuleEffect', [
  { value: 'allow', zh: '可以支付', en: 'May pay', color: 'green' },
  { value: 'approval', zh: '超额须审批', en: 'Approval above a threshold', color: 'gold' },
  { value: 'forbid', zh: '不得支付', en: 'May not pay', color: 'red' },
]);
export type FundRuleEffect = ValueOf<typeof FUND_RULE_EFFECTS>;

/** What a caller may do to a ledger entry (its `actions`; policy.ts decides). */
export const FUND_ENTRY_ACTIONS = defineVocabulary('FundEntryAction', [
  { value: 'approve', zh: '批准', en: 'Approve' },
  { value: 'reject', zh: '不批准', en: 'Reject' },
  { value: 'reverse', zh: '冲销', en: 'Reverse' },
]);
export type FundEntryAction = ValueOf<typeof FUND_ENTRY_ACTIONS>;

/** What a caller may do to a rule of the guideline (its `actions`). */
export const FUND_RULE_ACTIONS = defineVocabulary('FundRuleAction', [
  { value: 'edit', zh: '修改（生成新版本）', en: 'Edit (makes a new version)' },
  { value: 'retire', zh: '停用', en: 'Retire' },
]);
export type FundRuleAction = ValueOf<typeof FUND_RULE_ACTIONS>;

/** What a caller may do with the funds of the organization viewed. */
export const FUND_PLACE_ACTIONS = defineVocabulary('FundPlaceAction', [
  { value: 'manage', zh: '管理来源、预算和规则', en: 'Manage sources, budgets and rules' },
  { value: 'allocate', zh: '下拨', en: 'Allocate' },
  { value: 'spend', zh: '登记支出', en: 'Record an expense' },
]);
export type FundPlaceAction = ValueOf<typeof FUND_PLACE_ACTIONS>;

/** An amount in integer fen (分): money is never a floating-point number. */
const fen = (label: string) =>
  z.number({ error: E.amount_whole.code }).int(E.amount_whole.code).positive(E.amount_positive.code)
    .max(1_000_000_000_000, E.amount_too_big.code).describe(label);

export const FundSource = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: FUND_SOURCE_KINDS.schema,
  name: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  /** The budget of the year asked for where the source is held (null: none set). */
  budgetFen: z.number().nullable(),
}).meta({ id: 'FundSource' });
export type FundSource = z.infer<typeof FundSource>;
export const FundSourceList = z.object({ items: z.array(FundSource), actions: z.array(FUND_PLACE_ACTIONS.schema) });

export const FundEntry = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  sourceId: z.number(),
  sourceName: z.string(),
  sourceKind: FUND_SOURCE_KINDS.schema,
  year: z.number(),
  kind: FUND_ENTRY_KINDS.schema,
  status: FUND_ENTRY_STATUSES.schema,
  amountFen: z.number(),
  entryOn: z.string(),
  toOrgId: z.number().nullable(),
  toOrgName: z.string().nullable(),
  paidForKind: FUND_SPENT_ON.schema.nullable(),
  paidForId: z.number().nullable(),
  paidForLabel: z.string().nullable(),
  payee: z.string().nullable(),
  note: z.string().nullable(),
  rule: z.string().nullable().describe('适用的经费使用规则（条款号、标题、版本）'),
  reversesId: z.number().nullable(),
  reversedBy: z.number().nullable(),
  hasInvoice: z.boolean(),
  recorderName: z.string(),
  deciderName: z.string().nullable(),
  ownersCommittee: z.string().nullable().describe('须审批的业主委员会（业主资金的支出）'),
  actions: z.array(FUND_ENTRY_ACTIONS.schema),
}).meta({ id: 'FundEntry' });
export type FundEntry = z.infer<typeof FundEntry>;
export const FundLedger = z.object({ items: z.array(FundEntry), actions: z.array(FUND_PLACE_ACTIONS.schema) });

export const FundRule = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  ruleKey: z.string(),
  version: z.number(),
  title: z.string(),
  sourceKind: FUND_SOURCE_KINDS.schema.nullable(),
  spentOn: FUND_SPENT_ON.schema.nullable(),
  level: FUND_LEVELS.schema.nullable(),
  effect: FUND_RULE_EFFECTS.schema,
  thresholdFen: z.number().nullable(),
  retired: z.boolean().describe('已被新版本取代或已停用'),
  createdAt: z.string(),
  actions: z.array(FUND_RULE_ACTIONS.schema),
}).meta({ id: 'FundRule' });
export type FundRule = z.infer<typeof FundRule>;
export const FundRuleList = z.object({ items: z.array(FundRule), actions: z.array(FUND_PLACE_ACTIONS.schema) });
export const FundRuleVersions = z.object({ items: z.array(FundRule) });

/** A record an expense or in-kind contribution may be tied to, found by name. */
export const FundTarget = z.object({ id: z.number(), label: z.string(), orgName: z.string() }).meta({ id: 'FundTarget' });
export const FundTargetList = z.object({ items: z.array(FundTarget) });

/** Beside the money, in its own unit; never added to it. */
export const InKind = z.object({
  id: z.number(),
  orgName: z.string(),
  unitName: z.string().nullable(),
  description: z.string(),
  quantity: z.number(),
  quantityUnit: z.string(),
  paidForKind: FUND_SPENT_ON.schema.nullable(),
  paidForLabel: z.string().nullable(),
  givenOn: z.string(),
}).meta({ id: 'FundInKind' });
export type InKind = z.infer<typeof InKind>;

export const BalanceRow = z.object({
  sourceId: z.number(),
  sourceName: z.string(),
  sourceKind: FUND_SOURCE_KINDS.schema,
  budgetFen: z.number(),
  receivedFen: z.number(),
  allocatedFen: z.number(),
  spentFen: z.number(),
  pendingFen: z.number(),
  leftFen: z.number(),
  /** Spent per month, January first. */
  spentByMonthFen: z.array(z.number()),
});
export const Balances = z.object({
  orgId: z.number(),
  year: z.number(),
  rows: z.array(BalanceRow),
  inKind: z.array(InKind),
  actions: z.array(FUND_PLACE_ACTIONS.schema),
}).meta({ id: 'FundBalances' });
export type Balances = z.infer<typeof Balances>;

export const PaidForCost = z.object({
  costFen: z.number(),
  bySource: z.array(z.object({ sourceId: z.number(), sourceName: z.string(), sourceKind: FUND_SOURCE_KINDS.schema, amountFen: z.number() })),
  inKind: z.array(InKind),
}).meta({ id: 'FundPaidForCost' });
export const Sponsored = z.object({
  sources: z.array(z.object({ sourceId: z.number(), sourceName: z.string(), sourceKind: FUND_SOURCE_KINDS.schema, year: z.number(), budgetFen: z.number(), spentFen: z.number() })),
  inKind: z.array(InKind),
}).meta({ id: 'FundSponsored' });

/** An owners' fund as published to the estate (公示): what it paid for, approved by its committee. */
export const OwnersFundNotice = z.object({
  sourceId: z.number(),
  sourceName: z.string(),
  orgName: z.string(),
  committee: z.string(),
  budgetFen: z.number().nullable(),
  spentFen: z.number(),
  expenses: z.array(z.object({
    id: z.number(),
    entryOn: z.string(),
    amountFen: z.number(),
    payee: z.string(),
    paidForKind: FUND_SPENT_ON.schema,
    paidForLabel: z.string().nullable(),
    note: z.string().nullable(),
    reversesId: z.number().nullable(),
    approvedBy: z.string().nullable().describe('业主委员会审批人'),
  })),
}).meta({ id: 'OwnersFundNotice' });
export type OwnersFundNotice = z.infer<typeof OwnersFundNotice>;
export const OwnersFunds = z.object({
  notices: z.array(OwnersFundNotice),
  /** Expenses awaiting the owners' committee that the caller sees (its liaison decides them). */
  pending: z.array(FundEntry),
});

export const FundSourceParams = z.object({ fundSourceId: idParam('经费来源') });
export const FundEntryParams = z.object({ fundEntryId: idParam('经费记录') });
export const FundRuleParams = z.object({ fundRuleId: idParam('经费使用规则') });
export const PlaceQuery = z.object({ orgId: idParam('组织'), year });
export const RuleQuery = z.object({ orgId: idParam('组织') });
export const PaidForQuery = z.object({ paidForKind: FUND_SPENT_ON.field('支出对象类型'), paidForId: idParam('支出对象') });
export const TargetQuery = z.object({
  orgId: idParam('支出组织'),
  paidForKind: oneOf(['project', 'activity', 'need', 'task'] as const, '支出对象类型'),
  q: z.string().trim().max(50).optional().describe('名称、拼音或首字母'),
});
export const UnitQuery = z.object({ unitId: idParam('单位') });

export const CreateSource = z.object({
  orgId: idParam('所属组织'),
  kind: FUND_SOURCE_KINDS.field('来源类型'),
  name: text('来源名称', 60),
  unitId: idParam('出资单位').optional(),
});
export const SetBudget = z.object({
  year,
  amountFen: z.number({ error: E.amount_whole.code }).int(E.amount_whole.code).min(0, E.budget_negative.code).max(1_000_000_000_000, E.amount_too_big.code).describe('预算（分）'),
});
export const Allocate = z.object({
  sourceId: idParam('经费来源'),
  fromOrgId: idParam('拨出组织'),
  toOrgId: idParam('接收组织'),
  amountFen: fen('下拨金额（分）'),
  entryOn: day('下拨日期'),
  note: optionalText('说明', 200),
});
export const Spend = z.object({
  orgId: idParam('支出组织'),
  sourceId: idParam('经费来源'),
  amountFen: fen('支出金额（分）'),
  entryOn: day('支出日期'),
  payee: text('收款方', 60),
  paidForKind: FUND_SPENT_ON.field('支出对象类型'),
  paidForId: idParam('支出对象').optional(),
  paidForLabel: optionalText('支出事项', 100),
  note: optionalText('说明', 200),
  invoice: z.object({ name: text('发票文件名', 100), dataUrl: z.string().max(7_500_000, E.invoice_too_large.code).describe('发票') }).optional().describe('发票'),
});
export type Spend = z.infer<typeof Spend>;
export const EntryNote = z.object({ note: optionalText('说明', 200) });
export const CreateRule = z.object({
  orgId: idParam('制定组织'),
  ruleKey: text('条款号', 20),
  title: text('规则', 100),
  sourceKind: FUND_SOURCE_KINDS.field('来源类型').nullable().optional(),
  spentOn: FUND_SPENT_ON.field('支出对象类型').nullable().optional(),
  level: FUND_LEVELS.field('适用层级').nullable().optional(),
  effect: FUND_RULE_EFFECTS.field('规则类型'),
  thresholdFen: z.number({ error: E.amount_whole.code }).int(E.amount_whole.code).min(0, E.amount_whole.code).nullable().optional().describe('审批金额起点（分）'),
});
export type CreateRule = z.infer<typeof CreateRule>;
export const UpdateRule = CreateRule.omit({ orgId: true, ruleKey: true }).partial();
export const AddInKind = z.object({
  orgId: idParam('所属组织'),
  unitId: idParam('提供单位').optional(),
  description: text('内容', 100),
  quantity: z.number({ error: E.quantity_positive.code }).positive(E.quantity_positive.code).max(1e9, E.quantity_positive.code).describe('数量'),
  quantityUnit: text('计量单位', 10),
  paidForKind: FUND_SPENT_ON.field('用于').optional(),
  paidForId: idParam('用于对象').optional(),
  givenOn: day('日期'),
});
export const ImportBudgets = z.object({ orgId: idParam('所属组织'), ...importFields });
