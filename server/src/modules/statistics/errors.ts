import { defineErrors } from '../../kernel/errors.ts';

/** The statistics module's refusals (codes `statistics.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('statistics', {
  staff_only: { status: 403, zh: '只有本组织及上级的工作人员可以查看统计', en: 'Only the staff of this organization or above may read its statistics' },
  period_too_long: { status: 400, field: 'to', zh: '统计期间不能超过 {years} 年，请调整{label}', en: 'The period may be at most {years} years long; change the {label}' },
});
