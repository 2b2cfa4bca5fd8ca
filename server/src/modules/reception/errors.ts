import { defineErrors } from '../../kernel/errors.ts';

/** The reception office's refusals (codes `reception.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('reception', {
  staff_only: { status: 403, zh: '只有接待站所在党组织的工作人员可以{action}', en: 'Only staff of the reception office’s organization may {action}' },
  representative_required: { status: 400, field: 'representativeId', zh: '请选择接待来访的代表（委员）', en: 'Choose the representative who received the visitor' },
  representative_elsewhere: { status: 400, field: 'representativeId', zh: '接待代表须在本接待站的代表名册中', en: 'The representative must be on this office’s roster' },
  representative_inactive: { status: 409, field: 'representativeId', zh: '这名代表已不在册', en: 'This representative is no longer on the roster' },
  not_on_duty: { status: 409, field: 'visitedOn', zh: '这名代表当天没有值班安排，请先排班', en: 'This representative has no duty that day; add the duty slot first' },
  need_org_outside: { status: 400, field: 'needOrgId', zh: '需求须交给接待站所在党组织或其下级组织', en: 'The need goes to the office’s organization or one under it' },
  name_taken: { status: 409, field: 'name', zh: '名册中已有同类别的同名代表', en: 'The roster already has a representative of this kind with this name' },
  slot_taken: { status: 409, field: 'onDate', zh: '这名代表在这个时段已有值班', en: 'This representative is already on duty then' },
});

export const REPRESENTATIVE = { zh: '代表（委员）', en: 'Representative' };
