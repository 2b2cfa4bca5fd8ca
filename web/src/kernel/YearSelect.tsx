import { Segmented } from 'antd';
import { thisYear } from './time';

/** This year and the two before: the years a ledger or a report is usually read for. */
const YEARS = (() => {
  const y = thisYear();
  return [y, y - 1, y - 2];
})();

export function YearSelect({ value, onChange }: { value: number; onChange: (y: number) => void }) {
  return <Segmented value={value} onChange={(v) => onChange(Number(v))} options={YEARS} data-testid="year-select" />;
}
