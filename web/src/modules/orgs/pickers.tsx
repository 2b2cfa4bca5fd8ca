import { Select } from 'antd';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { SearchSelect } from '../../kernel/SearchSelect';
import { peopleApi } from '../people/api';
import { orgsApi } from './api';

interface PickerProps {
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  'data-testid'?: string;
}

/** Picks a person in the user's scope, searching by name on the server (scopes hold thousands). */
export function PersonSelect({ value, onChange, placeholder, 'data-testid': testId }: PickerProps) {
  const { t, tx } = useI18n();
  return (
    <SearchSelect
      data-testid={testId}
      value={value}
      onChange={onChange}
      search={async (q) => (await peopleApi.list({ q, page: 1, pageSize: 20 })).items}
      option={(p) => ({ value: p.id, label: `${tx(p.name)} · ${tx(p.orgName)}` })}
      placeholder={placeholder ?? t('seat.personPlaceholder')}
      empty={t('people.empty')}
    />
  );
}

/** Picks a unit in the user's scope (the server lists at most a thousand, enough for a street). */
export function UnitSelect({ value, onChange, placeholder, 'data-testid': testId }: PickerProps) {
  const { t, tx } = useI18n();
  const units = useLoad(() => orgsApi.units(), []);
  return (
    <Select<number>
      data-testid={testId}
      // A preset unit shows as its bare id until the names are in.
      value={units.data ? value : undefined}
      onChange={(v) => onChange?.(v)}
      placeholder={placeholder ?? t('unit.select')}
      showSearch={{ optionFilterProp: 'label' }}
      loading={units.loading}
      notFoundContent={t('users.noUnits')}
      options={(units.data ?? []).map((u) => ({ value: u.id, label: `${tx(u.name)} · ${tx(u.orgName)}` }))}
    />
  );
}
