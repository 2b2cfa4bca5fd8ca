import { Converter } from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';

// Search that works the way people type: Traditional characters find the
// Simplified name, and pinyin initials ("gmsq") or full pinyin find it too.

const toSimplified = Converter({ from: 'tw', to: 'cn' });

/**
 * The keys stored beside a name, which itself is kept as written: pinyin, and
 * the name in Simplified characters where that differs (null otherwise), so a
 * query folded by normalizeQuery finds a name written in Traditional ones.
 */
export function searchKeys(name: string): { initials: string; pinyin: string; folded: string | null } {
  const opts = { toneType: 'none', type: 'array', nonZh: 'consecutive' } as const;
  const folded = toSimplified(name);
  return {
    folded: folded === name ? null : folded,
    initials: pinyin(name, { ...opts, pattern: 'first' }).join('').toLowerCase().replace(/\s+/g, ''),
    pinyin: pinyin(name, opts).join('').toLowerCase().replace(/\s+/g, ''),
  };
}

/** A user's query: Simplified characters, full-width folded, lower case, trimmed. */
export function normalizeQuery(q: string): string {
  const halfWidth = q.normalize('NFKC');
  return toSimplified(halfWidth).trim().toLowerCase();
}
