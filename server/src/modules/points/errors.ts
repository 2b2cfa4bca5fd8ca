import { defineErrors } from '../../kernel/errors.ts';

/** The points module's refusals (codes `points.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('points', {
  admins_only: { status: 403, zh: '只有组织部门、街道和社区管理员可以管理积分', en: 'Only organization department, street and community administrators may manage points' },
  person_not_found: { status: 400, field: 'personId', zh: '人员不存在，或不在您的管辖范围内', en: 'The person does not exist or is outside your jurisdiction' },
  manual_kinds: { status: 400, field: 'ruleId', zh: '手工记分只能选择加分项或扣分项', en: 'Manual points take a bonus or deduction item only' },
  rule_not_yet: { status: 400, field: 'ruleId', zh: '这一规则 {from} 起才生效', en: 'This rule takes effect only from {from}' },
  balance_short: { status: 400, field: 'points', zh: '{name}的可兑换积分余额为 {balance} 分，不足 {points} 分', en: '{name} has {balance} spendable points, fewer than {points}' },
  append_only: { status: 400, zh: '积分记录一经记入不能修改或删除，请另记一笔更正', en: 'A points entry cannot be changed or deleted; record a correction instead' },
  rule_sign: { status: 400, zh: '扣分项的分值须为负数，加分项和参加活动的分值不能为负数', en: 'A deduction is negative; bonuses and attendance are not' },
  version_taken: { status: 409, zh: '同一规则在这一天已有一个版本', en: 'This rule already has a version from this day' },
  balance: { status: 400, zh: '可兑换积分余额不足', en: 'The spendable balance is too low' },
  number: { status: 400, zh: '{label}须为数字', en: '{label} must be a number' },
  at_least: { status: 400, zh: '{label}不能低于 {minimum}', en: '{label} must be at least {minimum}' },
  at_most: { status: 400, zh: '{label}不能超过 {maximum}', en: '{label} must be at most {maximum}' },
  half_points: { status: 400, zh: '{label}以 0.5 分为单位', en: '{label} is counted in half points' },
  true_false: { status: 400, zh: '{label}须为 true 或 false', en: '{label} must be true or false' },
});

export const RULE = { zh: '积分规则', en: 'Points rule' };
