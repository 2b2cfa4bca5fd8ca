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
  placeholder: string;
  empty: string;
  'data-testid'?: string;
}

/** The server's matches for what is typed, with the records already chosen kept labelled when a later search no longer lists them. */
function useSearch<T>({ search, option, deps = [], empty }: Props<T>, chosenValues: number[]) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<Map<number, SearchOption>>(new Map());
  // `search` is a new function each render: what it depends on is in `deps`.
  const found = useLoad(() => search(q), [q, ...deps]);
  const options = (found.data ?? []).map(option);
  for (const v of chosenValues) {
    const kept = chosen.get(v);
    if (kept && !options.some((o) => o.value === v)) options.unshift(kept);
  }
  const remember = (picked: SearchOption | SearchOption[] | undefined) => {
    const list = Array.isArray(picked) ? picked : picked ? [picked] : [];
    if (list.length) setChosen((m) => new Map([...m, ...list.map((o) => [o.value, o] as const)]));
  };
  return {
    remember,
    props: {
      showSearch: { filterOption: false, onSearch: (text: string) => setQ(text.trim()) },
      loading: found.loading,
      notFoundContent: found.loading ? t('common.loading') : empty,
      options,
    },
  };
}

/**
 * Picks one record among more than a page holds by searching on the server as
 * people type (names, pinyin, initials are the server's to match), so nobody
 * types a record's number.
 */
export function SearchSelect<T>(p: Props<T> & { value?: number; onChange?: (value: number | undefined) => void }) {
  const s = useSearch(p, p.value === undefined ? [] : [p.value]);
  return (
    <Select<number, SearchOption>
      data-testid={p['data-testid']}
      value={p.value}
      onChange={(v, picked) => {
        s.remember(picked);
        p.onChange?.(v);
      }}
      placeholder={p.placeholder}
      {...s.props}
    />
  );
}

/** SearchSelect for several records at once (a meeting's invited members). */
export function SearchMultiSelect<T>(p: Props<T> & { value?: number[]; onChange?: (value: number[]) => void }) {
  const s = useSearch(p, p.value ?? []);
  return (
    <Select<number[], SearchOption>
      mode="multiple"
      data-testid={p['data-testid']}
      value={p.value}
      onChange={(v, picked) => {
        s.remember(picked);
        p.onChange?.(v);
      }}
      placeholder={p.placeholder}
      {...s.props}
    />
  );
}
