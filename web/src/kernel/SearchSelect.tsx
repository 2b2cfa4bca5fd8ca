import { Select } from 'antd';
import { type DependencyList, useState } from 'react';
import { useLoad } from './hooks';
import { useI18n } from './i18n';

export interface SearchOption {
  value: number;
  label: string;
}

interface Props<T> {
  /** The records matching what was typed ('' before anything is), found by the server. */
  search: (q: string) => Promise<T[]>;
  /** A record as an option, labelled at each render (so in the language chosen now). */
  option: (record: T) => SearchOption;
  /** What else the search depends on (the organization, the kind). */
  deps?: DependencyList;
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder: string;
  empty: string;
  'data-testid'?: string;
}

/**
 * Picks one record among more than a page holds by searching on the server as
 * people type (names, pinyin, initials are the server's to match), so nobody
 * types a record's number.
 */
export function SearchSelect<T>({ search, option, deps = [], value, onChange, placeholder, empty, 'data-testid': testId }: Props<T>) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  // The chosen record stays labelled when the next search no longer lists it.
  const [chosen, setChosen] = useState<SearchOption | null>(null);
  // `search` is a new function each render: what it depends on is in `deps`.
  const found = useLoad(() => search(q), [q, ...deps]);
  const options = (found.data ?? []).map(option);
  if (chosen && chosen.value === value && !options.some((o) => o.value === value)) options.unshift(chosen);
  return (
    <Select<number, SearchOption>
      data-testid={testId}
      value={value}
      onChange={(v, picked) => {
        if (picked && !Array.isArray(picked)) setChosen(picked);
        onChange?.(v);
      }}
      placeholder={placeholder}
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      loading={found.loading}
      notFoundContent={found.loading ? t('common.loading') : empty}
      options={options}
    />
  );
}
