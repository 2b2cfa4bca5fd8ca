import { useCallback } from 'react';
import { useI18n } from '../../kernel/i18n';

type Label = { zh: string; en: string };

/** A figure's label in the user's language (zh-TW derived from zh-CN). */
export function useLabel(): (l: Label) => string {
  const { lang, tx } = useI18n();
  return useCallback((l: Label) => (lang === 'en' ? l.en : tx(l.zh)), [lang, tx]);
}
