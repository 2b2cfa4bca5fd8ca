import { Select } from 'antd';
import { useState } from 'react';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { fundsApi, type TargetQuery } from './api';

interface Props {
  orgId: number;
  kind: TargetQuery['paidForKind'];
  value?: number;
  onChange?: (value: number | undefined) => void;
  'data-testid'?: string;
}

/**
 * Picks the project, activity or need an expense paid for by its name: the
 * server matches characters, pinyin and initials ("gmsq") under the spending
 * organization, so nobody types a record's number.
 */
export function TargetSelect({ orgId, kind, value, onChange, 'data-testid': testId }: Props) {
  const { t, tx } = useI18n();
  const [q, setQ] = useState('');
  // The chosen record stays labelled when the next search no longer lists it.
  const [chosen, setChosen] = useState<{ value: number; label: string } | null>(null);
  const found = useLoad(() => fundsApi.targets({ orgId, paidForKind: kind, ...(q ? { q } : {}) }), [orgId, kind, q]);
  const options = (found.data?.items ?? []).map((r) => ({ value: r.id, label: `${tx(r.label)} · ${tx(r.orgName)}` }));
  if (chosen && chosen.value === value && !options.some((o) => o.value === value)) options.unshift(chosen);
  return (
    <Select<number, { value: number; label: string }>
      data-testid={testId}
      value={value}
      onChange={(v, option) => {
        if (option && !Array.isArray(option)) setChosen(option);
        onChange?.(v);
      }}
      placeholder={t('funds.targetPlaceholder')}
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
      loading={found.loading}
      notFoundContent={found.loading ? t('common.loading') : t('funds.noTarget')}
      options={options}
    />
  );
}
