import { defineErrors } from '../../kernel/errors.ts';

/** Study delivered home's refusals (codes `homestudy.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('homestudy', {
  staff_only: { status: 403, zh: '只有党员所在支部或社区的工作人员可以{action}', en: 'Only staff of the member’s branch or community may {action}' },
  not_member: { status: 400, field: 'personId', zh: '只能为党员登记送学上门', en: 'Study is delivered home to party members only' },
  already_marked: { status: 409, field: 'personId', zh: '这名党员已登记为送学上门对象', en: 'This member is already marked for study delivered home' },
  deliverer_not_member: { status: 400, field: 'delivererPersonId', zh: '送学人须为本支部有账号的党员', en: 'The deliverer must be a member of the branch with an account' },
  deliverer_is_member: { status: 400, field: 'delivererPersonId', zh: '送学人不能是接受送学的党员本人', en: 'The deliverer cannot be the member receiving the study' },
  activity_elsewhere: {
    status: 400, field: 'activityId',
    zh: '须选择这名党员所在组织或其上级组织举办的学习活动',
    en: 'Choose a study activity held by the member’s organization or one above it',
  },
  activity_cancelled: { status: 400, field: 'activityId', zh: '这场活动已取消', en: 'This activity is cancelled' },
  already_scheduled: { status: 409, field: 'activityId', zh: '这名党员这场学习的送学已经安排过了', en: 'A delivery of this study to this member is already scheduled' },
  not_deliverer: { status: 403, zh: '只有送学人本人可以登记送达', en: 'Only the deliverer may record the delivery' },
  recorded: { status: 409, zh: '这次送学已经登记送达，不能重复登记', en: 'This delivery is already recorded; it is recorded once' },
});
