import { defineErrors } from '../../kernel/errors.ts';

/** The commitments module's refusals (codes `commitment.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('commitment', {
  not_party: { status: 403, zh: '只有承诺人本人（党员或单位联络员）可以{action}', en: 'Only the committed party (the member or the unit’s liaison) may {action}' },
  not_your_item: { status: 403, field: 'evidence', zh: '这是他人的承诺事项，只有承诺人本人可以标记践诺', en: 'This item is someone else’s; only its party may mark it fulfilled' },
  community_only: { status: 403, zh: '只有社区书记、街道或组织部门可以{action}', en: 'Only the community’s secretary, the street or the organization department may {action}' },
  pledge_by: { status: 403, field: 'unitId', zh: '共建承诺书由本单位联络员或社区起草', en: 'A co-building pledge is drafted by the unit’s liaison or the community' },
  member_by: { status: 403, field: 'personId', zh: '党员承诺由党员本人或社区填写', en: 'A member’s commitment is made by the member or the community' },
  not_community: { status: 400, field: 'orgId', zh: '承诺须向社区作出', en: 'A commitment is made to a community' },
  item_outside: { status: 400, field: 'items', zh: '承诺事项的服务对象须在承诺的社区内', en: 'An item’s beneficiary must be in the commitment’s community' },
  no_items: { status: 400, field: 'items', zh: '承诺至少要有一项内容', en: 'A commitment needs at least one item' },
  item_link: { status: 400, field: 'items', zh: '第 {n} 项：{source}须关联{what}', en: 'Item {n}: {source} needs a linked {what}' },
  member_year_taken: { status: 409, field: 'startsOn', zh: '这名党员在该社区这一年度已有承诺', en: 'This member already has a commitment at this community for that year' },
  unit_term_taken: { status: 409, field: 'startsOn', zh: '这个单位与该社区同一起始日已有共建承诺书', en: 'This unit already has a pledge with this community from that day' },
  signed_already: { status: 409, zh: '这一方已经签字，签字不能更改', en: 'This side has already signed; a signature cannot be changed' },
  not_draft: { status: 409, zh: '承诺已签订，事项不能再修改', en: 'The commitment is signed; its items can no longer change' },
  step_refused: { status: 403, zh: '当前「{status}」，您不能{step}', en: 'It is now “{status}”; you cannot {step}' },
  step_not_allowed: { status: 409, zh: '当前状态下不能办理这一步', en: 'This step is not possible in the current state' },
  not_in_force: { status: 409, zh: '承诺尚未生效，不能{action}', en: 'The commitment is not in force, so you cannot {action}' },
  not_your_community: {
    status: 404,
    zh: '这份述诺不在您所在的社区，或尚未向您公开',
    en: 'This report is not of your community, or has not been published to you',
  },
  not_published: { status: 409, zh: '这份述诺尚未公开，不能{action}', en: 'This report is not published yet, so you cannot {action}' },
  own_report: { status: 403, zh: '不能对自己的述诺{action}', en: 'You cannot {action} your own report' },
  window_closed: { status: 409, zh: '评诺时间为 {opens} 至 {closes}，现在不在评诺期内', en: 'Rating runs from {opens} to {closes}; it is not open now' },
  rated_twice: { status: 409, zh: '您已经评价过这份述诺，每人只能评价一次', en: 'You have already rated this report; each person rates once' },
  rating_kept: { status: 409, zh: '评价一经提交不能更改', en: 'A rating once given cannot be changed' },
  no_standing: { status: 403, zh: '只有本社区的居民、党员、共建单位和社区工作人员可以{action}', en: 'Only residents, members, units and staff of this community may {action}' },
  answered: { status: 409, zh: '这个问题已经答复', en: 'This question is already answered' },
  window_span: { status: 400, field: 'closesAt', zh: '截止时间须晚于开始时间', en: 'The window must close after it opens' },
  report_frozen: { status: 409, zh: '述诺已提交，内容不能再修改', en: 'The report is submitted; it can no longer change' },
  statement_required: { status: 400, field: 'statement', zh: '提交述诺须写一段简短的陈述', en: 'Submitting a report needs a short statement' },
});

/** Records of this module, as refusals name them. */
export const COMMITMENT = { zh: '承诺', en: 'Commitment' };
export const ITEM = { zh: '承诺事项', en: 'Commitment item' };
export const REPORT = { zh: '述诺', en: 'Report' };
export const WINDOW = { zh: '述诺安排', en: 'Report window' };
export const QUESTION = { zh: '问诺', en: 'Question' };
