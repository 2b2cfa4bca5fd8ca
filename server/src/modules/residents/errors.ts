import { defineErrors } from '../../kernel/errors.ts';

/** The residents module's refusals (codes `resident.*`); see DEVELOPERS.md, "Errors". */
export const E = defineErrors('resident', {
  community_outside: { status: 400, zh: '请选择本区域内的社区', en: 'Please choose a community of this region' },
  too_many_signups: { status: 400, zh: '注册尝试过于频繁，请稍后再试', en: 'Too many sign-up attempts; please try again later' },
});
