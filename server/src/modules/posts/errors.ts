import { defineErrors } from '../../kernel/errors.ts';

/** The duty posts module's refusals (codes `post.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('post', {
  full: { status: 409, zh: '这个岗位的名额已满，请选择其他岗位', en: 'This post has no seat left; please choose another' },
  second_seat: { status: 409, zh: '您已认领或担任这个岗位，每人每个岗位只占一个名额', en: 'You already claimed or hold this post; one seat each per post' },
  holder_has_seat: { status: 409, field: 'personId', zh: '这名党员已认领或担任这个岗位', en: 'This member already claimed or holds this post' },
  outside_community: { status: 403, zh: '只能认领自己所在社区的岗位', en: 'You may claim posts of your own community only' },
  closed: { status: 409, zh: '这个岗位已停止认领', en: 'This post no longer takes claims' },
  members_claim: { status: 403, zh: '只有党员本人可以认岗', en: 'Only members themselves may claim a post' },
  no_member_file: { status: 403, zh: '您的账号没有关联党员档案，请联系社区', en: 'Your account has no member file; please ask your community' },
  staff_only: {
    status: 403,
    zh: '只有岗位所在社区或网格的工作人员可以{action}',
    en: 'Only staff of the post’s community or grid may {action}',
  },
  seat_step: { status: 409, zh: '这个名额当前「{status}」，不能{step}', en: 'This seat is now “{status}”; you cannot {step} it' },
  seat_transition: { status: 409, zh: '这个名额当前的状态不能办理这一步', en: 'This step is not possible for the seat in its current status' },
  seats_below_taken: { status: 409, field: 'seats', zh: '名额不能少于已认领和在岗的人数', en: 'Seats cannot be fewer than those already claimed or held' },
  name_taken: { status: 409, field: 'name', zh: '这里已有同名岗位', en: 'A post of this name already exists here' },
  place_required: { status: 400, field: 'orgId', zh: '请选择发布岗位的社区，或选择网格', en: 'Choose the community publishing the post, or a grid' },
  not_community: { status: 400, field: 'orgId', zh: '岗位由社区或网格发布，请选择社区党组织', en: 'Posts are published by a community or a grid; choose a community organization' },
  grid_outside: { status: 400, field: 'gridId', zh: '网格须在所选社区内', en: 'The grid must be in the chosen community' },
  not_member: { status: 400, field: 'personId', zh: '认岗人须为您管辖范围内的党员', en: 'The holder must be a member within your reach' },
  not_holder: { status: 400, field: 'personId', zh: '只能为在岗的岗位人记录工作', en: 'Work is recorded only for someone who holds the post' },
  holders_record: {
    status: 403,
    zh: '只有在岗的岗位人本人，或岗位所在社区、网格的工作人员，可以记录这个岗位的工作',
    en: 'Only a holder of this post, or staff of its community or grid, may record work on it',
  },
  own_work_only: { status: 403, field: 'personId', zh: '岗位人只能记录自己的工作', en: 'A holder records their own work only' },
  need_not_holders: { status: 400, field: 'needId', zh: '只能关联您本人认领并办结的需求', en: 'Link only a need you claimed and handled yourself' },
  dispute_details: { status: 400, field: 'outcome', zh: '调解纠纷须填写当事人数和调解结果', en: 'A dispute needs the number of parties and the outcome' },
  dispute_only: { status: 400, field: 'outcome', zh: '当事人数和调解结果只用于调解纠纷', en: 'Parties and outcome are for disputes only' },
  one_record: { status: 400, field: 'needId', zh: '一条工作记录只能关联一件需求或一条服务日志', en: 'A work record links one need or one service log at most' },
  already_attached: { status: 409, field: 'needId', zh: '这条记录已经记在这个岗位上', en: 'This record is already counted under this post' },
  need_not_handled: { status: 400, field: 'needId', zh: '只能关联已办结的需求', en: 'Only a need that has been handled can be linked' },
  log_not_holders: { status: 400, field: 'serviceLogId', zh: '服务日志须为该岗位人本人的服务记录', en: 'The service log must be the holder’s own service' },
  seats_range: { status: 400, zh: '{label}须为 1 到 200 的整数', en: '{label} must be a whole number from 1 to 200' },
  parties_range: { status: 400, zh: '{label}须为 2 到 99 的整数', en: '{label} must be a whole number from 2 to 99' },
  date_required: { status: 400, field: 'doneOn', zh: '请填写工作日期', en: 'Please fill in the date of the work' },
});

/** Records of this module, as refusals name them. */
export const POST = { zh: '岗位', en: 'Duty post' };
export const SEAT = { zh: '认岗名额', en: 'Seat' };
