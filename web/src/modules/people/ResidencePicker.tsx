import { Col, Row, Select } from 'antd';
import { useState } from 'react';
import { useLoad } from '../../kernel/hooks';
import { useI18n } from '../../kernel/i18n';
import { groupOf, isIn } from '../../kernel/vocabulary';
import { gridsApi, type Household } from '../grids/api';
import { orgsApi } from '../orgs/api';
import type { Residence } from './api';


export const householdLabel = (h: Pick<Household, 'buildingName' | 'entrance' | 'room'> & { addressMasked?: string }) =>
  h.buildingName ? `${h.buildingName}${h.entrance}单元${h.room}` : (h.addressMasked ?? '');

/**
 * Where someone lives, picked step by step: community (searched by name on
 * the server, a street holds dozens) → grid → building → household. With
 * `level="grid"` it stops at the grid (the talent pool's area filter).
 */
export function ResidencePicker({
  value,
  onChange,
  initial,
  level = 'household',
}: {
  value?: number | null;
  onChange?: (id: number | null) => void;
  initial?: Residence | null;
  level?: 'grid' | 'household';
}) {
  const { t, tx } = useI18n();
  const [q, setQ] = useState('');
  const [community, setCommunity] = useState<{ value: number; label: string } | null>(
    initial ? { value: initial.communityId, label: initial.communityName ?? '' } : null,
  );
  const [gridId, setGridId] = useState<number | null>(initial?.gridId ?? null);
  const [buildingId, setBuildingId] = useState<number | null>(initial?.buildingId ?? null);
  const found = useLoad(() => orgsApi.search(q, 1, 30), [q]);
  const grids = useLoad(async () => (community ? gridsApi.list(community.value) : []), [community?.value]);
  const buildings = useLoad(async () => (gridId && level === 'household' ? gridsApi.buildings(gridId) : []), [gridId]);
  const households = useLoad(async () => (gridId && level === 'household' ? (await gridsApi.households({ gridId })).items : []), [gridId]);

  const communities = (found.data?.items ?? []).filter((o) => isIn(groupOf('OrgKind', 'community'), o.kind)).map((o) => ({ value: o.id, label: tx(o.name) }));
  if (community && !communities.some((c) => c.value === community.value)) communities.unshift(community);
  const span = level === 'grid' ? 12 : 6;
  const clearBelow = (what: 'community' | 'grid' | 'building') => {
    if (what === 'community') setGridId(null);
    if (what !== 'building') setBuildingId(null);
    onChange?.(null);
  };

  return (
    <Row gutter={8}>
      <Col xs={24} sm={span}>
        <Select<number, { value: number; label: string }>
          data-testid="residence-community"
          allowClear
          placeholder={t('people.residenceCommunity')}
          value={community?.value}
          onChange={(_, option) => {
            setCommunity(option && !Array.isArray(option) ? option : null);
            clearBelow('community');
          }}
          showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
          loading={found.loading}
          options={communities}
        />
      </Col>
      <Step
        testId="residence-grid"
        span={span}
        placeholder={t('people.residenceGrid')}
        disabled={!community}
        value={gridId}
        loading={grids.loading}
        options={(grids.data ?? []).map((g) => ({ value: g.id, label: tx(g.name) }))}
        onChange={(v) => {
          setGridId(v);
          clearBelow('grid');
          if (level === 'grid') onChange?.(v);
        }}
      />
      {level === 'household' && (
        <>
          <Step
            testId="residence-building"
            span={span}
            placeholder={t('people.residenceBuilding')}
            disabled={!gridId}
            value={buildingId}
            loading={buildings.loading}
            options={(buildings.data ?? []).map((b) => ({ value: b.id, label: tx(b.name) }))}
            onChange={(v) => {
              setBuildingId(v);
              clearBelow('building');
            }}
          />
          <Step
            testId="residence-household"
            span={span}
            placeholder={t('people.residenceHousehold')}
            disabled={!gridId}
            value={value ?? null}
            loading={households.loading}
            options={(households.data ?? [])
              .filter((h) => !buildingId || h.buildingId === buildingId)
              .map((h) => ({ value: h.id, label: `${tx(householdLabel(h))} · ${tx(h.headName)}` }))}
            onChange={(v) => onChange?.(v)}
          />
        </>
      )}
    </Row>
  );
}

/** One level below the community: a searchable select of what the level above holds. */
function Step(p: {
  testId: string;
  span: number;
  placeholder: string;
  disabled: boolean;
  value: number | null;
  loading: boolean;
  options: { value: number; label: string }[];
  onChange: (v: number | null) => void;
}) {
  return (
    <Col xs={24} sm={p.span}>
      <Select<number>
        data-testid={p.testId}
        allowClear
        disabled={p.disabled}
        placeholder={p.placeholder}
        value={p.value ?? undefined}
        onChange={(v) => p.onChange(v ?? null)}
        showSearch={{ optionFilterProp: 'label' }}
        // Addresses are longer than a quarter of the form is wide.
        popupMatchSelectWidth={false}
        loading={p.loading}
        options={p.options}
      />
    </Col>
  );
}
