import { defineErrors } from '../../kernel/errors.ts';

/** The evaluation module's refusals (codes `evaluation.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('evaluation', {
  branch_only: {
    status: 403,
    zh: '只有本支部（社区）书记、街道或组织部门可以{action}',
    en: 'Only the branch’s (community’s) secretary, the street or the organization department may {action}',
  },
  staff_only: { status: 403, zh: '只有本社区工作人员可以查看评议表', en: 'Only the community’s staff may read the evaluation table' },
  own_only: { status: 403, zh: '党员只能查看本人的评议结果', en: 'A member sees only their own evaluation result' },
  round_taken: { status: 409, field: 'year', zh: '这个组织这一年度已经开展过民主评议', en: 'This organization already has an evaluation round for that year' },
  round_closed: { status: 409, zh: '这一轮民主评议已经结束，结果不能再修改', en: 'This evaluation round is closed; its grades can no longer change' },
  unconfirmed: { status: 409, zh: '还有 {n} 名党员的评议等次未确认，不能结束评议', en: '{n} members’ grades are not confirmed yet; the round cannot close' },
  reason_required: { status: 400, field: 'reason', zh: '确认的等次与建议等次不同，须写明理由', en: 'A grade other than the proposed one needs a reason' },
  not_in_round: { status: 404, field: 'personId', zh: '这名党员不在本轮评议的组织内', en: 'This member is not in the round’s organization' },
  not_community: { status: 400, field: 'orgId', zh: '单位评议由社区开展', en: 'Units are evaluated by a community' },
  reported_back: { status: 409, zh: '这一年度已经向这个单位反馈过', en: 'This unit has already had the year’s report back' },
  no_pledge: { status: 404, field: 'unitId', zh: '这个单位这一年度在本社区没有述诺', en: 'This unit has no report at this community for that year' },
});

/** Records of this module, as refusals name them. */
export const ROUND = { zh: '民主评议', en: 'Evaluation round' };
