import { defineErrors } from '../../kernel/errors.ts';

/** The recruitment module's refusals (codes `recruitment.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('recruitment', {
  staff_only: { status: 403, zh: '只有党组织的工作人员可以办理发展党员', en: 'Only party organization staff may handle recruitment' },
  own_only: { status: 403, zh: '只能撤回本人的入党申请', en: 'You may withdraw only your own application' },
  after_today: { status: 400, zh: '日期不能晚于今天', en: 'The date cannot be later than today' },
  applicant_not_found: { status: 400, field: 'personId', zh: '申请人不存在，或不在您的管辖范围内', en: 'The applicant does not exist or is outside your jurisdiction' },
  already_member: { status: 400, field: 'personId', zh: '{name}已经是党员', en: '{name} is already a party member' },
  sponsors_fixed: { status: 400, field: 'sponsorIds', zh: '接收为预备党员之后不能更换入党介绍人', en: 'Sponsors cannot change after admission as a probationary member' },
  two_sponsors: { status: 400, field: 'sponsorIds', zh: '须有两名不同的入党介绍人', en: 'Two different sponsors are needed' },
  sponsor_not_found: { status: 400, field: 'sponsorIds', zh: '入党介绍人不存在，或不在您的管辖范围内', en: 'The sponsor does not exist or is outside your jurisdiction' },
  sponsor_self: { status: 400, field: 'sponsorIds', zh: '入党介绍人不能是本人', en: 'The applicant cannot be their own sponsor' },
  sponsor_not_full: { status: 400, field: 'sponsorIds', zh: '{name}不是正式党员，不能作入党介绍人', en: '{name} is not a full member and cannot be a sponsor' },
  notice_stage: {
    status: 400,
    field: 'startsOn',
    zh: '列为发展对象之后，接收预备党员或转正之前才公示',
    en: 'The public notice comes after becoming a candidate, before admission or full membership',
  },
  notice_dates: { status: 400, field: 'endsOn', zh: '公示结束日期不能早于开始日期', en: 'The notice cannot end before it starts' },
  ended: { status: 400, zh: '这条发展党员记录已经终止，不能再办理', en: 'This recruitment has ended and can no longer be handled' },
  completed: { status: 400, field: 'stage', zh: '已经是正式党员，程序已完成', en: 'Already a full member: the procedure is complete' },
  skipped_stage: { status: 400, field: 'stage', zh: '不能跳过阶段：{stage}的下一阶段是{next}', en: 'Stages cannot be skipped: after {stage} comes {next}' },
  changed_meanwhile: { status: 409, zh: '这条记录刚被他人办理过，请刷新后再试', en: 'Someone else just handled this record; refresh and try again' },
  admitted: { status: 400, field: 'stage', zh: '已接收为{stage}，不能撤回申请', en: 'Already admitted as {stage}; the application cannot be withdrawn' },
  reason_required: { status: 400, field: 'reason', zh: '党组织终止发展须写明原因', en: 'The branch must give a reason for ending a recruitment' },
  person_taken: { status: 409, zh: '此人已在发展党员的程序中，不能重复登记', en: 'This person is already in the recruitment procedure' },
  day_order: {
    status: 400,
    zh: '日期不符合程序：积极分子培养考察须满一年才能列为发展对象，预备期须满一年才能转正，且各阶段日期不能早于上一阶段',
    en: 'The dates break the procedure: a year as activist before candidacy, a year of probation before full membership, and no stage before the previous one',
  },
  sponsors_rule: { status: 400, zh: '须有两名不同的入党介绍人，且不能是本人', en: 'Two different sponsors are needed, neither of them the applicant' },
  notice_rule: {
    status: 400,
    zh: '公示期不少于 5 天，且只在列为发展对象或预备党员之后公示',
    en: 'The notice lasts at least 5 days and comes only after becoming a candidate or probationary member',
  },
  notice_not_over: { status: 400, zh: '公示期结束之后才能进入下一阶段', en: 'The next stage comes only after the notice period ends' },
  withdrawn_stage: { status: 400, zh: '已接收为预备党员，不能撤回申请', en: 'Already admitted as a probationary member; the application cannot be withdrawn' },
  withdrawn_day: { status: 400, zh: '终止日期不能早于已到达阶段的日期', en: 'The day of ending cannot be before the day of the stage reached' },
  stage_order: { status: 400, zh: '不能跳过阶段，须按程序逐步进行', en: 'Stages cannot be skipped; the procedure goes step by step' },
});

/** Records of this module, as refusals name them. */
export const RECRUITMENT = { zh: '发展党员记录', en: 'Recruitment record' };
