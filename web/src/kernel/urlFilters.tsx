import { Flex, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from './i18n';

/**
 * A list's filters as the page's address holds them (`/posts?postId=3`,
 * `/commitments?personId=5&year=2026`): a figure elsewhere links to the
 * records behind it with them, and a reload or a shared link keeps them.
 * Only the keys a page names are read; a number-valued key that is not a
 * whole number is ignored, so a mistyped link lists everything rather than nothing.
 */
export function useUrlFilters<K extends string>(keys: readonly K[], numeric: readonly K[] = []) {
  const [params, setParams] = useSearchParams();
  const filters: Partial<Record<K, string>> = {};
  for (const k of keys) {
    const v = params.get(k);
    if (v === null || v === '') continue;
    if (numeric.includes(k) && !/^\d{1,15}$/.test(v)) continue;
    filters[k] = v;
  }
  const set = (k: K, v: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (v === undefined || v === '') next.delete(k);
    else next.set(k, String(v));
    setParams(next, { replace: true });
  };
  /** Removes several keys at once (a period's two ends). */
  const unset = (...ks: K[]) => {
    const next = new URLSearchParams(params);
    for (const k of ks) next.delete(k);
    setParams(next, { replace: true });
  };
  return { filters, set, unset, num: (k: K) => (filters[k] === undefined ? undefined : Number(filters[k])) };
}

/** The filters applied from the address, each a tag that removes itself: a list never looks complete when it is not. */
export function FilterTags({ tags, onRemove }: { tags: { key: string; label: string }[]; onRemove: (key: string) => void }) {
  const { t } = useI18n();
  if (tags.length === 0) return null;
  return (
    <Flex gap={4} wrap align="center" data-testid="url-filters">
      <Typography.Text type="secondary">{t('common.filteredBy')}</Typography.Text>
      {tags.map((x) => (
        <Tag key={x.key} closable onClose={(e) => (e.preventDefault(), onRemove(x.key))} data-testid={`url-filter-${x.key}`}>
          {x.label}
        </Tag>
      ))}
    </Flex>
  );
}
