import { useI18n } from '../../kernel/i18n';

/** The resource categories as the forms and filters offer them (needs share them). */
export function useCategoryOptions() {
  return useI18n().enumOptions('ResourceCategory');
}
