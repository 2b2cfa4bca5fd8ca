import { defineErrors } from '../../kernel/errors.ts';

/** Refusals of tasks pushed to communities (codes `pushedtask.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('pushedtask', {
  department_only: { status: 403, zh: '只有该职能部门的联络员或其所在区域的管理员可以{action}', en: 'Only the department’s liaison or an administrator above it may {action}' },
  department_required: { status: 400, field: 'unitId', zh: '请选择交办事项的职能部门', en: 'Choose the department that hands the task down' },
  not_a_department: { status: 400, field: 'unitId', zh: '交办单位须为职能部门', en: 'The task is handed down by a department' },
  communities_required: { status: 400, field: 'communityIds', zh: '请至少选择一个承接事项的社区', en: 'Choose at least one community the task is pushed onto' },
  not_a_community: { status: 400, field: 'communityIds', zh: '承接事项的须为本区域的社区党组织', en: 'A task is pushed onto communities of this region' },
  funds_whole: { status: 400, field: 'fundsFen', zh: '经费金额须以分为单位的整数', en: 'Funds are a whole number of fen' },
  funds_negative: { status: 400, field: 'fundsFen', zh: '随事转移的经费不能为负数', en: 'The funds that follow the task cannot be negative' },
  funds_too_big: { status: 400, field: 'fundsFen', zh: '经费金额过大', en: 'The funds amount is too large' },
  source_unseen: { status: 400, field: 'fundSourceId', zh: '经费来源不存在，或不是该部门可用的来源', en: 'The fund source does not exist or is not one the department can use' },
  already_withdrawn: { status: 409, zh: '这项交办事项已撤回', en: 'This task has already been withdrawn' },
});

export const PUSHED_TASK = { zh: '交办事项', en: 'Pushed task' };
