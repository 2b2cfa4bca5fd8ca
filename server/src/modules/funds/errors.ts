import { defineErrors } from '../../kernel/errors.ts';

/** The funds module's refusals (codes `fund.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('fund', {
  manage_admins: { status: 403, zh: '只有本级或上级组织的管理员可以管理经费来源、预算和使用规则', en: 'Only administrators of this or a higher organization may manage fund sources, budgets and rules' },
  allocate_admins: { status: 403, zh: '只有拨出方组织的管理员可以下拨经费', en: 'Only administrators of the giving organization may allocate funds' },
  spend_admins: { status: 403, zh: '只有本级或上级组织的管理员可以登记经费支出', en: 'Only administrators of this or a higher organization may record an expense' },
  approve_admins: { status: 403, zh: '只有支出所在组织或上级组织的管理员可以审批支出', en: 'Only administrators of the spending or a higher organization may decide on an expense' },
  approve_own: { status: 403, zh: '不能审批自己登记的支出，请由其他管理员审批', en: 'You cannot approve or reject an expense you recorded; another administrator decides' },
  reverse_admins: { status: 403, zh: '只有台账所在组织或上级组织的管理员可以冲销记账', en: 'Only administrators of the ledger’s or a higher organization may reverse an entry' },
  not_pending: { status: 409, zh: '这笔支出当前「{status}」，不在待审批状态', en: 'This expense is “{status}”; it is not awaiting approval' },
  not_reversible: { status: 409, zh: '只有已记账、未冲销的原始记录可以冲销', en: 'Only a posted original entry that is not yet reversed can be reversed' },
  posted: { status: 409, zh: '已记账的记录不能修改或删除，请用冲销记录更正', en: 'A posted entry cannot be changed or deleted; correct it with a reversing entry' },
  reversal: { status: 409, zh: '冲销记录须与原记录金额相反、其他内容一致', en: 'A reversing entry must mirror its original with the opposite amount' },
  reversed_once: { status: 409, zh: '这条记录已经冲销过', en: 'This entry has already been reversed' },
  amount_positive: { status: 400, zh: '{label}须为大于 0 的金额（单位：分）', en: '{label} must be an amount above zero (in fen)' },
  amount_whole: { status: 400, zh: '{label}须以分为单位的整数', en: '{label} must be a whole number of fen' },
  amount_too_big: { status: 400, zh: '{label}超出可登记的范围', en: '{label} is beyond what can be recorded' },
  over_left: { status: 409, field: 'amountFen', zh: '超出可用经费：该来源在本组织本年度的余额不足', en: 'More than is left: the source’s balance at this organization for the year is too small' },
  allocation_spent: { status: 409, zh: '下拨的经费已被使用，余额不足以冲销这笔下拨', en: 'The allocation has been spent; too little is left to reverse it' },
  down_tree: { status: 400, field: 'toOrgId', zh: '经费只能下拨给下级组织', en: 'Funds are allocated only to an organization below' },
  other_community: { status: 400, field: 'paidForId', zh: '所选{what}不在本组织范围内（或不存在），不能用本组织的经费支付', en: 'The chosen {what} is not within this organization (or does not exist); its funds cannot pay for it' },
  paid_for_id: { status: 400, field: 'paidForId', zh: '请选择支出对应的{what}', en: 'Choose the {what} the expense paid for' },
  rule_forbids: { status: 400, field: 'sourceId', zh: '不符合经费使用规则「{rule}」', en: 'Refused by the fund-use rule “{rule}”' },
  no_rule: { status: 400, field: 'paidForKind', zh: '经费使用规则中没有适用于这类支出的条款，请先由管理员补充规则', en: 'No rule of the fund-use guideline covers this spending; an administrator must add one first' },
  rule_fixed: { status: 409, zh: '规则一经使用即保留原样；修改会生成新版本', en: 'A rule is kept as it was applied; editing it makes a new version' },
  rule_key_taken: { status: 409, field: 'ruleKey', zh: '本组织已有同一条款号的现行规则', en: 'This organization already has a rule in force with this number' },
  threshold: { status: 400, field: 'thresholdFen', zh: '“须审批”规则须填写审批金额起点，其他规则不填', en: 'An approval rule needs its threshold; other rules take none' },
  source_name_taken: { status: 409, field: 'name', zh: '本组织已有同名的经费来源', en: 'This organization already has a fund source of this name' },
  budget_negative: { status: 400, field: 'amountFen', zh: '预算不能为负数', en: 'A budget cannot be negative' },
  invoice_format: { status: 400, field: 'invoice', zh: '发票须为图片或 PDF 文件', en: 'The invoice must be an image or a PDF file' },
  invoice_too_large: { status: 400, field: 'invoice', zh: '发票文件不能超过 5 MB', en: 'The invoice file must not exceed 5 MB' },
  no_invoice: { status: 404, zh: '这条记录没有附发票', en: 'This entry has no invoice' },
  unit_required: { status: 400, field: 'unitId', zh: '单位赞助和部门帮扶须注明出资单位', en: 'Sponsorship and department aid name the unit that gives it' },
  owners_committee_required: { status: 400, field: 'unitId', zh: '业主资金须注明管钱的业主委员会', en: 'An owners’ fund names the owners’ committee that holds it' },
  owners_committee_decides: { status: 403, zh: '业主资金的支出须由业主委员会审批，其他人不能审批', en: 'Only the owners’ committee decides on an expense of an owners’ fund' },
  owners_no_allocation: { status: 400, field: 'sourceId', zh: '业主资金只用于本小区，不能下拨', en: 'An owners’ fund is spent on its estate, never allocated' },
  quantity_positive: { status: 400, field: 'quantity', zh: '数量须大于 0', en: 'The quantity must be above zero' },
  import_source_kind: { status: 400, zh: '来源类型须为：{kinds}', en: 'The source kind must be one of: {kinds}' },
  import_amount: { status: 400, zh: '预算金额须为不小于 0 的元金额，最多两位小数', en: 'The budget must be an amount in yuan of at least 0, with at most two decimals' },
  import_source: { status: 400, zh: '请填写资金来源名称', en: 'Fill in the fund source’s name' },
  import_year: { status: 400, zh: '年度须为 2000 到 2100 之间的年份', en: 'The year must be between 2000 and 2100' },
});

/** Records of this module, as refusals name them. */
export const SOURCE = { zh: '经费来源', en: 'Fund source' };
export const ENTRY = { zh: '经费记录', en: 'Fund entry' };
export const RULE = { zh: '经费使用规则', en: 'Fund-use rule' };
