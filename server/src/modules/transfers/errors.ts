import { defineErrors } from '../../kernel/errors.ts';

/** The transfers module's refusals (codes `transfer.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('transfer', {
  staff_only: { status: 403, zh: '只有党组织的工作人员可以发起组织关系转接', en: 'Only staff of party organizations may start a transfer' },
  member_not_found: { status: 400, field: 'personId', zh: '党员不存在，或不在您的管辖范围内', en: 'The member does not exist or is outside your jurisdiction' },
  already_open: { status: 409, zh: '此党员已有未办结的组织关系转接', en: 'This member already has an open transfer' },
  to_itself: { status: 400, field: 'toOrgId', zh: '转入组织不能是转出组织本身', en: 'The receiving organization cannot be the sending one' },
  one_destination: {
    status: 400,
    field: 'toOrgId',
    zh: '请选择本区域内的转入组织，或填写区域外的转入组织（二选一）',
    en: 'Choose a receiving organization in this region, or name one outside it (one of the two)',
  },
  destination_invalid: { status: 400, field: 'toOrgId', zh: '转入组织须为本区域内正常状态的党组织', en: 'The receiving organization must be an active party organization of this region' },
  not_member: { status: 400, field: 'personId', zh: '{name}不是党员', en: '{name} is not a party member' },
  finished: { status: 403, zh: '这次转接{status}', en: 'This transfer is {status}' },
  step_refused: { status: 403, zh: '这次转接{status}，此时不能办理这一步', en: 'This transfer is {status}; this step cannot be taken now' },
  sending_admins: { status: 403, zh: '只有转出组织的管理员可以审批或退回', en: 'Only the sending organization’s administrators may approve or return' },
  sending_staff: { status: 403, zh: '只有转出组织的工作人员可以撤回或重新提交', en: 'Only the sending organization’s staff may withdraw or resubmit' },
  receiving_admins: { status: 403, zh: '只有转入组织的管理员可以接收或退回', en: 'Only the receiving organization’s administrators may receive or return' },
  letter_not_yet: { status: 400, field: 'status', zh: '转出方审批之后才能打印介绍信', en: 'The letter can be printed only after the sending side approves' },
});

export const TRANSFER = { zh: '组织关系转接', en: 'Transfer' };
