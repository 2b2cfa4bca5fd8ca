import { Flex, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n, type I18n } from './i18n';

// A date a ledger may know only to the month (入党时间 2003年6月). The API
// carries it as "2003-06" (server/src/kernel/partialdate.ts); the form shows
// and keeps it so, never with an invented day, and takes a month or a day.

type Precision = 'day' | 'month';
const isMonth = (v: string | null | undefined): boolean => v?.length === 7;

/** A day or month as known: "2003-06" reads 2003年6月, a full date as itself. */
export function knownDate(t: I18n['t'], v: string): string {
  return isMonth(v) ? t('common.monthOnly', { year: v.slice(0, 4), month: Number(v.slice(5)) }) : v;
}

export function DayOrMonthInput({ value, onChange, testId }: { value?: string | null; onChange?: (v: string | null) => void; testId: string }) {
  const { t } = useI18n();
  const [precision, setPrecision] = useState<Precision>(isMonth(value) ? 'month' : 'day');
  const choose = (next: Precision) => {
    setPrecision(next);
    // Dropping the day is asked for; a month stays a month until a day is picked.
    if (next === 'month' && value && !isMonth(value)) onChange?.(value.slice(0, 7));
  };
  /** The month, when only the month is known. */
  const month = value && isMonth(value) ? value : null;
  const monthOnly = precision === 'day' && month !== null;
  const monthEnd = (v: string) => `${v}-${new Date(Date.UTC(Number(v.slice(0, 4)), Number(v.slice(5)), 0)).getUTCDate()}`;
  return (
    <Flex vertical gap={2}>
      <Space.Compact block>
        <Select<Precision>
          value={precision}
          onChange={choose}
          style={{ width: 110 }}
          data-testid={`${testId}-precision`}
          options={[
            { value: 'month', label: t('common.precisionMonth') },
            { value: 'day', label: t('common.precisionDay') },
          ]}
        />
        <Input
          type={precision}
          data-testid={testId}
          value={precision === 'month' ? (value ?? '').slice(0, 7) : monthOnly ? '' : (value ?? '')}
          // A month known, a day asked for: the picker opens on that month.
          min={monthOnly ? `${month}-01` : undefined}
          max={monthOnly ? monthEnd(month) : undefined}
          onChange={(e) => onChange?.(e.target.value || (monthOnly ? month : null))}
        />
      </Space.Compact>
      {month && (
        <Typography.Text type="secondary" data-testid={`${testId}-known`}>
          {monthOnly ? t('common.monthOnlyKept', { month: knownDate(t, month) }) : knownDate(t, month)}
        </Typography.Text>
      )}
    </Flex>
  );
}
