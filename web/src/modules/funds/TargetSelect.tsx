import { useI18n } from '../../kernel/i18n';
import { SearchSelect } from '../../kernel/SearchSelect';
import { fundsApi, type TargetQuery } from './api';

interface Props {
  orgId: number;
  kind: TargetQuery['paidForKind'];
  value?: number;
  onChange?: (value: number | undefined) => void;
  'data-testid'?: string;
}

/**
 * Picks the project, activity, need or pushed task an expense paid for by its name: the
 * server matches characters, pinyin and initials ("gmsq") under the spending
 * organization, so nobody types a record's number.
 */
export function TargetSelect({ orgId, kind, value, onChange, 'data-testid': testId }: Props) {
  const { t, tx } = useI18n();
  return (
    <SearchSelect
      data-testid={testId}
      value={value}
      onChange={onChange}
      search={async (q) => (await fundsApi.targets({ orgId, paidForKind: kind, ...(q ? { q } : {}) })).items}
      option={(r) => ({ value: r.id, label: `${tx(r.label)} · ${tx(r.orgName)}` })}
      deps={[orgId, kind]}
      placeholder={t('funds.targetPlaceholder')}
      empty={t('funds.noTarget')}
    />
  );
}
